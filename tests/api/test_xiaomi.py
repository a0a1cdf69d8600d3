"""The Xiaomi routes: only the owner adds, lists, removes and discovers; tokens never come back.

The full path too: a mode set through the API reaches the simulated device over miIO, and the
hub's state follows by polling.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import orjson

from orbithub.adapters.miio.adapter import MiioAdapter
from orbithub.adapters.miio.specs import SpecResolver
from orbithub.adapters.sim import demo_world
from orbithub.assistant import Assistant
from orbithub.core.registry import Registry
from orbithub.storage.audit import read_audit
from orbithub.storage.users import Role
from tests.adapters.miio.hub import FAST, QUICK, TOKEN, running, simulated_purifier
from tests.api.conftest import Scope, open_api
from tests.api.test_assistant import _mount

ROUTES = (
    ("get", "/api/xiaomi/devices", None),
    ("post", "/api/xiaomi/devices", {"host": "127.0.0.1:9", "token": TOKEN}),
    ("delete", "/api/xiaomi/devices/purifier", None),
    ("post", "/api/xiaomi/discover", {"seconds": 0.5, "broadcast": False, "mdns": False}),
)


def _hub_without_purifier() -> Registry:
    world = demo_world()
    registry = Registry()
    registry.load(
        world.spaces, world.rooms, [d for d in world.devices if d.id != "living-room-purifier"]
    )
    return registry


async def _until(condition: Callable[[], bool], within: float = 5.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - polling loops publish nothing to await here
            await asyncio.sleep(0.02)


def _adapter(data_dir: Path) -> MiioAdapter:
    return MiioAdapter(
        data_dir,
        resolver=SpecResolver(data_dir, service_url=None),
        policy=FAST,
        timing=QUICK,
        watch_every=0.2,
    )


async def test_only_the_owner_may_use_the_xiaomi_routes(tmp_path: Path) -> None:
    async with open_api(tmp_path, adapters=[_adapter(tmp_path)]) as api:
        mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
        leo = await api.person("leo", Role.CHILD, grants=[Scope("home")])
        for method, url, body in ROUTES:
            for person in (mei, leo):
                answer = await api.client.request(method, url, headers=person.headers, json=body)
                assert answer.status_code == 403, (method, url, person.username, answer.text)
            anonymous = await api.client.request(method, url, json=body)
            assert anonymous.status_code == 401, (method, url)


async def test_without_the_adapter_the_routes_say_so(tmp_path: Path) -> None:
    async with open_api(tmp_path) as api:
        owner = await api.owner()
        answer = await api.client.get("/api/xiaomi/devices", headers=owner.headers)
        assert answer.status_code == 503
        assert "not running" in answer.json()["message"]


async def test_the_owner_adds_a_purifier_and_sets_its_mode_through_the_api(
    tmp_path: Path,
) -> None:
    adapter = _adapter(tmp_path)
    async with (
        open_api(tmp_path, registry=_hub_without_purifier(), adapters=[adapter]) as api,
        running(simulated_purifier()) as device,
    ):
        owner = await api.owner()
        host, port = device.address
        wrong = await api.client.post(
            "/api/xiaomi/devices",
            json={"host": f"{host}:{port}", "token": "2" * 32},
            headers=owner.headers,
        )
        assert wrong.status_code == 422
        assert wrong.json()["code"] == "token_refused"
        added = await api.client.post(
            "/api/xiaomi/devices",
            json={
                "host": f"{host}:{port}",
                "token": TOKEN,
                "device_id": "living-room-purifier",
                "name": "Air purifier",
                "room_id": "living-room",
            },
            headers=owner.headers,
        )
        assert added.status_code == 201, added.text
        body = added.json()
        assert (body["model"], body["spec_source"], body["room_id"]) == (
            "xiaomi.airp.mb5",
            "shipped",
            "living-room",
        )
        # The device is one of the hub's: the ordinary device routes read and command it.
        hub = api.hub
        mode = hub.registry.device("living-room-purifier").spec.property("air-purifier.mode")
        await _until(lambda: hub.state.value("living-room-purifier", mode.path) is not None)
        other = next(
            i.value
            for i in mode.value_list
            if i.value != hub.state.value("living-room-purifier", mode.path)
        )
        put = await api.client.put(
            f"/api/devices/living-room-purifier/properties/{mode.path}",
            json={"value": other},
            headers=owner.headers,
        )
        assert put.status_code == 200, put.text
        assert put.json()["confirmed"] is True
        assert device.provider.read(mode) == other  # the simulated device changed, over miIO
        await _until(lambda: hub.state.value("living-room-purifier", mode.path) == other)
        listed = await api.client.get("/api/xiaomi/devices", headers=owner.headers)
        assert [(d["id"], d["online"]) for d in listed.json()] == [("living-room-purifier", True)]
        found = await api.client.post(
            "/api/xiaomi/discover",
            json={"seconds": 0.5, "broadcast": False, "mdns": False, "addresses": [host]},
            headers=owner.headers,
        )
        assert found.status_code == 200, found.text
        assert "Mi Home app" in found.json()["tokens"]
        removed = await api.client.delete(
            "/api/xiaomi/devices/living-room-purifier", headers=owner.headers
        )
        assert removed.status_code == 204
        assert hub.registry.find_device("living-room-purifier") is None
        for answer in (wrong, added, put, listed, found):
            assert TOKEN not in answer.text
        await api.flush()
        entries = await read_audit(api.db, limit=100)
        assert {"xiaomi.add", "xiaomi.remove"} <= {e.action for e in entries}
        assert TOKEN not in orjson.dumps([str(e) for e in entries]).decode()


async def test_bad_input_is_refused_before_any_packet(tmp_path: Path) -> None:
    async with open_api(tmp_path, adapters=[_adapter(tmp_path)]) as api:
        owner = await api.owner()
        cases = [
            ({"host": "127.0.0.1", "token": "xyz"}, 422, "32 hexadecimal digits"),
            ({"host": "a b", "token": TOKEN}, 422, "not a host name"),
            ({"host": "127.0.0.1", "token": TOKEN, "space_id": "moon"}, 404, "moon"),
            ({"host": "127.0.0.1", "token": TOKEN, "room_id": "attic"}, 404, "attic"),
        ]
        for body, status, words in cases:
            answer = await api.client.post("/api/xiaomi/devices", json=body, headers=owner.headers)
            assert answer.status_code == status, (body, answer.text)
            assert words in answer.json()["message"], answer.text
        bad = await api.client.post(
            "/api/xiaomi/discover",
            json={"seconds": 0.5, "broadcast": False, "mdns": False, "addresses": ["kitchen"]},
            headers=owner.headers,
        )
        assert bad.status_code == 422


async def test_the_assistant_turns_off_a_xiaomi_purifier_over_miio(tmp_path: Path) -> None:
    adapter = _adapter(tmp_path)
    async with (
        open_api(tmp_path, registry=_hub_without_purifier(), adapters=[adapter]) as api,
        running(simulated_purifier()) as device,
    ):
        _mount(api.app)
        helper = Assistant(api.hub, db=api.db)
        api.attach(assistant=helper)
        try:
            owner = await api.owner()
            host, port = device.address
            added = await api.client.post(
                "/api/xiaomi/devices",
                json={
                    "host": f"{host}:{port}",
                    "token": TOKEN,
                    "device_id": "living-room-purifier",
                    "name": "Air purifier",
                    "room_id": "living-room",
                    "aliases": ["空气净化器"],
                },
                headers=owner.headers,
            )
            assert added.status_code == 201, added.text
            hub = api.hub
            await _until(lambda: hub.state.value("living-room-purifier", "air-purifier.on") is True)
            answer = await api.client.post(
                "/api/assistant/ask", json={"text": "关闭空气净化器"}, headers=owner.headers
            )
            assert answer.status_code == 200, answer.text
            assert [(a["device_id"], a["ok"]) for a in answer.json()["actions"]] == [
                ("living-room-purifier", True)
            ]
            on = hub.registry.device("living-room-purifier").spec.property("air-purifier.on")
            assert device.provider.read(on) is False
            await _until(lambda: hub.state.value("living-room-purifier", on.path) is False)
        finally:
            helper.close()


async def test_without_a_token_the_one_a_device_reveals_is_used(tmp_path: Path) -> None:
    telling = simulated_purifier(did=901)
    telling.reveal_token = True
    async with (
        open_api(tmp_path, adapters=[_adapter(tmp_path)]) as api,
        running(telling),
        running(simulated_purifier(did=902)) as hiding,
    ):
        owner = await api.owner()
        host, port = hiding.address
        hidden = await api.client.post(
            "/api/xiaomi/devices", json={"host": f"{host}:{port}"}, headers=owner.headers
        )
        assert hidden.status_code == 422
        assert hidden.json()["code"] == "token_hidden"
        assert "Mi Home app" in hidden.json()["message"]
        host, port = telling.address
        added = await api.client.post(
            "/api/xiaomi/devices", json={"host": f"{host}:{port}"}, headers=owner.headers
        )
        assert added.status_code == 201, added.text
        assert added.json()["id"] == "xiaomi-901"
        assert TOKEN not in added.text
        await _until(lambda: api.hub.state.is_online("xiaomi-901") is True)
