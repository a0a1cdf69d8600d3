"""Checking automations against a registry: devices, properties, actions and events exist.

Loading checks the shape; this checks the home. It runs where both are known (the app on
start, the API on save), and a test runs it on the documentation's examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from orbithub.automation.errors import AutomationIssue
from orbithub.automation.model import (
    Action,
    AndCondition,
    Automation,
    CallStep,
    ChooseStep,
    Condition,
    EtaTrigger,
    EventTrigger,
    NotCondition,
    NotifyStep,
    OnlineTrigger,
    OrCondition,
    PresenceCondition,
    PresenceTrigger,
    PropertyCondition,
    PropertyTrigger,
    RepeatStep,
    RunStep,
    SceneStep,
    SetStep,
    Trigger,
    WaitStep,
    ZoneTrigger,
)
from orbithub.automation.scenes import Scene
from orbithub.core.registry import Registry
from orbithub.spec.errors import SpecError

__all__ = ["check_automations", "references"]

_Ref = PropertyTrigger | EventTrigger | OnlineTrigger | PropertyCondition | SetStep | CallStep
_Spaced = ZoneTrigger | PresenceTrigger | EtaTrigger | PresenceCondition | NotifyStep
_Found = _Ref | RunStep | SceneStep | _Spaced
_LOCATION = ("location.latitude", "location.longitude")
_TRIGGER_REFS = (
    PropertyTrigger,
    EventTrigger,
    OnlineTrigger,
    ZoneTrigger,
    PresenceTrigger,
    EtaTrigger,
)


def check_automations(
    automations: Sequence[Automation],
    registry: Registry,
    *,
    scenes: Sequence[Scene] = (),
    source: str = "<registry>",
) -> list[AutomationIssue]:
    """Every reference that points at nothing, and every scene value a device would refuse.

    References are to devices, properties, actions, events, automations and scenes.
    """
    ids = {a.id for a in automations}
    scene_ids = {s.id for s in scenes}
    issues: list[AutomationIssue] = []
    for index, automation in enumerate(automations):
        for where, ref in references(automation):
            if isinstance(ref, SceneStep):
                problem = None if ref.scene in scene_ids else _no_scene(ref.scene, scene_ids)
            elif isinstance(ref, _Spaced):
                problem = _check_spaced(ref, registry)
            else:
                problem = _check(ref, registry, ids)
            if problem is not None:
                issues.append(AutomationIssue(source, f"automations[{index}].{where}", problem))
    for index, scene in enumerate(scenes):
        for device, path, value in scene.values:
            problem = _check(SetStep(device, path, value), registry, ids)
            if problem is not None:
                issues.append(AutomationIssue(source, f"scenes[{index}].values.{device}", problem))
    return issues


def _no_scene(scene_id: str, known: set[str]) -> str:
    return f"no scene {scene_id!r}; known: {', '.join(sorted(known)) or 'none'}"


def references(automation: Automation) -> Iterator[tuple[str, _Found]]:
    """Every trigger, condition and step that names a device, space, scene or automation."""
    yield from _triggers(automation.triggers, "triggers")
    yield from _conditions(automation.conditions, "conditions")
    yield from _actions(automation.actions, "actions")


def _triggers(triggers: Iterable[Trigger], at: str) -> Iterator[tuple[str, _Found]]:
    for i, trigger in enumerate(triggers):
        if isinstance(trigger, _TRIGGER_REFS):
            yield f"{at}[{i}]", trigger


def _conditions(conditions: Iterable[Condition], at: str) -> Iterator[tuple[str, _Found]]:
    for i, condition in enumerate(conditions):
        yield from _condition(condition, f"{at}[{i}]")


def _condition(condition: Condition, here: str) -> Iterator[tuple[str, _Found]]:
    if isinstance(condition, PropertyCondition | PresenceCondition):
        yield here, condition
    elif isinstance(condition, AndCondition | OrCondition):
        yield from _conditions(condition.parts, f"{here}.conditions")
    elif isinstance(condition, NotCondition):
        yield from _condition(condition.part, f"{here}.condition")


def _actions(actions: Iterable[Action], at: str) -> Iterator[tuple[str, _Found]]:
    for i, action in enumerate(actions):
        here = f"{at}[{i}]"
        if isinstance(action, SetStep | CallStep | RunStep | SceneStep | NotifyStep):
            yield here, action
        elif isinstance(action, WaitStep):
            yield from _triggers(action.triggers, f"{here}.triggers")
        elif isinstance(action, ChooseStep):
            for j, option in enumerate(action.options):
                yield from _conditions(option.conditions, f"{here}.options[{j}].conditions")
                yield from _actions(option.actions, f"{here}.options[{j}].actions")
            yield from _actions(action.default, f"{here}.else")
        elif isinstance(action, RepeatStep):
            yield from _actions(action.actions, f"{here}.actions")
            yield from _conditions(action.while_, f"{here}.while")


def _check(ref: _Ref | RunStep, registry: Registry, ids: set[str]) -> str | None:
    if isinstance(ref, RunStep):
        if ref.automation in ids:
            return None
        return f"no automation {ref.automation!r}; known: {', '.join(sorted(ids))}"
    device = registry.find_device(ref.device)
    if device is None:
        return f"no device {ref.device!r}; check the id in the device list"
    try:
        if isinstance(ref, PropertyTrigger | PropertyCondition):
            device.spec.property(ref.path)
        elif isinstance(ref, SetStep):
            prop = device.spec.property(ref.path)
            if not prop.writable:
                return f"{device.id} {prop.path} cannot be written (it is read-only)"
        elif isinstance(ref, CallStep):
            device.spec.action(ref.action)
        elif isinstance(ref, EventTrigger):
            device.spec.event(ref.event)
    except SpecError as exc:
        return f"{device.id}: {exc}"
    return None


def _check_spaced(ref: _Spaced, registry: Registry) -> str | None:
    space = ref.space
    if space is not None and space not in {s.id for s in registry.spaces()}:
        known = ", ".join(s.id for s in registry.spaces()) or "none"
        return f"no space {space!r}; known spaces: {known}"
    device = getattr(ref, "device", None)
    if device is None:
        return None
    found = registry.find_device(device)
    if found is None:
        return f"no device {device!r}; check the id in the device list"
    if isinstance(ref, EtaTrigger | ZoneTrigger) and any(
        found.spec.find_property(p) is None for p in _LOCATION
    ):
        return f"{device} reports no location, so it cannot arrive anywhere; use a phone or car"
    return None
