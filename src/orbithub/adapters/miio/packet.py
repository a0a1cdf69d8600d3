"""The miIO wire codec: token keys, AES-128-CBC, the 32-byte header, checksum and hello.

Layout of every packet (big-endian), from the protocol's public description::

    0   magic      2 bytes  0x2131
    2   length     2 bytes  whole packet, header included
    4   unknown    4 bytes  0x00000000 (0xffffffff in the hello request)
    8   device id  4 bytes
    12  stamp      4 bytes  seconds on the device's own clock
    16  checksum  16 bytes  MD5(first 16 header bytes + token + encrypted payload)
    32  payload             AES-128-CBC, key = MD5(token), IV = MD5(key + token), PKCS#7

The hello request is the header alone with every byte after the length set to 0xff; the device
answers with a bare header carrying its id and stamp (and, on old firmware, its token in the
checksum field). Everything here is a pure function of bytes: malformed input raises
:class:`MalformedPacket`, never anything else.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from orbithub.adapters.miio.errors import BadToken, MalformedPacket

__all__ = [
    "HEADER_SIZE",
    "HELLO",
    "MAGIC",
    "MAX_PACKET_SIZE",
    "Header",
    "Hello",
    "Opened",
    "Token",
    "build_hello_reply",
    "build_packet",
    "decode_message",
    "encode_message",
    "open_packet",
    "parse_header",
    "parse_hello_reply",
]

MAGIC = 0x2131
HEADER_SIZE = 32
# Devices answer a MIoT batch of 15 properties or miIO.info in well under 2 KiB; 8 KiB leaves
# room for chatty firmware while keeping what one datagram can make us allocate small.
MAX_PACKET_SIZE = 8192
HELLO = struct.pack(">HH", MAGIC, HEADER_SIZE) + b"\xff" * 28
_HEADER = struct.Struct(">HHIII16s")
_NO_TOKEN = (b"\xff" * 16, b"\x00" * 16)


class Token:
    """A device's 16-byte token and the AES key and IV derived from it.

    The value never appears in ``repr`` or logs; :meth:`hex` gives it for storing.
    """

    __slots__ = ("_cipher", "_raw", "iv", "key")

    def __init__(self, raw: bytes) -> None:
        if not isinstance(raw, bytes) or len(raw) != 16:
            raise BadToken("a miIO token is 16 bytes (32 hexadecimal digits)")
        self._raw = raw
        self.key = hashlib.md5(raw).digest()  # noqa: S324 - the protocol's key derivation
        self.iv = hashlib.md5(self.key + raw).digest()  # noqa: S324 - the protocol's IV
        self._cipher = Cipher(algorithms.AES(self.key), modes.CBC(self.iv))

    @classmethod
    def from_hex(cls, text: str) -> Token:
        """Parse a token written as 32 hexadecimal digits (spaces around it are ignored).

        Raises:
            BadToken: not 32 hexadecimal digits.
        """
        cleaned = text.strip()
        if len(cleaned) != 32:
            raise BadToken(f"a miIO token is 32 hexadecimal digits; got {len(cleaned)} characters")
        try:
            return cls(bytes.fromhex(cleaned))
        except ValueError:
            raise BadToken("a miIO token is 32 hexadecimal digits (0-9, a-f)") from None

    @property
    def raw(self) -> bytes:
        """The 16 token bytes."""
        return self._raw

    def hex(self) -> str:
        """The token as 32 lowercase hexadecimal digits."""
        return self._raw.hex()

    def encrypt(self, plaintext: bytes) -> bytes:
        """AES-128-CBC with PKCS#7 padding."""
        padder = padding.PKCS7(128).padder()
        padded = padder.update(plaintext) + padder.finalize()
        encryptor = self._cipher.encryptor()
        return encryptor.update(padded) + encryptor.finalize()

    def decrypt(self, ciphertext: bytes) -> bytes:
        """Undo :meth:`encrypt`.

        Raises:
            MalformedPacket: not whole AES blocks, or the padding is wrong.
        """
        if not ciphertext or len(ciphertext) % 16:
            raise MalformedPacket(
                f"encrypted payload of {len(ciphertext)} bytes is not whole 16-byte blocks"
            )
        decryptor = self._cipher.decryptor()
        padded = decryptor.update(ciphertext) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        try:
            return unpadder.update(padded) + unpadder.finalize()
        except ValueError:
            raise MalformedPacket("the payload's padding is wrong (wrong token?)") from None

    def __repr__(self) -> str:
        return "Token(<hidden>)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash(self._raw)


