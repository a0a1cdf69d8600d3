"""Assemble service drafts from either discovery format into a typed device and its binding.

The HA and zigbee2mqtt parsers describe what they find as drafts (services, properties,
actions and events with their wire readers and writers but no iids). This module numbers them,
names them through :meth:`DeviceType.create` (which makes every path unique) and keys the
binding by the final paths, so the two parsers share one way of building devices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from orbithub.adapters.mqtt.mapping import (
    ActionWrite,
    Availability,
    DeviceBinding,
    DeviceInfo,
    DiscoveredDevice,
    EventTrigger,
    Reader,
    Skipped,
    Writer,
)
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

__all__ = [
    "NAMESPACE",
    "ActionDraft",
    "DeviceDraft",
    "EventDraft",
    "PropertyDraft",
    "ServiceDraft",
    "build_device",
    "slug",
    "value_list",
]

NAMESPACE = "orbithub-spec"
_TYPE_VALUE = "00000000"  # discovered types have no registered MIoT type number
_READ_NOTIFY = frozenset({Access.READ, Access.NOTIFY})


def slug(text: str, default: str = "value") -> str:
    """A URN-safe name: lower case, words joined by ``-`` (``PI demand`` -> ``pi-demand``)."""
    cleaned = re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")
    return cleaned or default


def value_list(options: Iterable[object], start: int = 0) -> tuple[ValueListItem, ...]:
    """Value-list items numbered from ``start`` with the option texts as descriptions."""
    return tuple(ValueListItem(start + i, str(o)) for i, o in enumerate(options))


@dataclass(frozen=True, slots=True)
class PropertyDraft:
    """A property before numbering, with how it is read and written."""

    name: str
    description: str
    format: Format
    access: frozenset[Access] = _READ_NOTIFY
    unit: str | None = None
    value_range: ValueRange | None = None
    value_list: tuple[ValueListItem, ...] = ()
    readers: tuple[Reader, ...] = ()
    writers: tuple[Writer, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionDraft:
    """An action before numbering, with the messages it publishes."""

    name: str
    description: str
    writes: tuple[ActionWrite, ...]


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An event before numbering, with the messages that fire it."""

    name: str
    description: str
    triggers: tuple[EventTrigger, ...]


@dataclass(frozen=True, slots=True)
class ServiceDraft:
    """A service before numbering.

    Attributes:
        shared: drafts with the same name and ``shared=True`` merge into one service (all
            plain sensors of a device land in one ``environment`` service, not one each).
    """

    name: str
    description: str
    properties: tuple[PropertyDraft, ...] = ()
    actions: tuple[ActionDraft, ...] = ()
    events: tuple[EventDraft, ...] = ()
    shared: bool = False


@dataclass(frozen=True, slots=True)
class DeviceDraft:
    """Everything known about one device before it is built."""

    id: str
    name: str
    kind: str
    model: str
    services: tuple[ServiceDraft, ...]
    info: DeviceInfo = field(default_factory=DeviceInfo)
    availability: Availability | None = None
    unique_ids: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()


def _merge(services: Iterable[ServiceDraft]) -> list[ServiceDraft]:
    merged: list[ServiceDraft] = []
    index: dict[str, int] = {}
    for svc in services:
        if not (svc.properties or svc.actions or svc.events):
            continue
        at = index.get(svc.name) if svc.shared else None
        if at is None:
            if svc.shared:
                index[svc.name] = len(merged)
            merged.append(svc)
            continue
        first = merged[at]
        merged[at] = replace(
            first,
            properties=first.properties + svc.properties,
            actions=first.actions + svc.actions,
            events=first.events + svc.events,
        )
    return merged


_ShapeKey = tuple[object, ...]

_TYPES: dict[_ShapeKey, tuple[DeviceType, tuple[str, ...]]] = {}
"""Built device types by shape, with the final path of every wire item in draft order.

A fleet is mostly many devices of few shapes (10,000 temperature sensors from one vendor):
numbering and naming a type took ~60 % of discovery (build_device ~185 µs per device at 1,000
devices); a hit costs the shape key (~10 µs). Shared types also keep memory per device down."""

_TYPES_MAX = 4096
"""Shapes kept; past this the cache starts over (a fleet with more shapes gains little)."""


