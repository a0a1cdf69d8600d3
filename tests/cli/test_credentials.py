"""``orbithub devices credentials`` and ``orbithub mqtt acl``: logins made once, files private."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from typer.testing import CliRunner

from orbithub.adapters.mqtt.accounts import ACCOUNTS_FILE, BrokerAccounts, verify_password
from orbithub.adapters.mqtt.mosquitto import ACL_FILE, PASSWORD_FILE
from orbithub.cli.main import app

runner = CliRunner()


def test_credentials_are_printed_once_and_only_their_hash_is_kept(tmp_path: Path) -> None:
    made = runner.invoke(app, ["devices", "credentials", "plug-1", "--data-dir", str(tmp_path)])
    assert made.exit_code == 0, made.output
    password = re.search(r"password: (\S+)", made.output)
    assert password is not None
    assert "username: plug-1" in made.output
    stored = tmp_path / ACCOUNTS_FILE
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert password[1] not in stored.read_text(encoding="utf-8")
    assert BrokerAccounts.in_data_dir(tmp_path).authenticate("plug-1", password[1])
    listed = runner.invoke(app, ["devices", "--data-dir", str(tmp_path)])
    assert listed.exit_code == 0, listed.output  # listing still works without a command


def test_an_id_not_valid_in_a_topic_is_refused_with_what_to_use(tmp_path: Path) -> None:
    refused = runner.invoke(
        app, ["devices", "credentials", "front/door", "--data-dir", str(tmp_path)]
    )
    assert refused.exit_code == 1
    assert "A-Z a-z 0-9 _ -" in refused.output


def test_mqtt_acl_writes_private_mosquitto_files_and_the_config_lines(tmp_path: Path) -> None:
    runner.invoke(app, ["devices", "credentials", "plug-1", "--data-dir", str(tmp_path)])
    out = tmp_path / "mosquitto"
    written = runner.invoke(
        app, ["mqtt", "acl", "--out", str(out), "--data-dir", str(tmp_path), "--port", "1884"]
    )
    assert written.exit_code == 0, written.output
    passwords, acl = out / PASSWORD_FILE, out / ACL_FILE
    for path in (passwords, acl):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert f"password_file {passwords.resolve()}" in written.output
    assert "allow_anonymous false" in written.output
    hub = BrokerAccounts.in_data_dir(tmp_path)
    users = dict(line.split(":", 1) for line in passwords.read_text().splitlines())
    assert set(users) == {"orbithub.hub", "plug-1"}
    assert verify_password(hub.hub_password, users["orbithub.hub"])
    assert "user plug-1\ntopic write orbit/home/plug-1/announce\n" in acl.read_text()
    assert "@127.0.0.1:1884" in written.output
