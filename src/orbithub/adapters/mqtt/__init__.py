"""MQTT devices: Home Assistant discovery and zigbee2mqtt mapped onto the typed model.

Everything here is pure and synchronous: parse a discovery message into typed devices, decode
a state message into property values by readable path, encode a typed write into the MQTT
messages the device expects. The wire (client, subscriptions) builds on these.
"""

from __future__ import annotations

from orbithub.adapters.mqtt.ha_discovery import (
    CatalogChange,
    DiscoveredComponent,
    DiscoveryCatalog,
    DiscoveryResult,
    parse_discovery,
)
from orbithub.adapters.mqtt.mapping import (
    MAX_PAYLOAD_BYTES,
    Availability,
    AvailabilityMode,
    AvailabilityTopic,
    CommandEncodeError,
    DeviceBinding,
    DeviceInfo,
    DiscoveredDevice,
    DiscoveryError,
    MqttMappingError,
    PayloadTooLarge,
    Skipped,
    StateDecodeError,
    UnknownComponentError,
)
from orbithub.adapters.mqtt.templates import (
    TemplateError,
    TemplateValueMissing,
    render_template,
    render_value,
)
from orbithub.adapters.mqtt.translate import (
    decode_availability,
    decode_events,
    decode_state,
    encode_action,
    encode_command,
    is_available,
)
from orbithub.adapters.mqtt.z2m import Z2mDevices, parse_bridge_devices

__all__ = [
    "MAX_PAYLOAD_BYTES",
    "Availability",
    "AvailabilityMode",
    "AvailabilityTopic",
    "CatalogChange",
    "CommandEncodeError",
    "DeviceBinding",
    "DeviceInfo",
    "DiscoveredComponent",
    "DiscoveredDevice",
    "DiscoveryCatalog",
    "DiscoveryError",
    "DiscoveryResult",
    "MqttMappingError",
    "PayloadTooLarge",
    "Skipped",
    "StateDecodeError",
    "TemplateError",
    "TemplateValueMissing",
    "UnknownComponentError",
    "Z2mDevices",
    "decode_availability",
    "decode_events",
    "decode_state",
    "encode_action",
    "encode_command",
    "is_available",
    "parse_bridge_devices",
    "parse_discovery",
    "render_template",
    "render_value",
]
