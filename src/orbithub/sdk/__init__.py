"""The OrbitHub device SDK: write a device that speaks the OrbitHub protocol in a few lines.

    from orbithub.sdk import Device

    plug = Device("plug-1", space="home", name="Desk plug", model="plug")

    @plug.on_set("switch.on")
    async def switch(value: bool) -> None:
        relay.set(value)

    async with plug:
        await plug.report({"power-meter.electric-power": 38.4})

docs/protocol.md describes the wire for devices written without it.
"""

from orbithub.adapters.mqtt.url import BrokerUrl, parse_broker_url
from orbithub.sdk.commands import ActionHandler, SetHandler
from orbithub.sdk.device import Device
from orbithub.sdk.errors import (
    BrokerUrlError,
    ConnectError,
    HandlerError,
    NotConnected,
    SdkError,
)

BrokerAddress = BrokerUrl
"""Where the broker is and how to log in (the hub's :class:`BrokerUrl`, by its SDK name)."""

__all__ = [
    "ActionHandler",
    "BrokerAddress",
    "BrokerUrlError",
    "ConnectError",
    "Device",
    "HandlerError",
    "NotConnected",
    "SdkError",
    "SetHandler",
    "parse_broker_url",
]
