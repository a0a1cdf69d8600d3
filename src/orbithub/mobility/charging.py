"""The charging planner: when to charge a car so it is ready by departure at the lowest cost.

The time until departure is cut into slots (15 minutes by default, and wherever the tariff or
the solar forecast changes). In each slot the charger either runs at its power or not, and a
slot has one price per kWh put into the battery: the tariff's price for the share the grid
supplies (expected solar surplus is free), divided by the charger's efficiency. Filling the
cheapest slots first is then optimal: the cost is linear in the energy of each slot and only the
total is constrained, so any cheaper energy left unused could replace dearer energy bought.

A slot filled only in part is charged from its start, so the schedule is a set of on-periods the
charger can follow with a plain switch. The pack's taper near full is left to re-planning: the
charging service plans again as the state of charge moves.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from orbithub.mobility.errors import MobilityError
from orbithub.mobility.tariff import Tariff

__all__ = [
    "ChargePlan",
    "ChargeRequest",
    "ChargeRequestError",
    "ChargeSlot",
    "SolarWindow",
    "plan_charging",
]

_EPS_KWH = 1e-9


class ChargeRequestError(MobilityError, ValueError):
    """The inputs of a charging plan are out of range.

    Attributes:
        field: the input out of its range, None for other refusals.
        low: the lowest value ``field`` accepts.
        high: the highest value ``field`` accepts.
        value: what ``field`` was given.
        far_departure: the departure is more than a week away.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        low: float = math.nan,
        high: float = math.nan,
        value: float = math.nan,
        far_departure: bool = False,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.low = low
        self.high = high
        self.value = value
        self.far_departure = far_departure


@dataclass(frozen=True, slots=True)
class SolarWindow:
    """Expected solar surplus (power the home would otherwise export) from ``start`` to ``end``."""

    start: float
    end: float
    kw: float


@dataclass(frozen=True, slots=True)
class ChargeRequest:
    """What the planner needs to know.

    Attributes:
        capacity_kwh: usable battery capacity.
        soc: current state of charge, percent.
        target_soc: wanted state of charge at departure, percent.
        charger_kw: power the charger delivers (AC, from the wall).
        now: when charging may start, epoch seconds.
        departure: when the car must be ready, epoch seconds.
        efficiency: share of the wall energy that reaches the battery (0..1].
        limit_soc: the car's charge limit, percent; never charged beyond it.
        slot_s: slot length, seconds.
        solar: expected solar surplus windows.
    """

    capacity_kwh: float
    soc: float
    target_soc: float
    charger_kw: float
    now: float
    departure: float
    efficiency: float = 0.9
    limit_soc: float = 100.0
    slot_s: float = 900.0
    solar: tuple[SolarWindow, ...] = ()

    def __post_init__(self) -> None:
        checks = (
            ("capacity_kwh", self.capacity_kwh, 1.0, 500.0),
            ("soc", self.soc, 0.0, 100.0),
            ("target_soc", self.target_soc, 0.0, 100.0),
            ("charger_kw", self.charger_kw, 0.5, 400.0),
            ("efficiency", self.efficiency, 0.05, 1.0),
            ("limit_soc", self.limit_soc, 0.0, 100.0),
            ("slot_s", self.slot_s, 60.0, 86_400.0),
        )
        for name, value, low, high in checks:
            if not (math.isfinite(value) and low <= value <= high):
                raise ChargeRequestError(
                    f"{name} must be within {low:g}..{high:g}, got {value!r}",
                    field=name,
                    low=low,
                    high=high,
                    value=value,
                )
        if not (math.isfinite(self.now) and math.isfinite(self.departure)):
            raise ChargeRequestError("now and departure must be epoch seconds")
        if self.departure - self.now > 7 * 86_400:
            raise ChargeRequestError(
                "departure is more than a week away; plan for a departure within 7 days",
                far_departure=True,
            )
        for window in self.solar:
            if not (math.isfinite(window.kw) and window.kw >= 0 and window.end >= window.start):
                raise ChargeRequestError(
                    f"a solar window needs start <= end and kW >= 0, got {window!r}"
                )

    @property
    def goal_soc(self) -> float:
        """The target, capped by the charge limit."""
        return min(self.target_soc, self.limit_soc)


@dataclass(frozen=True, slots=True)
class ChargeSlot:
    """One period the charger runs.

    Attributes:
        start: when it switches on, epoch seconds.
        end: when it switches off.
        energy_kwh: energy into the battery.
        grid_kwh: energy bought from the grid.
        solar_kwh: solar surplus used.
        price: tariff price per grid kWh in this period.
        cost: what the grid energy costs.
    """

    start: float
    end: float
    energy_kwh: float
    grid_kwh: float
    solar_kwh: float
    price: float
    cost: float


