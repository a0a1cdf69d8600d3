"""The package's public names are deliberate."""

from __future__ import annotations

import orbithub.adapters.miio as miio
from orbithub.errors import OrbitHubError


def test_public_names_are_pinned() -> None:
    assert miio.__all__ == [
        "DEFAULT_PORT", "HELLO", "MAX_BATCH", "ActionResult", "BadToken", "ClientStats",
        "DeviceBusy", "DeviceError", "DeviceInfo", "DeviceStats", "Hello", "MalformedPacket",
        "MiioClient", "MiioError", "MiotError", "NoAnswer", "NoSuchProperty", "NotReadable",
        "NotWritable", "PropertyProvider", "PropertyResult", "SimulatedMiioDevice", "SpecValues",
        "Timing", "Token", "ValueRefused", "parse_hello_reply",
]  # fmt: skip
    for name in miio.__all__:
        assert hasattr(miio, name)


def test_errors_share_the_root_and_say_what_to_do() -> None:
    for error in (miio.NoAnswer, miio.MalformedPacket, miio.BadToken, miio.DeviceBusy):
        assert issubclass(error, OrbitHubError)
    assert str(miio.NoAnswer()) == "no answer: check the token and the address"
    assert isinstance(miio.NoAnswer(), TimeoutError)
