"""Parse Home Assistant MQTT discovery messages into typed OrbitHub devices.

Two topic forms are understood:

* ``<prefix>/<component>/[<node_id>/]<object_id>/config``: one component per message;
* ``<prefix>/device/<device_id>/config``: a device with its components in ``cmps``, each
  naming its platform in ``p``/``platform``.

An empty payload removes what the topic announced. Components that share a
``device.identifiers`` belong to one OrbitHub device; a component without a ``device`` block
is a device of its own. Because components of one device arrive in separate messages,
:class:`DiscoveryCatalog` keeps them and rebuilds a device whenever one of its components
changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from orbithub.adapters.mqtt.assemble import DeviceDraft, ServiceDraft, build_device, slug
from orbithub.adapters.mqtt.ha_abbreviations import expand
from orbithub.adapters.mqtt.ha_climate import climate
from orbithub.adapters.mqtt.ha_components import (
    COMPONENTS,
    COVER_SERVICES,
    ComponentMap,
    ComponentMapper,
)
from orbithub.adapters.mqtt.ha_config import HaConfig
from orbithub.adapters.mqtt.ha_extras import EXTRA_COMPONENTS
from orbithub.adapters.mqtt.ha_lights import light
from orbithub.adapters.mqtt.mapping import (
    MAX_PAYLOAD_BYTES,
    Availability,
    AvailabilityMode,
    AvailabilityTopic,
    DeviceInfo,
    DiscoveredDevice,
    DiscoveryError,
    PayloadTooLarge,
    Skipped,
    UnknownComponentError,
)
from orbithub.adapters.mqtt.names import ORBITHUB_ORIGIN
from orbithub.adapters.mqtt.templates import TemplateError, check_template

__all__ = [
    "CatalogChange",
    "DiscoveredComponent",
    "DiscoveryCatalog",
    "DiscoveryResult",
    "parse_discovery",
]

_MAPPERS: dict[str, ComponentMapper] = {
    **COMPONENTS,
    **EXTRA_COMPONENTS,
    "light": light,
    "climate": climate,
}

_NOT_MAPPED = frozenset(
    {
        "camera",
        "humidifier",
        "image",
        "lawn_mower",
        "notify",
        "vacuum",
        "valve",
        "water_heater",
    }
)
"""Components HA defines that OrbitHub does not map yet: skipped with a reason, not errors."""

_OPENERS = tuple(sorted(set(COVER_SERVICES.values()), key=len, reverse=True))
"""Services of covers that open a way in; such a cover names its device's kind."""

# Order in which a component gives the device its kind (the first present wins).
_KIND = (
    ("alarm_control_panel", "alarm"),
    ("climate", "thermostat"),
    ("light", "light"),
    ("cover", "curtain"),
    ("lock", "lock"),
    ("fan", "fan"),
    ("siren", "siren"),
    ("switch", "switch"),
    ("device_tracker", "tracker"),
    ("binary_sensor", "sensor"),
    ("sensor", "sensor"),
    ("number", "controller"),
    ("select", "controller"),
    ("button", "controller"),
    ("scene", "scene"),
)

_ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True, slots=True)
class DiscoveredComponent:
    """One HA component (entity) from a discovery message, mapped but not yet grouped.

    Attributes:
        discovery_id: ``<component>/[<node_id>/]<object_id>``: what a later empty payload on
            the same topic removes.
        component: the HA component (``light``...).
        unique_id: the entity's ``unique_id`` (empty when it has none).
        device_id: the OrbitHub device it belongs to.
        device: the ``device`` block, if any.
        services: its service drafts.
        availability: where it reports being online, if anywhere.
        skipped: parts of it that were not mapped.
    """

    discovery_id: str
    component: str
    unique_id: str
    device_id: str
    name: str
    device: DeviceInfo | None
    services: tuple[ServiceDraft, ...]
    availability: Availability | None = None
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True, slots=True)
class DiscoveryResult:
    """What one discovery message says.

    Attributes:
        topic: the discovery topic.
        components: components added or updated.
        removed: discovery ids of components removed (empty payload or a bare ``cmps`` entry).
        skipped: components not mapped, with reasons.
        devices: the devices built from this message's components alone (a single-component
            message gives a one-service device; :class:`DiscoveryCatalog` merges across
            messages).
    """

    topic: str
    components: tuple[DiscoveredComponent, ...] = ()
    removed: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    devices: tuple[DiscoveredDevice, ...] = ()


