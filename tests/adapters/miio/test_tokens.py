"""The Xiaomi devices file: tokens kept private, checked, shared between processes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from orbithub.adapters.miio.tokens import (
    DeviceStoreError,
    XiaomiDevice,
    XiaomiDeviceStore,
    parse_host,
    parse_token,
)

TOKEN = "00112233445566778899aabbccddeeff"  # noqa: S105 - made up for the test


def _purifier(**changes: object) -> XiaomiDevice:
    values: dict[str, object] = {
        "id": "purifier",
        "host": "192.168.1.20",
        "port": 54321,
        "did": 123456789,
        "model": "xiaomi.airp.mb5",
        "token": TOKEN,
        "name": "Air purifier",
        "space_id": "home",
        "room_id": "living-room",
        "aliases": ("净化器",),
        "added": 1.0,
    }
    values.update(changes)
    return XiaomiDevice(**values)  # type: ignore[arg-type]


def test_the_file_is_private_and_keeps_every_field(tmp_path: Path) -> None:
    store = XiaomiDeviceStore.in_data_dir(tmp_path)
    store.put(_purifier())
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert XiaomiDeviceStore.in_data_dir(tmp_path).devices() == [_purifier()]
    assert TOKEN not in repr(_purifier())


def test_another_process_sees_changes_at_once(tmp_path: Path) -> None:
    hub = XiaomiDeviceStore.in_data_dir(tmp_path)
    assert hub.devices() == []
    cli = XiaomiDeviceStore.in_data_dir(tmp_path)
    cli.put(_purifier())
    assert hub.refresh()
    assert hub.device("purifier") == _purifier()
    assert not hub.refresh()
    cli.remove("purifier")
    assert hub.devices() == []


def test_a_damaged_file_is_named_and_what_was_read_stays(tmp_path: Path) -> None:
    store = XiaomiDeviceStore.in_data_dir(tmp_path)
    store.put(_purifier())
    store.path.write_text('{"devices": {"purifier": {"host": 1}}}')
    assert not store.refresh()
    assert store.device("purifier") == _purifier()
    with pytest.raises(DeviceStoreError, match=r"xiaomi-devices\.json cannot be read"):
        XiaomiDeviceStore.in_data_dir(tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1234", "32 hexadecimal digits"),
        ("zz112233445566778899aabbccddeeff", "32 hexadecimal digits"),
        ("ffffffffffffffffffffffffffffffff", "filler a device sends"),
    ],
)
def test_a_bad_token_is_refused_with_where_tokens_come_from(text: str, message: str) -> None:
    with pytest.raises(DeviceStoreError, match=message) as raised:
        parse_token(text)
    assert "Mi Home app" in str(raised.value)
    assert parse_token(f" {TOKEN.upper()} ") == TOKEN


def test_hosts_with_and_without_a_port() -> None:
    assert parse_host("192.168.1.20") == ("192.168.1.20", 54321)
    assert parse_host("127.0.0.1:40000") == ("127.0.0.1", 40000)
    assert parse_host("[fe80::1]:40000") == ("fe80::1", 40000)
    assert parse_host("purifier.lan") == ("purifier.lan", 54321)
    for bad in ("", "a b", "host:0", "host:x", "host:70000"):
        with pytest.raises(DeviceStoreError):
            parse_host(bad)
