"""Which workers are alive, and which partitions each one owns.

Every worker puts a heartbeat under its own key in a JetStream key-value bucket whose entries
expire after ``ttl`` seconds, so the keys present are the live workers. Each worker computes the
same assignment from the same list by rendezvous hashing: a partition goes to the worker with the
highest hash of (worker, partition), so a worker joining or leaving moves only the partitions it
gains or loses (about 1/n of them), never homes one by one.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import orjson
from nats.aio.client import Client
from nats.js.api import KeyValueConfig, StorageType
from nats.js.kv import KeyValue

from orbithub.fleet.errors import JetStreamError
from orbithub.fleet.jetstream import last_stored

__all__ = ["BUCKET", "Membership", "assign", "owner_of"]

_LOGGER = logging.getLogger(__name__)

BUCKET = "orbit_fleet_members"
_TIMEOUT = 5.0


def _score(worker: str, partition: int) -> int:
    digest = hashlib.blake2b(f"{worker}\x00{partition}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def owner_of(partition: int, workers: Iterable[str]) -> str | None:
    """The worker that owns ``partition`` among ``workers`` (None when there are none)."""
    return max(workers, key=lambda w: (_score(w, partition), w), default=None)


def assign(partitions: int, workers: Sequence[str]) -> dict[str, list[int]]:
    """Every worker's partitions (workers with none get an empty list)."""
    share: dict[str, list[int]] = {w: [] for w in workers}
    for partition in range(partitions):
        owner = owner_of(partition, workers)
        if owner is not None:
            share[owner].append(partition)
    return share


class Membership:
    """One worker's heartbeat in the members bucket, and the list of live workers.

    Args:
        nc: a connection to the cluster.
        worker: this worker's id (a key: letters, digits, ``-``, ``_``, ``=``).
        ttl: seconds after a worker's last heartbeat when it no longer counts as alive.
        replicas: copies of the bucket (3 on a 3-node cluster).
    """

    def __init__(self, nc: Client, worker: str, *, ttl: float, replicas: int) -> None:
        self._nc = nc
        self.worker = worker
        self._ttl = ttl
        self._replicas = replicas
        self._kv: KeyValue | None = None

    async def _bucket(self) -> KeyValue:
        if self._kv is None:
            js = self._nc.jetstream()
            self._kv = await js.create_key_value(
                KeyValueConfig(
                    bucket=BUCKET,
                    history=1,
                    ttl=self._ttl,
                    storage=StorageType.FILE,
                    replicas=self._replicas,
                )
            )
        return self._kv

    async def beat(self) -> None:
        """Say this worker is alive (call well within ``ttl``, e.g. every ttl/3)."""
        await (await self._bucket()).put(self.worker, b"alive")

    async def members(self) -> list[str]:
        """The live workers, sorted.

        Read from the bucket's stream information (the subjects it holds, answered by the
        stream's leader in one request): the client's key listing starts a consumer per call
        and was seen to come back empty now and then.
        """
        await self._bucket()
        answer = await self._nc.request(
            f"$JS.API.STREAM.INFO.KV_{BUCKET}",
            orjson.dumps({"subjects_filter": f"$KV.{BUCKET}.>"}),
            timeout=_TIMEOUT,
        )
        info = orjson.loads(answer.data)
        if not isinstance(info, dict) or "error" in info:
            raise JetStreamError(f"listing the fleet's workers: {info!r:.200}")
        subjects = info.get("state", {}).get("subjects") or {}
        prefix = len(f"$KV.{BUCKET}.")
        return sorted(subject[prefix:] for subject in subjects)

    async def silent_for(self, worker: str) -> float | None:
        """Seconds since ``worker``'s last heartbeat (by the stream's clock), None if none."""
        await self._bucket()
        stored = await last_stored(self._nc, f"KV_{BUCKET}", f"$KV.{BUCKET}.{worker}")
        if stored is None:
            return None
        return (datetime.now(UTC) - stored.time).total_seconds()

    async def leave(self) -> None:
        """Take this worker off the list at once (a clean stop), so others need not wait.

        The key is purged from the stream (a KV delete would leave a marker under its subject).
        """
        await self._nc.request(
            f"$JS.API.STREAM.PURGE.KV_{BUCKET}",
            orjson.dumps({"filter": f"$KV.{BUCKET}.{self.worker}"}),
            timeout=_TIMEOUT,
        )
