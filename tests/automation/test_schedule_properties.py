"""Property tests of the time triggers' next fire time, over years and DST changes."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from orbithub.automation.model import CronTrigger, TimeTrigger
from orbithub.automation.place import Place
from orbithub.automation.triggers import next_fire

ZONES = ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe", "UTC"]
instants = st.floats(min_value=1.7e9, max_value=1.9e9, allow_nan=False)
times = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@given(instants, times, st.sampled_from(ZONES))
def test_a_daily_time_fires_next_at_that_wall_time(after: float, at: time, zone: str) -> None:
    place = Place(ZoneInfo(zone))
    due = next_fire(TimeTrigger(at), after, place)
    assert due is not None
    assert after < due <= after + 26 * 3600
    local = datetime.fromtimestamp(due, place.tz)
    if local.time().replace(second=0) != at:
        # Only on a spring-forward day: the wall time does not exist, so it fires when the
        # clock skips over it.
        wall = datetime.combine(local.date(), at, place.tz)
        assert wall.astimezone(ZoneInfo("UTC")).astimezone(place.tz).time() != at
    # Nothing earlier in between: the day before's occurrence is not after ``after``.
    earlier = datetime.combine(local.date() - timedelta(days=1), at, place.tz).timestamp()
    assert earlier <= after or earlier >= due


@given(instants, st.sampled_from(ZONES))
def test_cron_fires_strictly_later_and_on_the_minute(after: float, zone: str) -> None:
    place = Place(ZoneInfo(zone))
    due = next_fire(CronTrigger("*/15 * * * *"), after, place)
    assert due is not None
    assert after < due <= after + 15 * 60 + 3600  # an hour of slack across a DST gap
    local = datetime.fromtimestamp(due, place.tz)
    assert local.minute % 15 == 0
    assert local.second == 0