def _shape(kind: str, model: str, services: list[ServiceDraft]) -> _ShapeKey:
    """What the :class:`DeviceType` depends on: everything but the device name and the wire."""
    return (
        kind,
        model,
        *(
            (
                svc.name,
                svc.description,
                tuple(
                    (p.name, p.description, p.format, p.access, p.unit, p.value_range, p.value_list)
                    for p in svc.properties
                ),
                tuple((a.name, a.description) for a in svc.actions),
                tuple((e.name, e.description) for e in svc.events),
            )
            for svc in services
        ),
    )


def _device_type(
    kind: str, model: str, name: str, services: list[ServiceDraft]
) -> tuple[DeviceType, tuple[str, ...]]:
    """The device type for these merged services, named ``name``, and its wire items' paths."""
    key = _shape(kind, model, services)
    cached = _TYPES.get(key)
    if cached is None:
        cached = _build_type(kind, model, services)
        if len(_TYPES) >= _TYPES_MAX:
            _TYPES.clear()
        _TYPES[key] = cached
    spec, paths = cached
    if spec.description != name:
        # The same type under this device's name; the lookup tables are read-only once built.
        spec = DeviceType(spec.type, name, spec.services, spec._props, spec._actions, spec._events)
    return spec, paths


def _build_type(
    kind: str, model: str, services: list[ServiceDraft]
) -> tuple[DeviceType, tuple[str, ...]]:
    def urn(kind: str, name: str) -> Urn:
        return Urn(NAMESPACE, kind, name, _TYPE_VALUE, model, "1")

    built: list[Service] = []
    wire: list[tuple[str, str]] = []
    for siid, svc in enumerate(services, start=1):
        props = []
        for piid, p in enumerate(svc.properties, start=1):
            props.append(
                Property(
                    piid,
                    urn("property", p.name),
                    p.description,
                    p.format,
                    p.access,
                    p.unit,
                    p.value_range,
                    p.value_list,
                )
            )
            wire.append(("p", f"{siid}.{piid}"))
        actions = []
        for aiid, a in enumerate(svc.actions, start=1):
            actions.append(Action(aiid, urn("action", a.name), a.description))
            wire.append(("a", f"{siid}.{aiid}"))
        events = []
        for eiid, e in enumerate(svc.events, start=1):
            events.append(Event(eiid, urn("event", e.name), e.description))
            wire.append(("e", f"{siid}.{eiid}"))
        built.append(
            Service(
                siid,
                urn("service", svc.name),
                svc.description,
                tuple(props),
                tuple(actions),
                tuple(events),
            )
        )
    spec = DeviceType.create(urn("device", slug(kind, "device")), "", built)
    paths = [
        (spec.property(ids) if k == "p" else spec.action(ids) if k == "a" else spec.event(ids)).path
        for k, ids in wire
    ]
    return spec, tuple(paths)


def build_device(draft: DeviceDraft) -> DiscoveredDevice:
    """Number the drafts, build the :class:`DeviceType` and key the binding by final paths."""
    services = _merge(draft.services)
    spec, paths = _device_type(draft.kind, slug(draft.model, "mqtt"), draft.name, services)
    items: list[PropertyDraft | ActionDraft | EventDraft] = []
    for svc in services:
        items += svc.properties
        items += svc.actions
        items += svc.events

    reads: dict[str, list[Reader]] = {}
    writes: dict[str, tuple[Writer, ...]] = {}
    action_writes: dict[str, tuple[ActionWrite, ...]] = {}
    triggers: dict[str, list[EventTrigger]] = {}
    for path, item in zip(paths, items, strict=True):
        if isinstance(item, PropertyDraft):
            for reader in item.readers:
                reads.setdefault(reader.topic, []).append(replace(reader, path=path))
            if item.writers:
                writes[path] = tuple(replace(w, path=path) for w in item.writers)
        elif isinstance(item, ActionDraft):
            action_writes[path] = tuple(replace(w, path=path) for w in item.writes)
        else:
            for trigger in item.triggers:
                triggers.setdefault(trigger.topic, []).append(replace(trigger, path=path))
    binding = DeviceBinding(
        reads={t: tuple(r) for t, r in reads.items()},
        writes=writes,
        actions=action_writes,
        events={t: tuple(e) for t, e in triggers.items()},
        availability=draft.availability,
    )
    return DiscoveredDevice(
        draft.id, draft.name, spec, binding, draft.info, draft.unique_ids, draft.skipped
    )
