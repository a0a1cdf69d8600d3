"""Errors raised by the device model: bad spec documents and values a property refuses."""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.errors import OrbitHubError

__all__ = [
    "NotInValueList",
    "NotReadable",
    "NotWritable",
    "OffStep",
    "OutOfRange",
    "SpecError",
    "SpecFileError",
    "SpecIssue",
    "UnknownAction",
    "UnknownEvent",
    "UnknownProperty",
    "ValueRejected",
    "WrongType",
]


class SpecError(OrbitHubError):
    """Something about a device spec or a value checked against it is wrong."""


@dataclass(frozen=True, slots=True)
class SpecIssue:
    """One problem found in a spec document.

    Attributes:
        path: where in the document, as a JSON path such as ``$.services[1].properties[0].format``.
        message: what is wrong there and what would be accepted.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class SpecFileError(SpecError):
    """A spec document does not describe a valid device type; lists every issue found."""

    def __init__(self, issues: list[SpecIssue], *, source: str = "spec") -> None:
        self.issues = tuple(issues)
        self.source = source
        lines = "\n".join(f"  {issue}" for issue in self.issues)
        count = len(self.issues)
        super().__init__(f"{source} is not a valid MIoT spec ({count} issue(s)):\n{lines}")


class UnknownProperty(SpecError):
    """A property address (``siid.piid`` or ``service.property``) names nothing in the spec."""


class UnknownAction(SpecError):
    """An action address (``siid.aiid`` or ``service.action``) names nothing in the spec."""


class UnknownEvent(SpecError):
    """An event address (``siid.eiid`` or ``service.event``) names nothing in the spec."""


class ValueRejected(SpecError):
    """A value does not satisfy a property's spec.

    Attributes:
        prop: the readable path of the property (``air-conditioner.target-temperature``).
        value: the value that was refused, as received.
    """

    def __init__(self, prop: str, value: object, reason: str) -> None:
        self.prop = prop
        self.value = value
        self.reason = reason
        super().__init__(f"{prop}: {reason} (got {value!r})")


class WrongType(ValueRejected):
    """The value's type does not fit the property's format (a string for a bool, say)."""


class OutOfRange(ValueRejected):
    """The value lies outside the property's value-range."""


class OffStep(ValueRejected):
    """The value lies inside the range but not on one of its steps."""


class NotInValueList(ValueRejected):
    """The property has a value-list and the value is not one of its values."""


class NotWritable(ValueRejected):
    """A command tried to write a property whose access lacks ``write``."""


class NotReadable(ValueRejected):
    """A device reported a property whose access has neither ``read`` nor ``notify``."""
