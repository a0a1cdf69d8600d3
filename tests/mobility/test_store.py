"""Mobility settings survive a restart, and a damaged file never stops the hub."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from orbithub.core.clock import ManualClock
from orbithub.core.tasks import task_scope
from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility import runtime
from orbithub.mobility.charging_service import ChargeSettings
from orbithub.mobility.store import MOBILITY_FILENAME, MobilityConfig, load_config, save_config
from orbithub.mobility.tariff import Tariff
from tests.mobility.conftest import build_hub


def test_settings_and_tariffs_round_trip_through_the_file(tmp_path: Path) -> None:
    config = MobilityConfig(
        {"car": ChargeSettings(target_soc=85, departure_time="06:50", cabin_c=21.5)},
        {"home": Tariff.flat(0.55, timezone="Asia/Shanghai")},
    )
    save_config(tmp_path, config)
    assert load_config(tmp_path) == config
    assert load_config(tmp_path / "elsewhere") == MobilityConfig()


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '{"vehicles": {"car": {"target_soc": "lots"}}}',
        '{"tariffs": {"home": {"windows": []}}}',
        "[]",
    ],
)
def test_a_damaged_file_is_set_aside_and_defaults_are_used(
    tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / MOBILITY_FILENAME).write_text(text, encoding="utf-8")
    assert load_config(tmp_path) == MobilityConfig()
    assert (tmp_path / "mobility.json.bad").read_text(encoding="utf-8") == text
    assert "move it back" in caplog.text


async def test_configuring_a_vehicle_is_saved_and_loaded_at_the_next_start(
    tmp_path: Path,
) -> None:
    clock = ManualClock()
    hub = build_hub(clock)
    hub.report("car", "battery.battery-level", 50.0)
    async with task_scope() as tasks:
        mobility = await runtime.start(hub, tasks, data_dir=tmp_path)
        mobility.charging.configure("car", ChargeSettings(target_soc=90))
        mobility.charging.set_tariff("home", beijing_tariff())
        async with asyncio.timeout(5):
            await mobility.saved()
    saved = load_config(tmp_path)
    assert saved.vehicles["car"].target_soc == 90
    assert saved.tariffs["home"] == beijing_tariff()
    async with task_scope() as tasks:
        again = await runtime.start(build_hub(clock), tasks, data_dir=tmp_path)
        assert again.charging.settings("car").target_soc == 90
        assert again.tracks.running
