"""The examples of docs/automations.md load, fit the demo home and say what the page says."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from orbithub.adapters.sim import demo_world
from orbithub.automation import (
    AutomationFileError,
    Engine,
    explain,
    load_automations,
    parse_automations,
    parse_document,
)
from orbithub.automation.validate import check_automations
from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Registry

from .conftest import RecordingAdapter, settle

DOC = Path(__file__).resolve().parents[2] / "docs" / "automations.md"
BLOCK = re.compile(r"^```(\w+)( \w+)?\n(.*?)^```", re.S | re.M)


def blocks(kind: str, tag: str = "") -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    return [b for k, t, b in BLOCK.findall(text) if k == kind and (t or "").strip() == tag]


def demo_hub(clock: ManualClock) -> Hub:
    world = demo_world()
    hub = Hub(clock=clock)
    for space in world.spaces:
        hub.add_space(space)
    for room in world.rooms:
        hub.add_room(room)
    for device in world.devices:
        hub.add_device(device)
    return hub


def test_every_example_loads_and_fits_the_demo_home() -> None:
    registry = Registry()
    world = demo_world()
    for space in world.spaces:
        registry.add_space(space)
    for room in world.rooms:
        registry.add_room(room)
    for device in world.devices:
        registry.add_device(device)
    documents = [parse_document(yaml.safe_load(text)) for text in blocks("yaml")]
    loaded = [a for automations, _ in documents for a in automations]
    scenes = [s for _, found in documents for s in found]
    assert len(loaded) == 11
    assert [s.id for s in scenes] == ["movie"]
    assert check_automations(loaded, registry, scenes=scenes) == []


def test_the_wrong_example_gives_the_errors_shown(tmp_path: Path) -> None:
    (bad,) = blocks("yaml", "bad")
    (shown,) = blocks("text", "errors")
    path = tmp_path / "wake.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(AutomationFileError) as caught:
        load_automations(path)
    got = [str(issue).replace(f"{tmp_path}/", "") for issue in caught.value.issues]
    assert got == shown.strip().splitlines()


async def test_the_why_sentences_are_what_the_engine_says() -> None:
    (shown,) = blocks("text")
    first = parse_automations(yaml.safe_load(blocks("yaml")[0]))
    beijing = ZoneInfo("Asia/Shanghai")
    clock = ManualClock(start=datetime(2026, 6, 1, 19, 2, tzinfo=beijing).timestamp())
    hub = demo_hub(clock)
    adapter = RecordingAdapter()
    adapter.name = "sim"
    hub.add_adapter(adapter)
    async with hub, Engine(hub, first) as engine:
        hub.report("hallway-motion", "motion-sensor.motion-state", False)
        hub.report("hallway-motion", "motion-sensor.motion-state", True)
        await settle()
        (record,) = [e for e in engine.why("hallway-night-light") if e.reason.code != "not_matched"]
    assert [explain(record), explain(record, "zh")] == shown.strip().splitlines()
    assert adapter.sent == []
