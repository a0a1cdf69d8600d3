"""The permission matrix, generated from the OpenAPI document of a running hub.

Every operation of ``/api/openapi.json`` must declare the right it needs
(``x-orbithub-right``, see :mod:`orbithub.api.rights`). Each one is called, over a real
server with the demo home, as an owner, an adult, a child, a guest, an owner's integration
token limited to the office, and an expired token; the answers must match the declared right:
never a success without the right, never a 401 or 403 with it, always 401 for the expired
token (a listing may answer an empty list instead of refusing). The list of operations is the
document's, not a hand-kept one. The live view (``/api/ws``) is checked for the same callers.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import pytest_asyncio
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from orbithub.api import HubServices, set_services
from orbithub.api.rights import RIGHT_KEY, Right
from orbithub.cli.automations import start_automations
from orbithub.cli.companion import start_companion
from orbithub.cli.insights import start_insights
from orbithub.cli.mobility import start_mobility
from orbithub.core.tasks import task_scope
from orbithub.demo.tariff import beijing_tariff
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope, at, in_own_task, open_api, served

CALLERS = ("owner", "adult", "child", "guest", "scoped")
"""Who calls every operation (besides an expired token)."""

SAMPLES = {"device_id": "front-door-lock", "space_id": "car", "home_id": "home"}
"""The id each path parameter gets; any other parameter gets an id that names nothing."""

DEVICE_PATHS = {"properties": "lock.locked", "history": "lock.locked", "actions": "lock.unlock"}

BODIES: Mapping[tuple[str, str], object] = {
    ("put", "/api/devices/{device_id}/properties/{path}"): {"value": True},
}
"""Bodies the generator cannot guess (a value valid for the sample device)."""

# Who holds each right over the samples: the lock in the hallway, the car, the home.
_EVERYONE = frozenset(CALLERS)
HOLDERS: Mapping[str, frozenset[str]] = {
    Right.SIGNED_IN: _EVERYONE,
    Right.FAMILY: frozenset({"owner", "adult", "child", "scoped"}),
    Right.SESSION: frozenset({"owner", "adult", "child", "guest"}),
    Right.ADULT: frozenset({"owner", "adult", "scoped"}),
    Right.OWNER: frozenset({"owner"}),
    Right.PHONE: frozenset(),
    Right.DEVICE_VIEW: frozenset({"owner", "adult", "child", "guest"}),
    Right.DEVICE_CONTROL: frozenset({"owner", "adult", "guest"}),
    f"{Right.SPACE_VIEW}:car": frozenset({"owner", "adult"}),
    f"{Right.SPACE_VIEW}:home": frozenset({"owner", "adult", "child", "guest"}),
    f"{Right.SPACE_CONTROL}:car": frozenset({"owner", "adult"}),
}


@dataclass(frozen=True)
class World:
    """The served hub, its OpenAPI document and every caller's Authorization header."""

    base_url: str
    document: dict[str, Any]
    headers: dict[str, dict[str, str]]


@contextlib.asynccontextmanager
async def _world(data_dir: Path) -> AsyncIterator[World]:
    async with open_api(data_dir) as api, task_scope() as tasks:
        engine = await start_automations(api.hub, data_dir / "hub", tasks, db=api.db)
        companion = await start_companion(api.hub, api.db, data_dir, tasks)
        mobility = await start_mobility(
            api.hub, api.db, data_dir, tasks, default_tariff=beijing_tariff()
        )
        insights = await start_insights(api.hub, api.db, data_dir, tasks, automations=engine)
        running = HubServices(
            automations=engine,
            companion=companion.companion,
            presence=companion.presence,
            mobility=mobility,
            suggestions=insights.suggester,
            alerts=insights.detector,
        )
        set_services(api.app, running)
        try:
            headers = await _callers(api)
            async with served(api.app) as base, httpx.AsyncClient(base_url=base) as client:
                document = (await client.get("/api/openapi.json")).json()
                yield World(base, document, headers)
        finally:
            insights.stop()
            await companion.aclose()


