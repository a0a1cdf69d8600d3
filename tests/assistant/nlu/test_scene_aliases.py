"""Scenes named in YAML: the assistant activates them by name or alias, in either language."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from orbithub.adapters.sim import SimAdapter
from orbithub.assistant import Assistant, Intent, Language, Speaker
from orbithub.automation import Engine, Scene, load_documents
from orbithub.cli.ask import start_assistant
from orbithub.core.clock import ManualClock

from .conftest import T0, demo_hub
from .test_cli_ask import _app

ALEX = Speaker("alex")
READING = """
scenes:
  - id: reading
    name: Reading corner
    aliases: [reading time, "book o'clock", 阅读模式, 看书]
    values:
      desk-lamp: {light.on: true, light.brightness: 80}
"""


async def test_a_yaml_scene_is_activated_by_an_english_and_a_chinese_alias(tmp_path: Path) -> None:
    path = tmp_path / "reading.yaml"
    path.write_text(READING, encoding="utf-8")
    _, scenes = load_documents(path)
    clock = ManualClock(start=T0)
    hub = demo_hub(clock)
    hub.add_adapter(SimAdapter(seed=7, clock=clock, routines=False, tick=60.0))
    async with hub, Engine(hub, scenes=scenes) as engine:
        assistant = start_assistant(hub, engine=engine)
        try:
            await hub.set("desk-lamp", "light.on", False)
            english = await assistant.ask("reading time", speaker=ALEX)
            assert english.intent is Intent.ACTIVATE_SCENE
            assert english.targets == ("reading",)
            assert english.answer == "Reading corner is on."
            assert hub.state.value("desk-lamp", "light.on") is True
            assert hub.state.value("desk-lamp", "light.brightness") == 80

            await hub.set("desk-lamp", "light.on", False)
            chinese = await assistant.ask("打开阅读模式", speaker=ALEX)
            assert chinese.language is Language.ZH
            assert chinese.targets == ("reading",)
            # The answer names the scene by its first Chinese alias.
            assert chinese.answer == "已启动阅读模式。"
            assert hub.state.value("desk-lamp", "light.on") is True
            assert all(a.ok for a in chinese.actions)
        finally:
            assistant.close()


async def test_an_alias_added_later_is_understood_without_a_restart() -> None:
    hub = demo_hub(ManualClock(start=T0))
    lamp_off = (("bedroom-lamp", "light.on", False),)
    scenes = [Scene("night", "Night", lamp_off)]
    assistant = Assistant(hub, scenes=lambda: scenes)
    try:
        before = await assistant.interpret("睡觉模式")
        assert before.intent is not Intent.ACTIVATE_SCENE
        scenes[0] = Scene("night", "Night", lamp_off, aliases=("睡觉模式",))
        after = await assistant.interpret("睡觉模式")
        assert (after.intent, after.targets) == (Intent.ACTIVATE_SCENE, ("night",))
    finally:
        assistant.close()


def test_the_demo_scenes_answer_to_their_file_aliases_offline() -> None:
    night = CliRunner().invoke(_app(), ["--offline", "晚安"])
    assert night.exit_code == 0, night.output
    assert "已启动晚安。" in night.output
    leaving = CliRunner().invoke(_app(), ["--offline", "I'm leaving"])
    assert leaving.exit_code == 0, leaving.output
    assert "Away is on." in leaving.output