@dataclass(frozen=True, slots=True)
class ChargePlan:
    """A charging schedule and what it achieves.

    Attributes:
        request: the inputs.
        slots: on-periods in time order (adjacent slots are kept apart: prices may differ).
        goal_soc: the target after the charge limit, percent.
        final_soc: the state of charge at departure if the plan is followed.
        feasible: whether ``goal_soc`` is reached by departure.
        reachable_soc: the most the car can reach by departure (charging all the time).
        cost: the plan's cost.
        cost_now: the cost of charging at once, without waiting for cheaper energy.
        currency: the tariff's currency.
        timezone: the tariff's zone, for clock times in explanations.
    """

    request: ChargeRequest
    slots: tuple[ChargeSlot, ...]
    goal_soc: float
    final_soc: float
    feasible: bool
    reachable_soc: float
    cost: float
    cost_now: float
    currency: str
    timezone: str
    sessions: tuple[tuple[float, float], ...] = field(default=())

    @property
    def savings(self) -> float:
        """How much cheaper than charging at once (never negative)."""
        return max(0.0, self.cost_now - self.cost)

    @property
    def energy_kwh(self) -> float:
        """Energy into the battery over the plan."""
        return sum(s.energy_kwh for s in self.slots)

    def charging_at(self, t: float) -> bool:
        """Whether the charger should be on at ``t``."""
        return any(s.start <= t < s.end for s in self.slots)

    def next_change(self, t: float) -> float | None:
        """The next time after ``t`` the charger switches on or off; None when none is left."""
        edges = [e for start, end in self.sessions for e in (start, end) if e > t]
        return min(edges) if edges else None

    def explain(self, language: str = "en") -> str:
        """One or two sentences a person reads: when, how much, what it saves.

        Args:
            language: ``en`` or ``zh`` (any ``zh-*`` variant); anything else gives English.
        """
        from orbithub.mobility.charging_text import explain_plan

        return explain_plan(self, "zh" if language.lower().startswith("zh") else "en")


def plan_charging(request: ChargeRequest, tariff: Tariff) -> ChargePlan:
    """The cheapest schedule that reaches the target by departure, or the best one can do.

    Returns:
        A plan; when the target cannot be reached it charges in every slot and says how far
        the car gets (``feasible`` False, ``reachable_soc``).
    """
    r = request
    need = max(0.0, (r.goal_soc - r.soc) / 100 * r.capacity_kwh)
    intervals = list(_intervals(r, tariff))
    capacity = sum(i.battery_kwh for i in intervals)
    reachable = min(r.limit_soc, max(r.soc, r.soc + capacity / r.capacity_kwh * 100))
    feasible = need <= capacity + 1e-6
    want = min(need, capacity)
    cheapest = sorted(intervals, key=lambda i: (i.cost_per_kwh, i.start))
    chosen = _fill(cheapest, want)
    asap = _fill(intervals, want)
    slots = tuple(sorted(chosen, key=lambda s: s.start))
    final = r.soc + sum(s.energy_kwh for s in slots) / r.capacity_kwh * 100
    return ChargePlan(
        request=r,
        slots=slots,
        goal_soc=r.goal_soc,
        final_soc=min(final, r.limit_soc) if final > r.soc else r.soc,
        feasible=feasible,
        reachable_soc=reachable,
        cost=sum(s.cost for s in slots),
        cost_now=sum(s.cost for s in asap),
        currency=tariff.currency,
        timezone=tariff.timezone,
        sessions=_sessions(slots),
    )


@dataclass(frozen=True, slots=True)
class _Interval:
    start: float
    end: float
    price: float
    solar_share: float
    efficiency: float
    battery_kwh: float
    cost_per_kwh: float


def _intervals(r: ChargeRequest, tariff: Tariff) -> Iterator[_Interval]:
    if r.departure <= r.now:
        return
    edges = {r.now, r.departure}
    grid = math.floor(r.now / r.slot_s) * r.slot_s + r.slot_s
    while grid < r.departure:
        edges.add(grid)
        grid += r.slot_s
    edges.update(tariff.changes(r.now, r.departure))
    for window in r.solar:
        edges.update(e for e in (window.start, window.end) if r.now < e < r.departure)
    ordered = sorted(edges)
    for start, end in itertools.pairwise(ordered):
        price = tariff.price_at(start)
        solar_kw = sum(w.kw for w in r.solar if w.start <= start < w.end)
        share = min(solar_kw, r.charger_kw) / r.charger_kw
        battery = r.charger_kw * r.efficiency * (end - start) / 3600
        per_kwh = price * (1 - share) / r.efficiency
        yield _Interval(start, end, price, share, r.efficiency, battery, per_kwh)


def _fill(intervals: list[_Interval], want: float) -> list[ChargeSlot]:
    """Take energy from ``intervals`` in the order given until ``want`` kWh are in."""
    slots: list[ChargeSlot] = []
    left = want
    for i in intervals:
        if left <= _EPS_KWH:
            break
        take = min(i.battery_kwh, left)
        fraction = take / i.battery_kwh
        end = i.end if fraction >= 1.0 else i.start + (i.end - i.start) * fraction
        drawn = take / i.efficiency
        grid = drawn * (1 - i.solar_share)
        slots.append(ChargeSlot(i.start, end, take, grid, drawn - grid, i.price, grid * i.price))
        left -= take
    return slots


def _sessions(slots: tuple[ChargeSlot, ...]) -> tuple[tuple[float, float], ...]:
    """Adjacent slots merged into on-periods."""
    merged: list[tuple[float, float]] = []
    for slot in slots:
        if merged and slot.start - merged[-1][1] < 1.0:
            merged[-1] = (merged[-1][0], slot.end)
        else:
            merged.append((slot.start, slot.end))
    return tuple(merged)
