"""The spec's checks on both directions: the maker's handlers, and what the device reports.

Every request is checked against the spec before any handler runs, so a handler only ever sees
values its property allows; whatever goes wrong becomes an ``ok: false`` reply saying why.
Reports and events are checked before they leave, so the hub never has to refuse them.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypeVar

from orbithub.adapters.mqtt.protocol import ActionRequest, Reply, SetRequest
from orbithub.sdk.errors import HandlerError
from orbithub.spec.errors import SpecError, UnknownProperty
from orbithub.spec.formats import check_report, check_value, check_write
from orbithub.spec.model import Action, DeviceType, Property, Value

__all__ = ["ActionHandler", "Handlers", "Outcome", "SetHandler", "check_event", "check_state"]

_LOG = logging.getLogger(__name__)

# The value's Python type follows the property's format (bool, int, float, str), which only the
# spec knows at run time, so handlers are typed loosely here: ``async def on(value: bool)``.
SetHandler: TypeAlias = Callable[[Any], Awaitable[bool | None] | bool | None]
"""Called with the checked value; return False to skip the automatic state report."""

ActionHandler: TypeAlias = Callable[
    ..., Awaitable[Mapping[str, object] | None] | Mapping[str, object] | None
]
"""Called with the action's ``in`` values in order; may return ``out`` values by address."""


_S = TypeVar("_S", bound=SetHandler)
_A = TypeVar("_A", bound=ActionHandler)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What to send after a request: the reply, and the values to report as new state."""

    reply: Reply
    report: Mapping[str, Value] = field(default_factory=dict)


class Handlers:
    """The set and action handlers of one device, by canonical path."""

    def __init__(self, spec: DeviceType) -> None:
        self._spec = spec
        self._sets: dict[str, SetHandler] = {}
        self._actions: dict[str, ActionHandler] = {}

    def on_set(self, address: str) -> Callable[[_S], _S]:
        """A decorator registering the handler of a writable property (checked now)."""
        path = self.set_path(address)  # raise here, where the maker wrote the decorator

        def register(handler: _S) -> _S:
            self._sets[path] = handler
            return handler

        return register

    def on_action(self, address: str) -> Callable[[_A], _A]:
        """A decorator registering the handler of an action (checked now)."""
        path = self.action_path(address)

        def register(handler: _A) -> _A:
            self._actions[path] = handler
            return handler

        return register

    def add_set(self, address: str, handler: SetHandler) -> None:
        """Register the handler of a writable property.

        Raises:
            HandlerError: the spec has no such property, or it is not writable.
        """
        self._sets[self.set_path(address)] = handler

    def set_path(self, address: str) -> str:
        """The canonical path of a writable property.

        Raises:
            HandlerError: the spec has no such property, or it is not writable.
        """
        prop = self._lookup(address, self._spec.find_property(address), "property")
        if not prop.writable:
            raise HandlerError(
                f"{self._spec.name}: property {prop.path!r} is not writable, so it gets no set "
                "requests; report it with Device.report instead"
            )
        return prop.path

    def add_action(self, address: str, handler: ActionHandler) -> None:
        """Register the handler of an action.

        Raises:
            HandlerError: the spec has no such action.
        """
        self._actions[self.action_path(address)] = handler

    def action_path(self, address: str) -> str:
        """The canonical path of an action.

        Raises:
            HandlerError: the spec has no such action.
        """
        try:
            return self._spec.action(address).path
        except SpecError as exc:
            raise HandlerError(str(exc)) from None

    def _lookup(self, address: str, prop: Property | None, what: str) -> Property:
        if prop is None:
            known = ", ".join(p.path for p in self._spec.properties() if p.writable) or "none"
            raise HandlerError(
                f"{self._spec.name} has no {what} {address!r}; writable properties: {known}"
            )
        return prop

    async def run_set(self, request: SetRequest) -> Outcome:
        """Check every value, then call the handlers in order; a failure stops the rest."""
        checked: list[tuple[Property, Value, SetHandler]] = []
        for address, raw in request.values.items():
            prop = self._spec.find_property(address)
            if prop is None:
                return _refuse(request.id, f"{self._spec.name} has no property {address!r}")
            try:
                value = check_write(prop, raw)
            except SpecError as exc:
                return _refuse(request.id, str(exc))
            handler = self._sets.get(prop.path)
            if handler is None:
                return _refuse(request.id, f"{prop.path}: this device does not handle writes")
            checked.append((prop, value, handler))
        report: dict[str, Value] = {}
        for prop, value, handler in checked:
            try:
                result = await _call(handler, value)
            except Exception as exc:  # the maker's code: turn any failure into a refusal
                _LOG.exception("set handler for %s failed", prop.path)
                return _refuse(request.id, f"{prop.path}: {exc}", report)
            if result is not False and prop.readable:
                report[prop.path] = check_report(prop, value)
        return Outcome(Reply(request.id, ok=True), report)

    async def run_action(self, request: ActionRequest) -> Outcome:
        """Check the inputs against the action's ``in``, call the handler, check its outputs."""
        try:
            action = self._spec.action(request.action)
        except SpecError as exc:
            return _refuse(request.id, str(exc))
        handler = self._actions.get(action.path)
        if handler is None:
            return _refuse(request.id, f"{action.path}: this device does not handle this action")
        service = self._spec.service(action.siid)
        if len(request.inputs) != len(action.in_) or service is None:
            return _refuse(
                request.id,
                f"{action.path} takes {len(action.in_)} input(s), got {len(request.inputs)}",
            )
        inputs: list[Value] = []
        for piid, raw in zip(action.in_, request.inputs, strict=True):
            prop = service.property(piid)
            if prop is None:
                return _refuse(request.id, f"{action.path}: input {piid} is not in the spec")
            try:
                inputs.append(check_value(prop, raw))
            except SpecError as exc:
                return _refuse(request.id, str(exc))
        try:
            result = await _call(handler, *inputs)
        except Exception as exc:  # the maker's code: turn any failure into a refusal
            _LOG.exception("action handler for %s failed", action.path)
            return _refuse(request.id, f"{action.path}: {exc}")
        try:
            outputs = self._outputs(action, result)
        except (SpecError, HandlerError) as exc:
            _LOG.error("action handler for %s returned bad outputs: %s", action.path, exc)
            return _refuse(request.id, f"{action.path}: the device returned bad outputs: {exc}")
        return Outcome(Reply(request.id, ok=True, outputs=outputs))

    def _outputs(self, action: Action, result: object) -> dict[str, Value]:
        if result is None:
            return {}
        if not isinstance(result, Mapping):
            raise HandlerError(f"expected a mapping of out values or None, got {result!r}")
        outputs: dict[str, Value] = {}
        for address, raw in result.items():
            prop = self._spec.find_property(str(address))
            if prop is None or prop.siid != action.siid or prop.iid not in action.out:
                raise HandlerError(f"{address!r} is not an output of {action.path}")
            outputs[prop.path] = check_value(prop, raw)
        return outputs