@dataclass(frozen=True, slots=True)
class Header:
    """The 32-byte header of a packet."""

    length: int
    unknown: int
    device_id: int
    stamp: int
    checksum: bytes


@dataclass(frozen=True, slots=True)
class Hello:
    """A device's answer to hello: its id, its clock, and its token when the firmware tells."""

    device_id: int
    stamp: int
    token: bytes | None


@dataclass(frozen=True, slots=True)
class Opened:
    """A packet whose checksum matched, with its payload decrypted."""

    header: Header
    payload: bytes


def parse_header(data: bytes) -> Header:
    """Read and check the header of a received datagram.

    Raises:
        MalformedPacket: too short, too long, wrong magic, or a length that disagrees.
    """
    size = len(data)
    if size < HEADER_SIZE:
        raise MalformedPacket(f"{size} bytes is shorter than the 32-byte miIO header")
    if size > MAX_PACKET_SIZE:
        raise MalformedPacket(f"{size} bytes is longer than the {MAX_PACKET_SIZE} accepted")
    magic, length, unknown, device_id, stamp, checksum = _HEADER.unpack_from(data)
    if magic != MAGIC:
        raise MalformedPacket(f"magic 0x{magic:04x} is not miIO's 0x2131")
    if length != size:
        raise MalformedPacket(f"the header says {length} bytes but the datagram has {size}")
    return Header(length, unknown, device_id, stamp, checksum)


def _checksum(first16: bytes, token: Token, body: bytes) -> bytes:
    return hashlib.md5(first16 + token.raw + body).digest()  # noqa: S324 - the protocol's MD5


def build_packet(token: Token, device_id: int, stamp: int, payload: bytes) -> bytes:
    """Encrypt ``payload`` and frame it for ``device_id`` at ``stamp``.

    Raises:
        MalformedPacket: the packet would exceed the size limit, or an id/stamp is not 32-bit.
    """
    body = token.encrypt(payload)
    length = HEADER_SIZE + len(body)
    if length > MAX_PACKET_SIZE:
        raise MalformedPacket(f"a {length}-byte packet exceeds the {MAX_PACKET_SIZE} allowed")
    if not (0 <= device_id <= 0xFFFFFFFF and 0 <= stamp <= 0xFFFFFFFF):
        raise MalformedPacket(f"device id {device_id} or stamp {stamp} is not a 32-bit number")
    first16 = struct.pack(">HHIII", MAGIC, length, 0, device_id, stamp)
    return first16 + _checksum(first16, token, body) + body


def open_packet(token: Token, data: bytes) -> Opened:
    """Check a data packet's header and checksum against ``token`` and decrypt its payload.

    Raises:
        MalformedPacket: a bad header, no payload, a checksum that does not match this token,
            or a payload that does not decrypt.
    """
    header = parse_header(data)
    body = data[HEADER_SIZE:]
    if not body:
        raise MalformedPacket("a data packet without payload (a hello answer?)")
    if _checksum(data[:16], token, body) != header.checksum:
        raise MalformedPacket("checksum mismatch: not for this token or corrupted")
    return Opened(header, token.decrypt(body))


def build_hello_reply(device_id: int, stamp: int, token: bytes | None = None) -> bytes:
    """A device's answer to hello (what a simulated device sends)."""
    shown = token if token is not None else b"\xff" * 16
    return struct.pack(">HHIII", MAGIC, HEADER_SIZE, 0, device_id, stamp) + shown


def parse_hello_reply(data: bytes) -> Hello:
    """Read a device's answer to hello.

    Raises:
        MalformedPacket: not a bare 32-byte miIO header, or the hello request itself.
    """
    header = parse_header(data)
    if header.length != HEADER_SIZE:
        raise MalformedPacket(f"a hello answer is 32 bytes, not {header.length}")
    if data == HELLO:
        raise MalformedPacket("this is a hello request, not an answer")
    token = None if header.checksum in _NO_TOKEN else header.checksum
    return Hello(header.device_id, header.stamp, token)


def encode_message(message: Mapping[str, object]) -> bytes:
    """The JSON bytes of one JSON-RPC message."""
    return orjson.dumps(message)


def decode_message(payload: bytes) -> dict[str, Any]:
    """Parse a decrypted payload as one JSON object.

    Some firmware pads its JSON with NUL bytes; those are dropped first.

    Raises:
        MalformedPacket: not JSON, or JSON that is not an object.
    """
    try:
        message = orjson.loads(payload.rstrip(b"\x00"))
    except orjson.JSONDecodeError:
        raise MalformedPacket("the payload is not JSON") from None
    if not isinstance(message, dict):
        raise MalformedPacket(f"the payload is JSON {type(message).__name__}, not an object")
    return message
