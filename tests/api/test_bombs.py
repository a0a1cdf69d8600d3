"""Bombs posted to a real server: refused fast and briefly, while the API keeps answering.

A task asks the API for something every 100 ms during each attack; no answer may take 100 ms.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from .conftest import served
from .test_automations import automations_api

ALIAS_BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
id: bomb
triggers: [{type: manual}]
actions: [{type: notify, title: "*i"}]
"""

NOTIFY_BOMB = """
id: notify-bomb
name: Notify bomb
triggers:
  - type: manual
actions:
  - type: notify
    title: Loops
    message: "{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}"
"""


@asynccontextmanager
async def _probed(base: str, headers: dict[str, str]) -> AsyncIterator[list[float]]:
    """Every 100 ms, how long the API takes to answer a small request (while the hub is busy)."""
    latencies: list[float] = []
    stop = asyncio.Event()

    async def probe(client: httpx.AsyncClient) -> None:
        while not stop.is_set():
            started, cpu = time.perf_counter(), time.thread_time()
            answer = await client.get("/api/automations")
            assert answer.status_code == 200
            # A stall holds this thread busy: wall time the OS gave to other programs on a busy
            # machine (the thread's CPU clock stood still) is not the hub's doing.
            latencies.append(min(time.perf_counter() - started, time.thread_time() - cpu))
            try:
                async with asyncio.timeout(0.1):
                    await stop.wait()
            except TimeoutError:
                pass

    async with httpx.AsyncClient(base_url=base, headers=headers) as client:
        # Connected and answered once before the attack: the first request's set-up is not
        # the attack's doing.
        assert (await client.get("/api/automations")).status_code == 200
        task = asyncio.create_task(probe(client))
        try:
            yield latencies
        finally:
            stop.set()
            await task


async def test_yaml_and_json_bombs_are_refused_briefly_while_the_api_answers(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, _), served(api.app) as base:
        owner = await api.owner()
        yaml_headers = {**owner.headers, "Content-Type": "application/yaml"}
        async with (
            httpx.AsyncClient(base_url=base, timeout=30) as client,
            _probed(base, owner.headers) as latencies,
        ):
            bodies: list[tuple[str | bytes, dict[str, str], int]] = [
                (ALIAS_BOMB, yaml_headers, 422),
                ("- " * 5000 + "x", yaml_headers, 422),
                ("[" * 5000 + "]" * 5000, yaml_headers, 422),
                (b"[" * 5000 + b"]" * 5000, owner.headers, 422),
                (b"[" * 500 + b"]" * 500, owner.headers, 422),
                ("a: [" + "1," * 40_000 + "1]", yaml_headers, 413),
            ]
            rounds = 0
            while rounds < 2 or len(latencies) < 3:  # attack until the probe has seen it
                rounds += 1
                for body, headers, status in bodies:
                    started = time.perf_counter()
                    answer = await client.post("/api/automations", content=body, headers=headers)
                    took = time.perf_counter() - started
                    assert answer.status_code == status, answer.text[:300]
                    assert took < 1.0
                    assert len(answer.content) < 1000  # the error never repeats the input
        assert max(latencies) < 0.1, latencies


async def test_an_automation_template_bomb_fails_its_step_and_the_api_answers(
    tmp_path: Path,
) -> None:
    async with automations_api(tmp_path) as (api, engine), served(api.app) as base:
        owner = await api.owner()
        yaml_headers = {**owner.headers, "Content-Type": "application/yaml"}
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            created = await client.post(
                "/api/automations", content=NOTIFY_BOMB, headers=yaml_headers
            )
            assert created.status_code == 201, created.text
            async with _probed(base, owner.headers) as latencies:
                while len(latencies) < 3:
                    ran = await client.post(
                        "/api/automations/notify-bomb/run", headers=owner.headers
                    )
                    assert ran.status_code == 200
                    await engine.wait_idle()
            traces = await client.get("/api/automations/notify-bomb/traces", headers=owner.headers)
        runs = traces.json()["runs"]
        assert runs
        assert all(r["status"] != "done" for r in runs)
        assert "iterations" in str(runs[0]) or "refused" in str(runs[0])
        assert max(latencies) < 0.1, latencies
