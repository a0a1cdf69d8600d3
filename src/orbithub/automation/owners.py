"""Whose rights an automation has: what it acts on and reads, checked against its owner.

An automation saved through the API belongs to the user who saved it and runs with that
user's *current* rights; one marked household by an owner of the hub, or written by hand in
the data directory, runs with the system's. :func:`reach` lists everything an automation
touches (devices it commands, devices and spaces it reads, templates included) and
:func:`refusals` says which of those a user's rights do not cover. The API checks on save, the
engine again when a run starts and before each command. Rights come from outside this package
(a :data:`RightsOf` callable), so automations never depend on how accounts are stored.
"""

# The Chinese sentences use full-width punctuation on purpose: it is correct Chinese
# typography, not a look-alike of ASCII.
# ruff: noqa: RUF001

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from jinja2 import TemplateSyntaxError, nodes

from orbithub.automation import templates
from orbithub.automation.model import (
    Automation,
    CallStep,
    EtaTrigger,
    NotifyStep,
    PresenceCondition,
    PresenceTrigger,
    RunStep,
    SceneStep,
    SetStep,
    ZoneTrigger,
)
from orbithub.automation.scenes import Scene
from orbithub.automation.validate import references
from orbithub.core.registry import Device, Registry
from orbithub.errors import OrbitHubError
from orbithub.spec.model import Value

__all__ = [
    "ANY_DEVICE",
    "Need",
    "Refusal",
    "Rights",
    "RightsOf",
    "RunRefused",
    "Touch",
    "owner_names",
    "reach",
    "refusals",
    "template_reads",
]

ANY_DEVICE = "*"
"""The device of a template read whose device is computed (``state(trigger.device, ...)``)."""


class RunRefused(OrbitHubError):
    """The automation's owner may not do what the run needs; the run is refused.

    Attributes:
        chinese: the same sentence in Chinese, for "why" in the app's language.
    """

    def __init__(self, message: str, chinese: str) -> None:
        super().__init__(message)
        self.chinese = chinese

    @classmethod
    def of(cls, refusal: Refusal) -> RunRefused:
        """The run refused for ``refusal``."""
        return cls(refusal.message, refusal.chinese)


class Need(StrEnum):
    """What a touch needs of the owner's rights."""

    READ = "read"
    CONTROL = "control"


@dataclass(frozen=True, slots=True)
class Touch:
    """One device or space an automation reads or commands.

    Attributes:
        path: where in the automation (``actions[2].value``).
        need: read or control.
        device: the device id (:data:`ANY_DEVICE` for a computed one), or None for a space.
        space: the space whose presence or geofence is read, when ``device`` is None.
    """

    path: str
    need: Need
    device: str | None = None
    space: str | None = None


@dataclass(frozen=True, slots=True)
class Refusal:
    """A touch the rights do not cover, with a sentence naming the device or space.

    ``hidden`` says the owner may not even see it: the API answers as for an unknown id, so
    ids of devices a user may not see do not leak.
    """

    touch: Touch
    message: str
    chinese: str
    hidden: bool = False


class Rights(Protocol):
    """What a user may see and command (the API's principal has this shape)."""

    @property
    def username(self) -> str:
        """The user's sign-in name (run refusals name the owner with it)."""
        ...

    def can_view_device(self, device: Device) -> bool:
        """Whether the user may see the device and its state."""
        ...

    def can_control_device(self, device: Device) -> bool:
        """Whether the user may command the device."""
        ...

    def can_view_space(self, space_id: str) -> bool:
        """Whether the user may see the space (its presence, its geofence)."""
        ...


RightsOf = Callable[[str], Awaitable[Rights | None]]
"""A user id to that user's current rights; None when the account no longer exists."""


def template_reads(text: str) -> tuple[set[str], bool]:
    """The devices a template reads with ``state('device', ...)``.

    Returns:
        The literal device ids, and whether some ``state`` call computes its device.
    """
    if not templates.is_template(text):
        return set(), False
    try:
        tree = templates.parse(text)
    except TemplateSyntaxError:
        return set(), False  # loading refuses it with the syntax error
    devices: set[str] = set()
    computed = False
    for call in tree.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "state"):
            continue
        first = call.args[0] if call.args else None
        if isinstance(first, nodes.Const) and isinstance(first.value, str):
            devices.add(first.value)
        else:
            computed = True
    # ``state`` handed on under another name (``{% set s = state %}``) reads what it likes.
    for name in tree.find_all(nodes.Name):
        if name.name == "state" and not _called(tree, name):
            computed = True
    return devices, computed


def _called(tree: nodes.Template, name: nodes.Name) -> bool:
    return any(call.node is name for call in tree.find_all(nodes.Call))


def _template_touches(path: str, values: Iterable[Value]) -> Iterator[Touch]:
    for value in values:
        if not isinstance(value, str):
            continue
        devices, computed = template_reads(value)
        for device in sorted(devices):
            yield Touch(path, Need.READ, device)
        if computed:
            yield Touch(path, Need.READ, ANY_DEVICE)


