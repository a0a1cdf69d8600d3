"""A re-announce cannot change what a device is or whose it is: the owner decides.

Real hub adapter, real broker (the embedded one, the announces sent with the hub's login, which
may publish anywhere, as on a broker without ACLs): what a user would notice is that the front
door lock stays a lock, and a phone announced for a person does not count for their presence
until the owner says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from orbithub.core.pending import ChangedField, PendingChanges
from orbithub.core.registry import Device

from .wire import LogLines, embedded_broker, log_lines, probe, running_hub, until

HELD = "held until the owner accepts it"


def _announce(device_id: str, model: str, **extra: object) -> bytes:
    return orjson.dumps(
        {"protocol": 1, "id": device_id, "name": "Front door", "model": model, **extra}
    )


@pytest.fixture
def held_log() -> Iterator[LogLines]:
    with log_lines("orbithub.core.pending") as lines:
        yield lines


async def test_a_reannounce_that_turns_the_lock_into_a_plug_waits_for_the_owner(
    tmp_path: Path, held_log: LogLines
) -> None:
    async with (
        embedded_broker(tmp_path) as broker,
        running_hub(broker.hub_url, "unused", orbit_prefix="orbit") as (hub, adapter),
        probe(broker.hub_url) as p,
    ):
        topic = "orbit/home/front-door-lock/announce"
        await p.publish(topic, _announce("front-door-lock", "lock"), retain=True)
        await until(hub, lambda: hub.registry.find_device("front-door-lock") is not None)
        lock = hub.registry.device("front-door-lock")
        await p.publish(topic, _announce("front-door-lock", "plug", name="Plug"), retain=True)
        await held_log.wait_for(HELD)
        held = adapter.pending.get("front-door-lock")
        assert held is not None
        assert held.fields == (ChangedField.TYPE,)
        assert held.source == topic
        assert held.current == lock
        assert held.proposed.model == "plug"
        assert hub.registry.device("front-door-lock") == lock  # nothing of it applied
        # The device goes back to what it was, then asks again: asked anew, logged anew.
        await p.publish(topic, _announce("front-door-lock", "lock"), retain=True)
        await p.publish(topic, _announce("front-door-lock", "plug"), retain=True)
        await held_log.wait_for(HELD, times=2)
        # Accepted by the owner: now it is a plug.
        change = adapter.pending.take(
            "front-door-lock", hub.registry.find_device("front-door-lock")
        )
        hub.add_device(change.proposed, replace=True)
        assert hub.registry.device("front-door-lock").model == "plug"
        await p.publish(topic, b"", retain=True)


async def test_a_new_phone_names_its_owner_only_with_a_login_the_owner_made(
    tmp_path: Path, held_log: LogLines
) -> None:
    async with embedded_broker(tmp_path) as broker:
        accounts = broker.guard.accounts
        accounts.issue("phone-alex", "home")
        pending = PendingChanges()
        async with (
            running_hub(
                broker.hub_url,
                "unused",
                orbit_prefix="orbit",
                pending=pending,
                provisioned=lambda device_id: accounts.device(device_id) is not None,
            ) as (hub, _),
            probe(broker.hub_url) as p,
        ):
            for phone in ("phone-alex", "phone-stranger"):
                await p.publish(
                    f"orbit/home/{phone}/announce",
                    orjson.dumps(
                        {
                            "protocol": 1,
                            "id": phone,
                            "name": "Phone",
                            "model": "phone",
                            "owner": "alex",
                        }
                    ),
                    retain=True,
                )
            await held_log.wait_for(HELD)
            await until(
                hub,
                lambda: all(hub.registry.find_device(d) for d in ("phone-alex", "phone-stranger")),
            )
            assert hub.registry.device("phone-alex").owner == "alex"
            stranger: Device = hub.registry.device("phone-stranger")
            assert stranger.owner is None  # it is there, but counts for nobody's presence
            held = pending.get("phone-stranger")
            assert held is not None
            assert held.fields == (ChangedField.OWNER,)
            assert held.proposed.owner == "alex"
            assert pending.get("phone-alex") is None
            for phone in ("phone-alex", "phone-stranger"):
                await p.publish(f"orbit/home/{phone}/announce", b"", retain=True)
