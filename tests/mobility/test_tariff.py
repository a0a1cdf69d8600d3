"""Time-of-use tariffs: prices by local time, windows over midnight, and refused configs."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility.tariff import Tariff, TariffError, parse_clock

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour: int, minute: int = 0, day: int = 8) -> float:
    return datetime(2025, 7, day, hour, minute, tzinfo=SHANGHAI).timestamp()


def test_beijing_prices_follow_local_time_including_over_midnight() -> None:
    tariff = beijing_tariff()
    assert tariff.price_at(at(23, 30)) == 0.30
    assert tariff.price_at(at(3, 0)) == 0.30
    assert tariff.price_at(at(7, 0)) == 0.50
    assert tariff.price_at(at(12, 0)) == 0.80
    assert tariff.price_at(at(19, 59)) == 0.80
    assert tariff.price_at(at(22, 0)) == 0.50
    assert tariff.window_at(at(2, 0)).name == "valley"


def test_changes_lists_every_price_boundary_in_order() -> None:
    tariff = beijing_tariff()
    changes = list(tariff.changes(at(20, 0), at(8, 0, day=9)))
    local = [datetime.fromtimestamp(t, SHANGHAI).strftime("%H:%M") for t in changes]
    assert local == ["21:00", "23:00", "07:00"]


def test_a_tariff_round_trips_through_its_mapping() -> None:
    tariff = beijing_tariff()
    assert Tariff.from_mapping(tariff.to_mapping()) == tariff


@pytest.mark.parametrize(
    ("windows", "message"),
    [
        ([{"start": "00:00", "end": "12:00", "price": 0.5}], "whole day"),
        (
            [
                {"start": "00:00", "end": "13:00", "price": 0.5},
                {"start": "12:00", "end": "24:00", "price": 0.6},
                {"start": "11:00", "end": "12:00", "price": 0.6},
            ],
            "whole day",
        ),
        ([{"start": "00:00", "end": "24:00", "price": -1}], ">= 0"),
        ([{"start": "7am", "end": "24:00", "price": 1}], "HH:MM"),
        ([{"start": "00:00", "end": "24:00", "price": "cheap"}], "must be a number"),
        ("all day", "windows"),
    ],
)
def test_bad_tariffs_are_refused_with_a_message_that_says_what_to_fix(
    windows: object, message: str
) -> None:
    with pytest.raises(TariffError, match=message):
        Tariff.from_mapping({"windows": windows, "timezone": "Asia/Shanghai"})


def test_an_unknown_time_zone_is_refused() -> None:
    with pytest.raises(TariffError, match="IANA"):
        Tariff.flat(0.5, timezone="Mars/Olympus")


def test_parse_clock() -> None:
    assert parse_clock("07:30") == 450
    assert parse_clock("24:00") == 1440
    with pytest.raises(TariffError):
        parse_clock("25:00")