async def _callers(api: ApiHarness) -> dict[str, dict[str, str]]:
    owner = await api.owner()
    expired = owner.headers
    await api.person("mei", Role.ADULT, grants=[Scope("home"), Scope("car")])
    await api.person("leo", Role.CHILD, grants=[Scope("home", ["living-room", "study", "hallway"])])
    sunday_night = at(2026, 11, 22, 23, 59)
    await api.person(
        "guest",
        Role.GUEST,
        grants=[Scope("home", ["living-room"], ["front-door-lock"], expires_at=sunday_night)],
    )
    # Everyone signs in again later; the owner's first token has expired by then.
    await api.token_clock.advance(api.app.state.settings.access_ttl + 60)
    headers = {"expired": expired}
    for caller, username in (("owner", "alex"), ("adult", "mei"), ("child", "leo")):
        headers[caller] = await _sign_in(api, username)
    headers["guest"] = await _sign_in(api, "guest")
    scoped = await api.client.post(
        "/api/tokens",
        json={"name": "office tablet", "space_ids": ["office"]},
        headers=headers["owner"],
    )
    assert scoped.status_code == 201, scoped.text
    headers["scoped"] = {"Authorization": f"Bearer {scoped.json()['token']}"}
    return headers


async def _sign_in(api: ApiHarness, username: str) -> dict[str, str]:
    answer = await api.login(username)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    """One hub and server for the whole module (the callers' tokens are reused)."""
    async with in_own_task(_world(tmp_path_factory.mktemp("rights"))) as found:
        yield found


# -- requests from the document ---------------------------------------------------------------
def _resolve(schema: Mapping[str, Any], document: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
    return schema


def example(schema: Mapping[str, Any], document: Mapping[str, Any]) -> object:
    """A small value the schema accepts (the first choice of everything, the least of sizes)."""
    schema = _resolve(schema, document)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("default") is not None:
        return schema["default"]
    for key in ("anyOf", "oneOf", "allOf"):
        options = [o for o in schema.get(key, []) if _resolve(o, document).get("type") != "null"]
        if options:
            return example(options[0], document)
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: example(properties[name], document) for name in schema.get("required", [])}
    if kind == "array":
        return [example(schema.get("items", {}), document)] * int(schema.get("minItems", 0))
    if kind == "string":
        return "x" * max(1, int(schema.get("minLength", 1)))
    if kind in ("integer", "number"):
        return schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1)
    if kind == "boolean":
        return True
    return {}


@dataclass(frozen=True)
class Operation:
    """One operation of the document, ready to send."""

    method: str
    template: str
    right: str | None
    url: str
    body: object

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.template}"

    def holders(self) -> frozenset[str]:
        if self.right in (Right.SPACE_VIEW, Right.SPACE_CONTROL):
            sample = SAMPLES["home_id" if "{home_id}" in self.template else "space_id"]
            return HOLDERS[f"{self.right}:{sample}"]
        return HOLDERS[str(self.right)]


def operations(document: Mapping[str, Any]) -> Iterator[Operation]:
    """Every operation of the document with the sample ids and a generated body."""
    for template, item in document["paths"].items():
        for method, spec in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            url = template
            for parameter in spec.get("parameters", []):
                if parameter["in"] == "path":
                    value = SAMPLES.get(parameter["name"], "nothing-here")
                    if parameter["name"] == "path":
                        value = next(v for k, v in DEVICE_PATHS.items() if f"/{k}/" in template)
                    url = url.replace("{" + parameter["name"] + "}", value)
            body: object = None
            content = spec.get("requestBody", {}).get("content", {})
            if (method, template) in BODIES:
                body = BODIES[(method, template)]
            elif "application/json" in content:
                body = example(content["application/json"].get("schema", {}), document)
            yield Operation(method, template, spec.get(RIGHT_KEY), url, body)


# -- the tests ----------------------------------------------------------------------------------
@pytest.mark.asyncio(loop_scope="module")
async def test_the_document_lists_every_route_with_its_right(world: World) -> None:
    found = list(operations(world.document))
    assert len(found) >= 60
    assert [op.name for op in found if op.right not in set(Right)] == []


