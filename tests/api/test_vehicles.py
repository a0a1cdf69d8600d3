"""The vehicles API: the car's state, charging plan, track, settings and pre-conditioning."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]

from orbithub.core.tasks import task_scope
from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility import runtime
from orbithub.mobility.runtime import Mobility
from orbithub.mobility.tariff import Tariff
from orbithub.storage.users import Role
from tests.api.conftest import ApiHarness, Scope, at, open_api

HOME = (39.9042, 116.4074)


@contextlib.asynccontextmanager
async def with_mobility(
    api: ApiHarness, *, default_tariff: Tariff | None = None
) -> AsyncIterator[Mobility]:
    """The mobility services, with the demo's tariff as the default unless another is given."""
    async with task_scope() as tasks:
        mobility = await runtime.start(
            api.hub, tasks, default_tariff=default_tariff or beijing_tariff()
        )
        api.attach(mobility=mobility)
        try:
            yield mobility
        finally:
            api.attach(mobility=None)


@pytest.fixture
async def bare(tmp_path: Path) -> AsyncIterator[ApiHarness]:
    """The API over the demo world with no adapter: tests report the car's values."""
    async with open_api(tmp_path, with_sim=False, start=at(2026, 11, 20, 17, 0)) as harness:
        yield harness


def _north_of_home(metres: float) -> tuple[float, float]:
    out = Geodesic.WGS84.Direct(HOME[0], HOME[1], 0.0, metres)
    return float(out["lat2"]), float(out["lon2"])


async def test_the_owner_sees_the_car_with_its_battery_plan_and_places(api: ApiHarness) -> None:
    owner = await api.owner()
    async with with_mobility(api):
        await api.clock.advance(30)
        listed = await api.client.get("/api/vehicles", headers=owner.headers)
        assert listed.status_code == 200, listed.text
        assert [v["id"] for v in listed.json()] == ["car"]
        answer = await api.client.get("/api/vehicles/car", headers=owner.headers)
        assert answer.status_code == 200, answer.text
        car = answer.json()
        assert car["device_id"] == "car"
        assert 0 < car["battery"] <= 100
        assert car["range_km"] > 0
        assert car["controllable"] is True
        places = {p["space_id"]: p for p in car["places"]}
        assert set(places) == {"home", "office"}
        assert places["home"]["distance_m"] is not None
        charging = car["charging"]
        assert charging["home_id"] == "home"
        assert charging["charger_id"] == "ev-charger"
        assert charging["settings"]["target_soc"] == 80
        plan = charging["plan"]
        assert plan is not None
        assert plan["currency"] == "CNY"
        assert plan["explanation"]["en"]
        assert plan["explanation"]["zh"]


