"""A real 3-node NATS cluster on loopback for the fleet's tests, stopped by process id."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from orbithub.fleet import ClusterError, LocalCluster, find_nats_server


@pytest.fixture
async def cluster(tmp_path: Path) -> AsyncIterator[LocalCluster]:
    try:
        find_nats_server()
    except ClusterError as exc:
        if os.environ.get("ORBITHUB_REQUIRE_SERVICES"):
            pytest.fail(f"{exc}; ORBITHUB_REQUIRE_SERVICES is set, so this is an error")
        pytest.skip(str(exc))
    nodes = LocalCluster(tmp_path / "nats")
    await nodes.start()
    try:
        yield nodes
    finally:
        nodes.stop()
