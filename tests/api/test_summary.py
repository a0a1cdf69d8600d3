"""The home summary: the hub's own clock, and energy today with its cost at the home's tariff."""

from __future__ import annotations

from pathlib import Path

import pytest

from orbithub.storage.users import Role
from tests.api.conftest import Scope, at, open_api
from tests.api.test_vehicles import with_mobility

METER = "power-meter.power-consumption"


async def test_energy_today_and_its_cost_on_the_hubs_clock(tmp_path: Path) -> None:
    async with open_api(tmp_path, with_sim=False, start=at(2026, 11, 19, 22)) as api:
        # Yesterday evening's reading is the baseline; today's first 2 kWh came from 22:00 to
        # 03:00 and the next 1 kWh from 03:00 to 08:00.
        for when, value in (
            (at(2026, 11, 19, 22), 10.0),
            (at(2026, 11, 20, 3), 12.0),
            (at(2026, 11, 20, 8), 13.0),
        ):
            await api.clock.advance(when - api.clock.now())
            assert api.hub.report("kettle", METER, value)
        await api.clock.advance(at(2026, 11, 20, 9) - api.clock.now())
        await api.flush()
        owner = await api.owner()
        async with with_mobility(api):
            answer = await api.client.get("/api/summary", headers=owner.headers)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        # The hub's clock, not the machine's: a phone draws its charts up to this moment.
        assert body["now"] == pytest.approx(at(2026, 11, 20, 9))
        assert body["space_id"] == "home"
        assert body["timezone"] == "Asia/Shanghai"
        assert body["energy"]["since"] == at(2026, 11, 20)
        assert body["energy"]["kwh"] == pytest.approx(3.0)
        # Each spread evenly over its hours: 22-23 flat (0.50), 23-07 valley (0.30), 07-08 flat.
        first = 2 * (1 * 0.50 + 4 * 0.30) / 5
        second = 1 * (4 * 0.30 + 1 * 0.50) / 5
        assert body["energy"]["cost"] == pytest.approx(round(first + second, 2))
        assert body["energy"]["currency"] == "CNY"
        # Without the mobility services (which keep the tariffs) the energy stays, the cost goes.
        plain = (await api.client.get("/api/summary", headers=owner.headers)).json()
        assert plain["energy"]["kwh"] == pytest.approx(3.0)
        assert plain["energy"]["cost"] is None


async def test_a_guest_sees_only_granted_meters_and_unknown_spaces_are_refused(
    tmp_path: Path,
) -> None:
    async with open_api(tmp_path, with_sim=False) as api:
        guest = await api.person("gus", Role.GUEST, grants=[Scope("home", ["study"])])
        answer = await api.client.get("/api/summary", headers=guest.headers)
        assert answer.status_code == 200, answer.text
        # The study's computer is the only meter the guest may see; nothing used yet.
        assert answer.json()["energy"]["kwh"] == 0
        missing = await api.client.get(
            "/api/summary", params={"space_id": "office"}, headers=guest.headers
        )
        assert missing.status_code == 404
        assert "GET /api/spaces" in missing.json()["message"]
