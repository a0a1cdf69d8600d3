"""The local cluster's ports: distinct, free, and out of the way of outgoing connections."""

from __future__ import annotations

import socket
from pathlib import Path

from orbithub.fleet.cluster import free_ports


def _ephemeral_low() -> int:
    return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])


def test_ports_are_distinct_free_and_below_the_ephemeral_range() -> None:
    ports = free_ports(12)
    assert len(set(ports)) == 12
    if Path("/proc/sys/net/ipv4/ip_local_port_range").exists():
        # A node's outgoing route connections take their own port from that range.
        assert all(port < _ephemeral_low() for port in ports)
    for port in ports:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", port))
