"""Automations in a hub's data directory: start-up, edits on disk, the command group, a kill -9."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orbithub.access import Commands
from orbithub.automation import ReasonCode
from orbithub.automation.library import AutomationExistsError, ReadOnlyAutomationError
from orbithub.cli.automations import PENDING_FILE, app, start_automations
from orbithub.cli.control import ControlError, ControlServer, request, socket_path
from orbithub.cli.formatting import summarise_reasons
from orbithub.core.clock import ManualClock
from orbithub.core.registry import Device
from orbithub.core.tasks import task_scope
from orbithub.mobility.presence import Presence
from orbithub.spec.library import device_type

from ..automation.conftest import RecordingAdapter, advance, berlin, build_hub, settle

GOOD = """
automations:
  - id: porch
    name: Porch light
    triggers: [{type: property, device: motion, path: motion-sensor.motion-state, to: true}]
    actions:
      - {type: set, device: lamp, path: light.on, value: true}
"""
BAD = """
automations:
  - id: broken
    triggers:
      - {type: time, at: "07:30", atx: 1}
    actions:
      - {type: set, device: lamp, path: light.on, value: true}
"""


def data_dir(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "data" / "automations"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "data"


async def test_good_files_load_and_a_bad_one_is_named_with_its_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = data_dir(tmp_path, good=GOOD, bad=BAD)
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    adapter = RecordingAdapter()
    with caplog.at_level(logging.ERROR, logger="orbithub.cli.automations"):
        async with build_hub(clock, adapter) as hub, task_scope() as tasks:
            engine = await start_automations(hub, data, tasks)
            assert [a.id for a in engine.automations()] == ["porch"]
            hub.report("motion", "motion-sensor.motion-state", True)
            await engine.wait_idle()
            assert adapter.writes() == [("lamp", "light.on", True)]
    bad = data / "automations" / "bad.yaml"
    assert f"{bad}:5: automations[0].triggers[0].atx: unknown field 'atx'" in caplog.text


async def test_api_edits_are_files_that_survive_a_restart(tmp_path: Path) -> None:
    data = data_dir(tmp_path, porch=GOOD.replace("id: porch", "id: hand"))
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    body = {
        "id": "evening",
        "triggers": [{"type": "time", "at": "19:00"}],
        "actions": [{"type": "set", "device": "plug", "path": "switch.on", "value": True}],
    }
    async with build_hub(clock, RecordingAdapter()) as hub, task_scope() as tasks:
        engine = await start_automations(hub, data, tasks)
        library = engine.library
        assert library is not None
        await library.save(body, create=True)
        with pytest.raises(AutomationExistsError):
            await library.save(body, create=True)
        with pytest.raises(ReadOnlyAutomationError, match=r"porch\.yaml"):
            await library.save({**GOOD_BODY, "id": "hand"}, automation_id="hand")
        await library.set_enabled("hand", False)
    assert (data / "automations" / "evening.yaml").exists()

    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, task_scope() as tasks:
        engine = await start_automations(hub, data, tasks)
        assert sorted(a.id for a in engine.automations()) == ["evening", "hand"]
        assert engine.automation("hand").enabled is False  # the choice was kept
        await advance(clock, 7 * 3600)
        await engine.wait_idle()
        assert adapter.writes() == [("plug", "switch.on", True)]
        assert engine.library is not None
        await engine.library.delete("evening")
    assert not (data / "automations" / "evening.yaml").exists()


async def test_presence_known_before_start_reaches_conditions(tmp_path: Path) -> None:
    guarded = GOOD.replace(
        "    actions:",
        "    conditions: [{type: presence, space: home, person: alex}]\n    actions:",
    )
    data = data_dir(tmp_path, good=guarded)
    clock = ManualClock(start=berlin(2026, 6, 1, 12, 0))
    adapter = RecordingAdapter()
    async with build_hub(clock, adapter) as hub, task_scope() as tasks:
        phone = Device("phone", "Phone", device_type("phone"), "home", "test", owner="alex")
        hub.add_device(phone)
        presence = Presence(hub)
        tasks.create_task(presence.run())
        await settle()
        hub.report("phone", "presence.at-home", True)  # Alex was home before automations ran
        await settle()
        assert presence.people_present("home") == ("alex",)
        engine = await start_automations(hub, data, tasks, presence=presence)
        hub.report("motion", "motion-sensor.motion-state", True)
        await engine.wait_idle()
        assert adapter.writes() == [("lamp", "light.on", True)]


GOOD_BODY = {
    "triggers": [{"type": "manual"}],
    "actions": [{"type": "set", "device": "lamp", "path": "light.on", "value": False}],
}


async def test_the_control_socket_lists_explains_and_runs(tmp_path: Path) -> None:
    data = data_dir(tmp_path, good=GOOD)
    clock = ManualClock(start=berlin(2026, 6, 1, 19, 2))
    server_path = tmp_path / "hub.sock"
    async with build_hub(clock, RecordingAdapter()) as hub, task_scope() as tasks:
        control = ControlServer(Commands(hub), server_path)
        await control.start()
        try:
            engine = await start_automations(hub, data, tasks, control=control)
            hub.report("motion", "motion-sensor.motion-state", False)  # not "to true"
            listed = await request(server_path, {"op": "automations.list"})
            assert isinstance(listed, list)
            assert listed[0]["id"] == "porch"
            assert listed[0]["triggers"] == ["motion motion-sensor.motion-state to true"]
            why = await request(
                server_path, {"op": "automations.why", "id": "porch", "at": "19:02"}
            )
            assert isinstance(why, list)
            assert why[0]["local"] == "19:02:00"
            assert why[0]["zone"] == "CEST"  # the home's (Berlin), whatever this machine's is
            assert "became false" in why[0]["text"]
            assert engine.why("porch")[0].reason.code is ReasonCode.NOT_MATCHED
            zh = await request(server_path, {"op": "automations.why", "id": "porch", "lang": "zh"})
            assert isinstance(zh, list)
            assert zh[0]["text"].startswith("触发器")
            de = await request(server_path, {"op": "automations.why", "id": "porch", "lang": "de"})
            assert isinstance(de, list)
            assert "der Auslöser passte nicht" in de[0]["text"]
            ran = await request(server_path, {"op": "automations.run", "id": "porch"})
            assert isinstance(ran, dict)
            assert ran["run_id"]
            with pytest.raises(ControlError) as caught:
                await request(server_path, {"op": "automations.why", "id": "nope"})
            assert caught.value.code == "unknown_automation"
            with pytest.raises(ControlError) as unknown:
                await request(server_path, {"op": "automations.lst"})
            assert unknown.value.code == "bad_request"
            assert "automations.list, automations.run, automations.why" in str(unknown.value)
        finally:
            await control.stop()


def test_check_reports_each_problem_with_file_and_line(tmp_path: Path) -> None:
    data = data_dir(tmp_path, good=GOOD, bad=BAD)
    runner = CliRunner()
    folder = data / "automations"
    ok = runner.invoke(app, ["check", str(folder / "good.yaml"), "--data-dir", str(data)])
    assert ok.exit_code == 0, ok.output
    assert "ok: 1 automation(s), 0 scene(s)" in ok.output
    bad = runner.invoke(app, ["check", str(folder / "bad.yaml"), "--data-dir", str(data)])
    assert bad.exit_code == 1
    assert "bad.yaml:5: automations[0].triggers[0].atx: unknown field 'atx'" in bad.output


def test_list_reads_the_files_when_no_hub_runs_and_why_says_start_one(tmp_path: Path) -> None:
    mine = GOOD.replace("id: porch", "id: mine\n    owner: u-mei")
    data = data_dir(tmp_path, good=GOOD, mine=mine)
    runner = CliRunner()
    listed = runner.invoke(app, ["list", "--data-dir", str(data)], env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    assert "the hub is not running" in listed.output
    rows = {line.split()[1]: line for line in listed.output.splitlines() if "│ " in line}
    assert "household" in rows["porch"]
    assert "user u-mei" in rows["mine"]
    why = runner.invoke(app, ["why", "porch", "--data-dir", str(data)])
    assert why.exit_code == 1
    assert "no hub is running" in why.output


class HubThread:
    """A hub with automations and its control socket, on its own event loop in a thread.

    The typer commands run ``asyncio.run`` themselves, so the hub they talk to cannot share
    the test's loop.
    """

    def __init__(self, data: Path) -> None:
        self.data = data
        self.ready = threading.Event()
        self.stop: asyncio.Event | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    async def _main(self) -> None:
        clock = ManualClock(start=berlin(2026, 6, 1, 19, 2))
        self.loop, self.stop = asyncio.get_running_loop(), asyncio.Event()
        async with build_hub(clock, RecordingAdapter()) as hub, task_scope() as tasks:
            control = ControlServer(Commands(hub), socket_path(self.data))
            await control.start()
            try:
                await start_automations(hub, self.data, tasks, control=control)
                hub.report("motion", "motion-sensor.motion-state", False)
                self.ready.set()
                await self.stop.wait()
            finally:
                await control.stop()

    def __enter__(self) -> HubThread:
        self.thread.start()
        assert self.ready.wait(20), "the hub thread did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        if self.loop is not None and self.stop is not None:
            self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(20)


def test_list_and_why_ask_the_running_hub(tmp_path: Path) -> None:
    data = data_dir(tmp_path, good=GOOD)
    runner = CliRunner()
    with HubThread(data):
        listed = runner.invoke(app, ["list", "--data-dir", str(data)], env={"COLUMNS": "200"})
        assert listed.exit_code == 0, listed.output
        assert "Automations (running hub)" in listed.output
        assert "household" in listed.output
        assert "motion motion-sensor.motion-state to true" in listed.output
        why = runner.invoke(app, ["why", "porch", "--at", "19:02", "--data-dir", str(data)])
        assert why.exit_code == 0, why.output
        assert (
            "19:02:00  trigger motion motion-sensor.motion-state to true: the trigger did not"
            in why.output
        )
        earlier = runner.invoke(app, ["why", "porch", "--at", "08:00", "--data-dir", str(data)])
        assert "no trigger evaluations that did not fire around 08:00" in earlier.output
        unknown = runner.invoke(app, ["why", "nope", "--data-dir", str(data)])
        assert unknown.exit_code == 1
        assert "no automation 'nope'" in unknown.output


CHILD = """
import asyncio, json, sys, time
from pathlib import Path

