"""Fleet mode: many homes on a NATS JetStream cluster, workers owning partitions of homes.

Devices publish ``orbit/<home>/<device>/<kind>`` (MQTT 3.1.1 to any node, or NATS); the stream
hashes each home into a fixed partition; one worker at a time owns a partition, applies its
messages to PostgreSQL with the partition's stream position in the same transaction, and then
publishes what it applied on core NATS as ``fleet.changes.<home>`` (see :mod:`.changes`) for the
gateways.
"""

from __future__ import annotations

from orbithub.fleet.cluster import LocalCluster, Node, find_nats_server
from orbithub.fleet.errors import ClusterError, FleetError, JetStreamError
from orbithub.fleet.jetstream import StreamSettings, ensure_consumers, ensure_stream
from orbithub.fleet.partition import HOME_PATTERN, check_home, partition_of

__all__ = [
    "HOME_PATTERN",
    "ClusterError",
    "FleetError",
    "JetStreamError",
    "LocalCluster",
    "Node",
    "StreamSettings",
    "check_home",
    "ensure_consumers",
    "ensure_stream",
    "find_nats_server",
    "partition_of",
]
