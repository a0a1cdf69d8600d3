"""Which devices guard a home, and which commands open one.

A device is a *security device* when its spec has a service that locks, opens or watches the
way in: a lock, a garage door or gate, a door or window opener, an alarm (arming) or a camera.
The decision reads the spec's services and properties, never the device type's name, so a lock
that arrives inside a light's discovery config, a garage door announced as a cover, or a car
with a door lock all count. A discovered service may carry a suffix naming its entity
(``lock-front-door``); the kind is the part before it.

An *opening* command on such a device unlocks, opens or disarms: people confirm those first.
When the intent of a command on a security service is not recognisably closing, locking,
arming or stopping, it counts as opening: asking once too often beats opening unasked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from orbithub.core.events import CommandKind
from orbithub.core.registry import Device
from orbithub.spec.errors import UnknownAction
from orbithub.spec.model import DeviceType, Format, Property, Service

__all__ = [
    "SECURITY_PROPERTIES",
    "SECURITY_SERVICES",
    "is_security_device",
    "is_security_path",
    "is_security_spec",
    "opens",
    "security_services",
]

SECURITY_SERVICES = frozenset(
    {
        "lock",
        "door-lock",
        "garage-door",
        "gate",
        "door",
        "door-opener",
        "window",
        "window-opener",
        "arming",
        "alarm-control-panel",
        "security-system",
        "camera",
        "camera-control",
    }
)
"""Service kinds that guard a home (the service URN's name, before any entity suffix)."""

SECURITY_PROPERTIES = frozenset({"locked", "lock-state", "arming-mode", "target-door-state"})
"""Properties that guard a home wherever a spec puts them."""

_OPENING_WORDS = ("unlock", "open", "disarm", "unarm", "unlatch", "off")
_CLOSING_WORDS = ("close", "shut", "lock", "arm", "stop", "pause")
_LOCKING_FLAGS = frozenset({"locked", "armed", "arming", "lock"})
_POSITIONS = frozenset({"target-position", "position"})


def _guards(service: Service) -> bool:
    name = service.name or service.type.name
    return any(name == kind or name.startswith(kind + "-") for kind in SECURITY_SERVICES) or (
        service.type.name in SECURITY_SERVICES
    )


def security_services(spec: DeviceType) -> tuple[Service, ...]:
    """The services of ``spec`` that guard a home."""
    return tuple(s for s in spec.services if _guards(s))


def _guarding_sids(spec: DeviceType) -> frozenset[int]:
    return frozenset(s.iid for s in spec.services if _guards(s))


def is_security_device(device: Device) -> bool:
    """Whether ``device`` is a security device (see the module docstring)."""
    return is_security_spec(device.spec)


def is_security_spec(spec: DeviceType) -> bool:
    """Whether a device of type ``spec`` is a security device."""
    if security_services(spec):
        return True
    return any(p.name in SECURITY_PROPERTIES for s in spec.services for p in s.properties)


def is_security_path(spec: DeviceType, siid: int, name: str) -> bool:
    """Whether the property or action ``name`` of service ``siid`` guards a home."""
    return siid in _guarding_sids(spec) or name in SECURITY_PROPERTIES


def _words_open(text: str) -> bool | None:
    """True for opening words, False for closing ones, None when the text says neither."""
    lowered = text.lower()
    if any(word in lowered for word in _OPENING_WORDS):
        return True
    if any(word in lowered for word in _CLOSING_WORDS):
        return False
    return None


def _value_opens(prop: Property, value: object) -> bool:
    if prop.format is Format.BOOL:
        as_flag = bool(value)
        # ``locked = False`` opens; for an opener's ``on`` flag, True does.
        return not as_flag if prop.name in _LOCKING_FLAGS else as_flag
    if prop.value_list and isinstance(value, int | float) and not isinstance(value, bool):
        described = prop.describe_value(int(value))
        verdict = None if described is None else _words_open(described)
        return True if verdict is None else verdict
    if prop.name in _POSITIONS and isinstance(value, int | float) and prop.value_range:
        return float(value) > prop.value_range.min
    if isinstance(value, str):
        verdict = _words_open(value)
        return True if verdict is None else verdict
    return True


def opens(
    device: Device,
    kind: CommandKind,
    path: str,
    value: object = None,
    arguments: Mapping[str, object] | Sequence[object] = (),
) -> bool:
    """Whether the command unlocks, opens or disarms part of a security device.

    Args:
        device: the device commanded.
        kind: a property write or an action.
        path: the property's or action's address (``lock.locked``, ``2.1``).
        value: the value written (for a write).
        arguments: the action's arguments (for an action; read for an opening word).

    Returns:
        False for anything outside the device's security services.
    """
    spec = device.spec
    if kind is CommandKind.SET:
        prop = spec.find_property(path)
        if prop is None or not is_security_path(spec, prop.siid, prop.name):
            return False
        return _value_opens(prop, value)
    try:
        action = spec.action(path)
    except UnknownAction:
        return False
    if not is_security_path(spec, action.siid, action.name):
        return False
    texts: list[object] = [action.name, action.description]
    if isinstance(arguments, Mapping):
        texts.extend(arguments.values())
    elif not isinstance(arguments, str | bytes):
        texts.extend(arguments)
    said = (_words_open(t) for t in texts if isinstance(t, str))
    verdict = next((v for v in said if v is not None), None)
    return True if verdict is None else verdict
