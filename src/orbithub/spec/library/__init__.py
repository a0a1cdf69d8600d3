"""The built-in library of common device types, one MIoT spec v2 JSON file per type.

Each file is named ``<key>.json``; the key (``light``, ``ev-charger``) is how configuration and
simulators name a type. Types MIoT defines use its ``miot-spec-v2`` URNs with the vendor model
``orbithub-<key>``; services and properties MIoT lacks (vehicles, phones, chargers) use the
``orbithub-spec`` namespace. Readable paths such as ``light.brightness`` are a stable contract.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from orbithub.spec.errors import SpecError
from orbithub.spec.miot import load_spec
from orbithub.spec.model import DeviceType

__all__ = ["UnknownDeviceType", "device_type", "library_keys", "load_library"]

_SUFFIX = ".json"


class UnknownDeviceType(SpecError):
    """A library key names no built-in device type."""


def library_keys() -> list[str]:
    """The keys of every built-in device type, sorted."""
    return list(_keys())


def device_type(key: str) -> DeviceType:
    """The built-in device type ``key`` (loaded once, then shared).

    Raises:
        UnknownDeviceType: no built-in type has that key; the message lists the known keys.
    """
    if key not in _keys():
        raise UnknownDeviceType(
            f"no built-in device type {key!r}; known types: {', '.join(library_keys())}"
        )
    return _load(key)


def load_library() -> dict[str, DeviceType]:
    """Every built-in device type by key."""
    return {key: _load(key) for key in _keys()}


@cache
def _keys() -> tuple[str, ...]:
    folder = resources.files(__name__)
    return tuple(
        sorted(
            entry.name.removesuffix(_SUFFIX)
            for entry in folder.iterdir()
            if entry.name.endswith(_SUFFIX) and entry.is_file()
        )
    )


@cache
def _load(key: str) -> DeviceType:
    name = f"{key}{_SUFFIX}"
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return load_spec(json.loads(text), source=f"library/{name}")
