"""History questions answered from storage, and floors ("downstairs", "二楼") in a house."""

from __future__ import annotations

import asyncio
from pathlib import Path

from orbithub.adapters.sim import SimAdapter
from orbithub.assistant import Assistant, Intent, Speaker
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Room, Space
from orbithub.spec.library import device_type
from orbithub.storage import Database, Recorder

from .conftest import T0, demo_hub

ALEX = Speaker("alex")


async def test_when_did_it_last_happen_reads_the_recorded_history(tmp_path: Path) -> None:
    clock = ManualClock(start=T0)
    hub = demo_hub(clock)
    hub.add_adapter(SimAdapter(seed=7, clock=clock, routines=False, tick=60.0))
    db = await Database.open(data_dir=tmp_path)
    try:
        recorder = Recorder(db, hub.bus, hub.registry, clock=clock, retention_days=None)
        async with asyncio.TaskGroup() as tasks:
            await recorder.start(tasks)
            assistant = Assistant(hub, db=db)
            async with hub:
                await hub.set("kitchen-light", "light.on", False)
                await clock.advance(60)
                await assistant.ask("turn on the kitchen light", speaker=ALEX)  # 19:31
                await clock.advance(600)
                await hub.set("kitchen-light", "light.on", False)
                assert await recorder.flush()
                english = await assistant.ask(
                    "when was the kitchen light last turned on", speaker=ALEX
                )
                chinese = await assistant.ask("厨房灯上次什么时候开的", speaker=ALEX)
                highest = await assistant.ask(
                    "what was the highest temperature in the bedroom today", speaker=ALEX
                )
            assistant.close()
            await recorder.stop()
    finally:
        await db.close()
    assert english.intent is Intent.QUERY_HISTORY
    assert english.answer == "Kitchen light last was turned on today at 19:31."
    assert chinese.answer == "厨房灯上次打开是今天19:31。"
    assert highest.answer.startswith("Today's highest at Bedroom sensor was ")


async def test_history_without_storage_says_so() -> None:
    hub = demo_hub(ManualClock(start=T0))
    reply = await Assistant(hub).ask("when did the front door last open", speaker=ALEX)
    assert reply.answer == "History isn't recorded on this hub."


def _house() -> Hub:
    hub = Hub(clock=ManualClock(start=T0))
    hub.add_space(Space("house", "House", timezone="Asia/Shanghai"))
    floors = (
        ("lounge", "Lounge", "客厅", 1),
        ("kitchen", "Kitchen", "厨房", 1),
        ("bedroom", "Bedroom", "卧室", 2),
        ("nursery", "Nursery", "儿童房", 2),
    )
    for room_id, name, alias, floor in floors:
        hub.add_room(Room(room_id, "house", name, (alias,), floor=floor))
        hub.add_device(
            Device(
                f"{room_id}-light",
                f"{name} light",
                device_type("light"),
                "house",
                "test",
                room_id,
                (f"{alias}灯",),
            )
        )
    return hub


async def test_downstairs_and_upstairs_pick_rooms_by_floor() -> None:
    assistant = Assistant(_house())
    down = await assistant.interpret("turn off all the lights downstairs", speaker=ALEX)
    assert set(down.targets) == {"lounge-light", "kitchen-light"}
    up = await assistant.interpret("把楼上的灯都关了", speaker=ALEX)
    assert set(up.targets) == {"bedroom-light", "nursery-light"}
    second = await assistant.interpret("打开二楼所有的灯", speaker=ALEX)
    assert set(second.targets) == {"bedroom-light", "nursery-light"}
    third = await assistant.interpret("turn on the lights on the third floor", speaker=ALEX)
    assert third.targets == ()
