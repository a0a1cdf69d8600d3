"""The typed device model: device types, services, properties, actions and events.

It follows MIoT spec v2 (https://miot-spec.org): a device type is a list of services; a service
holds properties, actions and events, each with an instance id (iid) unique within its parent.
Every element is addressable both by ids (``2.3`` = service 2, property 3) and by a readable
path built from the URN names (``air-conditioner.target-temperature``).

Instances are frozen and slotted so they can be shared by every device of the same type without
copying; the lookup tables are built once per type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias

from orbithub.spec.errors import UnknownAction, UnknownEvent, UnknownProperty

__all__ = [
    "Access",
    "Action",
    "DeviceType",
    "Event",
    "Format",
    "Property",
    "Service",
    "Urn",
    "Value",
    "ValueListItem",
    "ValueRange",
]

Value: TypeAlias = bool | int | float | str
"""A property value once checked: the Python type follows the property's format."""


class Format(StrEnum):
    """A property's value format, as MIoT spells it."""

    BOOL = "bool"
    UINT8 = "uint8"
    UINT16 = "uint16"
    UINT32 = "uint32"
    INT8 = "int8"
    INT16 = "int16"
    INT32 = "int32"
    INT64 = "int64"
    FLOAT = "float"
    STRING = "string"

    @property
    def is_integer(self) -> bool:
        """Whether values of this format are whole numbers."""
        return self not in (Format.BOOL, Format.FLOAT, Format.STRING)

    @property
    def is_numeric(self) -> bool:
        """Whether values of this format are numbers (integers or floats)."""
        return self not in (Format.BOOL, Format.STRING)


class Access(StrEnum):
    """What may be done with a property: read it, write it, be notified of changes."""

    READ = "read"
    WRITE = "write"
    NOTIFY = "notify"


@dataclass(frozen=True, slots=True)
class Urn:
    """A parsed MIoT type URN.

    ``urn:miot-spec-v2:property:target-temperature:00000021:xiaomi-ma2:1`` has namespace
    ``miot-spec-v2``, kind ``property``, name ``target-temperature``, value ``00000021``, vendor
    model ``xiaomi-ma2`` and version ``1``. Some real files carry a ninth segment (a product id
    such as ``0000D050``); it is kept in ``extra``. Only the first five segments are required,
    because generic types (``urn:miot-spec-v2:property:on:00000006``) stop there.
    """

    namespace: str
    kind: str
    name: str
    value: str
    model: str = ""
    version: str = ""
    extra: str = ""

    def __str__(self) -> str:
        parts = ["urn", self.namespace, self.kind, self.name, self.value]
        for tail in (self.model, self.version, self.extra):
            if not tail:
                break
            parts.append(tail)
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class ValueRange:
    """Inclusive bounds and step of a numeric property (``value-range: [min, max, step]``)."""

    min: float
    max: float
    step: float


@dataclass(frozen=True, slots=True)
class ValueListItem:
    """One allowed value of an enumerated property, with its human description."""

    value: int
    description: str


@dataclass(frozen=True, slots=True)
class Property:
    """A typed value a device holds.

    Attributes:
        iid: instance id within the service (the ``piid``).
        type: the property's URN.
        description: human text from the spec (may be empty).
        format: the value format.
        access: what may be done with it.
        unit: the unit as the spec spells it (``celsius``, ``percentage``, ``kWh``), if any.
        value_range: numeric bounds and step, if any.
        value_list: the allowed values of an enumeration, if any (empty tuple otherwise).
        name: the readable name, unique within the service (set by :class:`Service`).
        path: ``service-name.property-name``, unique within the device type.
        siid: the iid of the service holding it.
    """

    iid: int
    type: Urn
    description: str
    format: Format
    access: frozenset[Access]
    unit: str | None = None
    value_range: ValueRange | None = None
    value_list: tuple[ValueListItem, ...] = ()
    name: str = ""
    path: str = ""
    siid: int = 0

    @property
    def readable(self) -> bool:
        """Whether the device may report this property (``read`` or ``notify``)."""
        return Access.READ in self.access or Access.NOTIFY in self.access

    @property
    def writable(self) -> bool:
        """Whether a command may set this property."""
        return Access.WRITE in self.access

    @property
    def ids(self) -> str:
        """The ``siid.piid`` address."""
        return f"{self.siid}.{self.iid}"

    def describe_value(self, value: int) -> str | None:
        """The value-list description of ``value``, or None when it has none."""
        for item in self.value_list:
            if item.value == value:
                return item.description
        return None


@dataclass(frozen=True, slots=True)
class Action:
    """An operation a device performs, with input and output properties (by piid)."""

    iid: int
    type: Urn
    description: str
    in_: tuple[int, ...] = ()
    out: tuple[int, ...] = ()
    name: str = ""
    path: str = ""
    siid: int = 0

    @property
    def ids(self) -> str:
        """The ``siid.aiid`` address."""
        return f"{self.siid}.{self.iid}"


@dataclass(frozen=True, slots=True)
class Event:
    """Something a device reports happening, with argument properties (by piid)."""

    iid: int
    type: Urn
    description: str
    arguments: tuple[int, ...] = ()
    name: str = ""
    path: str = ""
    siid: int = 0

    @property
    def ids(self) -> str:
        """The ``siid.eiid`` address."""
        return f"{self.siid}.{self.iid}"