from orbithub.cli.automations import start_automations
from orbithub.core.adapter import CommandResult
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.core.tasks import task_scope
from orbithub.spec.library import device_type


class FileAdapter:
    name = "test"

    def __init__(self, path):
        self.path = path

    async def start(self, host, tasks):
        pass

    async def stop(self):
        pass

    async def send(self, command):
        with self.path.open("a") as out:
            out.write(json.dumps([time.time(), command.device.id, command.prop.path]) + "\\n")
        return CommandResult(True)


async def main(data, fire):
    hub = Hub()
    hub.add_space(Space("home", "Home", SpaceKind.HOME, 52.52, 13.405, "Europe/Berlin"))
    hub.add_device(Device("lamp", "Lamp", device_type("light"), "home", "test"))
    hub.add_adapter(FileAdapter(data / "commands.jsonl"))
    async with hub, task_scope() as tasks:
        engine = await start_automations(hub, data, tasks)
        if fire:
            engine.fire("later")
        await asyncio.Event().wait()


asyncio.run(main(Path(sys.argv[1]), sys.argv[2] == "fire"))
"""
LATER = """
automations:
  - id: later
    triggers: [{type: manual}]
    actions:
      - {type: delay, duration: 4s}
      - {type: set, device: lamp, path: light.on, value: true}
