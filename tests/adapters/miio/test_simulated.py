"""Simulated devices take their values from a provider: here a small piece of physics."""

from __future__ import annotations

import asyncio

import pytest

from orbithub.adapters.miio import (
    DeviceBusy,
    DeviceError,
    MiioError,
    SimulatedMiioDevice,
    SpecValues,
)
from orbithub.adapters.miio.simulated import fit
from orbithub.spec import Action, DeviceType, Property, Value

from .conftest import TOKEN, client_for, load


class _Room:
    """A room whose dust settles while the purifier runs (the demo plugs in its own physics)."""

    def __init__(self) -> None:
        self.pm25 = 80.0
        self.on = False
        self.filter_life = 63.4

    def step(self, minutes: float) -> None:
        if self.on:
            self.pm25 *= 0.9**minutes
            self.filter_life -= 0.01 * minutes


class _RoomValues:
    """A provider mapping the purifier's MIoT properties onto the room, by readable path."""

    def __init__(self, room: _Room, spec: DeviceType) -> None:
        self.room = room
        self.spec = spec

    def read(self, prop: Property) -> Value:
        readings: dict[str, Value] = {
            "air-purifier.on": self.room.on,
            "environment.pm2.5-density": self.room.pm25,
            "filter.filter-life-level": self.room.filter_life,
        }
        return readings.get(prop.path, 0)

    def write(self, prop: Property, value: Value) -> None:
        if prop.path != "air-purifier.on":
            raise DeviceBusy(-4004, prop.ids, "only the switch is wired up")
        self.room.on = bool(value)

    def act(self, action: Action, args: tuple[Value, ...]) -> tuple[Value, ...]:
        if action.path == "air-purifier.toggle":
            self.room.on = not self.room.on
        return ()


async def test_physics_behind_a_simulated_device_is_read_over_miio() -> None:
    spec = load("zhimi.airp.rmb1")
    room = _Room()
    device = SimulatedMiioDevice(
        spec, TOKEN, model="zhimi.airp.rmb1", device_id=77, provider=_RoomValues(room, spec)
    )
    async with device, client_for(device) as client:
        pm25, life = (3, 4), (4, 1)
        first = await client.get_properties([pm25, life])
        assert [r.value for r in first] == [80, 63]  # whole numbers, as the spec's format says
        await client.action(2, 1)  # toggle: on
        room.step(minutes=10)
        later = await client.get_properties([pm25, (2, 1)])
        assert [r.value for r in later] == [28, True]
        refused = await client.set_properties([(2, 4, 1)])
        assert isinstance(refused[0].error, DeviceBusy)


def test_fit_rounds_and_clamps_to_the_spec() -> None:
    spec = load("zhimi.airp.rmb1")
    life = spec.property("filter.filter-life-level")
    assert fit(life, 140.6) == 100
    assert fit(life, -3.2) == 0
    assert fit(spec.property("air-purifier.on"), 1) is True


async def test_closing_the_client_ends_a_waiting_call_cleanly() -> None:
    spec = load("zhimi.airp.rmb1")
    async with SimulatedMiioDevice(spec, TOKEN, model="m", device_id=5) as device:
        device.loss = 1.0
        client = client_for(device)
        await client.open()
        call = asyncio.create_task(client.info())
        await asyncio.sleep(0.01)
        await client.close()
        with pytest.raises(MiioError, match="closed"):
            await call


class _Broken(SpecValues):
    def read(self, prop: Property) -> Value:
        raise KeyError(prop.path)


async def test_a_failing_provider_gets_an_error_answer_not_a_dead_device(
    caplog: pytest.LogCaptureFixture,
) -> None:
    spec = load("zhimi.airp.rmb1")
    device = SimulatedMiioDevice(spec, TOKEN, model="m", device_id=6, provider=_Broken(spec))
    async with device, client_for(device) as client:
        with pytest.raises(DeviceError, match="-4004"):
            await client.get_properties([(2, 1)])
        device.provider = SpecValues(spec)
        assert (await client.get_properties([(2, 1)]))[0].ok
    assert "failed to answer" in caplog.text
