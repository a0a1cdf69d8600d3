"""The demo home on a manual clock, its simulated devices, a few scenes and the assistant."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.assistant import Assistant
from orbithub.automation.scenes import Scene
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Device

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 11, 20, 19, 30, tzinfo=SHANGHAI).timestamp()
"""A Friday evening in Beijing: the family is home."""

SCENES = (
    Scene(
        "movie-night",
        "Movie night",
        (
            ("living-room-light", "light.brightness", 20),
            ("living-room-curtain", "curtain.target-position", 0),
            ("living-room-tv", "television.on", True),
        ),
        aliases=("观影模式", "观影"),
    ),
    Scene("good-night", "Good night", (("bedroom-lamp", "light.on", False),), aliases=("晚安",)),
    Scene(
        "leave-home",
        "Leaving home",
        (("living-room-light", "light.on", False),),
        aliases=("离家模式", "离家"),
    ),
)


def demo_hub(clock: ManualClock) -> Hub:
    """A hub holding the demo world's records (no adapter yet)."""
    world = demo_world()
    hub = Hub(clock=clock)
    for space in world.spaces:
        hub.add_space(space)
    for room in world.rooms:
        hub.add_room(room)
    for device in world.devices:
        hub.add_device(device)
    return hub


def demo_assistant(hub: Hub) -> Assistant:
    """The assistant on that hub, with the demo scenes (named in English and Chinese)."""
    return Assistant(hub, scenes=SCENES)


class Guest:
    """A speaker who sees the home only and may control its lights only."""

    username = "guest"

    def can_view_device(self, device: Device) -> bool:
        return device.space_id == "home"

    def can_control_device(self, device: Device) -> bool:
        return device.spec.name == "light"


@contextlib.asynccontextmanager
async def running_demo(clock: ManualClock | None = None) -> AsyncIterator[tuple[Hub, Assistant]]:
    """The demo hub with its simulated devices running, and the assistant on it.

    A context manager, not a fixture: the hub's task group must open and close in the test's
    own task.
    """
    clock = clock or ManualClock(start=T0)
    hub = demo_hub(clock)
    hub.add_adapter(SimAdapter(seed=7, clock=clock, routines=False, tick=60.0))
    assistant = demo_assistant(hub)
    try:
        async with hub:
            yield hub, assistant
    finally:
        assistant.close()
