"""Baselines from history: hour-of-week medians and spreads, extremes, counters, silence."""

from __future__ import annotations

import math
import random
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from orbithub.assistant.anomaly import build_baselines, hour_of_week, usual_interval
from tests.assistant.suggest.weeks import SHANGHAI

START = datetime(2026, 3, 2, tzinfo=SHANGHAI).timestamp()  # a Monday
WEEK = 7 * 86_400.0
KEY = ("sensor", "temperature-humidity-sensor.temperature")


def _temperature(weeks: int, seed: int = 1) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    points = []
    t = START
    while t < START + weeks * WEEK:
        hour = datetime.fromtimestamp(t, SHANGHAI).hour
        points.append((t, round(22 + 3 * math.sin(hour / 24 * 2 * math.pi) + rng.gauss(0, 0.2), 1)))
        t += 600
    return points


def test_hour_of_week_counts_from_monday_midnight_local() -> None:
    assert hour_of_week(START + 1800, SHANGHAI) == 0
    assert hour_of_week(START + 14.5 * 3600 + 86_400, SHANGHAI) == 24 + 14
    assert hour_of_week(START + WEEK - 1, SHANGHAI) == 167


def test_median_and_spread_by_hour_of_week() -> None:
    baselines = build_baselines(
        {KEY: _temperature(3)}, {"sensor": SHANGHAI}, START, START + 3 * WEEK
    )
    hourly = baselines.series(*KEY)
    assert hourly is not None
    tuesday_6 = hourly[24 + 6]
    assert tuesday_6 is not None
    # Around 06:00 the curve peaks at 25 °C; pooled with 05:00 and 07:00 the median stays near.
    assert tuesday_6.median == pytest.approx(22 + 3 * math.sin(6 / 24 * 2 * math.pi), abs=0.3)
    assert 0.1 < tuesday_6.spread < 0.6
    assert tuesday_6.weeks == 3
    assert tuesday_6.samples == 3 * 3 * 12  # three weeks, three hours, every five minutes
    night = hourly[24 + 18]
    assert night is not None
    assert night.median < tuesday_6.median - 4


def test_a_rare_but_normal_value_is_within_the_extremes() -> None:
    points: list[tuple[float, float]] = [(START, 0.0)]
    for day in range(21):
        boil = START + day * 86_400 + 15 * 3600
        points += [(boil, 2000.0), (boil + 180, 0.0)]
    key = ("kettle", "power-meter.electric-power")
    baselines = build_baselines({key: points}, {}, START, START + 3 * WEEK)
    hourly = baselines.series(*key)
    assert hourly is not None
    # A device with no zone given is judged in UTC.
    base = hourly[hour_of_week(START + 15 * 3600, ZoneInfo("UTC"))]
    assert base is not None
    assert base.median == 0.0
    assert base.high == 2000.0
    assert baselines.overall[key] == 0.0


def test_a_device_gone_quiet_is_not_learned_forever() -> None:
    # Readings for one week, then nothing: the last value is held a day, not two weeks, so
    # only the hours of that day (and the hours next to it) have a second week.
    baselines = build_baselines(
        {KEY: _temperature(1)}, {"sensor": SHANGHAI}, START, START + 3 * WEEK
    )
    hourly = baselines.series(*KEY)
    assert hourly is not None
    assert all(b is None for b in hourly[26:167])


def test_counters_and_short_histories_get_no_baseline() -> None:
    energy = [(START + i * 600.0, i * 0.01) for i in range(3 * 1008)]
    counter = build_baselines(
        {("plug", "power-meter.power-consumption"): energy}, {}, START, START + 3 * WEEK
    )
    assert len(counter) == 0  # a counter has no daily shape
    one_week = build_baselines({KEY: _temperature(1)}, {}, START, START + WEEK)
    assert len(one_week) == 0  # one week is not enough to judge any hour


def test_usual_interval_only_for_devices_that_report_regularly() -> None:
    end = START + 86_400
    regular = [START + i * 300.0 + (i % 3) for i in range(288)]
    assert usual_interval(regular, start=START, end=end) == pytest.approx(301.0)
    # A motion sensor quiet all night: silence says nothing about it.
    motion = [START + 8 * 3600 + i * 120.0 for i in range(300)]
    assert usual_interval(motion, start=START, end=end) is None
    assert usual_interval(regular[:20], start=START, end=START + 20 * 300) is None
