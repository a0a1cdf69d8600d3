"""The errors the device SDK raises to the maker."""

from __future__ import annotations

from orbithub.adapters.mqtt.url import MqttUrlError
from orbithub.errors import OrbitHubError

__all__ = ["BrokerUrlError", "ConnectError", "HandlerError", "NotConnected", "SdkError"]


class SdkError(OrbitHubError):
    """Something the device SDK was asked to do cannot be done."""


BrokerUrlError = MqttUrlError
"""The broker URL cannot be understood. The SDK and the hub parse broker URLs alike
(:func:`~orbithub.adapters.mqtt.url.parse_broker_url`), so this is the hub's error."""


class ConnectError(SdkError):
    """The device could not connect to the broker (refused, unreachable, or too slow).

    Attributes:
        code: the broker's CONNACK refusal code, None when it did not answer.
        permanent: retrying cannot help (bad credentials, not authorised).
    """

    def __init__(self, message: str, *, code: int | None = None, permanent: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.permanent = permanent


class NotConnected(SdkError):
    """The device is not connected (not started, or stopped)."""


class HandlerError(SdkError):
    """A handler cannot be registered: the spec has no such writable property or action."""
