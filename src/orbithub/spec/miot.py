"""Read, validate and write MIoT spec v2 instance documents as Xiaomi publishes them.

The loader checks the whole document and reports every problem it finds at once, each with a
JSON path (``$.services[2].properties[0].value-range``), so a spec author fixes a file in one
pass. It tolerates what real published files do (see the fixtures' README): missing ``actions``
or ``events`` keys, missing or empty descriptions, extra keys such as ``source``, ``comment`` and
``gatt-access``, access words in any order, a value-list together with a unit, gaps between
iids, and URNs with a ninth segment or with fewer segments than their parent's.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any, TypeGuard

from orbithub.spec.errors import SpecError, SpecFileError, SpecIssue
from orbithub.spec.model import (
    Access,
    Action,
    DeviceType,
    Event,
    Format,
    Property,
    Service,
    Urn,
    ValueListItem,
    ValueRange,
)

__all__ = ["dump_spec", "load_spec", "load_spec_file", "parse_urn", "validate_files"]

_FORMATS = {f.value: f for f in Format}
_ACCESS = {a.value: a for a in Access}
_ACCESS_ORDER = (Access.READ, Access.WRITE, Access.NOTIFY)
# MIoT writes "none" where a property has no unit; the model says None.
_NO_UNIT = "none"


def parse_urn(text: str) -> Urn:
    """Parse a MIoT type URN.

    ``urn:<namespace>:<kind>:<name>:<value>[:<model>[:<version>[:<extra>]]]``; the generic form
    stops after ``value``, instance documents add the vendor model and version, and some add a
    ninth product-id segment
    (``urn:miot-spec-v2:device:air-purifier:0000A007:xiaomi-mb5:1:0000D050``).

    Raises:
        SpecError: the text is not such a URN.
    """
    problem = _urn_problem(text)
    if problem is not None:
        raise SpecError(f"{text!r} is not a MIoT URN: {problem}")
    parts = text.split(":")
    tail = parts[5:] + [""] * (8 - len(parts))
    return Urn(parts[1], parts[2], parts[3], parts[4], tail[0], tail[1], tail[2])


def _urn_problem(text: str) -> str | None:
    parts = text.split(":")
    if parts[0] != "urn":
        return "it must start with 'urn:'"
    if not 5 <= len(parts) <= 8:
        return (
            f"it has {len(parts)} segments; expected "
            "urn:<namespace>:<kind>:<name>:<value>[:<model>[:<version>[:<extra>]]]"
        )
    if any(not part for part in parts):
        return "it has an empty segment"
    return None


def load_spec(data: object, *, source: str = "spec") -> DeviceType:
    """Build a device type from a parsed MIoT spec v2 instance document.

    Args:
        data: the document as ``json.loads`` returns it.
        source: what to call the document in error messages (a file name, say).

    Returns:
        The device type, with every element named and indexed.

    Raises:
        SpecFileError: the document is not a valid spec; lists every issue found.
    """
    reader = _Reader()
    device = reader.device(data)
    if reader.issues or device is None:
        raise SpecFileError(reader.issues, source=source)
    return device


def load_spec_file(path: str | PathLike[str]) -> DeviceType:
    """Read and load a MIoT spec JSON file; errors name the file.

    Raises:
        SpecFileError: the file cannot be read, is not JSON, or is not a valid spec.
    """
    file = Path(path)
    data, issue = _read_json(file)
    if issue is not None:
        raise SpecFileError([issue], source=file.name)
    return load_spec(data, source=file.name)


def validate_files(paths: Iterable[str | PathLike[str]]) -> list[tuple[str, list[SpecIssue]]]:
    """Validate spec files; for each one, its name and the issues found (empty when valid).

    Unreadable files and invalid JSON are reported as an issue at ``$`` rather than raised, so
    one bad file does not hide the verdict on the others.
    """
    results: list[tuple[str, list[SpecIssue]]] = []
    for path in paths:
        file = Path(path)
        data, issue = _read_json(file)
        if issue is not None:
            results.append((str(path), [issue]))
            continue
        reader = _Reader()
        reader.device(data)
        results.append((str(path), list(reader.issues)))
    return results


def _read_json(file: Path) -> tuple[object, SpecIssue | None]:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, SpecIssue("$", f"cannot read the file: {exc}")
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, SpecIssue(
            "$", f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        )


def dump_spec(device_type: DeviceType) -> dict[str, object]:
    """Write a device type back as a MIoT spec v2 instance document.

    The output has the shape Xiaomi publishes: ``actions`` and ``events`` are left out of a
    service that has none, access words come in ``read, write, notify`` order, and keys this
    loader ignores (``source``, ``comment``...) are gone. Loading the result gives an equal type.
    """
    return {
        "type": str(device_type.type),
        "description": device_type.description,
        "services": [_dump_service(svc) for svc in device_type.services],
    }


def _dump_service(svc: Service) -> dict[str, object]:
    out: dict[str, object] = {
        "iid": svc.iid,
        "type": str(svc.type),
        "description": svc.description,
        "properties": [_dump_property(p) for p in svc.properties],
    }
    if svc.actions:
        out["actions"] = [
            {
                "iid": a.iid,
                "type": str(a.type),
                "description": a.description,
                "in": list(a.in_),
                "out": list(a.out),
            }
            for a in svc.actions
        ]
    if svc.events:
        out["events"] = [
            {
                "iid": e.iid,
                "type": str(e.type),
                "description": e.description,
                "arguments": list(e.arguments),
            }
            for e in svc.events
        ]
    return out


def _dump_property(prop: Property) -> dict[str, object]:
    out: dict[str, object] = {
        "iid": prop.iid,
        "type": str(prop.type),
        "description": prop.description,
        "format": prop.format.value,
        "access": [a.value for a in _ACCESS_ORDER if a in prop.access],
    }
    if prop.unit is not None:
        out["unit"] = prop.unit
    if prop.value_range is not None:
        rng = prop.value_range
        out["value-range"] = [_json_number(rng.min), _json_number(rng.max), _json_number(rng.step)]
    if prop.value_list:
        out["value-list"] = [
            {"value": item.value, "description": item.description} for item in prop.value_list
        ]
    return out


def _json_number(number: float) -> int | float:
    # Ranges are floats in the model; write 16 rather than 16.0 as the published files do.
    return int(number) if float(number).is_integer() else number


class _Reader:
    """Walks one raw document, collecting issues instead of stopping at the first."""

    def __init__(self) -> None:
        self.issues: list[SpecIssue] = []

    def issue(self, path: str, message: str) -> None:
        self.issues.append(SpecIssue(path, message))

    def device(self, data: object) -> DeviceType | None:
        if not isinstance(data, Mapping):
            self.issue("$", f"expected a JSON object with type and services, got {_kind(data)}")
            return None
        urn = self.urn(data, "$", "device")
        description = self.description(data, "$")
        raw_services = data.get("services")
        services: list[Service] = []
        if not isinstance(raw_services, list):
            self.issue("$.services", _missing_or_wrong(raw_services, "a list of services"))
        else:
            for index, raw in enumerate(raw_services):
                svc = self.service(raw, f"$.services[{index}]")
                if svc is not None:
                    services.append(svc)
            self.unique_iids(raw_services, "$.services", "service")
        if urn is None or self.issues:
            return None
        return DeviceType.create(urn, description, services)

    def service(self, raw: object, path: str) -> Service | None:
        if not isinstance(raw, Mapping):
            self.issue(path, f"expected a service object, got {_kind(raw)}")
            return None
        iid = self.iid(raw, path)
        urn = self.urn(raw, path, "service")
        description = self.description(raw, path)
        raw_props = self.optional_list(raw, path, "properties")
        raw_actions = self.optional_list(raw, path, "actions")
        raw_events = self.optional_list(raw, path, "events")
        props = [
            p
            for i, r in enumerate(raw_props)
            if (p := self.property(r, f"{path}.properties[{i}]")) is not None
        ]
        piids = {p.iid for p in props}
        actions = [
            a
            for i, r in enumerate(raw_actions)
            if (a := self.action(r, f"{path}.actions[{i}]", piids)) is not None
        ]
        events = [
            e
            for i, r in enumerate(raw_events)
            if (e := self.event(r, f"{path}.events[{i}]", piids)) is not None
        ]
        self.unique_iids(raw_props, f"{path}.properties", "property")
        self.unique_iids(raw_actions, f"{path}.actions", "action")
        self.unique_iids(raw_events, f"{path}.events", "event")
        if iid is None or urn is None:
            return None
        return Service(iid, urn, description, tuple(props), tuple(actions), tuple(events))

    def property(self, raw: object, path: str) -> Property | None:
        if not isinstance(raw, Mapping):
            self.issue(path, f"expected a property object, got {_kind(raw)}")
            return None
        iid = self.iid(raw, path)
        urn = self.urn(raw, path, "property")
        description = self.description(raw, path)
        fmt = self.format(raw, path)
        access = self.access(raw, path)
        unit = self.unit(raw, path)
        value_range = self.value_range(raw, path, fmt)
        value_list = self.value_list(raw, path, fmt)
        if iid is None or urn is None or fmt is None or access is None:
            return None
        return Property(iid, urn, description, fmt, access, unit, value_range, value_list)

    def action(self, raw: object, path: str, piids: set[int]) -> Action | None:
        if not isinstance(raw, Mapping):
            self.issue(path, f"expected an action object, got {_kind(raw)}")
            return None
        iid = self.iid(raw, path)
        urn = self.urn(raw, path, "action")
        description = self.description(raw, path)
        in_ = self.piid_refs(raw, path, "in", piids)
        out = self.piid_refs(raw, path, "out", piids)
        if iid is None or urn is None:
            return None
        return Action(iid, urn, description, in_, out)

    def event(self, raw: object, path: str, piids: set[int]) -> Event | None:
        if not isinstance(raw, Mapping):
            self.issue(path, f"expected an event object, got {_kind(raw)}")
            return None
        iid = self.iid(raw, path)
        urn = self.urn(raw, path, "event")
        description = self.description(raw, path)
        arguments = self.piid_refs(raw, path, "arguments", piids)
        if iid is None or urn is None:
            return None
        return Event(iid, urn, description, arguments)

    # --- fields -------------------------------------------------------------------------

    def iid(self, raw: Mapping[str, Any], path: str) -> int | None:
        value = raw.get("iid")
        if not _is_int(value) or value < 1:
            self.issue(f"{path}.iid", _missing_or_wrong(value, "a positive integer"))
            return None
        return int(value)

    def urn(self, raw: Mapping[str, Any], path: str, kind: str) -> Urn | None:
        value = raw.get("type")
        where = f"{path}.type"
        if not isinstance(value, str):
            self.issue(
                where, _missing_or_wrong(value, f"a {kind} URN (urn:miot-spec-v2:{kind}:...)")
            )
            return None
        problem = _urn_problem(value)
        if problem is not None:
            self.issue(where, f"{value!r} is not a MIoT URN: {problem}")
            return None
        urn = parse_urn(value)
        if urn.kind != kind:
            self.issue(where, f"{value!r} is a {urn.kind} URN where a {kind} URN belongs")
            return None
        return urn

    def description(self, raw: Mapping[str, Any], path: str) -> str:
        # Real files leave descriptions out or empty; only a non-text one is an error.
        value = raw.get("description", "")
        if not isinstance(value, str):
            self.issue(f"{path}.description", f"expected text, got {_kind(value)}")
            return ""
        return value

    def optional_list(self, raw: Mapping[str, Any], path: str, key: str) -> list[object]:
        value = raw.get(key, [])
        if not isinstance(value, list):
            self.issue(f"{path}.{key}", f"expected a list, got {_kind(value)}")
            return []
        return value

    def format(self, raw: Mapping[str, Any], path: str) -> Format | None:
        value = raw.get("format")
        fmt = _FORMATS.get(value) if isinstance(value, str) else None
        if fmt is None:
            known = ", ".join(_FORMATS)
            self.issue(f"{path}.format", _missing_or_wrong(value, f"one of {known}"))
        return fmt

    def access(self, raw: Mapping[str, Any], path: str) -> frozenset[Access] | None:
        value = raw.get("access")
        where = f"{path}.access"
        if not isinstance(value, list):
            self.issue(where, _missing_or_wrong(value, "a list of read, write, notify"))
            return None
        words: set[Access] = set()
        ok = True
        for index, word in enumerate(value):
            access = _ACCESS.get(word) if isinstance(word, str) else None
            if access is None:
                self.issue(f"{where}[{index}]", f"unknown access {word!r}; use read, write, notify")
                ok = False
            else:
                words.add(access)
        return frozenset(words) if ok else None

    def unit(self, raw: Mapping[str, Any], path: str) -> str | None:
        value = raw.get("unit")
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            self.issue(f"{path}.unit", f"expected a unit name such as celsius, got {value!r}")
            return None
        return None if value == _NO_UNIT else value

    def value_range(
        self, raw: Mapping[str, Any], path: str, fmt: Format | None
    ) -> ValueRange | None:
        if "value-range" not in raw:
            return None
        value = raw["value-range"]
        where = f"{path}.value-range"
        if fmt is not None and not fmt.is_numeric:
            self.issue(where, f"a {fmt.value} property cannot have a value-range")
            return None
        if (
            not isinstance(value, list)
            or len(value) != 3
            or not all(_is_number(n) and math.isfinite(n) for n in value)
        ):
            self.issue(where, f"expected [min, max, step] as three finite numbers, got {value!r}")
            return None
        low, high, step = (float(n) for n in value)
        if low > high:
            self.issue(where, f"min {value[0]} is greater than max {value[1]}")
            return None
        if step <= 0:
            self.issue(where, f"step must be greater than 0, got {value[2]}")
            return None
        return ValueRange(low, high, step)

    def value_list(
        self, raw: Mapping[str, Any], path: str, fmt: Format | None
    ) -> tuple[ValueListItem, ...]:
        if "value-list" not in raw:
            return ()
        value = raw["value-list"]
        where = f"{path}.value-list"
        if fmt is not None and not fmt.is_numeric:
            self.issue(where, f"a {fmt.value} property cannot have a value-list")
            return ()
        if not isinstance(value, list):
            self.issue(where, f"expected a list of {{value, description}}, got {_kind(value)}")
            return ()
        items: list[ValueListItem] = []
        seen: set[int] = set()
        for index, item in enumerate(value):
            at = f"{where}[{index}]"
            if not isinstance(item, Mapping):
                self.issue(at, f"expected {{value: integer, description: text}}, got {_kind(item)}")
                continue
            number = item.get("value")
            text = item.get("description", "")
            if not _is_int(number):
                self.issue(f"{at}.value", _missing_or_wrong(number, "an integer"))
                continue
            if not isinstance(text, str):
                self.issue(f"{at}.description", f"expected text, got {_kind(text)}")
                continue
            if number in seen:
                self.issue(f"{at}.value", f"value {number} is listed twice")
                continue
            seen.add(number)
            items.append(ValueListItem(int(number), text))
        return tuple(items)

    def piid_refs(
        self, raw: Mapping[str, Any], path: str, key: str, piids: set[int]
    ) -> tuple[int, ...]:
        value = raw.get(key, [])
        where = f"{path}.{key}"
        if not isinstance(value, list):
            self.issue(where, f"expected a list of property iids, got {_kind(value)}")
            return ()
        refs: list[int] = []
        for index, ref in enumerate(value):
            if not _is_int(ref):
                self.issue(f"{where}[{index}]", _missing_or_wrong(ref, "a property iid"))
            elif ref not in piids:
                known = ", ".join(str(p) for p in sorted(piids)) or "none"
                self.issue(
                    f"{where}[{index}]",
                    f"property iid {ref} does not exist in this service (its piids: {known})",
                )
            else:
                refs.append(int(ref))
        return tuple(refs)

    def unique_iids(self, raw_items: list[object], path: str, what: str) -> None:
        first: dict[int, int] = {}
        for index, item in enumerate(raw_items):
            if not isinstance(item, Mapping):
                continue
            iid = item.get("iid")
            if not _is_int(iid):
                continue
            if iid in first:
                self.issue(
                    f"{path}[{index}].iid",
                    f"{what} iid {iid} is already used by {path}[{first[iid]}]",
                )
            else:
                first[iid] = index


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "a boolean", type(None): "null"}
    for cls, name in names.items():
        if isinstance(value, cls):
            return f"{name} {value!r}" if cls in (str, bool) else name
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return type(value).__name__


def _missing_or_wrong(value: object, expected: str) -> str:
    if value is None:
        return f"missing; expected {expected}"
    return f"expected {expected}, got {_kind(value)}"
