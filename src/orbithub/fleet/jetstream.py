"""The fleet's stream and partition consumers, by raw JetStream API requests.

nats-py 2.16 has no fields for priority groups, so the stream, the consumers and the pinned
pulls are plain JSON requests to ``$JS.API`` (the wire format of NATS ADR-42). Devices publish
``orbit/<home>/<device>/<kind>`` over MQTT (``orbit.<home>.<device>.<kind>`` in NATS); the stream
stores each as ``part.<p>.orbit.<home>.<device>.<kind>``, p = :func:`partition_of` (home), and
partition p has one durable pull consumer ``P<p>`` whose ``pinned_client`` policy lets exactly
one puller at a time receive its messages.
"""

from __future__ import annotations

import base64
import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription
from nats.errors import TimeoutError as NatsTimeout

from orbithub.fleet.errors import JetStreamError

__all__ = [
    "GROUP",
    "STREAM",
    "Pull",
    "Stored",
    "StreamSettings",
    "ack_all",
    "consumer_name",
    "delivered",
    "ensure_consumers",
    "ensure_stream",
    "last_stored",
    "next_stored",
    "pull",
    "stream_sequence",
    "unpin",
]

STREAM = "ORBIT"
GROUP = "owner"
"""The one priority group of every partition consumer (a pull must name it)."""

_NS = 1_000_000_000
_API_TIMEOUT = 5.0
_STREAM_IN_USE = 10058  # "stream name already in use with a different configuration"


@dataclass(frozen=True, slots=True)
class StreamSettings:
    """How the fleet's stream and its partition consumers are made.

    Attributes:
        partitions: fixed for the stream's life (the transform hashes homes into them); many
            more than workers, so adding workers moves partitions, never re-hashes homes.
        replicas: copies of every message and consumer (3 survives one node of three).
        ack_wait: seconds before a delivered, unacknowledged message is delivered again.
        pin_timeout: seconds a pinned puller may stay silent before the pin moves on.
        max_age: seconds a message is kept in the stream (0 = no limit).
        max_ack_pending: messages in flight per partition.
    """

    name: str = STREAM
    partitions: int = 16
    replicas: int = 3
    ack_wait: float = 5.0
    pin_timeout: float = 2.0
    max_age: float = 7 * 24 * 3600.0
    max_ack_pending: int = 20_000


def consumer_name(partition: int) -> str:
    """The durable consumer of one partition."""
    return f"P{partition}"


async def _api(nc: Client, subject: str, body: dict[str, Any]) -> dict[str, Any]:
    try:
        reply = await nc.request(f"$JS.API.{subject}", orjson.dumps(body), timeout=_API_TIMEOUT)
    except NatsTimeout:
        raise JetStreamError(f"$JS.API.{subject}: no answer in {_API_TIMEOUT} s") from None
    data = orjson.loads(reply.data)
    if not isinstance(data, dict):
        raise JetStreamError(f"$JS.API.{subject}: unexpected answer {reply.data[:120]!r}")
    return data


def _stream_config(settings: StreamSettings) -> dict[str, Any]:
    return {
        "name": settings.name,
        "subjects": ["orbit.>"],
        "retention": "limits",
        "storage": "file",
        "num_replicas": settings.replicas,
        "discard": "old",
        "max_age": int(settings.max_age * _NS),
        "subject_transform": {
            "src": "orbit.*.>",
            "dest": f"part.{{{{partition({settings.partitions},1)}}}}.orbit.{{{{wildcard(1)}}}}.>",
        },
    }


async def ensure_stream(nc: Client, settings: StreamSettings) -> None:
    """Create the fleet's stream, or check that the existing one has the same partitions.

    Raises:
        JetStreamError: the server refused, or the stream exists with another partition count
            (the count cannot change without a new stream).
    """
    config = _stream_config(settings)
    answer = await _api(nc, f"STREAM.CREATE.{settings.name}", config)
    error = answer.get("error")
    if error is None:
        return
    if error.get("err_code") != _STREAM_IN_USE:
        raise JetStreamError(f"creating stream {settings.name}: {error.get('description')}")
    info = await _api(nc, f"STREAM.INFO.{settings.name}", {})
    current = info.get("config", {}).get("subject_transform", {}).get("dest")
    wanted = config["subject_transform"]["dest"]
    if current != wanted:
        raise JetStreamError(
            f"stream {settings.name} exists with transform {current!r}, not {wanted!r}: the "
            "partition count of a fleet is fixed; use the same --partitions or a new stream"
        )


async def ensure_consumers(nc: Client, settings: StreamSettings) -> None:
    """Create the durable pinned pull consumer of every partition (idempotent)."""
    for partition in range(settings.partitions):
        name = consumer_name(partition)
        config = {
            "durable_name": name,
            "filter_subject": f"part.{partition}.>",
            "deliver_policy": "all",
            # One ack per batch. Safe although a dead worker's unacknowledged messages are
            # acknowledged with it: a worker reads every message between its cursor and a
            # batch from the stream before committing (see Worker), so all are applied.
            "ack_policy": "all",
            "ack_wait": int(settings.ack_wait * _NS),
            "max_ack_pending": settings.max_ack_pending,
            "max_waiting": 64,
            "num_replicas": settings.replicas,
            "priority_groups": [GROUP],
            "priority_policy": "pinned_client",
            "priority_timeout": int(settings.pin_timeout * _NS),
        }
        answer = await _api(
            nc,
            f"CONSUMER.CREATE.{settings.name}.{name}.part.{partition}.>",
            {"stream_name": settings.name, "config": config},
        )
        if (error := answer.get("error")) is not None:
            raise JetStreamError(f"creating consumer {name}: {error.get('description')}")


