"""The web app's files at ``/`` beside the API, OpenAPI, and the server's start and stop."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import httpx
import orjson
import pytest
from fastapi import FastAPI
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from orbithub.api import serve_api
from orbithub.api.errors import install_error_handlers
from orbithub.api.web import find_assets, mount_web
from tests.api.conftest import ApiHarness, served


def _assets(tmp_path: Path) -> Path:
    root = tmp_path / "assets"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>OrbitHub</title>", encoding="utf-8")
    (root / "assets" / "app.js").write_text("console.log('hi')", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the web", encoding="utf-8")
    return root


async def test_web_app_files_and_client_routes(tmp_path: Path) -> None:
    app = FastAPI()
    install_error_handlers(app)
    mount_web(app, _assets(tmp_path))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hub.test") as client:
        index = await client.get("/")
        assert index.status_code == 200
        assert "<title>OrbitHub</title>" in index.text
        script = await client.get("/assets/app.js")
        assert script.text == "console.log('hi')"
        assert "immutable" in script.headers["cache-control"]
        route = await client.get("/rooms/living-room")  # a client-side route
        assert route.status_code == 200
        assert "<title>OrbitHub</title>" in route.text
        escape = await client.get("/..%2Fsecret.txt")
        assert "not for the web" not in escape.text
        api = await client.post("/api/nothing")
        assert api.status_code == 404
        assert api.json()["code"] == "not_found"
        write = await client.post("/index.html")
        assert write.status_code == 405


async def test_the_app_serves_the_packaged_web_app_without_shadowing_the_api(
    api: ApiHarness,
) -> None:
    if find_assets() is None:
        pytest.skip("the web app is not built in this checkout")
    index = await api.client.get("/")
    assert index.status_code == 200
    assert "<html" in index.text.lower()
    assert (await api.client.get("/api/onboarding")).json() == {"needed": True}
    missing = await api.client.get("/api/does-not-exist")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


async def test_openapi_and_docs(api: ApiHarness) -> None:
    schema = (await api.client.get("/api/openapi.json")).json()
    assert "/api/devices/{device_id}/properties/{path}" in schema["paths"]
    assert "/api/auth/login" in schema["paths"]
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    docs = await api.client.get("/api/docs")
    assert docs.status_code == 200


async def test_stopping_the_server_closes_live_connections(api: ApiHarness) -> None:
    owner = await api.owner()
    ready = asyncio.Event()
    async with asyncio.TaskGroup() as tasks:
        server = tasks.create_task(serve_api(api.app, "127.0.0.1", 0, ready=ready))
        async with asyncio.timeout(10):
            await ready.wait()
        url = f"ws://127.0.0.1:{api.app.state.bound_port}/api/ws?token={owner.access_token}"
        async with connect(url, proxy=None) as socket_:
            hello = orjson.loads(await socket_.recv())
            assert hello["type"] == "authenticated"
            server.cancel()
            with pytest.raises(ConnectionClosed):
                await _drain(socket_)
    assert server.cancelled()


async def _drain(socket_: ClientConnection) -> None:
    async with asyncio.timeout(10):
        while True:
            await socket_.recv()


async def test_a_port_in_use_is_an_error_not_an_exit(api: ApiHarness) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match="could not listen"):
            await serve_api(api.app, "127.0.0.1", port)


async def test_real_server_answers_http(api: ApiHarness) -> None:
    async with served(api.app) as base, httpx.AsyncClient(base_url=base) as client:
        assert (await client.get("/api/onboarding")).json() == {"needed": True}
