"""Start and stop charging the way a person would: by switching the home charger.

The charging service plans a car's charge by switching its home charger, and treats anyone
else switching it as a hand on the switch that holds until the car is unplugged. So "start
charging" switches the charger the car is plugged into at home; only when the car is not
plugged in at home does the car's own charging command go out, and when it is not plugged in
at all nothing is sent and the answer says so.
"""

from __future__ import annotations

from orbithub.assistant.model import ActionTaken
from orbithub.assistant.outcome import Outcome, Problem
from orbithub.assistant.resolve import find_property
from orbithub.core.commands import CommandPort
from orbithub.core.context import Context
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, SpaceKind
from orbithub.errors import OrbitHubError

__all__ = ["is_charging_command", "switch_charging"]

_UNPLUGGED = ("disconnected", "unplugged")


def is_charging_command(device: Device, feature: str | None) -> bool:
    """Whether start/stop on this device means its charging."""
    return feature != "climate" and any(
        a.name == "start-charge" for s in device.spec.services for a in s.actions
    )


def _plugged_charger(hub: Hub) -> Device | None:
    """A home charger with a car plugged in (the car's home is where its charger is)."""
    homes = {s.id for s in hub.registry.spaces() if s.kind is SpaceKind.HOME}
    for device in hub.registry:
        plugged = find_property(device, "charger:plugged")
        if device.space_id not in homes or plugged is None:
            continue
        if hub.state.value(device.id, plugged.path) is True:
            return device
    return None


def _car_state(hub: Hub, car: Device) -> str:
    prop = find_property(car, "charging:charging-state")
    value = hub.state.value(car.id, prop.path) if prop is not None else None
    if prop is None or not isinstance(value, int):
        return ""
    return (prop.describe_value(value) or "").lower()


async def switch_charging(
    hub: Hub, commands: CommandPort, car: Device, start: bool, context: Context
) -> Outcome:
    """Start or stop charging ``car``, through its home charger when it is plugged in there.

    ``commands`` is the guarded entry acting as the speaker.
    """
    charger = _plugged_charger(hub)
    switch = find_property(charger, "charger:on", writable=True) if charger else None
    if charger is not None and switch is not None:
        path = switch.path
        try:
            result = await commands.set(charger.id, path, start, context=context)
        except OrbitHubError as exc:
            taken = ActionTaken(charger.id, "set", path, start, False, str(exc))
            return Outcome(car, (taken,), Problem.FAILED, message=str(exc), via=charger)
        taken = ActionTaken(charger.id, "set", path, start, True, result.message)
        return Outcome(car, (taken,), None, switch, start, confirmed=result.confirmed, via=charger)
    if _car_state(hub, car) in (*_UNPLUGGED, ""):
        return Outcome(car, problem=Problem.NOT_PLUGGED)
    action = next(
        a.path
        for s in car.spec.services
        for a in s.actions
        if a.name == ("start-charge" if start else "stop-charge")
    )
    try:
        result = await commands.call(car.id, action, (), context=context)
    except OrbitHubError as exc:
        taken = ActionTaken(car.id, "call", action, None, False, str(exc))
        return Outcome(car, (taken,), Problem.FAILED, message=str(exc))
    taken = ActionTaken(car.id, "call", action, None, True, result.message)
    return Outcome(car, (taken,), None, confirmed=result.confirmed)
