"""Fuzz every operation of the OpenAPI document against a real server (schemathesis).

Each operation gets a bounded number of generated requests, sent with an owner's token to a
hub serving the simulated demo world. Checks: no server error (503 "unavailable" is allowed:
it is the documented answer of an area whose service is not running), and every response
matches its declared schema and content type.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.core.result import Ok
from schemathesis.generation.case import Case
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from tests.api.conftest import open_api, served

EXAMPLES_PER_OPERATION = 12


@dataclass(frozen=True)
class FuzzTarget:
    base_url: str
    headers: dict[str, str]


@pytest.fixture
def fuzz_target(tmp_path: Path) -> Iterator[FuzzTarget]:
    """A hub and its API on a real server, in a thread with its own event loop.

    schemathesis sends blocking requests, so the server cannot share the test's thread.
    """
    ready = threading.Event()
    found: list[FuzzTarget] = []
    failure: list[BaseException] = []
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()

    async def run() -> None:
        async with open_api(tmp_path) as api:
            owner = await api.owner()
            async with served(api.app) as base:
                found.append(FuzzTarget(base, owner.headers))
                ready.set()
                await stop.wait()

    def main() -> None:
        try:
            loop.run_until_complete(run())
        except BaseException as exc:
            failure.append(exc)
            ready.set()
        finally:
            loop.close()

    thread = threading.Thread(target=main, name="fuzz-server")
    thread.start()
    try:
        assert ready.wait(30), "the API server did not start"
        if failure:
            raise failure[0]
        yield found[0]
    finally:
        if not loop.is_closed():
            loop.call_soon_threadsafe(stop.set)
        thread.join(30)


@pytest.mark.slow
def test_every_operation_conforms_to_the_openapi_document(fuzz_target: FuzzTarget) -> None:
    schema = schemathesis.openapi.from_url(f"{fuzz_target.base_url}/api/openapi.json")
    operations = [r.ok() for r in schema.get_all_operations() if isinstance(r, Ok)]
    assert len(operations) >= 20
    failures: list[str] = []
    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def exercise(case: Case) -> None:  # type: ignore[type-arg]
            response = case.call(base_url=fuzz_target.base_url, headers=fuzz_target.headers)
            if response.status_code >= 500:
                body = response.json() if response.text.startswith("{") else {}
                assert response.status_code == 503, f"{response.status_code}: {response.text}"
                assert body.get("code") == "unavailable", response.text
            case.validate_response(
                response, checks=[response_schema_conformance, content_type_conformance]
            )

        try:
            exercise()
        except Exception as exc:
            failures.append(f"{operation.label}: {exc}")
    assert failures == []
