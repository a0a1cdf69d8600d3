"""Carry out an understood command, as the speaker, one device at a time.

Every write goes through the hub's guarded command entry acting as the speaker, so the rights,
the spec's checks, the confirmation of opening a security device, the audit log and the
adapters are the same as for a tap in the app. A refused value is reported with the allowed
range instead of being clamped; a command that waits for the speaker's confirmation is reported
as such, and the assistant asks.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from orbithub.access import CommandRefused, Refusal
from orbithub.assistant import charging, fan
from orbithub.assistant.model import ActionTaken, Intent, Permissions
from orbithub.assistant.outcome import Outcome, Problem
from orbithub.assistant.resolve import find_property
from orbithub.core.commands import CommandPort
from orbithub.core.context import Context
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.errors import OrbitHubError
from orbithub.spec.errors import ValueRejected
from orbithub.spec.formats import check_write
from orbithub.spec.model import Property, Value

__all__ = ["Outcome", "Problem", "execute"]

_LOGGER = logging.getLogger(__name__)
_BRIGHTNESS_STEP = 20.0
_VOLUME_STEP = 10.0
_TEMPERATURE_STEP = 1.0
_KELVIN_STEP = 500.0
_POSITION_STEP = 20.0


@dataclass(frozen=True, slots=True)
class _Step:
    kind: str  # set or call
    path: str
    value: Value | None = None
    prop: Property | None = None
    """The property written, when a refusal should be explained by its own range."""
    end: str = ""
    """``max`` / ``min``: a relative change that stopped at that end of the range."""


async def execute(
    hub: Hub,
    commands: CommandPort,
    targets: Sequence[Device],
    intent: Intent,
    value: float | str | None,
    feature: str | None,
    speaker: Permissions,
    context: Context,
    *,
    temperature: float | None = None,
) -> list[Outcome]:
    """Send the commands for ``intent`` to every target the speaker may control.

    ``commands`` is the guarded entry acting as the speaker; ``hub`` is read for current values.

    ``temperature`` goes with a mode ("cool at 24 degrees"): the mode is set first, then the
    target temperature, each through the hub's checks; a device without a target temperature
    cannot do that request.
    """
    outcomes: list[Outcome] = []
    for device in targets:
        if not speaker.can_control_device(device):
            outcomes.append(Outcome(device, problem=Problem.FORBIDDEN))
            continue
        try:
            steps, prop, wanted = _plan(hub, device, intent, value, feature)
            if steps and intent is Intent.SET_MODE and temperature is not None:
                target = find_property(device, "target-temperature", writable=True)
                steps = [*steps, _Step("set", target.path, temperature, target)] if target else []
        except _NoSuchValue as exc:
            outcomes.append(Outcome(device, problem=Problem.NO_SUCH_VALUE, message=str(exc)))
            continue
        if not steps:
            outcomes.append(Outcome(device, problem=Problem.UNSUPPORTED))
            continue
        if intent in (Intent.START, Intent.STOP) and charging.is_charging_command(device, feature):
            start = intent is Intent.START
            outcomes.append(await charging.switch_charging(hub, commands, device, start, context))
            continue
        refused = _refused(device, steps)
        if refused is not None:
            outcomes.append(refused)
            continue
        outcomes.append(await _run(commands, device, steps, prop, wanted, context))
    return outcomes


def _refused(device: Device, steps: list[_Step]) -> Outcome | None:
    """A value that the spec would refuse, found before anything is sent.

    "Set the kitchen light to 0%" must not switch the light on and then fail on the brightness,
    and "cool at 40 degrees" must not change the mode and then refuse the 40: either every step
    fits the device's ranges, or nothing is sent and the answer gives the range.
    """
    for step in steps:
        if step.kind != "set":
            continue
        prop = device.spec.find_property(step.path)
        if prop is None:
            continue
        try:
            check_write(prop, step.value)
        except ValueRejected as exc:
            return Outcome(device, (), Problem.OUT_OF_RANGE, prop, step.value, str(exc))
    return None


async def _run(
    commands: CommandPort,
    device: Device,
    steps: list[_Step],
    prop: Property | None,
    wanted: Value | None,
    context: Context,
) -> Outcome:
    taken: list[ActionTaken] = []
    confirmed = True
    for step in steps:
        try:
            if step.kind == "set":
                result = await commands.set(device.id, step.path, step.value, context=context)
            else:
                result = await commands.call(device.id, step.path, (), context=context)
        except CommandRefused as exc:
            waits = exc.code is Refusal.CONFIRMATION_REQUIRED
            problem = Problem.NEEDS_CONFIRMATION if waits else Problem.FORBIDDEN
            return Outcome(device, tuple(taken), problem, prop, wanted, str(exc))
        except ValueRejected as exc:
            taken.append(ActionTaken(device.id, step.kind, step.path, step.value, False, str(exc)))
            if step.prop is not None:
                prop, wanted = step.prop, step.value
            return Outcome(device, tuple(taken), Problem.OUT_OF_RANGE, prop, wanted, str(exc))
        except OrbitHubError as exc:
            _LOGGER.warning("assistant command to %s failed: %s", device.id, exc)
            taken.append(ActionTaken(device.id, step.kind, step.path, step.value, False, str(exc)))
            return Outcome(device, tuple(taken), Problem.FAILED, prop, wanted, str(exc))
        taken.append(ActionTaken(device.id, step.kind, step.path, step.value, True, result.message))
        confirmed = confirmed and result.confirmed
    end = next((step.end for step in steps if step.end), "")
    return Outcome(device, tuple(taken), None, prop, wanted, confirmed=confirmed, at_end=end)


class _NoSuchValue(Exception):
    pass


def _current(hub: Hub, device: Device, prop: Property) -> float | None:
    value = hub.state.value(device.id, prop.path)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _relative(
    hub: Hub, device: Device, prop: Property, value: str, step: float, start: Property | None
) -> float:
    """``up``/``down`` by the usual step, or ``+2``/``-2`` by that much (maybe past the range).

    ``start`` is the property read for where the change starts, when it is not ``prop``.
    """
    if value[:1] in "+-" and value[1:].replace(".", "", 1).isdigit():
        step, value = float(value[1:]), "up" if value[0] == "+" else "down"
    current = _current(hub, device, start) if start is not None else None
    if current is None:
        current = _current(hub, device, prop)
    low = prop.value_range.min if prop.value_range else 0.0
    high = prop.value_range.max if prop.value_range else 100.0
    base = current if current is not None else (low + high) / 2
    # A relative change may stop at the end of the range (the answer then says so); an
    # absolute value out of range is refused instead, never clamped.
    return base + (step if value == "up" else -step)


def _within(prop: Property, wanted: float) -> tuple[float, str]:
    """A relative change's target kept in the range, and ``max``/``min`` when it had to stop."""
    low = prop.value_range.min if prop.value_range else 0.0
    high = prop.value_range.max if prop.value_range else 100.0
    if wanted > high:
        return high, "max"
    if wanted < low:
        return low, "min"
    return wanted, ""


