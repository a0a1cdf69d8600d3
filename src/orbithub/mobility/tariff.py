"""Time-of-use electricity tariffs: the price of a kWh at any instant, per home.

A tariff is a list of daily windows in the home's local time (``23:00-07:00 at 0.30``); the
windows must cover the whole day without overlapping, so every instant has exactly one price.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from orbithub.mobility.errors import MobilityError

__all__ = ["Tariff", "TariffError", "TariffWindow", "parse_clock"]

_DAY_MIN = 24 * 60


class TariffError(MobilityError, ValueError):
    """A tariff's windows or prices are not usable."""


def parse_clock(text: str) -> int:
    """Minutes after midnight of ``HH:MM`` (``24:00`` is the end of the day).

    Raises:
        TariffError: not a time of day.
    """
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
    except ValueError:
        raise TariffError(f"{text!r} is not a time of day; write it as HH:MM") from None
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or hours * 60 + minutes > _DAY_MIN:
        raise TariffError(f"{text!r} is not a time of day; write it as HH:MM within 00:00..24:00")
    return hours * 60 + minutes


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class TariffWindow:
    """One daily window: from ``start`` to ``end`` minutes after local midnight.

    ``end`` may be smaller than ``start``: the window runs over midnight (23:00-07:00).
    """

    start: int
    end: int
    price: float
    name: str = ""

    def minutes(self) -> int:
        """How long the window lasts each day."""
        return (self.end - self.start) % _DAY_MIN or _DAY_MIN

    def covers(self, minute: float) -> bool:
        """Whether a minute of the day (0..1440) falls inside."""
        offset = (minute - self.start) % _DAY_MIN
        return offset < self.minutes()

    def label(self) -> str:
        """``23:00-07:00``."""
        return f"{_clock(self.start)}-{_clock(self.end % _DAY_MIN)}"


@dataclass(frozen=True, slots=True)
class Tariff:
    """A daily time-of-use tariff in one time zone.

    Attributes:
        windows: cover the day exactly once.
        timezone: the IANA zone the windows' clock times are in.
        currency: what the prices are in (``CNY``).
        name: a display name.
    """

    windows: tuple[TariffWindow, ...]
    timezone: str = "UTC"
    currency: str = "CNY"
    name: str = ""

    def __post_init__(self) -> None:
        if not self.windows:
            raise TariffError("a tariff needs at least one window; add one covering 00:00-24:00")
        for window in self.windows:
            if not (math.isfinite(window.price) and window.price >= 0):
                raise TariffError(
                    f"the price of {window.label()} must be a number >= 0, got {window.price!r}"
                )
            if not (0 <= window.start < _DAY_MIN and 0 <= window.end <= _DAY_MIN):
                raise TariffError(f"window {window.start}..{window.end} is not within a day")
        if sum(w.minutes() for w in self.windows) != _DAY_MIN:
            raise TariffError(
                "the windows must cover the whole day exactly once (they add up to "
                f"{sum(w.minutes() for w in self.windows) / 60:g} h); fix overlaps or gaps"
            )
        for minute in sorted({w.start for w in self.windows}):
            if sum(1 for w in self.windows if w.covers(minute)) != 1:
                raise TariffError(f"windows overlap at {_clock(minute)}; fix the overlap")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise TariffError(
                f"unknown time zone {self.timezone!r}; use an IANA name such as Asia/Shanghai"
            ) from None

    @classmethod
    def flat(cls, price: float, *, timezone: str = "UTC", currency: str = "CNY") -> Tariff:
        """One price all day."""
        return cls((TariffWindow(0, _DAY_MIN, price, "flat"),), timezone, currency, "flat")

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Tariff:
        """Read ``{"timezone", "currency", "name", "windows": [{"start","end","price","name"}]}``.

        Raises:
            TariffError: a field is missing or wrong; the message names it.
        """
        raw_windows = data.get("windows")
        if not isinstance(raw_windows, Sequence) or isinstance(raw_windows, str):
            raise TariffError("a tariff needs 'windows': a list of {start, end, price}")
        windows: list[TariffWindow] = []
        for i, item in enumerate(raw_windows):
            if not isinstance(item, Mapping):
                raise TariffError(f"window {i} must be an object with start, end and price")
            start, end, price = item.get("start"), item.get("end"), item.get("price")
            if not isinstance(start, str) or not isinstance(end, str):
                raise TariffError(f"window {i}: start and end must be HH:MM text")
            if isinstance(price, bool) or not isinstance(price, int | float):
                raise TariffError(f"window {i}: price must be a number, got {price!r}")
            name = item.get("name", "")
            windows.append(
                TariffWindow(
                    parse_clock(start) % _DAY_MIN,
                    parse_clock(end),
                    float(price),
                    name if isinstance(name, str) else "",
                )
            )
        timezone, currency, name = data.get("timezone"), data.get("currency"), data.get("name")
        return cls(
            tuple(windows),
            timezone if isinstance(timezone, str) else "UTC",
            currency if isinstance(currency, str) else "CNY",
            name if isinstance(name, str) else "",
        )

    def to_mapping(self) -> dict[str, object]:
        """The inverse of :meth:`from_mapping`."""
        return {
            "name": self.name,
            "timezone": self.timezone,
            "currency": self.currency,
            "windows": [
                {
                    "start": _clock(w.start),
                    "end": _clock(w.end),
                    "price": w.price,
                    "name": w.name,
                }
                for w in self.windows
            ],
        }

    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def window_at(self, t: float) -> TariffWindow:
        """The window in force at epoch time ``t``."""
        local = datetime.fromtimestamp(t, self._zone())
        minute = local.hour * 60 + local.minute + local.second / 60
        for window in self.windows:
            if window.covers(minute):
                return window
        return self.windows[0]  # unreachable: __post_init__ checked the day is covered

    def price_at(self, t: float) -> float:
        """Price per kWh at epoch time ``t``."""
        return self.window_at(t).price

    def changes(self, start: float, end: float) -> Iterator[float]:
        """Epoch times in ``(start, end)`` where the price may change, in order."""
        zone = self._zone()
        day = datetime.fromtimestamp(start, zone).date() - timedelta(days=1)
        starts = sorted({w.start for w in self.windows})
        seen: set[float] = set()
        while True:
            for minute in starts:
                local = datetime.combine(day, time(minute // 60, minute % 60), zone)
                t = local.timestamp()
                if t >= end:
                    return
                if t > start and t not in seen:
                    seen.add(t)
                    yield t
            day += timedelta(days=1)