"""


def _wait_for(what: str, condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def _pending(data: Path) -> list[dict[str, object]]:
    try:
        records = json.loads((data / PENDING_FILE).read_text(encoding="utf-8"))["pending"]
    except (FileNotFoundError, ValueError, KeyError):
        return []
    return [r for r in records if isinstance(r, dict)]


@pytest.mark.slow
def test_a_delay_survives_kill_9_of_the_hub(tmp_path: Path) -> None:
    data = data_dir(tmp_path, later=LATER)
    script = tmp_path / "hub.py"
    script.write_text(CHILD, encoding="utf-8")
    commands = data / "commands.jsonl"

    def hub(mode: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, str(script), str(data), mode], env=os.environ)

    first = hub("fire")
    try:
        _wait_for(
            "the delay to be saved", lambda: any(r["kind"] == "delay" for r in _pending(data))
        )
        (record,) = _pending(data)
        due = float(str(record["due"]))
        first.send_signal(signal.SIGKILL)  # no shutdown, no flush: the machine lost power
        first.wait(10)
    finally:
        first.kill()
    assert time.time() < due, "the hub was killed after the delay ended; lengthen the delay"
    assert not commands.exists()

    second = hub("resume")
    try:
        _wait_for("the lamp command after the restart", commands.exists)
        _wait_for("the run to finish", lambda: _pending(data) == [])
        lines = commands.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1
        sent_at, device, path = json.loads(lines[0])
        assert (device, path) == ("lamp", "light.on")
        assert sent_at >= due - 0.05  # on time, not early
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait(10)


def test_why_prints_a_run_of_the_same_reason_as_one_line() -> None:
    reason = "trigger motion motion-sensor.motion-state to true: the trigger did not match"
    rows: list[dict[str, object]] = [
        {"local": f"19:{minute:02d}:00", "text": reason} for minute in range(200 // 4)
    ]
    rows.append({"local": "19:55:00", "text": "condition: it is not dark"})
    rows.append({"local": "19:56:00", "text": reason})
    assert summarise_reasons(rows) == [
        f"19:00:00 to 19:49:00  evaluated 50 times, each time: {reason}",
        "19:55:00  condition: it is not dark",
        f"19:56:00  {reason}",
    ]