def _parse_topic(topic: str, prefix: str) -> tuple[str, str, str]:
    """``(component, node_id, object_id)`` of a discovery topic."""
    parts = topic.split("/")
    head = prefix.split("/")
    if parts[: len(head)] != head or len(parts) not in (len(head) + 3, len(head) + 4):
        raise DiscoveryError(
            topic,
            f"not a discovery topic under {prefix!r} "
            f"(<prefix>/<component>/[<node_id>/]<object_id>/config)",
        )
    rest = parts[len(head) :]
    if rest[-1] != "config":
        raise DiscoveryError(topic, "a discovery topic ends in '/config'")
    component = rest[0]
    node_id, object_id = (rest[1], rest[2]) if len(rest) == 4 else ("", rest[1])
    for part in (component, object_id, *([node_id] if node_id else [])):
        if not _ID_RE.match(part):
            raise DiscoveryError(topic, f"topic segment {part!r} may hold only [A-Za-z0-9_-]")
    return component, node_id, object_id


def _load(topic: str, payload: bytes) -> dict[str, Any] | None:
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise PayloadTooLarge(
            topic,
            f"discovery payload of {len(payload)} bytes is over the "
            f"{MAX_PAYLOAD_BYTES} limit; it was ignored",
        )
    if not payload.strip():
        return None
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise DiscoveryError(topic, f"payload is not JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise DiscoveryError(topic, f"payload must be a JSON object, got {type(data).__name__}")
    return data


def _device_info(topic: str, block: Any) -> DeviceInfo | None:
    if block is None:
        return None
    if not isinstance(block, Mapping):
        raise DiscoveryError(topic, f"'device' must be an object, got {block!r}")
    ids = block.get("identifiers")
    if isinstance(ids, str | int):
        ids = [ids]
    if ids is not None and not isinstance(ids, list):
        raise DiscoveryError(topic, f"device identifiers must be a list, got {ids!r}")
    identifiers = tuple(str(i) for i in ids or ())
    if not identifiers:
        # Devices may be identified only by connections ([["mac", "..."]]).
        connections = block.get("connections")
        if isinstance(connections, list):
            identifiers = tuple(
                f"{c[0]}:{c[1]}" for c in connections if isinstance(c, list) and len(c) == 2
            )

    def text(key: str) -> str:
        value = block.get(key)
        return str(value) if isinstance(value, str | int | float) else ""

    return DeviceInfo(
        identifiers,
        text("name"),
        text("manufacturer"),
        text("model"),
        text("model_id"),
        text("sw_version"),
        text("hw_version"),
        text("serial_number"),
        text("suggested_area"),
        text("via_device"),
    )


def _availability(cfg: HaConfig) -> Availability | None:
    topics: list[AvailabilityTopic] = []
    single = cfg.text("availability_topic")
    if single:
        topics.append(
            AvailabilityTopic(
                single,
                cfg.text("payload_available", "online") or "",
                cfg.text("payload_not_available", "offline") or "",
                cfg.text("availability_template"),
            )
        )
    entries = cfg.data.get("availability")
    if entries is not None:
        if not isinstance(entries, list):
            raise DiscoveryError(cfg.topic, f"'availability' must be a list, got {entries!r}")
        for entry in entries:
            if not isinstance(entry, Mapping) or not isinstance(entry.get("topic"), str):
                raise DiscoveryError(cfg.topic, f"availability entry {entry!r} needs a 'topic'")
            sub = HaConfig(cfg.topic, "availability", entry)
            topics.append(
                AvailabilityTopic(
                    entry["topic"],
                    sub.text("payload_available", "online") or "",
                    sub.text("payload_not_available", "offline") or "",
                    sub.text("value_template"),
                )
            )
    if not topics:
        return None
    mode_text = cfg.text("availability_mode", "latest") or "latest"
    try:
        mode = AvailabilityMode(mode_text)
    except ValueError:
        raise DiscoveryError(
            cfg.topic, f"availability_mode {mode_text!r} is not all/any/latest"
        ) from None
    return Availability(tuple(topics), mode)


def _service_suffix(cfg: HaConfig, device: DeviceInfo | None) -> str:
    """``-left`` for a named entity inside a device, so two switches get two services."""
    name = cfg.text("name")
    if device is None or not name or name == device.name:
        return ""
    return "-" + slug(name)


def _component(
    topic: str, component: str, discovery_id: str, data: Mapping[str, Any]
) -> DiscoveredComponent:
    config = expand(data)
    # The topic's object id names the entity when the config does not (HA does the same).
    config.setdefault("object_id", discovery_id.rsplit("/", 1)[-1])
    cfg = HaConfig(topic, component, config)
    _check_templates(topic, component, config)
    mapper = _MAPPERS[component]
    device = _device_info(topic, cfg.data.get("device"))
    try:
        mapped: ComponentMap = mapper(cfg, _service_suffix(cfg, device))
    except DiscoveryError:
        raise
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        # The mappers check types through HaConfig; this is the backstop for a shape they did
        # not expect, so one odd message never escapes as a bare exception.
        raise DiscoveryError(topic, f"{component} config is malformed: {exc}") from exc
    unique_id = cfg.text("unique_id") or ""
    if device is not None and device.identifiers:
        device_id = "mqtt:" + device.identifiers[0]
    else:
        device_id = "mqtt:" + (unique_id or discovery_id)
    name = (
        cfg.text("name") or (device.name if device else "") or cfg.text("object_id") or discovery_id
    )
    return DiscoveredComponent(
        discovery_id,
        component,
        unique_id,
        device_id,
        name,
        device,
        mapped.services,
        _availability(cfg),
        mapped.skipped,
    )


def _check_templates(topic: str, component: str, config: Mapping[str, Any]) -> None:
    """Compile every template of a config now, so a bad one refuses the config at once."""
    entries = config.get("availability")
    blocks = (
        [config, *(e for e in entries if isinstance(e, Mapping))]
        if isinstance(entries, list)
        else [config]
    )
    for block in blocks:
        for key, value in block.items():
            if isinstance(key, str) and key.endswith("_template") and isinstance(value, str):
                try:
                    check_template(value)
                except TemplateError as exc:
                    raise DiscoveryError(topic, f"{component} {key}: {exc.reason}") from None


def _check_component(topic: str, component: str) -> Skipped | None:
    if component in _MAPPERS:
        return None
    if component in _NOT_MAPPED:
        return Skipped(topic, f"HA component {component!r} is not mapped by OrbitHub yet")
    raise UnknownComponentError(
        topic,
        f"{component!r} is not a Home Assistant MQTT component; known: "
        f"{', '.join(sorted(_MAPPERS | dict.fromkeys(_NOT_MAPPED)))}",
    )


def _device_message(topic: str, device_id: str, data: dict[str, Any] | None) -> DiscoveryResult:
    if data is None:
        # An empty payload removes every component the device announced; the catalog knows
        # which they were.
        return DiscoveryResult(topic, removed=(f"device/{device_id}/*",))
    data = expand(data)
    cmps = data.pop("components", None) or data.pop("cmps", None)
    if not isinstance(cmps, Mapping) or not cmps:
        raise DiscoveryError(topic, "device discovery needs a non-empty 'cmps' object")
    shared = {k: v for k, v in data.items() if k not in ("cmps", "components")}
    components: list[DiscoveredComponent] = []
    removed: list[str] = []
    skipped: list[Skipped] = []
    for object_id, raw in cmps.items():
        if not isinstance(raw, Mapping):
            raise DiscoveryError(topic, f"component {object_id!r} must be an object")
        entry = expand(raw)
        platform = entry.get("platform")
        if not isinstance(platform, str):
            raise DiscoveryError(topic, f"component {object_id!r} needs a 'p' (platform)")
        discovery_id = f"device/{device_id}/{platform}/{object_id}"
        if set(entry) == {"platform"}:
            removed.append(discovery_id)  # a bare platform entry removes that component
            continue
        try:
            problem = _check_component(topic, platform)
        except UnknownComponentError as exc:
            skipped.append(Skipped(f"{topic} {object_id}", exc.reason))
            continue
        if problem is not None:
            skipped.append(problem)
            continue
        merged = {**shared, **entry}
        merged.pop("platform", None)
        try:
            components.append(_component(topic, platform, discovery_id, merged))
        except DiscoveryError as exc:
            # One bad component must not hide the rest of the device.
            skipped.append(Skipped(f"{topic} {object_id}", exc.reason))
    return DiscoveryResult(
        topic, tuple(components), tuple(removed), tuple(skipped), tuple(assemble(components))
    )


def parse_discovery(
    topic: str, payload: bytes, *, prefix: str = "homeassistant"
) -> DiscoveryResult:
    """Parse one discovery message.

    Args:
        topic: the message topic.
        payload: the raw payload; empty means "remove what this topic announced".
        prefix: the discovery prefix the bridge publishes under.

    Returns:
        The components added or removed, and the devices they form on their own.

    Raises:
        DiscoveryError: the topic or payload is malformed, too large (:class:`PayloadTooLarge`),
            names an unknown component (:class:`UnknownComponentError`) or lacks a required key.
    """
    component, node_id, object_id = _parse_topic(topic, prefix)
    data = _load(topic, payload)
    if data is not None and _published_by_orbithub(data):
        # A hub publishing its devices to Home Assistant (``--publish-ha``) shares the broker
        # with its own MQTT adapter; importing them back would duplicate every device.
        return DiscoveryResult(topic, skipped=(Skipped(topic, ORBITHUB_ORIGIN_SKIPPED),))
    if component == "device" and not node_id:
        return _device_message(topic, object_id, data)
    discovery_id = "/".join(p for p in (component, node_id, object_id) if p)
    if data is None:
        return DiscoveryResult(topic, removed=(discovery_id,))
    problem = _check_component(topic, component)
    if problem is not None:
        return DiscoveryResult(topic, skipped=(problem,))
    found = _component(topic, component, discovery_id, data)
    return DiscoveryResult(topic, (found,), devices=tuple(assemble([found])))


ORBITHUB_ORIGIN_SKIPPED = "published by an OrbitHub hub; not imported back"


def _published_by_orbithub(data: Mapping[str, Any]) -> bool:
    origin = data.get("origin", data.get("o"))
    return isinstance(origin, Mapping) and origin.get("name") == ORBITHUB_ORIGIN


def _kind(members: list[DiscoveredComponent]) -> str:
    """The device's kind: a garage door, gate, door or window opener first, else by _KIND.

    An opener is named even beside a light (garage door openers often have one), so the type
    says what the device guards. Every component's service stays on the device either way.
    """
    for member in members:
        if member.component != "cover":
            continue
        for service in member.services:
            for opener in _OPENERS:
                if service.name == opener or service.name.startswith(opener + "-"):
                    return opener
    present = {m.component for m in members}
    return next((k for comp, k in _KIND if comp in present), members[0].component)


def assemble(components: Iterable[DiscoveredComponent]) -> list[DiscoveredDevice]:
    """Group components by device and build one typed device per group."""
    groups: dict[str, list[DiscoveredComponent]] = {}
    for c in components:
        groups.setdefault(c.device_id, []).append(c)
    devices = []
    for device_id, members in groups.items():
        info = next((m.device for m in members if m.device is not None), None) or DeviceInfo()
        kind = _kind(members)
        model = "-".join(p for p in (info.manufacturer, info.model_id or info.model) if p)
        availability = next((m.availability for m in members if m.availability), None)
        draft = DeviceDraft(
            id=device_id,
            name=info.name or members[0].name,
            kind=kind,
            model=model or f"mqtt-{members[0].component}",
            services=tuple(s for m in members for s in m.services),
            info=info,
            availability=availability,
            unique_ids=tuple(m.unique_id for m in members if m.unique_id),
            skipped=tuple(s for m in members for s in m.skipped),
        )
        devices.append(build_device(draft))
    return devices


@dataclass(frozen=True, slots=True)
class CatalogChange:
    """What applying one discovery result changed.

    Attributes:
        devices: devices added or rebuilt (their full current form).
        removed_devices: ids of devices left with no component.
        removed_unique_ids: ``unique_id`` of every entity removed.
        refused_devices: ids of new devices refused: the catalog holds its most already.
    """

    devices: tuple[DiscoveredDevice, ...] = ()
    removed_devices: tuple[str, ...] = ()
    removed_unique_ids: tuple[str, ...] = ()
    refused_devices: tuple[str, ...] = ()


class DiscoveryCatalog:
    """The components seen so far, so devices can be rebuilt as their parts come and go.

    Loop only: not thread-safe. Only the devices a message touches are rebuilt, so applying a
    message costs the same with ten devices or ten thousand.

    Args:
        max_devices: the most devices kept; components of further devices are refused.
        max_configs: the most components kept, all devices together.
    """

    def __init__(self, max_devices: int = 50_000, max_configs: int = 200_000) -> None:
        self.max_devices = max_devices
        self.max_configs = max_configs
        self.refused_configs = 0
        """Components refused because a limit was reached."""
        self._device_of: dict[str, str] = {}
        self._members: dict[str, dict[str, DiscoveredComponent]] = {}

    def __len__(self) -> int:
        """The number of components (discovery configs) kept."""
        return len(self._device_of)

    def _full(self, component: DiscoveredComponent) -> bool:
        if component.discovery_id in self._device_of:
            return False  # an update replaces what it had
        if len(self._device_of) >= self.max_configs:
            return True
        return component.device_id not in self._members and len(self._members) >= self.max_devices

    def _remove(self, discovery_id: str) -> DiscoveredComponent | None:
        device_id = self._device_of.pop(discovery_id, None)
        if device_id is None:
            return None
        members = self._members[device_id]
        old = members.pop(discovery_id)
        if not members:
            del self._members[device_id]
        return old

    def apply(self, result: DiscoveryResult) -> CatalogChange:
        """Record ``result`` and return the devices it changed."""
        touched: set[str] = set()
        removed_ids: list[str] = []
        for discovery_id in result.removed:
            if discovery_id.endswith("/*"):
                prefix = discovery_id[:-1]
                victims = [k for k in self._device_of if k.startswith(prefix)]
            else:
                victims = [discovery_id]
            for key in victims:
                old = self._remove(key)
                if old is not None:
                    touched.add(old.device_id)
                    if old.unique_id:
                        removed_ids.append(old.unique_id)
        refused: list[str] = []
        for component in result.components:
            if self._full(component):
                self.refused_configs += 1
                refused.append(component.device_id)
                continue
            old = self._remove(component.discovery_id)
            if old is not None:
                touched.add(old.device_id)
            self._device_of[component.discovery_id] = component.device_id
            self._members.setdefault(component.device_id, {})[component.discovery_id] = component
            touched.add(component.device_id)
        devices = [d for d in (self._built(i, result) for i in sorted(touched)) if d is not None]
        alive = {d.id for d in devices}
        return CatalogChange(
            tuple(devices),
            tuple(sorted(touched - alive)),
            tuple(removed_ids),
            tuple(dict.fromkeys(refused)),
        )

    def _built(self, device_id: str, result: DiscoveryResult) -> DiscoveredDevice | None:
        members = self._members.get(device_id)
        if not members:
            return None
        # The message built this device already when it holds all of its components (a
        # one-component device, the common case): building it again doubled discovery's cost.
        own = [c for c in result.components if c.device_id == device_id]
        if len(own) == len(members) and all(
            a is b for a, b in zip(own, members.values(), strict=True)
        ):
            for device in result.devices:
                if device.id == device_id:
                    return device
        return assemble(members.values())[0]

    def devices(self) -> list[DiscoveredDevice]:
        """Every device currently known, built from its components."""
        return assemble(c for members in self._members.values() for c in members.values())

    def device(self, device_id: str) -> DiscoveredDevice | None:
        """The device with ``device_id``, or None."""
        members = self._members.get(device_id)
        return assemble(members.values())[0] if members else None
