"""Simulated miIO devices on loopback and clients with short waits for them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from orbithub.adapters.miio import MiioClient, SimulatedMiioDevice, Timing, Token
from orbithub.spec import DeviceType, load_spec_file
from tests.conftest import REPO

MODELS = REPO / "src" / "orbithub" / "adapters" / "miio" / "models"
TOKEN = Token(bytes.fromhex("9a1f3c4d5e6f708192a3b4c5d6e7f801"))
# Loopback answers in well under a millisecond; these waits keep the retry tests quick.
FAST = Timing(first_wait=0.05, backoff=2.0, max_wait=0.2, jitter=0.1, deadline=2.0)


def load(model: str) -> DeviceType:
    """The MIoT spec OrbitHub ships for ``model``."""
    return load_spec_file(MODELS / f"{model}.json")


@pytest.fixture
def purifier_spec() -> DeviceType:
    return load("zhimi.airp.rmb1")


@pytest.fixture
async def purifier(purifier_spec: DeviceType) -> AsyncIterator[SimulatedMiioDevice]:
    device = SimulatedMiioDevice(
        purifier_spec, TOKEN, model="zhimi.airp.rmb1", device_id=0x1A2B3C, seed=7
    )
    async with device:
        yield device


@pytest.fixture
async def client(purifier: SimulatedMiioDevice) -> AsyncIterator[MiioClient]:
    host, port = purifier.address
    async with MiioClient(host, TOKEN, port=port, timing=FAST, seed=1) as miio:
        yield miio


def client_for(
    device: SimulatedMiioDevice, token: Token = TOKEN, timing: Timing = FAST
) -> MiioClient:
    """A client for a simulated device (not opened yet)."""
    host, port = device.address
    return MiioClient(host, token, port=port, timing=timing, seed=3)


async def until(condition: Callable[[], bool], within: float = 2.0) -> None:
    """Wait for ``condition`` to hold (checked every few milliseconds), or fail the test."""
    async with asyncio.timeout(within):
        # The counters change in datagram callbacks, which signal nothing one could await.
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.005)
