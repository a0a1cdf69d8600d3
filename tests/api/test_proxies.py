"""Login limits behind a reverse proxy: each phone keeps its own limit.

Nobody but a proxy the owner named can claim another caller's address; by default none is.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence

import httpx
import pytest

from orbithub.api import serve_api
from orbithub.cli.settings import parse_trusted_proxies
from tests.api.conftest import PASSWORD, ApiHarness

_ATTEMPTS_PER_ADDRESS = 20


@contextlib.asynccontextmanager
async def _served(api: ApiHarness, trusted_proxies: Sequence[str]) -> AsyncIterator[str]:
    ready = asyncio.Event()
    async with asyncio.TaskGroup() as tasks:
        server = tasks.create_task(
            serve_api(api.app, "127.0.0.1", 0, ready=ready, trusted_proxies=trusted_proxies)
        )
        async with asyncio.timeout(10):
            await ready.wait()
        try:
            yield f"http://127.0.0.1:{api.app.state.bound_port}"
        finally:
            server.cancel()


async def _login(client: httpx.AsyncClient, user: str, password: str, caller: str) -> int:
    answer = await client.post(
        "/api/auth/login",
        json={"username": user, "password": password},
        headers={"X-Forwarded-For": caller},
    )
    return answer.status_code


async def test_behind_a_trusted_proxy_each_caller_has_its_own_limit(api: ApiHarness) -> None:
    await api.owner()
    async with _served(api, ("127.0.0.1",)) as base, httpx.AsyncClient(base_url=base) as client:
        for i in range(_ATTEMPTS_PER_ADDRESS):
            assert await _login(client, f"user{i}", "guess", "203.0.113.7") == 401
        assert await _login(client, "alex", PASSWORD, "203.0.113.7") == 429
        # Alex's phone, behind the same proxy, is not locked out by the guesser.
        assert await _login(client, "alex", PASSWORD, "198.51.100.20") == 200


async def test_a_stranger_s_guesses_do_not_lock_the_owner_out(api: ApiHarness) -> None:
    await api.owner()
    async with _served(api, ("127.0.0.1",)) as base, httpx.AsyncClient(base_url=base) as client:
        for _ in range(7):
            assert await _login(client, "alex", "guess", "203.0.113.7") in (401, 429)
        # The stranger now waits, even with the right password...
        assert await _login(client, "alex", PASSWORD, "203.0.113.7") == 429
        # ...while Alex signs in from Alex's own phone.
        assert await _login(client, "alex", PASSWORD, "198.51.100.20") == 200


async def test_no_proxy_is_trusted_unless_named(api: ApiHarness) -> None:
    await api.owner()
    ready = asyncio.Event()
    async with asyncio.TaskGroup() as tasks:
        server = tasks.create_task(serve_api(api.app, "127.0.0.1", 0, ready=ready))
        async with asyncio.timeout(10):
            await ready.wait()
        base = f"http://127.0.0.1:{api.app.state.bound_port}"
        async with httpx.AsyncClient(base_url=base) as client:
            for _ in range(7):
                await _login(client, "alex", "guess", "203.0.113.7")
            # A local program claiming to be Alex's phone is still counted as itself.
            assert await _login(client, "alex", PASSWORD, "198.51.100.20") == 429
        server.cancel()


async def test_an_untrusted_caller_cannot_claim_another_address(api: ApiHarness) -> None:
    await api.owner()
    async with _served(api, ()) as base, httpx.AsyncClient(base_url=base) as client:
        for i in range(_ATTEMPTS_PER_ADDRESS):
            # A new made-up address on every guess does not escape the limit.
            assert await _login(client, f"user{i}", "guess", f"203.0.113.{i + 1}") == 401
        assert await _login(client, "alex", PASSWORD, "198.51.100.20") == 429


def test_trusted_proxies_are_addresses_or_networks() -> None:
    assert parse_trusted_proxies("127.0.0.1, ::1,172.16.0.0/12") == (
        "127.0.0.1",
        "::1",
        "172.16.0.0/12",
    )
    assert parse_trusted_proxies("none") == ()
    assert parse_trusted_proxies("") == ()
    with pytest.raises(ValueError, match=r"'proxy\.lan' is not an IP address or network"):
        parse_trusted_proxies("127.0.0.1,proxy.lan")
