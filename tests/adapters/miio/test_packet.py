"""Known answers for the miIO codec, computed here from the protocol's published layout."""

from __future__ import annotations

import contextlib
import hashlib
import struct

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hypothesis import given
from hypothesis import strategies as st

from orbithub.adapters.miio import HELLO, BadToken, MalformedPacket, Token, parse_hello_reply
from orbithub.adapters.miio.packet import (
    MAX_PACKET_SIZE,
    build_hello_reply,
    build_packet,
    decode_message,
    encode_message,
    open_packet,
    parse_header,
)

TOKEN_HEX = "00112233445566778899aabbccddeeff"  # noqa: S105 - a test vector
TOKEN = bytes.fromhex(TOKEN_HEX)
INFO = b'{"id":1,"method":"miIO.info","params":[]}'
# Derived once from the layout below with hashlib and the AES primitive, then pinned, so a change
# in either the code or this test's reading of the layout shows up.
PINNED_KEY = "6e8311168ee16d6aa1aa48c64145003c"
PINNED_IV = "6f434fa9acd75da73e5fb999f641cda2"
PINNED_PACKET = (
    "21310050000000000102030400000abc29755bc8e81d6fb519f441e27c74571e"
    "a5516ec6151955dc2bb2d43e7c84c18352a39a7f22fd2903d282a5783c6d56ac"
    "8c9c7629130a25fac17d38175c1a7799"
)


def _md5(data: bytes) -> bytes:
    return hashlib.md5(data).digest()  # noqa: S324 - the protocol's own hash


def _reference_packet(token: bytes, device_id: int, stamp: int, payload: bytes) -> bytes:
    """The packet as the protocol description spells it, built without the code under test."""
    key = _md5(token)
    iv = _md5(key + token)
    pad = 16 - len(payload) % 16
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    body = encryptor.update(payload + bytes([pad]) * pad) + encryptor.finalize()
    first16 = struct.pack(">HHIII", 0x2131, 32 + len(body), 0, device_id, stamp)
    return first16 + _md5(first16 + token + body) + body


def test_key_and_iv_come_from_the_token() -> None:
    token = Token.from_hex(TOKEN_HEX)
    assert token.key.hex() == PINNED_KEY
    assert token.iv.hex() == PINNED_IV
    assert token.key == _md5(TOKEN)
    assert token.iv == _md5(token.key + TOKEN)


def test_a_request_packet_matches_the_pinned_bytes() -> None:
    packet = build_packet(Token(TOKEN), 0x01020304, 0xABC, INFO)
    assert packet.hex() == PINNED_PACKET
    assert packet == _reference_packet(TOKEN, 0x01020304, 0xABC, INFO)


@given(
    token=st.binary(min_size=16, max_size=16),
    device_id=st.integers(0, 2**32 - 1),
    stamp=st.integers(0, 2**32 - 1),
    payload=st.binary(max_size=600),
)
def test_building_and_opening_agree_with_the_reference(
    token: bytes, device_id: int, stamp: int, payload: bytes
) -> None:
    packet = build_packet(Token(token), device_id, stamp, payload)
    assert packet == _reference_packet(token, device_id, stamp, payload)
    opened = open_packet(Token(token), packet)
    assert opened.payload == payload
    assert (opened.header.device_id, opened.header.stamp, opened.header.length) == (
        device_id,
        stamp,
        len(packet),
    )


def test_the_hello_request_is_the_documented_32_bytes() -> None:
    assert bytes.fromhex("21310020" + "ff" * 28) == HELLO


def test_a_hello_answer_gives_id_stamp_and_a_revealed_token() -> None:
    answer = bytes.fromhex("21310020" + "00000000" + "0badcafe" + "00001000") + TOKEN
    hello = parse_hello_reply(answer)
    assert (hello.device_id, hello.stamp, hello.token) == (0x0BADCAFE, 0x1000, TOKEN)
    for hidden in (b"\xff" * 16, b"\x00" * 16):
        assert parse_hello_reply(answer[:16] + hidden).token is None
    assert build_hello_reply(0x0BADCAFE, 0x1000, TOKEN) == answer


def test_the_hello_request_is_not_an_answer() -> None:
    with pytest.raises(MalformedPacket, match="hello request"):
        parse_hello_reply(HELLO)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "shorter"),
        (b"\x21\x31\x00\x20", "shorter"),
        (bytes.fromhex("21320020") + bytes(28), "magic"),
        (bytes.fromhex("21310040") + bytes(28), "says 64 bytes"),
        (
            bytes.fromhex("2131") + (MAX_PACKET_SIZE + 1).to_bytes(2) + bytes(MAX_PACKET_SIZE - 3),
            "longer",
        ),
    ],
)
def test_malformed_headers_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(MalformedPacket, match=reason):
        parse_header(data)


def test_a_packet_for_another_token_fails_its_checksum() -> None:
    packet = build_packet(Token(TOKEN), 1, 2, INFO)
    with pytest.raises(MalformedPacket, match="checksum"):
        open_packet(Token(bytes(16)), packet)


def test_a_flipped_payload_bit_fails_the_checksum() -> None:
    packet = bytearray(build_packet(Token(TOKEN), 1, 2, INFO))
    packet[-1] ^= 1
    with pytest.raises(MalformedPacket, match="checksum"):
        open_packet(Token(TOKEN), bytes(packet))


def test_a_correct_checksum_over_garbage_still_fails_cleanly() -> None:
    # Right token, right checksum, but a body that is not whole AES blocks / not padded.
    token = Token(TOKEN)
    for body in (b"\x01" * 15, b"\x02" * 32):
        first16 = struct.pack(">HHIII", 0x2131, 32 + len(body), 0, 1, 2)
        packet = first16 + _md5(first16 + TOKEN + body) + body
        with pytest.raises(MalformedPacket):
            open_packet(token, packet)


@given(st.binary(max_size=200))
def test_random_bytes_never_raise_anything_but_malformed(data: bytes) -> None:
    for attempt in (lambda: open_packet(Token(TOKEN), data), lambda: parse_hello_reply(data)):
        with contextlib.suppress(MalformedPacket):
            attempt()


def test_a_payload_too_big_for_one_packet_is_refused() -> None:
    with pytest.raises(MalformedPacket, match="exceeds"):
        build_packet(Token(TOKEN), 1, 2, b"x" * MAX_PACKET_SIZE)


@pytest.mark.parametrize("text", ["", "00" * 15, "zz" * 16, "00" * 17])
def test_tokens_that_are_not_32_hex_digits_are_refused(text: str) -> None:
    with pytest.raises(BadToken, match="32 hexadecimal digits"):
        Token.from_hex(text)


def test_a_token_never_shows_in_its_repr() -> None:
    token = Token.from_hex(f"  {TOKEN_HEX.upper()} ")
    assert TOKEN_HEX not in repr(token).lower()
    assert token.hex() == TOKEN_HEX


def test_messages_round_trip_and_nul_padding_is_ignored() -> None:
    message = {"id": 7, "result": ["ok"]}
    assert decode_message(encode_message(message) + b"\x00\x00") == message
    with pytest.raises(MalformedPacket, match="not JSON"):
        decode_message(b"{nope")
    with pytest.raises(MalformedPacket, match="not an object"):
        decode_message(b"[1]")
