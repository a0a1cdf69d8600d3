"""Scenes: a captured set of device values, applied later through the hub's command path."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from orbithub.core.commands import CommandPort
from orbithub.core.context import Context, Origin
from orbithub.core.hub import Hub
from orbithub.errors import OrbitHubError
from orbithub.spec.model import Value

__all__ = ["Scene", "SceneResult", "apply_scene", "capture_scene"]

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Scene:
    """Device values to restore together: ((device, path, value), ...).

    ``aliases`` are more names people call the scene by, in any language ("晚安", "bedtime"):
    the assistant activates it by its name or any of them.
    """

    id: str
    name: str
    values: tuple[tuple[str, str, Value], ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SceneResult:
    """What applying a scene did: the writes that went out and those refused (with why)."""

    applied: tuple[tuple[str, str], ...]
    failed: tuple[tuple[str, str, str], ...]


def capture_scene(hub: Hub, device_ids: Iterable[str], *, scene_id: str, name: str = "") -> Scene:
    """The current value of every writable, readable property of the given devices.

    Raises:
        UnknownDeviceError: a device id is not in the registry.
    """
    values: list[tuple[str, str, Value]] = []
    for device_id in device_ids:
        device = hub.registry.device(device_id)
        for prop in device.spec.properties():
            if not (prop.writable and prop.readable):
                continue
            value = hub.state.value(device_id, prop.path)
            if value is not None:
                values.append((device_id, prop.path, value))
    return Scene(scene_id, name or scene_id, tuple(values))


async def apply_scene(
    commands: CommandPort, scene: Scene, *, context: Context | None = None
) -> SceneResult:
    """Write every value of a scene; a refused write is reported, the others still go out.

    ``commands`` is the hub's guarded entry (or the hub itself where nothing guards).
    """
    ctx = context or Context(Origin.SYSTEM)
    applied: list[tuple[str, str]] = []
    failed: list[tuple[str, str, str]] = []
    for device_id, path, value in scene.values:
        try:
            await commands.set(device_id, path, value, context=ctx)
        except OrbitHubError as exc:
            _LOGGER.warning("scene %s: %s %s refused: %s", scene.id, device_id, path, exc)
            failed.append((device_id, path, str(exc)))
        else:
            applied.append((device_id, path))
    return SceneResult(tuple(applied), tuple(failed))
