"""Errors of the miIO transport: bad packets, silent devices and the codes devices answer with.

MIoT result codes (the ``code`` of each entry in a ``get_properties``/``set_properties`` reply
and of an ``action`` reply) map to one class each, so that a caller can tell a property the
device refuses to read from a value it refuses to take:

=========  ==========================================  ==================
code       meaning in the MIoT device specification    class
=========  ==========================================  ==================
0          done                                        (no error)
1          accepted, still being carried out           (no error)
-4001      property not readable                       :class:`NotReadable`
-4002      property not writable                       :class:`NotWritable`
-4003      no such service, property or action         :class:`NoSuchProperty`
-4004      internal error: the device cannot do it     :class:`DeviceBusy`
           now (busy, locked, in another mode)
-4005      value refused (type, range, list)           :class:`ValueRefused`
-4006      action arguments do not match               :class:`ValueRefused`
other      anything else (-4007 wrong did, ...)        :class:`MiotError`
=========  ==========================================  ==================

An ``error`` object in place of a ``result`` (a whole call refused: unknown method, malformed
parameters) becomes :class:`DeviceError` carrying the device's own code and message.
"""

from __future__ import annotations

from orbithub.errors import OrbitHubError

__all__ = [
    "BadToken",
    "DeviceBusy",
    "DeviceError",
    "MalformedPacket",
    "MiioError",
    "MiotError",
    "NoAnswer",
    "NoSuchProperty",
    "NotReadable",
    "NotWritable",
    "ValueRefused",
    "miot_error",
]


class MiioError(OrbitHubError):
    """Something went wrong talking miIO to a device."""


class BadToken(MiioError, ValueError):
    """A device token is not 16 bytes (32 hexadecimal digits)."""


class MalformedPacket(MiioError, ValueError):
    """Bytes that are not a valid miIO packet for this device (or not for this token)."""


class NoAnswer(MiioError, TimeoutError):
    """The device did not answer before the deadline.

    Devices stay silent when the checksum is wrong, so a wrong token looks exactly like an
    unreachable device; the message says to check both.

    Attributes:
        answers_hello: the device answered hello during the call, so something listens at the
            address and the token is the likely culprit (a device reset in its app gets a new
            token).
    """

    def __init__(
        self,
        message: str = "no answer: check the token and the address",
        *,
        answers_hello: bool = False,
    ) -> None:
        self.answers_hello = answers_hello
        if answers_hello:
            message += " (it answers hello, so the address is right: the token is likely wrong)"
        super().__init__(message)


class DeviceError(MiioError):
    """The device refused a whole call with an ``error`` object.

    Attributes:
        code: the device's error code.
        device_message: the device's own text (may be empty).
    """

    def __init__(self, code: int, device_message: str, method: str) -> None:
        self.code = code
        self.device_message = device_message
        super().__init__(f"the device refused {method}: code {code} {device_message!r}".strip())


class MiotError(MiioError):
    """A MIoT result code other than success, for one property or action.

    Attributes:
        code: the device's code, or None when the device's reply had no entry at all.
        address: ``siid.piid`` or ``siid.aiid`` of what the code is about.
    """

    def __init__(self, code: int | None, address: str, text: str) -> None:
        self.code = code
        self.address = address
        shown = "no code" if code is None else f"code {code}"
        super().__init__(f"{address}: {text} ({shown})")


class NotReadable(MiotError):
    """The device refuses to read this property (-4001)."""


class NotWritable(MiotError):
    """The device refuses to write this property (-4002)."""


class NoSuchProperty(MiotError):
    """The device has no such service, property or action (-4003)."""


class DeviceBusy(MiotError):
    """The device cannot do it now (-4004): busy, child-locked or in a mode that forbids it."""


class ValueRefused(MiotError):
    """The device refused the value or the action's arguments (-4005, -4006)."""


_BY_CODE: dict[int, tuple[type[MiotError], str]] = {
    -4001: (NotReadable, "the device does not let this property be read"),
    -4002: (NotWritable, "the device does not let this property be written"),
    -4003: (NoSuchProperty, "the device has no such property or action"),
    -4004: (DeviceBusy, "the device cannot do this now (busy or in another mode); try later"),
    -4005: (ValueRefused, "the device refused the value"),
    -4006: (ValueRefused, "the device refused the action's arguments"),
}


def miot_error(code: int | None, address: str) -> MiotError:
    """The typed error for a MIoT result code (not raised: the caller decides).

    Args:
        code: the code from the device's reply; None when the reply had no entry.
        address: ``siid.piid`` or ``siid.aiid`` the code is about.
    """
    if code is None:
        return MiotError(None, address, "the device's reply has no result for it")
    known = _BY_CODE.get(code)
    if known is None:
        return MiotError(code, address, "the device reported an error")
    cls, text = known
    return cls(code, address, text)
