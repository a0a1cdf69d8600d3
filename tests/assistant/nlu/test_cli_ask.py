"""``orbithub ask``: through a running hub's control socket, or against the demo offline."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from orbithub.access import Commands
from orbithub.adapters.sim import SimAdapter
from orbithub.automation import Engine
from orbithub.cli.ask import ask, start_assistant
from orbithub.cli.control import ControlError, ControlServer, request, socket_path
from orbithub.core.clock import ManualClock

from .conftest import SCENES, T0, demo_hub


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(ask)
    return app


def test_offline_answers_from_the_demo_world(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["打开厨房灯", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "已打开厨房灯。" in result.output
    as_json = CliRunner().invoke(_app(), ["--offline", "--json", "turn on the AC"])
    assert '"needs_clarification": true' in as_json.output


async def test_the_socket_asks_the_running_hub_as_the_user() -> None:
    clock = ManualClock(start=T0)
    hub = demo_hub(clock)
    hub.add_adapter(SimAdapter(seed=7, clock=clock, routines=False, tick=60.0))
    # Unix socket paths are short: a pytest tmp_path can be too long for one.
    with tempfile.TemporaryDirectory(prefix="ask") as folder:
        path = socket_path(Path(folder))
        control = ControlServer(Commands(hub), path)
        await control.start()
        try:
            async with hub, Engine(hub, scenes=SCENES) as engine:
                assistant = start_assistant(hub, engine=engine, control=control)
                await hub.set("bedroom-lamp", "light.on", True)
                result = await request(path, {"op": "ask", "text": "晚安", "user": "mei"})
                assert isinstance(result, dict)
                assert result["answer"] == "已启动晚安。"
                assert hub.state.value("bedroom-lamp", "light.on") is False
                mine = await request(
                    path, {"op": "ask", "text": "my phone battery?", "user": "mei"}
                )
                assert isinstance(mine, dict)
                assert mine["targets"] == ["phone-mei"]
                with pytest.raises(ControlError, match="ask needs a text"):
                    await request(path, {"op": "ask", "text": 5})
                assistant.close()
        finally:
            await control.stop()
