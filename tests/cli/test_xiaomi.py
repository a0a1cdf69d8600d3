"""``orbithub xiaomi`` against a simulated device: add, list, discover, remove; serve loads it."""

from __future__ import annotations

import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orbithub.adapters.miio.tokens import DEVICES_FILE
from orbithub.cli.control import ControlError
from orbithub.cli.main import app
from tests.adapters.miio.hub import TOKEN, ThreadedPurifier
from tests.cli.hubprocess import answers, ask, start, stop, wait_until

runner = CliRunner()


@pytest.fixture
def purifier() -> Iterator[ThreadedPurifier]:
    device = ThreadedPurifier()
    yield device
    device.close()


def test_add_list_discover_and_remove_never_print_the_token(
    tmp_path: Path, purifier: ThreadedPurifier
) -> None:
    data = ["--data-dir", str(tmp_path)]
    wrong = runner.invoke(app, ["xiaomi", "add", purifier.host, "--token", "1" * 32, *data])
    assert wrong.exit_code == 1
    assert "token is wrong" in wrong.output
    added = runner.invoke(
        app,
        [
            "xiaomi",
            "add",
            purifier.host,
            "--token",
            TOKEN,
            "--id",
            "purifier",
            "--name",
            "Air purifier",
            "--offline",
            *data,
        ],
    )
    assert added.exit_code == 0, added.output
    assert "model xiaomi.airp.mb5, device id 7000001" in added.output
    assert "Spec: shipped" in added.output
    stored = tmp_path / DEVICES_FILE
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    listed = runner.invoke(app, ["xiaomi", "list", *data], env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    assert "purifier" in listed.output
    assert "xiaomi.airp.mb5" in listed.output
    assert "shipped" in listed.output
    assert "hub not running" in listed.output
    port = purifier.host.rsplit(":", 1)[1]
    found = runner.invoke(
        app,
        [
            "xiaomi",
            "discover",
            "--no-broadcast",
            "--no-mdns",
            "--address",
            "127.0.0.1",
            "--port",
            port,
            "--seconds",
            "0.5",
        ],
        env={"COLUMNS": "200"},
    )
    assert found.exit_code == 0, found.output
    assert "7000001" in found.output
    assert "hidden" in found.output
    assert "Mi Home app" in found.output  # where tokens come from
    for output in (wrong.output, added.output, listed.output, found.output):
        assert TOKEN not in output
    removed = runner.invoke(app, ["xiaomi", "remove", "purifier", *data])
    assert removed.exit_code == 0, removed.output
    assert "No Xiaomi device added" in runner.invoke(app, ["xiaomi", "list", *data]).output
    assert TOKEN not in stored.read_text(encoding="utf-8")


def test_a_device_hiding_its_token_needs_one_and_is_told_where_it_comes_from(
    tmp_path: Path, purifier: ThreadedPurifier
) -> None:
    refused = runner.invoke(app, ["xiaomi", "add", purifier.host, "--data-dir", str(tmp_path)])
    assert refused.exit_code == 1
    assert "hides its token" in refused.output
    assert "Mi Home app" in refused.output


@pytest.mark.slow
def test_serve_loads_an_added_device_and_commands_reach_it(
    tmp_path: Path, purifier: ThreadedPurifier
) -> None:
    data = ["--data-dir", str(tmp_path)]
    added = runner.invoke(
        app, ["xiaomi", "add", purifier.host, "--token", TOKEN, "--id", "purifier", *data]
    )
    assert added.exit_code == 0, added.output
    log = tmp_path / "serve.log"
    proc = start(["serve", "--no-live", "--mqtt-port", "0", "--http-port", "0", *data], log)
    try:
        wait_until(lambda: answers(tmp_path), "the hub's control socket")

        def on() -> object:
            try:
                values = ask(tmp_path, {"op": "get", "device": "purifier"})
            except ControlError:
                return None  # not added yet, or the hub is slow to answer on a busy machine
            assert isinstance(values, dict)
            return values.get("air-purifier.on", {}).get("value")

        wait_until(lambda: on() is True, "the purifier's state polled")
        listed = runner.invoke(app, ["xiaomi", "list", *data], env={"COLUMNS": "200"})
        assert "answering" in listed.output
        done = ask(
            tmp_path,
            {"op": "set", "device": "purifier", "property": "air-purifier.on", "value": False},
            timeout=15,
        )
        assert done == {"confirmed": True, "message": ""}
        assert purifier.values.values["air-purifier.on"] is False
        wait_until(lambda: on() is False, "the new state polled back")
    finally:
        stop(proc, signal.SIGTERM, log)
    assert TOKEN not in log.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_demo_runs_the_purifier_and_the_bedside_lamp_over_miio(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    log = tmp_path / "demo.log"
    args = ["demo", "--speed", "60", "--mqtt-port", "0", "--http-port", "0"]
    proc = start([*args, "--data-dir", str(data)], log)
    try:
        wait_until(lambda: answers(data), "the demo's control socket")

        def value(device: str, path: str) -> object:
            try:
                values = ask(data, {"op": "get", "device": device})
            except ControlError:
                return None  # not added yet
            assert isinstance(values, dict)
            return values.get(path, {}).get("value")

        wait_until(
            lambda: value("living-room-purifier", "filter.filter-life-level") is not None,
            "the purifier's state over miIO",
        )
        listed = runner.invoke(
            app, ["xiaomi", "list", "--data-dir", str(data)], env={"COLUMNS": "200"}
        )
        assert "orbithub.airp.sim1" in listed.output
        assert "orbithub.light.sim1" in listed.output
        assert "dropped" in listed.output  # their specs came in as files a user drops in
        wanted = value("bedroom-lamp", "light.on") is not True
        done = ask(
            data,
            {"op": "set", "device": "bedroom-lamp", "property": "light.on", "value": wanted},
            timeout=15,
        )
        assert done == {"confirmed": True, "message": ""}
        wait_until(lambda: value("bedroom-lamp", "light.on") is wanted, "the lamp polled back")
    finally:
        stop(proc, signal.SIGINT, log)
    assert "Traceback" not in log.read_text(encoding="utf-8")
