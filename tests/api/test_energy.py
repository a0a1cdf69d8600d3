"""Energy per device and room from cumulative meters, by local day and month, across resets."""

from __future__ import annotations

from pathlib import Path

import pytest

from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope, at, open_api
from tests.api.test_vehicles import with_mobility

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


# (time, device, cumulative kWh) priced at the demo's Beijing-like tariff: valley 23-07 at
# 0.30, flat 07-10, 15-18 and 21-23 at 0.50, peak 10-15 and 18-21 at 0.80 (CNY).
PRICED = (
    (at(2026, 11, 19, 6), "kettle", 10.0),
    (at(2026, 11, 19, 8), "kettle", 12.0),  # 2 kWh: an hour of valley, an hour of flat
    (at(2026, 11, 19, 10), "kettle", 12.5),  # 0.5 kWh at the flat rate
    (at(2026, 11, 19, 10, 30), "kettle", 13.5),  # 1 kWh at the peak
    (at(2026, 11, 19, 23), "ev-charger", 100.0),
    (at(2026, 11, 20, 5), "ev-charger", 130.0),  # 30 kWh overnight in the valley
)


async def _priced(api: ApiHarness) -> None:
    for when, device_id, value in PRICED:
        await api.clock.advance(when - api.clock.now())
        assert api.hub.report(device_id, METER, value)
    await api.clock.advance(at(2026, 11, 20, 9) - api.clock.now())
    await api.flush()


async def test_a_day_by_hour_costs_each_hours_energy_at_that_hours_rate(tmp_path: Path) -> None:
    async with open_api(tmp_path, with_sim=False, start=at(2026, 11, 19, 5)) as api:
        await _priced(api)
        owner = await api.owner()
        async with with_mobility(api):
            answer = await api.client.get(
                "/api/energy",
                params={"space_id": "home", "span": "day", "date": "2026-11-19"},
                headers=owner.headers,
            )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert (body["since"], body["until"], body["period"]) == (
            at(2026, 11, 19),
            at(2026, 11, 20),
            "hour",
        )
        assert body["span"] == {
            "span": "day",
            "date": "2026-11-19",
            "previous": "2026-11-18",
            "next": "2026-11-20",
            "today": "2026-11-20",
            "current": False,
        }
        assert body["currency"] == "CNY"
        assert body["tariff"]["currency"] == "CNY"
        assert body["no_tariff"] == []
        assert body["total"] == pytest.approx(3.5)
        assert body["cost"] == pytest.approx(2 * (0.30 + 0.50) / 2 + 0.5 * 0.50 + 0.80)
        kettle = next(d for d in body["devices"] if d["id"] == "kettle")
        assert len(kettle["series"]) == 24
        hours = {p["time"]: (p["value"], p["cost"]) for p in kettle["series"] if p["value"]}
        assert hours == {
            at(2026, 11, 19, 8): (pytest.approx(2.0), pytest.approx(0.80)),
            at(2026, 11, 19, 10): (pytest.approx(1.5), pytest.approx(0.25 + 0.80)),
        }
        assert kettle["share"] == 1.0
        assert {r["id"]: r["cost"] for r in body["rooms"]}["kitchen"] == pytest.approx(1.85)


async def test_a_week_and_a_month_with_shares_and_without_a_tariff(tmp_path: Path) -> None:
    async with open_api(tmp_path, with_sim=False, start=at(2026, 11, 19, 5)) as api:
        await _priced(api)
        owner = await api.owner()
        async with with_mobility(api):
            week = await api.client.get(
                "/api/energy",
                params={"space_id": "home", "span": "week", "date": "2026-11-19"},
                headers=owner.headers,
            )
            month = await api.client.get(
                "/api/energy", params={"space_id": "home", "span": "month"}, headers=owner.headers
            )
        body = week.json()
        # The week of Thursday the 19th runs Monday to Sunday; it is this week, nothing after it.
        assert (body["since"], body["until"]) == (at(2026, 11, 16), at(2026, 11, 23))
        assert body["span"]["date"] == "2026-11-16"
        assert body["span"]["previous"] == "2026-11-09"
        assert body["span"]["next"] is None
        assert body["span"]["current"] is True
        assert body["total"] == pytest.approx(33.5)
        assert body["cost"] == pytest.approx(1.85 + 30 * 0.30)
        shares = {d["id"]: (d["share"], d["cost"]) for d in body["devices"] if d["total"]}
        assert shares == {
            "kettle": (pytest.approx(3.5 / 33.5, abs=1e-4), pytest.approx(1.85)),
            "ev-charger": (pytest.approx(30 / 33.5, abs=1e-4), pytest.approx(9.0)),
        }
        days = next(d for d in body["devices"] if d["id"] == "ev-charger")["series"]
        assert [p["cost"] for p in days] == pytest.approx([0, 0, 0, 0, 9.0, 0, 0])
        november = month.json()
        assert (november["since"], november["until"]) == (at(2026, 11, 1), at(2026, 12, 1))
        assert november["span"]["previous"] == "2026-10-01"
        assert november["cost"] == pytest.approx(10.85)
        # Without a tariff the energy stays and no cost is made up.
        plain = await api.client.get(
            "/api/energy",
            params={"space_id": "home", "span": "week", "date": "2026-11-19"},
            headers=owner.headers,
        )
        unpriced = plain.json()
        assert unpriced["total"] == pytest.approx(33.5)
        assert (unpriced["cost"], unpriced["currency"], unpriced["tariff"]) == (None, None, None)
        assert unpriced["no_tariff"] == ["home"]
        assert all(d["cost"] is None for d in unpriced["devices"])
        bad = await api.client.get(
            "/api/energy", params={"span": "day", "date": "19.11.2026"}, headers=owner.headers
        )
        assert bad.status_code == 422
        assert "YYYY-MM-DD" in bad.json()["message"]
        for far in ("0001-01-01", "9999-12-31"):
            answer = await api.client.get(
                "/api/energy", params={"span": "month", "date": far}, headers=owner.headers
            )
            assert answer.status_code == 422, answer.text


async def test_the_summarys_cost_today_is_the_energy_views_day(tmp_path: Path) -> None:
    async with open_api(tmp_path, with_sim=False, start=at(2026, 11, 19, 5)) as api:
        await _priced(api)
        owner = await api.owner()
        async with with_mobility(api):
            summary = await api.client.get("/api/summary", headers=owner.headers)
            day = await api.client.get(
                "/api/energy", params={"space_id": "home", "span": "day"}, headers=owner.headers
            )
        today = summary.json()["energy"]
        # Today (the 20th) so far: the charger's 30 kWh overnight, all in the valley.
        assert day.json()["span"]["date"] == "2026-11-20"
        assert today["kwh"] == pytest.approx(day.json()["total"]) == pytest.approx(30.0)
        assert today["cost"] == pytest.approx(round(day.json()["cost"], 2))
        assert today["cost"] == pytest.approx(9.0)