def _listed(prop: Property, value: float | str) -> int:
    """The value-list entry a word or number names (``cool`` -> 1)."""
    if isinstance(value, float):
        if any(item.value == int(value) for item in prop.value_list):
            return int(value)
    else:
        for item in prop.value_list:
            if item.description.lower() == value or item.description.lower().startswith(value):
                return item.value
    offered = ", ".join(item.description for item in prop.value_list)
    raise _NoSuchValue(offered)


def _level(prop: Property, value: float | str) -> Value:
    if prop.value_list:
        return _listed(prop, value)
    if isinstance(value, float):
        return value
    if prop.value_range is None:
        raise _NoSuchValue(value)
    low, high = prop.value_range.min, prop.value_range.max
    levels = {"low": low, "medium": round((low + high) / 2), "high": high}
    if value not in levels:
        raise _NoSuchValue(f"{low:g}..{high:g}")
    return levels[value]


def _plan(
    hub: Hub, device: Device, intent: Intent, value: float | str | None, feature: str | None
) -> tuple[list[_Step], Property | None, Value | None]:
    on = find_property(device, "on", writable=True)
    if intent in (Intent.TURN_ON, Intent.TURN_OFF):
        if on is None:
            return [], None, None
        return [_Step("set", on.path, intent is Intent.TURN_ON)], on, intent is Intent.TURN_ON
    simple = {
        Intent.SET_BRIGHTNESS: ("light:brightness", _BRIGHTNESS_STEP),
        Intent.SET_COLOR_TEMPERATURE: ("color-temperature", _KELVIN_STEP),
        Intent.SET_TEMPERATURE: ("target-temperature", _TEMPERATURE_STEP),
        Intent.SET_POSITION: ("target-position", _POSITION_STEP),
        Intent.SET_CHARGE_LIMIT: ("charge-limit", 0.0),
        Intent.SET_VOLUME: ("volume", _VOLUME_STEP),
        Intent.SET_CHANNEL: ("channel", 1.0),
    }
    if intent in simple:
        name, step = simple[intent]
        prop = find_property(device, name, writable=True)
        if prop is None or value is None:
            return [], prop, None
        # "Open a bit" starts from where the curtain is: its target can be stale (pulled by
        # hand, or sent by motor control, which does not update it on every curtain).
        since = find_property(device, "current-position") if intent is Intent.SET_POSITION else None
        number, end = (
            _within(prop, _relative(hub, device, prop, value, step, since))
            if isinstance(value, str)
            else (value, "")
        )
        steps = [_Step("set", prop.path, number, end=end)]
        if (
            intent is Intent.SET_BRIGHTNESS
            and on is not None
            and hub.state.value(device.id, on.path) is not True
        ):
            steps.insert(0, _Step("set", on.path, True))
        return steps, prop, number
    if intent in (Intent.SET_MODE, Intent.SET_FAN_LEVEL):
        prop = find_property(
            device, "mode" if intent is Intent.SET_MODE else "fan-level", writable=True
        )
        if prop is None or value is None:
            return [], prop, None
        if intent is Intent.SET_FAN_LEVEL and isinstance(value, str) and fan.is_step(value):
            stepped = fan.step(prop, hub.state.value(device.id, prop.path), value)
            if stepped is None:
                return [], prop, None
            return [_Step("set", prop.path, stepped)], prop, stepped
        chosen = _listed(prop, value) if intent is Intent.SET_MODE else _level(prop, value)
        return [_Step("set", prop.path, chosen)], prop, chosen
    if intent in (Intent.OPEN, Intent.CLOSE):
        motor = find_property(device, "motor-control", writable=True)
        if motor is not None:
            return (
                [
                    _Step(
                        "set",
                        motor.path,
                        _listed(motor, "open" if intent is Intent.OPEN else "close"),
                    )
                ],
                motor,
                None,
            )
        prop = find_property(device, "target-position", writable=True)
        if prop is None:
            return [], None, None
        return [_Step("set", prop.path, 100 if intent is Intent.OPEN else 0)], prop, None
    if intent in (Intent.LOCK, Intent.UNLOCK, Intent.MUTE, Intent.UNMUTE):
        name = "locked" if intent in (Intent.LOCK, Intent.UNLOCK) else "mute"
        prop = find_property(device, name, writable=True)
        wanted = intent in (Intent.LOCK, Intent.MUTE)
        return ([_Step("set", prop.path, wanted)], prop, wanted) if prop else ([], None, None)
    if intent is Intent.DOCK:
        return [_Step("call", "vacuum.return-to-dock")], None, None
    if intent in (Intent.START, Intent.STOP):
        start = intent is Intent.START
        actions = {a.name: a.path for s in device.spec.services for a in s.actions}
        if feature != "climate" and "start-charge" in actions:
            return [_Step("call", actions["start-charge" if start else "stop-charge"])], None, None
        if device.spec.name == "vacuum":
            return [_Step("call", actions["start-sweep" if start else "stop-sweeping"])], None, None
        cabin = find_property(device, "cabin:on", writable=True) or on
        if cabin is not None:
            return [_Step("set", cabin.path, start)], cabin, start
    return [], None, None
