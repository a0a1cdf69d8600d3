"""The fleet's errors."""

from __future__ import annotations

from orbithub.errors import OrbitHubError

__all__ = ["ClusterError", "FleetError", "JetStreamError"]


class FleetError(OrbitHubError):
    """Something about a fleet is wrong: a bad home id, a partition count, a setting."""


class ClusterError(FleetError):
    """A local NATS cluster could not be started, or a node did not become healthy."""


class JetStreamError(FleetError):
    """The JetStream API refused a request or did not answer in time."""
