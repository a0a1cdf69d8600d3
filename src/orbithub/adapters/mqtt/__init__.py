"""MQTT devices: Home Assistant discovery, zigbee2mqtt and the OrbitHub device protocol.

The mapping is pure and synchronous: parse a discovery message into typed devices, decode a
state message into property values by readable path, encode a typed write into the MQTT
messages the device expects. The wire builds on it: :class:`MqttClient` (one broker
connection), :class:`MqttAdapter` (devices on a broker, in the hub), :class:`HaPublisher`
(the hub's own devices shown to Home Assistant) and :class:`EmbeddedBroker` (a zero-setup
broker on loopback).
"""

from __future__ import annotations

from orbithub.adapters.mqtt.adapter import MqttAdapter
from orbithub.adapters.mqtt.broker import BrokerError, BrokerPortInUse, EmbeddedBroker
from orbithub.adapters.mqtt.client import MqttClient, MqttUnavailable
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
from orbithub.adapters.mqtt.protocol import ProtocolError
from orbithub.adapters.mqtt.publish_ha import HaPublisher
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
from orbithub.adapters.mqtt.url import BrokerUrl, MqttUrlError, parse_broker_url
from orbithub.adapters.mqtt.z2m import Z2mDevices, parse_bridge_devices

__all__ = [
    "MAX_PAYLOAD_BYTES",
    "Availability",
    "AvailabilityMode",
    "AvailabilityTopic",
    "BrokerError",
    "BrokerPortInUse",
    "BrokerUrl",
    "CatalogChange",
    "CommandEncodeError",
    "DeviceBinding",
    "DeviceInfo",
    "DiscoveredComponent",
    "DiscoveredDevice",
    "DiscoveryCatalog",
    "DiscoveryError",
    "DiscoveryResult",
    "EmbeddedBroker",
    "HaPublisher",
    "MqttAdapter",
    "MqttClient",
    "MqttMappingError",
    "MqttUnavailable",
    "MqttUrlError",
    "PayloadTooLarge",
    "ProtocolError",
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
    "parse_broker_url",
    "parse_discovery",
    "render_template",
    "render_value",
]
