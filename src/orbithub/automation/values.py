"""A rendered template's text turned into the value its target property's format expects.

Jinja renders everything to text, and Python spells a comparison's result ``True``: a ``set``
of ``{{ state('sensor', 'temperature') > 28 }}`` must still switch a bool property on. So the
text is read by the format of the property it is written to: a bool from true/false in any
case, on/off, yes/no or 1/0; a number from its decimal text; an enumeration also from one of
its values' descriptions (``cool``); text stays text (a string property keeps ``"40"``).
Text that fits none of these is passed on unchanged, so the hub's spec check refuses it with
the same message as any other wrong value.
"""

from __future__ import annotations

import math
import re

from orbithub.core.registry import Registry
from orbithub.spec.errors import SpecError
from orbithub.spec.model import DeviceType, Format, Property, Value

__all__ = ["argument_property", "coerce_rendered", "target_property"]

_TRUE = frozenset({"true", "on", "yes", "1"})
_FALSE = frozenset({"false", "off", "no", "0"})
# Plain decimal notation only: Python's float() also takes "1_000", "nan" and "infinity".
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def coerce_rendered(prop: Property | None, text: str) -> Value:
    """The rendered ``text`` as a value of ``prop``'s format, or ``text`` when it is not one.

    Args:
        prop: the property written (None when unknown: the text is returned as it is).
        text: what the template rendered.
    """
    if prop is None:
        return text
    if prop.format is Format.STRING:
        return text
    word = text.strip()
    if prop.format is Format.BOOL:
        lowered = word.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        return word
    if _NUMBER.fullmatch(word):
        number = float(word)
        if not math.isfinite(number):
            return word
        if prop.format is Format.FLOAT:
            return number
        return int(number) if number.is_integer() else number
    lowered = word.lower()
    for item in prop.value_list:
        if item.description.lower() == lowered:
            return item.value
    return word


def target_property(registry: Registry, device_id: str, path: str) -> Property | None:
    """The property a ``set`` step writes, None when the device or property is unknown."""
    device = registry.find_device(device_id)
    return None if device is None else device.spec.find_property(path)


def argument_property(
    registry: Registry, device_id: str, action_path: str, key: str
) -> Property | None:
    """The ``in`` property of an action a ``call`` argument named ``key`` goes to, or None."""
    device = registry.find_device(device_id)
    if device is None:
        return None
    return _argument(device.spec, action_path, key)


def _argument(spec: DeviceType, action_path: str, key: str) -> Property | None:
    try:
        action = spec.action(action_path)
    except SpecError:
        return None
    service = spec.service(action.siid)
    if service is None:
        return None
    for piid in action.in_:
        prop = service.property(piid)
        if prop is not None and key in (prop.name, str(prop.iid), prop.path, prop.ids):
            return prop
    return None
