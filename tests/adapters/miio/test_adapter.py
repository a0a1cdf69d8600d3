"""The miio adapter against simulated Xiaomi devices on loopback: poll, command, lose, regain."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from orbithub.adapters.miio.devices import DeviceSilent, TokenRefused
from orbithub.adapters.miio.errors import NotReadable
from orbithub.adapters.miio.packet import Token
from orbithub.adapters.miio.simulated import SimulatedMiioDevice, SpecValues
from orbithub.adapters.miio.specs import SpecSource
from orbithub.adapters.miio.tokens import XiaomiDeviceStore
from orbithub.spec import Property, Value, load_spec
from tests.adapters.miio.hub import (
    PURIFIER,
    TOKEN,
    Flaky,
    miio_hub,
    purifier_spec,
    running,
    simulated_purifier,
    until,
    until_seen,
)
from tests.conftest import REPO

FAN = REPO / "tests" / "fixtures" / "miot" / "orbithub.fan.own1.json"


def _host(device: SimulatedMiioDevice) -> str:
    host, port = device.address
    return f"{host}:{port}"


async def test_an_added_purifier_joins_the_hub_and_its_state_is_polled(tmp_path: Path) -> None:
    async with miio_hub(tmp_path) as mh:
        hub = mh.hub
        async with running(simulated_purifier()) as device:
            added = await mh.adapter.add(
                _host(device), TOKEN, device_id="purifier", name="Air purifier", space_id="home"
            )
            assert added.spec is not None
            assert added.spec.source is SpecSource.SHIPPED
            assert (added.device.did, added.device.model) == (40_000_123, "xiaomi.airp.mb5")
            joined = hub.registry.device("purifier")
            assert (joined.adapter, joined.model, joined.name) == (
                "miio",
                "xiaomi.airp.mb5",
                "Air purifier",
            )
            await until(hub, lambda: hub.state.value("purifier", "environment.pm2.5-density") == 35)
            assert hub.state.value("purifier", "air-purifier.on") is True
            assert hub.state.is_online("purifier") is True


async def test_a_mode_set_reaches_the_device_and_is_polled_back(tmp_path: Path) -> None:
    async with miio_hub(tmp_path) as mh:
        hub = mh.hub
        async with running(simulated_purifier()) as device:
            await mh.adapter.add(_host(device), TOKEN, device_id="purifier")
            prop = hub.registry.device("purifier").spec.property("air-purifier.mode")
            await until(hub, lambda: hub.state.value("purifier", prop.path) is not None)
            other = next(
                i.value
                for i in prop.value_list
                if i.value != hub.state.value("purifier", prop.path)
            )
            result = await hub.set("purifier", prop.path, other)
            assert result.confirmed, result.message
            values = device.provider
            assert isinstance(values, SpecValues)
            assert values.values[prop.path] == other
            await until(hub, lambda: hub.state.value("purifier", prop.path) == other)


async def test_a_value_the_device_refuses_is_not_confirmed(tmp_path: Path) -> None:
    async with miio_hub(tmp_path) as mh, running(simulated_purifier()) as device:
        await mh.adapter.add(_host(device), TOKEN, device_id="purifier")
        values = device.provider
        assert isinstance(values, Flaky)
        values.busy = True  # reads and writes are answered "busy" (-4004)
        result = await mh.hub.set("purifier", "air-purifier.on", False)
        assert not result.confirmed
        assert "cannot do this now" in result.message
        assert values.values["air-purifier.on"] is True


async def test_a_device_answering_errors_keeps_its_last_good_state(tmp_path: Path) -> None:
    async with miio_hub(tmp_path) as mh:
        hub = mh.hub
        async with running(simulated_purifier()) as device:
            await mh.adapter.add(_host(device), TOKEN, device_id="purifier")
            await until(hub, lambda: hub.state.value("purifier", "environment.pm2.5-density") == 35)
            values = device.provider
            assert isinstance(values, Flaky)
            values.busy = True
            values.values["environment.pm2.5-density"] = 80
            state = mh.adapter.link_state
            before = state("purifier")
            assert before is not None
            await until_seen(
                lambda: (s := state("purifier")) is not None and s.polls >= before.polls + 2
            )
            assert hub.state.value("purifier", "environment.pm2.5-density") == 35
            assert hub.state.is_online("purifier") is True
            after = state("purifier")
            assert after is not None
            assert after.refused > 0
            assert "cannot do this now" in after.last_error
            values.busy = False
            await until(hub, lambda: hub.state.value("purifier", "environment.pm2.5-density") == 80)


async def test_a_silent_device_becomes_unavailable_and_comes_back(tmp_path: Path) -> None:
    async with miio_hub(tmp_path) as mh:
        hub = mh.hub
        device = simulated_purifier()
        async with running(device):
            await mh.adapter.add(_host(device), TOKEN, device_id="purifier")
            await until(hub, lambda: hub.state.is_online("purifier") is True)
            port = device.address[1]
        await until(hub, lambda: hub.state.is_online("purifier") is False)
        # Back on the same address after a restart: its clock starts again, its values are new.
        again = simulated_purifier(port=port)
        again.provider.write(
            hub.registry.device("purifier").spec.property("environment.pm2.5-density"), 12
        )
        async with running(again):
            await until(hub, lambda: hub.state.is_online("purifier") is True)
            await until(hub, lambda: hub.state.value("purifier", "environment.pm2.5-density") == 12)


async def test_a_wrong_token_is_told_apart_from_a_wrong_address(tmp_path: Path) -> None:
    async with miio_hub(tmp_path) as mh:
        async with running(simulated_purifier()) as device:
            with pytest.raises(TokenRefused, match="the token is wrong") as refused:
                await mh.adapter.add(_host(device), "0" * 31 + "1", device_id="purifier")
            assert "Mi Home app" in str(refused.value)
            port = device.address[1]
        with pytest.raises(DeviceSilent, match="answered hello"):
            await mh.adapter.add(f"127.0.0.1:{port}", TOKEN, device_id="purifier")
        assert mh.adapter.devices.store.devices() == []
        assert mh.hub.registry.find_device("purifier") is None


async def test_a_model_without_spec_waits_until_its_file_is_dropped_in(tmp_path: Path) -> None:
    async with miio_hub(tmp_path) as mh:
        hub = mh.hub
        spec = load_spec(json.loads(FAN.read_text(encoding="utf-8")))
        fan = SimulatedMiioDevice(spec, Token.from_hex(TOKEN), model="acme.fan.v9", device_id=77)
        async with running(fan):
            added = await mh.adapter.add(_host(fan), TOKEN)
            assert added.spec is None
            assert added.missing is not None
            drop = mh.data_dir / "xiaomi" / "specs" / "acme.fan.v9.json"
            assert str(drop) in str(added.missing)
            (listed,) = await mh.adapter.devices.listed()
            assert listed.problem is not None
            assert str(drop) in listed.problem
            assert hub.registry.find_device("xiaomi-77") is None
            drop.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(FAN, drop)
            await until(hub, lambda: hub.state.is_online("xiaomi-77") is True)
            assert hub.registry.device("xiaomi-77").spec == spec


async def test_a_device_removed_by_another_process_leaves_the_hub(tmp_path: Path) -> None:
    async with miio_hub(tmp_path) as mh:
        hub = mh.hub
        async with running(simulated_purifier()) as device:
            await mh.adapter.add(_host(device), TOKEN, device_id="purifier")
            assert hub.registry.find_device("purifier") is not None
            XiaomiDeviceStore.in_data_dir(mh.data_dir).remove("purifier")
            await until(hub, lambda: hub.registry.find_device("purifier") is None)
            assert mh.adapter.link_state("purifier") is None


class _Unreadable(SpecValues):
    """A device that refuses to let any property be read (-4001)."""

    def read(self, prop: Property) -> Value:
        raise NotReadable(-4001, prop.ids, "not readable")


async def test_a_device_that_lets_nothing_be_read_is_still_watched(tmp_path: Path) -> None:
    spec = purifier_spec()
    device = SimulatedMiioDevice(
        spec, Token.from_hex(TOKEN), model=PURIFIER, device_id=55, provider=_Unreadable(spec)
    )
    async with miio_hub(tmp_path) as mh:
        hub = mh.hub
        async with running(device):
            await mh.adapter.add(_host(device), TOKEN, device_id="mute")
            await until(hub, lambda: hub.state.is_online("mute") is True)
            state = mh.adapter.link_state
            await until_seen(lambda: (s := state("mute")) is not None and s.polls >= 3)
            assert hub.state.device("mute") == {}
        # Asked nothing but hello now, it is still seen to go away.
        await until(hub, lambda: hub.state.is_online("mute") is False)
