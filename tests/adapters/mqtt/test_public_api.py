"""The package's public names are deliberate."""

from __future__ import annotations

import orbithub.adapters.mqtt as mqtt


def test_public_names_are_pinned() -> None:
    assert mqtt.__all__ == [
        "MAX_PAYLOAD_BYTES", "Availability", "AvailabilityMode", "AvailabilityTopic",
        "BrokerError", "BrokerPortInUse", "BrokerUrl", "CatalogChange", "CommandEncodeError",
        "DeviceBinding", "DeviceInfo", "DiscoveredComponent", "DiscoveredDevice",
        "DiscoveryCatalog", "DiscoveryError", "DiscoveryResult", "EmbeddedBroker", "HaPublisher",
        "MqttAdapter", "MqttClient", "MqttMappingError", "MqttUnavailable", "MqttUrlError",
        "PayloadTooLarge", "ProtocolError", "Skipped", "StateDecodeError", "TemplateError",
        "TemplateValueMissing", "UnknownComponentError", "Z2mDevices", "decode_availability",
        "decode_events", "decode_state", "encode_action", "encode_command", "is_available",
        "parse_bridge_devices", "parse_broker_url", "parse_discovery", "render_template",
        "render_value",
]  # fmt: skip
    for name in mqtt.__all__:
        assert hasattr(mqtt, name)


def test_errors_share_the_root() -> None:
    from orbithub.errors import OrbitHubError

    for error in (
        mqtt.DiscoveryError,
        mqtt.StateDecodeError,
        mqtt.CommandEncodeError,
        mqtt.TemplateError,
        mqtt.MqttUnavailable,
        mqtt.MqttUrlError,
        mqtt.BrokerError,
        mqtt.BrokerPortInUse,
        mqtt.ProtocolError,
    ):
        assert issubclass(error, OrbitHubError)
