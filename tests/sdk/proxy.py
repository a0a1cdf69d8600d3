"""A loopback TCP proxy the test can cut, to kill a device's connection without DISCONNECT."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Self
from urllib.parse import urlsplit


class CuttableProxy:
    """Forwards 127.0.0.1:<port> to a broker; :meth:`cut` aborts every open connection."""

    def __init__(self, server: asyncio.Server, target: tuple[str, int], login: str = "") -> None:
        self._server = server
        self._login = login
        self._target = target
        self._writers: set[asyncio.StreamWriter] = set()
        self._pipes: set[asyncio.Task[None]] = set()
        self.port: int = server.sockets[0].getsockname()[1]

    @classmethod
    async def start(cls, broker_url: str) -> Self:
        parts = urlsplit(broker_url)
        target = (parts.hostname or "127.0.0.1", parts.port or 1883)
        holder: list[Self] = []
        server = await asyncio.start_server(lambda r, w: holder[0]._accept(r, w), "127.0.0.1", 0)
        login = parts.netloc.rpartition("@")[0]
        holder.append(cls(server, target, f"{login}@" if login else ""))
        return holder[0]

    @property
    def url(self) -> str:
        """The proxy's URL, with the broker URL's login if it had one."""
        return f"mqtt://{self._login}127.0.0.1:{self.port}"

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async with asyncio.timeout(5):
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        self._writers.update({writer, up_writer})
        for src, dst in ((reader, up_writer), (up_reader, writer)):
            task = asyncio.create_task(self._pipe(src, dst))
            self._pipes.add(task)
            task.add_done_callback(self._pipes.discard)

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await src.read(65536):
                dst.write(data)
                await dst.drain()
        dst.close()

    def cut(self) -> None:
        """Drop every connection at once, as a power cut or a dead Wi-Fi would."""
        for writer in self._writers:
            writer.transport.abort()
        self._writers.clear()

    async def close(self) -> None:
        self.cut()
        self._server.close()
        for task in list(self._pipes):
            task.cancel()
        await asyncio.gather(*self._pipes, return_exceptions=True)
        await self._server.wait_closed()
