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

from orbithub.sdk.commands import ActionHandler, SetHandler
from orbithub.sdk.device import Device
from orbithub.sdk.errors import (
    BrokerUrlError,
    ConnectError,
    HandlerError,
    NotConnected,
    SdkError,
)
from orbithub.sdk.url import BrokerAddress, parse_broker_url

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