@pytest.mark.asyncio(loop_scope="module")
async def test_every_operation_answers_as_its_right_says(world: World) -> None:
    mismatches: list[str] = []
    async with httpx.AsyncClient(base_url=world.base_url, timeout=10.0) as client:
        for op in operations(world.document):
            if op.right == Right.PUBLIC:
                continue
            expired = await _send(client, op, world.headers["expired"])
            if expired.status_code != 401:
                mismatches.append(f"{op.name} expired token: {expired.status_code}")
            for caller in CALLERS:
                answer = await _send(client, op, world.headers[caller])
                status = answer.status_code
                if caller in op.holders():
                    if status in (401, 403) or (status >= 500 and status != 503):
                        mismatches.append(f"{op.name} as {caller} (has the right): {status}")
                elif status not in (401, 403, 404) and not _nothing(answer):
                    mismatches.append(f"{op.name} as {caller} (lacks {op.right}): {status}")
    assert mismatches == []


def _nothing(answer: httpx.Response) -> bool:
    """An empty listing: a caller without the right may be told there is nothing to see."""
    return answer.status_code == 200 and answer.content.strip() == b"[]"


async def _send(
    client: httpx.AsyncClient, op: Operation, headers: dict[str, str]
) -> httpx.Response:
    if op.body is None:
        return await client.request(op.method, op.url, headers=headers)
    return await client.request(op.method, op.url, headers=headers, json=op.body)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_scoped_token_reads_the_audit_of_its_space_only(world: World) -> None:
    async with httpx.AsyncClient(base_url=world.base_url) as client:
        owner = (await client.get("/api/audit", headers=world.headers["owner"])).json()
        scoped = (await client.get("/api/audit", headers=world.headers["scoped"])).json()
    # The owner sees the accounts made for the matrix; the office's token sees no account and
    # nothing of the home.
    assert {e["action"] for e in owner} >= {"user.create", "grant.create"}
    assert [e for e in scoped if e["space_id"] != "office"] == []


LIVE_VIEW: Mapping[str, tuple[set[str], set[str]]] = {
    "owner": ({"front-door-lock", "office-ac", "phone-alex", "phone-mei"}, set()),
    "adult": ({"front-door-lock", "desk-lamp", "phone-mei"}, {"office-ac", "phone-alex"}),
    "child": ({"front-door-lock", "desk-lamp"}, {"bedroom-lamp", "phone-alex", "phone-mei"}),
    "guest": ({"front-door-lock", "living-room-tv"}, {"desk-lamp", "phone-alex", "office-ac"}),
    "scoped": ({"office-ac"}, {"front-door-lock", "phone-alex", "desk-lamp"}),
}
"""Devices each caller's live view must hold, and devices it must not."""


@pytest.mark.asyncio(loop_scope="module")
async def test_the_live_view_holds_only_what_each_caller_may_see(world: World) -> None:
    url = world.base_url.replace("http://", "ws://") + "/api/ws"
    for caller in ("expired", *CALLERS):
        token = world.headers[caller]["Authorization"].removeprefix("Bearer ")
        async with connect(f"{url}?token={token}", proxy=None, compression=None) as socket:
            hello = await _receive(socket)
            if caller == "expired":
                assert hello["type"] == "error", hello
                with pytest.raises(ConnectionClosed) as closed:
                    await _receive(socket)
                assert closed.value.rcvd is not None
                assert closed.value.rcvd.code == 4401
                continue
            assert hello["type"] == "authenticated", (caller, hello)
            await socket.send(orjson.dumps({"type": "subscribe"}).decode())
            snapshot = await _receive(socket)
            seen = {d["id"] for d in snapshot["devices"]}
            shown, hidden = LIVE_VIEW[caller]
            assert (shown - seen, seen & hidden) == (set(), set()), caller


async def _receive(socket: ClientConnection) -> dict[str, Any]:
    async with asyncio.timeout(5):
        message = orjson.loads(await socket.recv())
    assert isinstance(message, dict)
    return message
