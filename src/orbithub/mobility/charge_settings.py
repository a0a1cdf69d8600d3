"""What the owner asks of one vehicle's charging: target, departure, limit, the cabin's comfort."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass

from orbithub.mobility.errors import MobilityError
from orbithub.mobility.tariff import TariffError, parse_clock

__all__ = ["ChargeSettings"]


@dataclass(frozen=True, slots=True)
class ChargeSettings:
    """What the owner asked for one vehicle.

    Attributes:
        target_soc: state of charge wanted at departure, percent.
        departure: a one-off departure (epoch seconds); when None or past, the daily one.
        departure_time: the usual daily departure, ``HH:MM`` in the home's time zone.
        limit_soc: never charge beyond this, percent (the car's own limit also applies).
        capacity_kwh: usable battery capacity.
        efficiency: wall-to-battery efficiency.
        charger_kw: charger power; None derives it from the charger's current limit.
        home_id: the home whose charger is used; None picks the nearest home with one.
        enabled: whether the service switches the charger at all.
        precondition: whether the cabin is warmed or cooled for the departure.
        cabin_c: the cabin temperature wanted at departure, celsius.
    """

    target_soc: float = 80.0
    departure: float | None = None
    departure_time: str = "07:30"
    limit_soc: float = 100.0
    capacity_kwh: float = 75.0
    efficiency: float = 0.9
    charger_kw: float | None = None
    home_id: str | None = None
    enabled: bool = True
    precondition: bool = True
    cabin_c: float = 22.0

    def __post_init__(self) -> None:
        for name, value, low, high in (
            ("target_soc", self.target_soc, 0.0, 100.0),
            ("limit_soc", self.limit_soc, 50.0, 100.0),
            ("capacity_kwh", self.capacity_kwh, 1.0, 500.0),
            ("efficiency", self.efficiency, 0.05, 1.0),
            ("cabin_c", self.cabin_c, 16.0, 30.0),
        ):
            if not (math.isfinite(value) and low <= value <= high):
                raise MobilityError(f"{name} must be within {low:g}..{high:g}, got {value!r}")
        if self.charger_kw is not None and not (
            math.isfinite(self.charger_kw) and 0.5 <= self.charger_kw <= 400
        ):
            raise MobilityError(f"charger_kw must be within 0.5..400, got {self.charger_kw!r}")
        if self.departure is not None and not math.isfinite(self.departure):
            raise MobilityError("departure must be epoch seconds")
        try:
            parse_clock(self.departure_time)
        except TariffError as exc:
            raise MobilityError(f"departure_time: {exc}") from None

    def to_mapping(self) -> dict[str, object]:
        """Plain values, for storage and the API."""
        return dataclasses.asdict(self)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ChargeSettings:
        """Read what :meth:`to_mapping` wrote; unknown keys are ignored.

        Raises:
            MobilityError: a value is of the wrong type or out of range.
        """
        values: dict[str, object] = {}
        for key, kinds in _SETTING_TYPES.items():
            if key not in data:
                continue
            value = data[key]
            if value is None and type(None) in kinds:
                values[key] = None
            elif isinstance(value, bool) != (bool in kinds) or not isinstance(value, kinds):
                names = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
                raise MobilityError(
                    f"charging settings are malformed: {key} must be {names}, got {value!r}"
                )
            elif isinstance(value, int | float) and not isinstance(value, bool):
                values[key] = float(value)
            else:
                values[key] = value
        return cls(**values)  # type: ignore[arg-type]


_NUMBER = (int, float)
_SETTING_TYPES: dict[str, tuple[type, ...]] = {
    "target_soc": _NUMBER,
    "departure": (*_NUMBER, type(None)),
    "departure_time": (str,),
    "limit_soc": _NUMBER,
    "capacity_kwh": _NUMBER,
    "efficiency": _NUMBER,
    "charger_kw": (*_NUMBER, type(None)),
    "home_id": (str, type(None)),
    "enabled": (bool,),
    "precondition": (bool,),
    "cabin_c": _NUMBER,
}