def reach(
    automation: Automation,
    scene: Callable[[str], Scene | None],
    other: Callable[[str], Automation | None] = lambda _: None,
) -> list[Touch]:
    """Everything ``automation`` reads or commands, in document order.

    An automation its ``run`` steps start counts as its own: starting one that unlocks the
    front door is unlocking the front door.

    Args:
        automation: the automation.
        scene: looks up the scenes its ``scene`` steps apply (an unknown one touches nothing).
        other: looks up the automations its ``run`` steps start.
    """
    found: list[Touch] = []
    _reach(automation, scene, other, "", found, {automation.id})
    return found


def _reach(
    automation: Automation,
    scene: Callable[[str], Scene | None],
    other: Callable[[str], Automation | None],
    prefix: str,
    found: list[Touch],
    seen: set[str],
) -> None:
    if automation.space is not None:
        found.append(Touch(f"{prefix}space", Need.READ, space=automation.space))
    for path, ref in references(automation):
        found.extend(_touches(f"{prefix}{path}", ref, scene))
        if isinstance(ref, RunStep) and ref.automation not in seen:
            seen.add(ref.automation)
            started = other(ref.automation)
            if started is not None:
                inner = f"{prefix}{path} (automation {started.id}): "
                _reach(started, scene, other, inner, found, seen)


def _touches(path: str, ref: object, scene: Callable[[str], Scene | None]) -> Iterator[Touch]:
    match ref:
        case SetStep():
            yield Touch(path, Need.CONTROL, ref.device)
            yield from _template_touches(f"{path}.value", [ref.value])
        case CallStep():
            yield Touch(path, Need.CONTROL, ref.device)
            yield from _template_touches(f"{path}.arguments", [v for _, v in ref.arguments])
        case SceneStep():
            found = scene(ref.scene)
            values = found.values if found is not None else ()
            for device in dict.fromkeys(d for d, _, _ in values):
                yield Touch(f"{path}.scene", Need.CONTROL, device)
        case NotifyStep():
            if ref.space is not None:
                yield Touch(path, Need.READ, space=ref.space)
            yield from _template_touches(path, [ref.title, ref.message, *ref.to])
        case ZoneTrigger() | EtaTrigger():
            yield Touch(path, Need.READ, space=ref.space)
            if ref.device is not None:
                yield Touch(path, Need.READ, ref.device)
        case PresenceTrigger() | PresenceCondition():
            yield Touch(path, Need.READ, space=ref.space)
        case _:
            named = getattr(ref, "device", None)
            if isinstance(named, str):
                yield Touch(path, Need.READ, named)


def owner_names(rights: Rights) -> dict[str, str]:
    """How a run's refusals name its owner, in English and Chinese."""
    return {"who": f"its owner {rights.username}", "who_zh": f"其所有者 {rights.username} "}


def refusals(
    touches: Iterable[Touch],
    rights: Rights,
    registry: Registry,
    *,
    who: str = "you",
    who_zh: str = "你",
) -> list[Refusal]:
    """The touches ``rights`` do not cover, each with a sentence naming what and why.

    Args:
        touches: what an automation reads and commands (see :func:`reach`).
        rights: the owner's rights.
        registry: the devices and spaces touched.
        who: how the sentences name the owner ("you" on save, "its owner mei" in a run).
        who_zh: the same in Chinese.
    """
    found: list[Refusal] = []
    for touch in touches:
        refusal = _refusal(touch, rights, registry, (who, who_zh))
        if refusal is not None:
            found.append(refusal)
    return found


def _refusal(
    touch: Touch, rights: Rights, registry: Registry, names: tuple[str, str]
) -> Refusal | None:
    who, who_zh = names
    if touch.device is None:
        space = touch.space or ""
        if rights.can_view_space(space):
            return None
        return Refusal(
            touch,
            f"no space {space!r} that {who} may see",
            f"没有{who_zh}可查看的空间 {space!r}",
            hidden=True,
        )
    if touch.device == ANY_DEVICE:
        if all(rights.can_view_device(d) for d in registry.devices()):
            return None
        return Refusal(
            touch,
            f"a template computes which device state() reads, and {who} may not see every "
            "device; name the device in quotes (state('device-id', 'service.property'))",
            f"模板动态计算 state() 读取的设备，而{who_zh}无权查看所有设备；"
            "请用引号写明设备 id（state('device-id', 'service.property')）",
        )
    device = registry.find_device(touch.device)
    if device is None or not rights.can_view_device(device):
        # The same words for an id that does not exist: ids of hidden devices do not leak.
        return Refusal(
            touch,
            f"no device {touch.device!r} that {who} may see; check the id, or ask an owner "
            "for a grant",
            f"没有{who_zh}可查看的设备 {touch.device!r}；请检查 id，或请所有者授权",
            hidden=True,
        )
    if touch.need is Need.CONTROL and not rights.can_control_device(device):
        return Refusal(
            touch,
            f"{who} may not control device {touch.device!r} ({device.name}); "
            "ask an owner for a grant",
            f"{who_zh}无权控制设备 {touch.device!r}（{device.name}）；请所有者授权",
        )
    return None
