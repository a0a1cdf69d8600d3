"""The shape of a command entry, and checking an action's arguments against its spec."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from orbithub.core.adapter import CommandResult
from orbithub.core.context import Context
from orbithub.spec.errors import ValueRejected
from orbithub.spec.formats import check_value
from orbithub.spec.model import Action, DeviceType, Property, Value

__all__ = ["CommandPort", "build_call_arguments"]


class CommandPort(Protocol):
    """Where a part that acts on its own sends its commands; ``context`` says for whom.

    Such parts are automations, charging, pre-conditioning, a bridge to another hub.
    The running hub hands these parts the guarded entry of ``orbithub.access``, which decides
    and audits every command; :class:`~orbithub.core.hub.Hub` has the same shape, which is what
    a test of such a part alone may pass.
    """

    async def set(
        self, device_id: str, address: str, value: object, *, context: Context | None = None
    ) -> CommandResult:
        """Write one property of a device."""
        ...

    async def call(
        self,
        device_id: str,
        address: str,
        arguments: Mapping[str, object] | Sequence[object] = (),
        *,
        context: Context | None = None,
    ) -> CommandResult:
        """Run one action of a device."""
        ...


def build_call_arguments(
    spec: DeviceType, action: Action, arguments: Mapping[str, object] | Sequence[object]
) -> tuple[tuple[Property, Value], ...]:
    """Match ``arguments`` to the action's ``in`` properties and check each value.

    Args:
        spec: the device type holding the action.
        action: the action to run.
        arguments: positional values in ``in`` order, or values keyed by the property's name
            (``operation-method``), piid (``"5"``) or path (``pet-feeder.feeding-measure``).

    Returns:
        Each ``in`` property with its checked value, in ``in`` order.

    Raises:
        ValueRejected: an argument is missing, unexpected, or refused by its property.
    """
    inputs = [_input(spec, action, piid) for piid in action.in_]
    if isinstance(arguments, Mapping):
        remaining = dict(arguments)
        out: list[tuple[Property, Value]] = []
        for prop in inputs:
            key = next(
                (k for k in (prop.name, str(prop.iid), prop.path, prop.ids) if k in remaining),
                None,
            )
            if key is None:
                raise ValueRejected(
                    action.path,
                    dict(arguments),
                    f"missing argument {prop.name!r} ({_list(inputs)})",
                )
            out.append((prop, check_value(prop, remaining.pop(key))))
        if remaining:
            raise ValueRejected(
                action.path,
                dict(arguments),
                f"unexpected argument(s) {', '.join(map(repr, remaining))}; "
                f"it takes {_list(inputs)}",
            )
        return tuple(out)
    if isinstance(arguments, str | bytes):
        raise ValueRejected(action.path, arguments, "arguments must be a list or a mapping")
    values = list(arguments)
    if len(values) != len(inputs):
        raise ValueRejected(
            action.path,
            values,
            f"takes {len(inputs)} argument(s) ({_list(inputs)}), got {len(values)}",
        )
    return tuple((prop, check_value(prop, raw)) for prop, raw in zip(inputs, values, strict=True))


def _input(spec: DeviceType, action: Action, piid: int) -> Property:
    svc = spec.service(action.siid)
    prop = None if svc is None else svc.property(piid)
    if prop is None:  # the loader refuses such specs; kept as a guard for hand-built ones
        raise ValueRejected(action.path, piid, f"its input piid {piid} is not in the service")
    return prop


def _list(props: list[Property]) -> str:
    return ", ".join(p.name for p in props) or "no arguments"