@dataclass(frozen=True, slots=True)
class Pull:
    """What one pull request brought.

    Attributes:
        messages: the stream's messages, in delivery order.
        pin: the pin id the server gave this puller (echo it in the next pull), or None.
        lost_pin: the server said the pin id sent is no longer this puller's.
    """

    messages: tuple[Msg, ...]
    pin: str | None
    lost_pin: bool = False


async def pull(
    nc: Client,
    inbox: Subscription,
    stream: str,
    partition: int,
    *,
    batch: int,
    expires: float,
    pin: str | None,
) -> Pull:
    """One pinned pull of up to ``batch`` messages of a partition, waiting at most ``expires``.

    ``inbox`` is a subscription (``nc.subscribe(nc.new_inbox())``) owned by the caller and used
    for this partition only, so no answer of an earlier pull is mistaken for this one's.
    """
    request: dict[str, Any] = {"batch": batch, "expires": int(expires * _NS), "group": GROUP}
    if pin is not None:
        request["id"] = pin
    await nc.publish(
        f"$JS.API.CONSUMER.MSG.NEXT.{stream}.{consumer_name(partition)}",
        orjson.dumps(request),
        reply=inbox.subject,
    )
    messages: list[Msg] = []
    got_pin = pin
    deadline = expires + 1.0  # the server ends the request with a status by then
    while len(messages) < batch:
        try:
            msg = await inbox.next_msg(timeout=deadline)
        except NatsTimeout:
            break
        status = msg.headers.get("Status") if msg.headers else None
        if status is not None and not msg.data:
            if status == "423":  # Nats-Pin-Id mismatch: another puller holds the pin now
                return Pull(tuple(messages), None, lost_pin=True)
            if status == "100":  # idle heartbeat
                continue
            break  # 404 no messages, 408 request expired, 409 limits: this pull is over
        if msg.headers and (given := msg.headers.get("Nats-Pin-Id")):
            got_pin = given
        messages.append(msg)
    return Pull(tuple(messages), got_pin)


@dataclass(frozen=True, slots=True)
class Stored:
    """One message of the stream, delivered by a consumer or read back by its sequence.

    Attributes:
        subject: the stored subject, ``part.<p>.orbit.<home>.…``.
        data: the payload.
        seq: its stream sequence.
        time: when the stream stored it.
        cseq: the consumer's delivery sequence (0 when read back, not delivered).
        deliveries: how often the consumer delivered it (1 = first time; 0 when read back).
    """

    subject: str
    data: bytes
    seq: int
    time: datetime
    cseq: int = 0
    deliveries: int = 0


def delivered(msg: Msg) -> Stored:
    """A message a consumer delivered, with the sequences and time of its ack subject.

    ``$JS.ACK.<stream>.<consumer>.<deliveries>.<stream seq>.<consumer seq>.<time>.<pending>``
    (servers with a domain put more tokens in front, so it is read from the end).

    Raises:
        JetStreamError: the message did not come from a JetStream consumer.
    """
    tokens = (msg.reply or "").split(".")
    if len(tokens) < 9 or tokens[0] != "$JS" or tokens[1] != "ACK":
        raise JetStreamError(f"not a JetStream message: reply subject {msg.reply!r}")
    try:
        deliveries, seq, cseq, nanos = (int(t) for t in tokens[-5:-1])
    except ValueError:
        raise JetStreamError(f"not a JetStream message: reply subject {msg.reply!r}") from None
    return Stored(
        msg.subject, msg.data, seq, datetime.fromtimestamp(nanos / _NS, UTC), cseq, deliveries
    )


def stream_sequence(msg: Msg) -> int:
    """The stream sequence of a delivered message."""
    return delivered(msg).seq


async def ack_all(nc: Client, last: Msg) -> None:
    """Acknowledge ``last`` and, by the consumers' ``ack_policy: all``, every one before it."""
    if last.reply:
        await nc.publish(last.reply, b"+ACK")


async def unpin(nc: Client, stream: str, partition: int) -> None:
    """Give up the pin of a partition at once, so a waiting puller gets it without a timeout."""
    with contextlib.suppress(JetStreamError):
        await _api(nc, f"CONSUMER.UNPIN.{stream}.{consumer_name(partition)}", {"group": GROUP})


async def _get(nc: Client, stream: str, body: dict[str, Any]) -> Stored | None:
    # The stream leader answers MSG.GET, so a message it acknowledged is never missed (a
    # direct get may be answered by a replica that is behind).
    answer = await _api(nc, f"STREAM.MSG.GET.{stream}", body)
    if (error := answer.get("error")) is not None:
        if error.get("code") == 404:
            return None
        raise JetStreamError(f"reading {body} from {stream}: {error.get('description')}")
    message = answer.get("message", {})
    try:
        return Stored(
            message["subject"],
            base64.b64decode(message.get("data", "")),
            int(message["seq"]),
            datetime.fromisoformat(message["time"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise JetStreamError(f"reading {body} from {stream}: malformed answer ({exc})") from None


async def next_stored(nc: Client, stream: str, subjects: str, seq: int) -> Stored | None:
    """The first message at or after stream sequence ``seq`` matching ``subjects``, or None."""
    return await _get(nc, stream, {"seq": seq, "next_by_subj": subjects})


async def last_stored(nc: Client, stream: str, subject: str) -> Stored | None:
    """The newest message stored under ``subject``, or None if there is none."""
    return await _get(nc, stream, {"last_by_subj": subject})
