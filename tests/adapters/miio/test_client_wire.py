"""What the client drops: garbage, other devices' packets, answers twice or too late."""

from __future__ import annotations

import pytest

from orbithub.adapters.miio import MiioClient, NoAnswer, SimulatedMiioDevice, Timing, Token
from orbithub.adapters.miio.packet import build_hello_reply, build_packet, encode_message

from .conftest import TOKEN, until


async def test_malformed_and_foreign_packets_are_counted_and_dropped(
    client: MiioClient, purifier: SimulatedMiioDevice
) -> None:
    await client.hello()
    peer = client.local_address
    assert peer is not None
    reply = encode_message({"id": 5, "result": []})
    junk = [
        b"\x00" * 7,  # too short
        b"GET / HTTP/1.1\r\n\r\n" + b"x" * 40,  # not miIO
        build_packet(Token(bytes(16)), purifier.device_id, 1, reply),  # another token
    ]
    foreign = [
        build_packet(TOKEN, purifier.device_id + 1, 1, reply),  # another device id
        build_packet(TOKEN, purifier.device_id, 1, reply),  # an id this client never sent
    ]
    for data in [*junk, *foreign]:
        purifier.send_raw(data, peer)
    await until(lambda: client.stats.malformed + client.stats.foreign == len(junk) + 2)
    assert (client.stats.malformed, client.stats.foreign) == (len(junk), 2)
    # and the client still works
    assert (await client.get_properties([(2, 1)]))[0].ok


async def test_duplicate_answers_are_dropped(
    client: MiioClient, purifier: SimulatedMiioDevice
) -> None:
    purifier.duplicate_replies = True
    first = await client.set_properties([(2, 4, 1)])
    await until(lambda: client.stats.duplicates == 1)
    second = await client.get_properties([(2, 4)])
    assert first[0].ok
    assert second[0].value == 1  # not the duplicate of the set's answer
    await until(lambda: client.stats.duplicates == 2)


async def test_a_late_answer_is_not_taken_for_the_next_request(
    purifier: SimulatedMiioDevice,
) -> None:
    host, port = purifier.address
    # Generous against a loaded machine: the answers come only after the first call gave up.
    hurried = Timing(first_wait=0.1, max_wait=0.1, deadline=0.4)
    async with MiioClient(host, TOKEN, port=port, timing=hurried) as miio:
        await miio.hello()
        purifier.reply_delay = 0.8
        with pytest.raises(NoAnswer):
            await miio.get_properties([(2, 1)])
        purifier.reply_delay = 0.0
        await miio.set_properties([(2, 1, True)])
        await until(lambda: miio.stats.late >= 1)
        read = await miio.get_properties([(2, 1)])
        assert read[0].value is True


async def test_an_unasked_hello_answer_is_late_and_a_revealed_token_is_read(
    client: MiioClient, purifier: SimulatedMiioDevice
) -> None:
    peer = client.local_address
    assert peer is not None
    purifier.send_raw(build_hello_reply(1, 2), peer)
    await until(lambda: client.stats.late == 1)
    purifier.reveal_token = True
    hello = await client.hello()
    assert hello.token == TOKEN.raw
