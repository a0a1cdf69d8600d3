"""Security devices are known by what they can do, whatever their type is called."""

from __future__ import annotations

import pytest

from orbithub.access.security import is_security_device, opens
from orbithub.core.events import CommandKind
from orbithub.core.registry import Device
from orbithub.spec.library import device_type, library_keys
from orbithub.spec.model import (
    Access,
    Action,
    DeviceType,
    Format,
    Property,
    Service,
    Urn,
    ValueListItem,
    ValueRange,
)

_RW = frozenset({Access.READ, Access.WRITE, Access.NOTIFY})
_W = frozenset({Access.WRITE})


def _urn(kind: str, name: str) -> Urn:
    return Urn("miot-spec-v2", kind, name, "0000FFFF", "test-model", "1")


def _service(iid: int, name: str, *props: Property, actions: tuple[Action, ...] = ()) -> Service:
    return Service(iid, _urn("service", name), "", tuple(props), actions)


def _flag(iid: int, name: str) -> Property:
    return Property(iid, _urn("property", name), "", Format.BOOL, _RW)


def _motor(iid: int) -> Property:
    items = (ValueListItem(0, "Pause"), ValueListItem(1, "Open"), ValueListItem(2, "Close"))
    return Property(iid, _urn("property", "motor-control"), "", Format.UINT8, _W, value_list=items)


def _position(iid: int) -> Property:
    span = ValueRange(0, 100, 1)
    return Property(
        iid, _urn("property", "target-position"), "", Format.UINT8, _W, "percentage", span
    )


def _device(type_name: str, *services: Service) -> Device:
    spec = DeviceType.create(_urn("device", type_name), "", list(services))
    return Device(f"test-{type_name}", type_name, spec, "home", "mqtt")


def _builtin(key: str) -> Device:
    return Device(f"b-{key}", key, device_type(key), "home", "sim")


def test_a_lock_inside_a_light_is_a_security_device() -> None:
    # A device-based discovery config whose first component is a light, with a lock after it.
    device = _device(
        "light", _service(1, "light", _flag(1, "on")), _service(2, "lock-door", _flag(1, "locked"))
    )
    assert is_security_device(device)
    assert opens(device, CommandKind.SET, "lock-door.locked", False)
    assert not opens(device, CommandKind.SET, "lock-door.locked", True)
    assert not opens(device, CommandKind.SET, "light.on", True)  # the light is just a light


def test_a_garage_door_announced_as_a_curtain_type_is_a_security_device() -> None:
    device = _device("curtain", _service(1, "garage-door", _motor(1), _position(2)))
    assert is_security_device(device)
    assert opens(device, CommandKind.SET, "garage-door.motor-control", 1)
    assert not opens(device, CommandKind.SET, "garage-door.motor-control", 2)
    assert not opens(device, CommandKind.SET, "garage-door.motor-control", 0)
    assert opens(device, CommandKind.SET, "garage-door.target-position", 40)
    assert not opens(device, CommandKind.SET, "garage-door.target-position", 0)


@pytest.mark.parametrize("service", ["gate", "door-opener", "window-opener", "arming", "camera"])
def test_every_guarding_capability_counts(service: str) -> None:
    device = _device("thing", _service(1, service, _flag(1, "on")))
    assert is_security_device(device)


def test_a_plain_curtain_or_switch_is_not() -> None:
    assert not is_security_device(_device("curtain", _service(1, "curtain", _motor(1))))
    assert not is_security_device(_device("switch", _service(1, "switch", _flag(1, "on"))))


def test_disarming_and_unlatching_actions_open() -> None:
    actions = (
        Action(1, _urn("action", "disarm"), "Disarm the alarm"),
        Action(2, _urn("action", "arm-away"), "Arm while away"),
        Action(3, _urn("action", "open"), "Unlatch the door"),
    )
    device = _device(
        "hub", _service(1, "arming", actions=actions[:2]), _service(2, "lock", actions=actions[2:])
    )
    assert opens(device, CommandKind.CALL, "arming.disarm")
    assert not opens(device, CommandKind.CALL, "arming.arm-away")
    assert opens(device, CommandKind.CALL, "lock.open")


def test_builtin_types() -> None:
    security = {key for key in library_keys() if is_security_device(_builtin(key))}
    # The car has a door lock; the openers let people in; curtains and lights do not.
    assert security == {"lock", "vehicle", "garage-door", "gate", "door", "window-opener"}
    lock = _builtin("lock")
    assert opens(lock, CommandKind.SET, "lock.locked", False)
    assert not opens(lock, CommandKind.SET, "lock.locked", True)
    for key in ("garage-door", "gate", "door", "window-opener"):
        opener = _builtin(key)
        assert opens(opener, CommandKind.SET, f"{key}.motor-control", 1)
        assert not opens(opener, CommandKind.SET, f"{key}.motor-control", 2)
    window = _builtin("window-opener")
    assert opens(window, CommandKind.SET, "window-opener.target-position", 30)
    assert not opens(window, CommandKind.SET, "window-opener.target-position", 0)
    assert not opens(_builtin("curtain"), CommandKind.SET, "curtain.motor-control", 1)