async def test_charging_settings_re_plan_set_the_cars_limit_and_are_audited(
    api: ApiHarness,
) -> None:
    owner = await api.owner()
    async with with_mobility(api):
        await api.clock.advance(30)
        departure = api.clock.now() + 20 * 3600
        answer = await api.client.put(
            "/api/vehicles/car/charging",
            json={"target_soc": 90, "departure": departure, "limit": 95},
            headers=owner.headers,
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["settings"]["target_soc"] == 90
        assert body["settings"]["limit_soc"] == 95
        assert body["departure"] == departure
        assert body["plan"]["goal_soc"] == 90
        assert api.hub.state.value("car", "charging.charge-limit") == 95
        audit = await api.client.get("/api/audit", headers=owner.headers)
        entries = [e for e in audit.json() if e["action"] == "vehicle.charging"]
        assert entries
        assert entries[0]["target"] == "car/charging"
        # Out-of-range values are refused with the range, and nothing changes.
        for bad in (
            {"target_soc": 120},
            {"limit": 30},
            {"departure_time": "7am"},
            {"departure_time": "25:00"},
            {"x": 1},
            {"enabled": "yes please"},
        ):
            refused = await api.client.put(
                "/api/vehicles/car/charging", json=bad, headers=owner.headers
            )
            assert refused.status_code == 422, bad
        again = await api.client.get("/api/vehicles/car", headers=owner.headers)
        assert again.json()["charging"]["settings"]["target_soc"] == 90
        unknown = await api.client.put(
            "/api/vehicles/home/charging", json={"target_soc": 50}, headers=owner.headers
        )
        assert unknown.status_code == 404
        assert "GET /api/vehicles" in unknown.json()["message"]


async def test_why_the_plan_is_not_followed_is_told_in_english_and_chinese(
    bare: ApiHarness,
) -> None:
    api = bare
    owner = await api.owner()
    api.hub.report_many("car", {"battery.battery-level": 40.0, "charging.charging-state": 0})
    async with with_mobility(api):
        await api.clock.advance(30)
        car = (await api.client.get("/api/vehicles/car", headers=owner.headers)).json()
        assert car["charging"]["plan"] is not None
        assert car["charging"]["plan_reason"] == "the car is not plugged in at home"
        assert car["charging"]["plan_reason_text"] == {
            "en": "the car is not plugged in at home",
            "zh": "车未在家插电",
        }
        off = await api.client.put(
            "/api/vehicles/car/charging", json={"enabled": False}, headers=owner.headers
        )
        assert off.status_code == 200, off.text
        assert off.json()["plan_reason"] == "smart charging is off for this vehicle"
        assert off.json()["plan_reason_text"] == {
            "en": "smart charging is off for this vehicle",
            "zh": "该车的智能充电已关闭",
        }
        api.hub.report("car", "charging.charging-state", 1)
        api.hub.report("ev-charger", "charger.plugged", True)
        on = await api.client.put(
            "/api/vehicles/car/charging", json={"enabled": True}, headers=owner.headers
        )
        assert on.json()["plugged"] is True
        assert on.json()["plan_reason"] is None
        assert on.json()["plan_reason_text"] is None


async def test_precondition_starts_the_cabin_and_refuses_an_impossible_set_point(
    api: ApiHarness,
) -> None:
    owner = await api.owner()
    async with with_mobility(api):
        answer = await api.client.post(
            "/api/vehicles/car/precondition",
            json={"target_temperature": 23.5},
            headers=owner.headers,
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["confirmed"] is True
        assert answer.json()["ready_at"] > api.clock.now()
        assert api.hub.state.value("car", "cabin.on") is True
        assert api.hub.state.value("car", "cabin.target-temperature") == 23.5
        hot = await api.client.post(
            "/api/vehicles/car/precondition",
            json={"target_temperature": 40},
            headers=owner.headers,
        )
        assert hot.status_code == 422
        assert "30" in hot.json()["message"]


async def test_people_see_only_vehicles_they_are_granted_and_control_needs_the_car(
    api: ApiHarness,
) -> None:
    mei = await api.person("mei", Role.ADULT, grants=[Scope("home")])
    kid = await api.person("kid", Role.CHILD, grants=[Scope("car", device_ids=[])])
    async with with_mobility(api):
        assert (await api.client.get("/api/vehicles", headers=mei.headers)).json() == []
        hidden = await api.client.get("/api/vehicles/car", headers=mei.headers)
        assert hidden.status_code == 404
        seen = await api.client.get("/api/vehicles/car", headers=kid.headers)
        assert seen.status_code == 200
        assert seen.json()["controllable"] is False
        before = api.hub.state.value("car", "cabin.on")
        refused = await api.client.post("/api/vehicles/car/precondition", headers=kid.headers)
        assert refused.status_code == 403
        assert api.hub.state.value("car", "cabin.on") == before
        assert (
            await api.client.put(
                "/api/vehicles/car/charging", json={"target_soc": 100}, headers=kid.headers
            )
        ).status_code == 403
        assert (await api.client.get("/api/vehicles")).status_code == 401


async def test_without_the_mobility_services_reads_work_and_changes_answer_503(
    api: ApiHarness,
) -> None:
    owner = await api.owner()
    car = await api.client.get("/api/vehicles/car", headers=owner.headers)
    assert car.status_code == 200
    assert car.json()["charging"]["plan"] is None
    assert "not running" in car.json()["charging"]["plan_reason"]
    assert car.json()["charging"]["plan_reason_text"] == {
        "en": "the mobility services are not running",
        "zh": "出行服务未运行",
    }
    put = await api.client.put(
        "/api/vehicles/car/charging", json={"target_soc": 70}, headers=owner.headers
    )
    assert put.status_code == 503
    assert put.json()["code"] == "unavailable"


async def test_the_track_and_the_eta_home_follow_the_reported_drive(bare: ApiHarness) -> None:
    api = bare
    owner = await api.owner()
    async with with_mobility(api):
        start = api.clock.now()
        for i in range(12):
            lat, lon = _north_of_home(5_000 - 250 * i)  # 15 m/s towards home
            api.hub.report_many(
                "car",
                {"location.latitude": lat, "location.longitude": lon, "vehicle.speed": 54.0},
            )
            await api.clock.advance(1 if i == 11 else 16.666)
        await api.flush()
        car = (await api.client.get("/api/vehicles/car", headers=owner.headers)).json()
        home = next(p for p in car["places"] if p["space_id"] == "home")
        assert home["eta"] is not None
        assert home["eta"]["approaching"] is True
        # 2,250 m from home, 150 m geofence: 2,100 m at 15 m/s = 140 s (one second passed).
        assert home["eta"]["seconds"] == pytest.approx(139, rel=0.05)
        office = next(p for p in car["places"] if p["space_id"] == "office")
        assert office["eta"] is None  # driving away from it
        track = await api.client.get(
            "/api/vehicles/car/track", params={"since": start - 1}, headers=owner.headers
        )
        assert track.status_code == 200, track.text
        points = track.json()["points"]
        assert len(points) == 12
        assert [p["time"] for p in points] == sorted(p["time"] for p in points)
        assert points[0]["latitude"] == pytest.approx(_north_of_home(5_000)[0], abs=1e-6)
        assert points[-1]["speed_kmh"] == 54.0
        thin = await api.client.get(
            "/api/vehicles/car/track",
            params={"since": start - 1, "max_points": 3},
            headers=owner.headers,
        )
        times = [p["time"] for p in points]
        assert [p["time"] for p in thin.json()["points"]] == [times[0], times[6], times[-1]]
        later = await api.client.get(
            "/api/vehicles/car/track",
            params={"since": api.clock.now() + 5, "until": api.clock.now() + 100},
            headers=owner.headers,
        )
        # No position was recorded in that range, so there is nothing to draw.
        assert later.status_code == 200
        assert later.json()["points"] == []
        backwards = await api.client.get(
            "/api/vehicles/car/track",
            params={"since": start, "until": start - 10},
            headers=owner.headers,
        )
        assert backwards.status_code == 422
        for bad in ({"since": "nan"}, {"since": "-5"}, {"max_points": 1}):
            refused = await api.client.get(
                "/api/vehicles/car/track", params=bad, headers=owner.headers
            )
            assert refused.status_code == 422, bad


async def test_a_home_gets_its_own_tariff_and_the_plan_follows_it(api: ApiHarness) -> None:
    owner = await api.owner()
    guest = await api.person("kid", Role.CHILD, grants=[Scope("home")])
    async with with_mobility(api):
        default = await api.client.get("/api/tariffs/home", headers=owner.headers)
        assert default.status_code == 200
        assert default.json()["own"] is False
        flat = {
            "name": "flat",
            "timezone": "Asia/Shanghai",
            "currency": "CNY",
            "windows": [{"start": "00:00", "end": "24:00", "price": 0.6}],
        }
        answer = await api.client.put("/api/tariffs/home", json=flat, headers=owner.headers)
        assert answer.status_code == 200, answer.text
        assert answer.json()["own"] is True
        car = (await api.client.get("/api/vehicles/car", headers=owner.headers)).json()
        plan = car["charging"]["plan"]
        assert all(slot["price"] == 0.6 for slot in plan["slots"])
        gap = {**flat, "windows": [{"start": "00:00", "end": "12:00", "price": 0.6}]}
        refused = await api.client.put("/api/tariffs/home", json=gap, headers=owner.headers)
        assert refused.status_code == 422
        assert "whole day" in refused.json()["message"]
        forbidden = await api.client.put("/api/tariffs/home", json=flat, headers=guest.headers)
        assert forbidden.status_code == 403
        assert (await api.client.get("/api/tariffs/car", headers=owner.headers)).status_code == 404
        reset = await api.client.delete("/api/tariffs/home", headers=owner.headers)
        assert reset.json()["own"] is False
        assert reset.json()["name"] == "Beijing-like time of use"
        audit = (await api.client.get("/api/audit", headers=owner.headers)).json()
        assert {"tariff.set", "tariff.reset"} <= {e["action"] for e in audit}


async def test_a_hub_without_a_tariff_plans_no_charging_and_says_how_to_set_one(
    api: ApiHarness,
) -> None:
    owner = await api.owner()
    async with task_scope() as tasks:
        api.attach(mobility=await runtime.start(api.hub, tasks))  # as `orbithub serve` does
        none = await api.client.get("/api/tariffs/home", headers=owner.headers)
        assert none.status_code == 404
        assert none.json()["code"] == "no_tariff"
        assert "PUT /api/tariffs/home" in none.json()["message"]
        car = (await api.client.get("/api/vehicles/car", headers=owner.headers)).json()
        assert car["charging"]["plan"] is None
        assert "no electricity tariff" in car["charging"]["plan_reason"]
        assert "电价" in car["charging"]["plan_reason_text"]["zh"]
        reset = await api.client.delete("/api/tariffs/home", headers=owner.headers)
        assert reset.status_code == 204
        api.attach(mobility=None)


async def test_the_cabin_shows_the_cars_outside_reading_while_it_is_fresh(
    bare: ApiHarness,
) -> None:
    api = bare
    owner = await api.owner()
    async with with_mobility(api):
        api.hub.report("car", "environment.outside-temperature", -7.5)
        await api.flush()
        car = (await api.client.get("/api/vehicles/car", headers=owner.headers)).json()
        assert car["cabin"]["outside_temperature"] == -7.5
        # Last evening's reading says little about this morning: unknown rather than wrong.
        await api.clock.advance(3 * 3600 + 60)
        car = (await api.client.get("/api/vehicles/car", headers=owner.headers)).json()
        assert car["cabin"]["outside_temperature"] is None
