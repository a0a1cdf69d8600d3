"""Stream messages of a home decoded into changes with the single hub's decoders."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from orbithub.fleet.decode import DecodeError, Decoder
from orbithub.fleet.jetstream import Stored
from orbithub.fleet.partition import partition_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mqtt"
AT = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
BRIDGE = orjson.dumps(
    orjson.loads((FIXTURES / "z2m_bridge_devices_home.json").read_bytes())["payload"]
)


def stored(home: str, rest: str, data: bytes, seq: int = 5) -> Stored:
    return Stored(f"part.{partition_of(home, 8)}.orbit.{home}.{rest}", data, seq, AT)


async def test_orbithub_state_uses_the_device_time_and_availability_the_stream_time() -> None:
    decoder = Decoder()
    body = orjson.dumps({"values": {"light.on": True, "light.brightness": 40}, "ts": 1.8e9})
    changes = await decoder.decode(stored("villa-7", "lamp.state", body))
    assert {(c.prop, c.value) for c in changes} == {("light.on", True), ("light.brightness", 40)}
    assert {c.ts for c in changes} == {datetime.fromtimestamp(1.8e9, UTC)}
    assert {(c.home, c.device, c.seq) for c in changes} == {("villa-7", "lamp", 5)}
    [offline] = await decoder.decode(stored("villa-7", "lamp.availability", b"offline"))
    assert (offline.prop, offline.value, offline.ts) == ("online", False, AT)
    # Announcements, events and commands carry no state.
    assert await decoder.decode(stored("villa-7", "lamp.set", b'{"id":"1","values":{}}')) == []


@pytest.mark.parametrize(
    ("rest", "data"),
    [
        ("lamp.state", b"{not json"),
        ("lamp.state", b'{"values": {"light.on": [1]}}'),
        ("lamp.state", b'{"values": {"light.on": true}, "ts": -4}'),
        ("lamp.state", b"\xff" * 10),
        ("lamp.state", b"x" * 70_000),
        ("lamp.availability", b"maybe"),
        ("lamp.extra.state", b"{}"),
        ("z2m.nobody", b'{"state": "ON"}'),
    ],
)
async def test_malformed_messages_are_refused_with_a_reason(rest: str, data: bytes) -> None:
    with pytest.raises(DecodeError):
        await Decoder().decode(stored("villa-7", rest, data))


async def test_zigbee2mqtt_state_is_decoded_with_the_homes_device_list() -> None:
    decoder = Decoder()
    assert await decoder.decode(stored("flat-1", "z2m.bridge.devices", BRIDGE)) == []
    changes = await decoder.decode(
        stored("flat-1", "z2m.reading_lamp", b'{"state":"ON","brightness":127}')
    )
    assert {(c.prop, c.value) for c in changes} == {("light.on", True), ("light.brightness", 50)}
    assert {c.device for c in changes} == {changes[0].device}
    assert changes[0].device.startswith("z2m:")
    # Another home's bridge is another home's: its devices are unknown here.
    with pytest.raises(DecodeError, match="no zigbee2mqtt device"):
        await decoder.decode(stored("flat-2", "z2m.reading_lamp", b'{"state":"ON"}'))


async def test_a_new_owner_fetches_the_device_list_it_did_not_see() -> None:
    asked: list[tuple[str, int]] = []

    async def lookup(home: str, partition: int) -> bytes | None:
        asked.append((home, partition))
        return BRIDGE

    decoder = Decoder(lookup)
    changes = await decoder.decode(stored("flat-1", "z2m.reading_lamp", b'{"state":"OFF"}'))
    assert [(c.prop, c.value) for c in changes] == [("light.on", False)]
    await decoder.decode(stored("flat-1", "z2m.reading_lamp", b'{"state":"ON"}'))
    assert asked == [("flat-1", partition_of("flat-1", 8))]  # asked once, then cached