async def _call(handler: Callable[..., object], *args: Value) -> object:
    """Call a handler that may be a coroutine function or a plain function."""
    result = handler(*args)
    if inspect.isawaitable(result):
        return await result
    return result


def _refuse(request_id: str, error: str, report: Mapping[str, Value] | None = None) -> Outcome:
    return Outcome(Reply(request_id, ok=False, error=error), dict(report or {}))


def check_state(spec: DeviceType, values: Mapping[str, object]) -> dict[str, Value]:
    """Check reported values (by path or ``siid.piid``); returns them by path.

    Raises:
        SpecError: a value is off-spec, or the property unknown or not readable.
    """
    return {
        (prop := spec.property(address)).path: check_report(prop, raw)
        for address, raw in values.items()
    }


def check_event(
    spec: DeviceType, address: str, arguments: Mapping[str, object]
) -> tuple[str, dict[str, Value]]:
    """Check an event and its arguments (by property name, path or piid).

    Returns:
        The event's path and its arguments by property name.

    Raises:
        SpecError: unknown event, or an argument the event does not have or is off-spec.
    """
    event = spec.event(address)
    service = spec.service(event.siid)
    by_key: dict[str, Property] = {}
    if service is not None:
        for piid in event.arguments:
            prop = service.property(piid)
            if prop is not None:
                by_key.update({prop.name: prop, prop.path: prop, str(piid): prop})
    checked: dict[str, Value] = {}
    for key, raw in arguments.items():
        found = by_key.get(key)
        if found is None:
            known = ", ".join(sorted({p.name for p in by_key.values()})) or "none"
            raise UnknownProperty(f"{event.path} has no argument {key!r}; arguments: {known}")
        checked[found.name] = check_value(found, raw)
    return event.path, checked