@dataclass(frozen=True, slots=True)
class Service:
    """A group of related properties, actions and events within a device type."""

    iid: int
    type: Urn
    description: str
    properties: tuple[Property, ...] = ()
    actions: tuple[Action, ...] = ()
    events: tuple[Event, ...] = ()
    name: str = ""

    def property(self, iid: int) -> Property | None:
        """The property with this piid, or None."""
        for prop in self.properties:
            if prop.iid == iid:
                return prop
        return None


def _unique_names(items: list[tuple[int, str]]) -> dict[int, str]:
    """Map iid -> readable name; repeats of a name get ``-<iid>`` so every path is unique.

    Real specs repeat names (a thermostat with ten ``weekly-program`` properties in one service,
    a bath heater with two ``light`` services). The first keeps the plain name, which is what a
    person means when they say "the light".
    """
    seen: set[str] = set()
    out: dict[int, str] = {}
    for iid, name in items:
        unique = name if name not in seen else f"{name}-{iid}"
        seen.add(name)
        seen.add(unique)
        out[iid] = unique
    return out


@dataclass(frozen=True, slots=True)
class DeviceType:
    """A complete device type: what a device of this kind can hold, do and report.

    Build it with :meth:`create`, which names every element and builds the lookup tables.
    """

    type: Urn
    description: str
    services: tuple[Service, ...]
    _props: dict[str, Property] = field(default_factory=dict, repr=False, compare=False)
    _actions: dict[str, Action] = field(default_factory=dict, repr=False, compare=False)
    _events: dict[str, Event] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def create(cls, type: Urn, description: str, services: list[Service]) -> DeviceType:
        """Name every service, property, action and event and index them by both addresses.

        Args:
            type: the device URN.
            description: human text for the device type.
            services: the services; their ``name``/``path``/``siid`` fields are filled in here.

        Returns:
            The device type with its lookup tables.
        """
        service_names = _unique_names([(s.iid, s.type.name) for s in services])
        named: list[Service] = []
        props: dict[str, Property] = {}
        actions: dict[str, Action] = {}
        events: dict[str, Event] = {}
        for svc in services:
            sname = service_names[svc.iid]
            pnames = _unique_names([(p.iid, p.type.name) for p in svc.properties])
            anames = _unique_names([(a.iid, a.type.name) for a in svc.actions])
            enames = _unique_names([(e.iid, e.type.name) for e in svc.events])
            sprops = tuple(
                _renamed_property(p, pnames[p.iid], f"{sname}.{pnames[p.iid]}", svc.iid)
                for p in svc.properties
            )
            sactions = tuple(
                Action(
                    a.iid,
                    a.type,
                    a.description,
                    a.in_,
                    a.out,
                    anames[a.iid],
                    f"{sname}.{anames[a.iid]}",
                    svc.iid,
                )
                for a in svc.actions
            )
            sevents = tuple(
                Event(
                    e.iid,
                    e.type,
                    e.description,
                    e.arguments,
                    enames[e.iid],
                    f"{sname}.{enames[e.iid]}",
                    svc.iid,
                )
                for e in svc.events
            )
            for p in sprops:
                props[p.path] = p
                props[p.ids] = p
            for a in sactions:
                actions[a.path] = a
                actions[a.ids] = a
            for e in sevents:
                events[e.path] = e
                events[e.ids] = e
            named.append(
                Service(svc.iid, svc.type, svc.description, sprops, sactions, sevents, sname)
            )
        return cls(type, description, tuple(named), props, actions, events)

    @property
    def name(self) -> str:
        """The device kind from the URN (``air-conditioner``)."""
        return self.type.name

    def property(self, address: str) -> Property:
        """The property at ``siid.piid`` or ``service.property``.

        Raises:
            UnknownProperty: nothing in this type has that address.
        """
        prop = self._props.get(address)
        if prop is None:
            known = ", ".join(p.path for p in self.properties())
            raise UnknownProperty(
                f"{self.type.name} has no property {address!r}; known properties: {known}"
            )
        return prop

    def find_property(self, address: str) -> Property | None:
        """The property at ``address``, or None; for hot paths that handle absence themselves."""
        return self._props.get(address)

    def action(self, address: str) -> Action:
        """The action at ``siid.aiid`` or ``service.action``.

        Raises:
            UnknownAction: nothing in this type has that address.
        """
        action = self._actions.get(address)
        if action is None:
            known = ", ".join(a.path for s in self.services for a in s.actions) or "none"
            raise UnknownAction(
                f"{self.type.name} has no action {address!r}; known actions: {known}"
            )
        return action

    def event(self, address: str) -> Event:
        """The event at ``siid.eiid`` or ``service.event``.

        Raises:
            UnknownEvent: nothing in this type has that address.
        """
        event = self._events.get(address)
        if event is None:
            known = ", ".join(e.path for s in self.services for e in s.events) or "none"
            raise UnknownEvent(f"{self.type.name} has no event {address!r}; known events: {known}")
        return event

    def properties(self) -> list[Property]:
        """Every property, in service then property order."""
        return [p for s in self.services for p in s.properties]

    def service(self, siid: int) -> Service | None:
        """The service with this siid, or None."""
        for svc in self.services:
            if svc.iid == siid:
                return svc
        return None


def _renamed_property(p: Property, name: str, path: str, siid: int) -> Property:
    return Property(
        p.iid,
        p.type,
        p.description,
        p.format,
        p.access,
        p.unit,
        p.value_range,
        p.value_list,
        name,
        path,
        siid,
    )
