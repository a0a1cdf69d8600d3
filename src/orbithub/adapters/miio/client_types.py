"""The typed values a miIO client returns, and the parsing of the device's JSON into them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from orbithub.adapters.miio.errors import MalformedPacket, MiotError, miot_error
from orbithub.spec import Value

__all__ = [
    "SCALARS",
    "ActionResult",
    "ClientStats",
    "DeviceInfo",
    "PropertyResult",
    "Timing",
    "parse_info",
    "property_results",
]

_DONE = (0, 1)  # 1: accepted and still being carried out
SCALARS = (bool, int, float, str)
"""The Python types a property value may have on the wire."""


@dataclass(frozen=True, slots=True)
class Timing:
    """How long a client waits.

    Attributes:
        first_wait: seconds to wait for the first answer before sending again.
        backoff: each further wait is the previous one times this (with jitter).
        max_wait: the longest single wait.
        jitter: the fraction by which a wait varies, so many clients do not resend in step.
        deadline: seconds a whole call may take, waiting behind earlier calls included.
    """

    first_wait: float = 0.5
    backoff: float = 2.0
    max_wait: float = 2.0
    jitter: float = 0.1
    deadline: float = 6.0

    def __post_init__(self) -> None:
        if not (0 < self.first_wait <= self.max_wait and self.backoff >= 1 and self.deadline > 0):
            raise ValueError(f"inconsistent miIO timing: {self}")
        if not 0 <= self.jitter < 1:
            raise ValueError(f"jitter {self.jitter} is outside [0, 1)")


@dataclass(slots=True)
class ClientStats:
    """What a client saw; counters only grow.

    Attributes:
        sent: packets sent (hellos included).
        received: datagrams received.
        answered: replies matched to a waiting request.
        retries: requests sent again after a silent wait.
        hellos: hello packets sent.
        resyncs: times the device's clock went backwards (it restarted).
        malformed: datagrams dropped as not miIO, not for this token, or not JSON-RPC.
        foreign: packets from another device id, or answering ids never sent.
        duplicates: second answers to a request already answered.
        late: answers to requests that had already given up.
        errors: socket errors (such as "port unreachable").
    """

    sent: int = 0
    received: int = 0
    answered: int = 0
    retries: int = 0
    hellos: int = 0
    resyncs: int = 0
    malformed: int = 0
    foreign: int = 0
    duplicates: int = 0
    late: int = 0
    errors: int = 0


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """What ``miIO.info`` tells about a device."""

    model: str
    firmware: str
    hardware: str
    mac: str
    ip: str | None
    uptime: int | None


@dataclass(frozen=True, slots=True)
class PropertyResult:
    """The device's answer for one property of a get or set.

    Attributes:
        siid: service id.
        piid: property id.
        code: the MIoT result code; None when the reply had no entry for this property.
        value: the value read (gets that succeeded only).
    """

    siid: int
    piid: int
    code: int | None
    value: Value | None = None

    @property
    def ok(self) -> bool:
        """Whether the device did it."""
        return self.code in _DONE

    @property
    def error(self) -> MiotError | None:
        """Why the device did not do it (not raised), or None."""
        return None if self.ok else miot_error(self.code, f"{self.siid}.{self.piid}")


@dataclass(frozen=True, slots=True)
class ActionResult:
    """A device's answer to an action it carried out."""

    siid: int
    aiid: int
    code: int
    out: tuple[Value, ...]


def _text(data: dict[str, object], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def parse_info(result: object) -> DeviceInfo:
    """Type the ``result`` of ``miIO.info``.

    Raises:
        MalformedPacket: not an object, or no model.
    """
    if not isinstance(result, dict) or not isinstance(result.get("model"), str):
        raise MalformedPacket("the answer to miIO.info has no model")
    netif = result.get("netif")
    ip = netif.get("localIp") if isinstance(netif, dict) else None
    life = result.get("life")
    return DeviceInfo(
        model=result["model"],
        firmware=_text(result, "fw_ver"),
        hardware=_text(result, "hw_ver"),
        mac=_text(result, "mac"),
        ip=ip if isinstance(ip, str) else None,
        uptime=life if isinstance(life, int) and not isinstance(life, bool) else None,
    )


def property_results(
    result: object, asked: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], PropertyResult]:
    """Match a get/set reply's entries to the ``(siid, piid)`` asked, by address not position.

    An address the reply leaves out gets a result with code None.

    Raises:
        MalformedPacket: the reply is not a list.
    """
    if not isinstance(result, list):
        raise MalformedPacket("the answer to a property call is not a list")
    # The asked addresses themselves, so a reply's ``true`` for 1 cannot sneak in as an id.
    wanted: dict[tuple[object, object], tuple[int, int]] = {key: key for key in asked}
    found: dict[tuple[int, int], PropertyResult] = {}
    for entry in result:
        if not isinstance(entry, dict):
            continue
        key = wanted.get((entry.get("siid"), entry.get("piid")))
        code = entry.get("code", 0)
        if key is None or type(code) is not int:
            continue
        value = entry.get("value")
        if value is not None and not isinstance(value, SCALARS):
            if code in _DONE:
                continue  # a value of a kind no property has: treat as no answer for it
            value = None
        found[key] = PropertyResult(key[0], key[1], code, value)
    if len(found) < len(wanted):
        for key in asked:
            if key not in found:
                found[key] = PropertyResult(key[0], key[1], None)
    return found
