"""Energy per device and room from cumulative meters, by local day and month, across resets."""

from __future__ import annotations

from pathlib import Path

import pytest

from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope, at, open_api

METER = "power-meter.power-consumption"

# (time, device, cumulative kWh): the kettle's meter restarts from zero on Thursday afternoon.
READINGS = (
    (at(2026, 11, 18, 12), "kettle", 10.0),
    (at(2026, 11, 18, 12), "ev-charger", 100.0),
    (at(2026, 11, 18, 18), "kettle", 10.5),
    (at(2026, 11, 19, 9), "kettle", 11.0),
    (at(2026, 11, 19, 15), "kettle", 0.2),
    (at(2026, 11, 19, 20), "kettle", 0.7),
    (at(2026, 11, 19, 23), "ev-charger", 112.0),
    (at(2026, 11, 20, 8), "kettle", 1.0),
)


async def _metered(api: ApiHarness) -> None:
    for when, device_id, value in READINGS:
        await api.clock.advance(when - api.clock.now())
        assert api.hub.report(device_id, METER, value)
    await api.flush()


async def test_daily_energy_per_device_and_room(tmp_path: Path) -> None:
    async with open_api(tmp_path, with_sim=False, start=at(2026, 11, 18, 11)) as api:
        await _metered(api)
        owner = await api.owner()
        answer = await api.client.get(
            "/api/energy",
            params={
                "space_id": "home",
                "period": "day",
                "since": at(2026, 11, 19),
                "until": at(2026, 11, 21),
            },
            headers=owner.headers,
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["unit"] == "kWh"
        devices = {d["id"]: d for d in body["devices"]}
        kettle = devices["kettle"]
        # Thursday: 0.5 up to the reset, 0.2 counted after it, 0.5 more; Friday: 0.3.
        assert [(p["time"], p["value"]) for p in kettle["series"]] == [
            (at(2026, 11, 19), pytest.approx(1.2)),
            (at(2026, 11, 20), pytest.approx(0.3)),
        ]
        assert kettle["total"] == pytest.approx(1.5)
        assert devices["ev-charger"]["total"] == pytest.approx(12.0)
        assert devices["computer"]["total"] == 0
        rooms = {r["id"]: r["total"] for r in body["rooms"]}
        assert rooms["kitchen"] == pytest.approx(1.5)
        assert rooms["garage"] == pytest.approx(12.0)


async def test_monthly_energy_and_scope(tmp_path: Path) -> None:
    async with open_api(tmp_path, with_sim=False, start=at(2026, 11, 18, 11)) as api:
        await _metered(api)
        owner = await api.owner()
        month = await api.client.get(
            "/api/energy",
            params={"period": "month", "since": at(2026, 11, 1), "until": at(2026, 12, 1)},
            headers=owner.headers,
        )
        kettle = next(d for d in month.json()["devices"] if d["id"] == "kettle")
        assert [p["time"] for p in kettle["series"]] == [at(2026, 11, 1)]
        assert kettle["total"] == pytest.approx(2.0)
        leo = await api.person("leo", Role.CHILD, grants=[Scope("home", ["study"])])
        scoped = await api.client.get("/api/energy", headers=leo.headers)
        assert {d["id"] for d in scoped.json()["devices"]} == {"computer"}
        hidden = await api.client.get("/api/energy?space_id=office", headers=leo.headers)
        assert hidden.status_code == 404
