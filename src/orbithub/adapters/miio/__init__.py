"""Xiaomi devices on the local network: the miIO transport for MIoT-spec devices.

The client side, for the adapter and discovery:

- :class:`MiioClient` talks to one device: ``hello()``, ``info()``, ``get_properties()``,
  ``set_properties()``, ``action()`` and the generic ``call()``; every call ends by its deadline
  (:class:`Timing`) with an answer or :class:`NoAnswer`. Properties go ``MAX_BATCH`` (15) per
  request; each :class:`PropertyResult` carries the device's code and, when it refused, a typed
  ``error`` (:class:`NotReadable`, :class:`NotWritable`, :class:`NoSuchProperty`,
  :class:`DeviceBusy`, :class:`ValueRefused`; the code table is in ``errors``).
- :class:`Token` holds a device's 16-byte token; ``HELLO`` and :func:`parse_hello_reply` are what
  a discovery broadcast sends and reads.

The device side, for tests, benchmarks and the demo: :class:`SimulatedMiioDevice` speaks miIO on
a UDP port from a MIoT spec, with values from a :class:`PropertyProvider` (:class:`SpecValues`
keeps them in memory).
"""

from orbithub.adapters.miio.client import DEFAULT_PORT, MAX_BATCH, MiioClient
from orbithub.adapters.miio.client_types import (
    ActionResult,
    ClientStats,
    DeviceInfo,
    PropertyResult,
    Timing,
)
from orbithub.adapters.miio.errors import (
    BadToken,
    DeviceBusy,
    DeviceError,
    MalformedPacket,
    MiioError,
    MiotError,
    NoAnswer,
    NoSuchProperty,
    NotReadable,
    NotWritable,
    ValueRefused,
)
from orbithub.adapters.miio.packet import HELLO, Hello, Token, parse_hello_reply
from orbithub.adapters.miio.simulated import (
    DeviceStats,
    PropertyProvider,
    SimulatedMiioDevice,
    SpecValues,
)

__all__ = [
    "DEFAULT_PORT",
    "HELLO",
    "MAX_BATCH",
    "ActionResult",
    "BadToken",
    "ClientStats",
    "DeviceBusy",
    "DeviceError",
    "DeviceInfo",
    "DeviceStats",
    "Hello",
    "MalformedPacket",
    "MiioClient",
    "MiioError",
    "MiotError",
    "NoAnswer",
    "NoSuchProperty",
    "NotReadable",
    "NotWritable",
    "PropertyProvider",
    "PropertyResult",
    "SimulatedMiioDevice",
    "SpecValues",
    "Timing",
    "Token",
    "ValueRefused",
    "parse_hello_reply",
]
