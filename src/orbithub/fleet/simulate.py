"""Simulated homes for trying a fleet: the demo home's device kinds, reporting state.

Every home has the demo's home devices (lights, air conditioners, sensors, plugs, a lock...; 20
by default), each reporting readable properties of its spec with plausible values as OrbitHub
protocol state messages on ``orbit/<home>/<device>/state``. They are sent either over MQTT 3.1.1
to the cluster's MQTT ports (what real devices do; a connection that drops moves to the next
node) or over NATS with a JetStream publish (each message acknowledged by the stream once it is
stored on a quorum of nodes, so a test or a benchmark knows exactly what the fleet accepted).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import nats.errors
from nats.aio.client import Client

from orbithub.adapters.mqtt.protocol import MessageKind, StateReport, device_topic, encode_state
from orbithub.adapters.sim import demo_world
from orbithub.spec.model import Format, Property, Value

__all__ = ["Reading", "SimDevice", "Simulation", "home_devices", "publish_nats"]

_LOGGER = logging.getLogger(__name__)
_PROPS_PER_DEVICE = 2


@dataclass(frozen=True, slots=True)
class SimDevice:
    """One kind of device in every simulated home: its id and the properties it reports."""

    id: str
    props: tuple[Property, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """One state message of a simulated device."""

    home: str
    device: str
    values: dict[str, Value]
    ts: float

    @property
    def subject(self) -> str:
        """Its NATS subject (the MQTT topic with ``.`` for ``/``)."""
        return f"orbit.{self.home}.{self.device}.state"

    @property
    def topic(self) -> str:
        """Its MQTT topic."""
        return device_topic(self.home, self.device, MessageKind.STATE)

    def payload(self) -> bytes:
        """The OrbitHub protocol state message."""
        return encode_state(self.topic, StateReport(self.values, ts=self.ts))


def home_devices(count: int = 20) -> tuple[SimDevice, ...]:
    """The demo home's devices (no phones), first ``count``, each with what it reports."""
    devices: list[SimDevice] = []
    for device in demo_world().devices:
        if device.space_id != "home" or device.model == "phone":
            continue
        props = [
            p
            for s in device.spec.services
            for p in s.properties
            if p.readable and (p.format is Format.BOOL or p.value_range or p.value_list)
        ]
        devices.append(SimDevice(device.id, tuple(props[:_PROPS_PER_DEVICE])))
    return tuple(devices[:count])


def _value(prop: Property, rng: random.Random) -> Value:
    if prop.format is Format.BOOL:
        return rng.random() < 0.5
    if prop.value_list:
        return rng.choice(prop.value_list).value
    assert prop.value_range is not None  # noqa: S101 - home_devices keeps only these
    low, high, step = prop.value_range.min, prop.value_range.max, prop.value_range.step
    if prop.format.is_integer:
        return rng.randrange(int(low), int(high) + 1, max(1, int(step)))
    step = step or 0.1
    steps = rng.randrange(0, int((min(high, low + 100) - low) / step) + 1)
    return round(low + steps * step, 6)


class Simulation:
    """Readings of ``homes`` simulated homes, round robin over homes and devices.

    Args:
        homes: how many homes (``home-00000``…).
        devices: devices per home (at most the demo home's 20).
        seed: the values' seed.
        prefix: the homes' id prefix (tests use their own, so runs never mix).
    """

    def __init__(
        self, homes: int, *, devices: int = 20, seed: int = 1, prefix: str = "home"
    ) -> None:
        self.homes = [f"{prefix}-{i:05d}" for i in range(homes)]
        self.devices = home_devices(devices)
        self._rng = random.Random(seed)  # noqa: S311 - simulated values, not secrets
        self._last = 0.0

    def readings(self) -> Iterator[Reading]:
        """Endless readings; the device time strictly increases, so no two are the same."""
        for device in itertools.cycle(self.devices):
            for home in self.homes:
                ts = max(time.time(), self._last + 1e-6)
                self._last = ts
                values = {p.path: _value(p, self._rng) for p in device.props}
                yield Reading(home, device.id, values, round(ts, 6))


async def publish_nats(
    nc: Client,
    readings: Iterator[Reading],
    *,
    count: int,
    rate: float,
    window: int = 256,
    accepted: list[Reading] | None = None,
) -> int:
    """Publish ``count`` readings at about ``rate`` per second with a JetStream acknowledgement.

    ``window`` publishes wait for their acknowledgement at once. A publish not acknowledged
    (a node died, the stream is electing a leader) is sent again until it is: the stream may
    then hold it twice, which the workers drop. Every acknowledged reading goes to ``accepted``.

    Returns:
        how many were acknowledged.
    """
    js = nc.jetstream(timeout=2.0)
    done = 0
    start = time.monotonic()
    pending: set[asyncio.Task[None]] = set()

    async def one(reading: Reading) -> None:
        nonlocal done
        payload = reading.payload()
        while True:
            try:
                await js.publish(reading.subject, payload)
                break
            except (nats.errors.Error, TimeoutError) as exc:
                _LOGGER.debug("publish of %s not acknowledged (%s); again", reading.subject, exc)
                await asyncio.sleep(0.2)
        done += 1
        if accepted is not None:
            accepted.append(reading)

    for n, reading in enumerate(itertools.islice(readings, count)):
        if rate > 0 and (ahead := n / rate - (time.monotonic() - start)) > 0:
            await asyncio.sleep(ahead)
        task = asyncio.create_task(one(reading))
        pending.add(task)
        task.add_done_callback(pending.discard)
        if len(pending) >= window:
            await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    if pending:
        await asyncio.wait(pending)
    return done


def spread(homes: Sequence[str], parts: int) -> list[list[str]]:
    """Homes dealt round robin into ``parts`` lists (one per connection)."""
    return [list(homes[i::parts]) for i in range(parts)]
