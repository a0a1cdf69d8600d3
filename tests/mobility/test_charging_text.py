"""Why a car has no charging plan, in English and Chinese, from the planner's own errors."""

# Chinese reasons use full-width punctuation.
# ruff: noqa: RUF001

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from orbithub.mobility.charging import ChargeRequest, ChargeRequestError, SolarWindow
from orbithub.mobility.charging_text import planner_refused, switched_by_hand

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2025, 7, 8, 21, 0, tzinfo=SHANGHAI).timestamp()


def refusal(**changes: Any) -> ChargeRequestError:
    values: dict[str, Any] = {
        "capacity_kwh": 75.0,
        "soc": 40.0,
        "target_soc": 80.0,
        "charger_kw": 7.0,
        "now": NOW,
        "departure": NOW + 10 * 3600,
    }
    with pytest.raises(ChargeRequestError) as caught:
        ChargeRequest(**{**values, **changes})
    return caught.value


def test_an_out_of_range_charger_power_is_worded_in_chinese_with_its_range() -> None:
    # A charger reporting a 1 A current limit: 0.22 kW on 220 V mains.
    reason = planner_refused(refusal(charger_kw=0.22))
    assert reason.en == "charger_kw must be within 0.5..400, got 0.22"
    assert reason.zh == "充电功率须在 0.5 kW 到 400 kW 之间，当前为 0.22 kW"


def test_an_error_of_an_unknown_kind_keeps_its_english_text_in_both_languages() -> None:
    reason = planner_refused(refusal(solar=(SolarWindow(NOW, NOW + 3600, -1.0),)))
    assert "solar window" in reason.en
    assert reason.zh == reason.en


def test_a_charger_switched_off_on_the_charger_itself_says_so() -> None:
    since = datetime(2025, 7, 8, 22, 15, tzinfo=SHANGHAI)
    reason = switched_by_hand(False, None, since)
    assert reason.en.startswith("the charger was switched off by hand at 22:15")
    assert reason.zh == "充电桩已于 22:15 被手动关闭；拔下充电枪后恢复按计划充电"
