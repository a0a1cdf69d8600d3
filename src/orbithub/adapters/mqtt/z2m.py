"""Parse zigbee2mqtt's ``bridge/devices`` list into typed OrbitHub devices.

zigbee2mqtt publishes (retained) on ``<base>/bridge/devices`` a JSON list of every paired
device with its ``definition.exposes``. Each device then publishes its whole state as one JSON
object on ``<base>/<friendly_name>``, takes commands on ``<base>/<friendly_name>[/<endpoint>]/set``
and reports availability on ``<base>/<friendly_name>/availability`` (``{"state": "online"}``, or
the bare word from older versions). The coordinator is not a device to control and is skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from orbithub.adapters.mqtt.assemble import DeviceDraft, build_device
from orbithub.adapters.mqtt.mapping import (
    MAX_PAYLOAD_BYTES,
    Availability,
    AvailabilityTopic,
    DeviceInfo,
    DiscoveredDevice,
    DiscoveryError,
    PayloadTooLarge,
    Skipped,
)
from orbithub.adapters.mqtt.z2m_exposes import DeviceTopics, map_exposes

__all__ = ["Z2M_BRIDGE_DEVICES_MAX_BYTES", "Z2mDevices", "parse_bridge_devices"]

Z2M_BRIDGE_DEVICES_MAX_BYTES = 16 * MAX_PAYLOAD_BYTES
"""``bridge/devices`` lists every device of a network in one message (~8 KiB per device), so
it gets a larger cap than a single discovery message: 1 MiB, about 130 devices of real size."""


@dataclass(frozen=True, slots=True)
class Z2mDevices:
    """The devices of one ``bridge/devices`` message and what was left out."""

    topic: str
    devices: tuple[DiscoveredDevice, ...]
    skipped: tuple[Skipped, ...] = ()


def _text(block: Mapping[str, Any], key: str) -> str:
    value = block.get(key)
    return value if isinstance(value, str) else ""


def _device(topic: str, base: str, raw: Mapping[str, Any]) -> DiscoveredDevice:
    ieee, name = _text(raw, "ieee_address"), _text(raw, "friendly_name")
    if not ieee or not name:
        raise DiscoveryError(
            topic, f"device entry needs ieee_address and friendly_name: {raw!r:.120}"
        )
    definition = raw.get("definition")
    if not isinstance(definition, Mapping):
        raise DiscoveryError(topic, f"{name}: no definition (unsupported or not interviewed)")
    exposes = definition.get("exposes")
    if not isinstance(exposes, list):
        raise DiscoveryError(topic, f"{name}: definition.exposes must be a list")
    state = f"{base}/{name}"
    services, skipped, kind = map_exposes(exposes, DeviceTopics(state, f"{state}/set"))
    vendor, model = _text(definition, "vendor"), _text(definition, "model")
    info = DeviceInfo(
        identifiers=(ieee,),
        name=name,
        manufacturer=vendor,
        model=model,
        model_id=_text(raw, "model_id"),
        sw_version=_text(raw, "software_build_id"),
    )
    availability = Availability((AvailabilityTopic(f"{state}/availability", key=("state",)),))
    draft = DeviceDraft(
        id=f"z2m:{ieee}",
        name=name,
        kind=kind,
        model="-".join(p for p in (vendor, model) if p) or "zigbee",
        services=services,
        info=info,
        availability=availability,
        skipped=skipped,
    )
    return build_device(draft)


def parse_bridge_devices(payload: bytes, *, base_topic: str = "zigbee2mqtt") -> Z2mDevices:
    """The devices listed in a ``<base_topic>/bridge/devices`` message.

    A device that cannot be mapped (no definition, malformed entry) is skipped with a reason;
    the rest still come through.

    Raises:
        DiscoveryError: the payload is too large (:class:`PayloadTooLarge`), not JSON, or not a
            list.
    """
    topic = f"{base_topic}/bridge/devices"
    if len(payload) > Z2M_BRIDGE_DEVICES_MAX_BYTES:
        raise PayloadTooLarge(
            topic,
            f"payload of {len(payload)} bytes is over the "
            f"{Z2M_BRIDGE_DEVICES_MAX_BYTES} limit; it was ignored",
        )
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise DiscoveryError(topic, f"payload is not JSON ({exc})") from exc
    if not isinstance(data, list):
        raise DiscoveryError(topic, f"payload must be a JSON list, got {type(data).__name__}")
    devices: list[DiscoveredDevice] = []
    skipped: list[Skipped] = []
    for raw in data:
        if not isinstance(raw, Mapping):
            skipped.append(Skipped(topic, f"device entry is not an object: {raw!r:.80}"))
            continue
        if raw.get("type") == "Coordinator":
            continue
        if raw.get("disabled") is True:
            skipped.append(Skipped(_text(raw, "friendly_name") or topic, "disabled in zigbee2mqtt"))
            continue
        try:
            devices.append(_device(topic, base_topic, raw))
        except DiscoveryError as exc:
            skipped.append(Skipped(_text(raw, "friendly_name") or topic, exc.reason))
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            # Backstop for a shape the mapping did not expect: skip the device, keep the rest.
            skipped.append(Skipped(_text(raw, "friendly_name") or topic, f"malformed: {exc}"))
    return Z2mDevices(topic, tuple(devices), tuple(skipped))
