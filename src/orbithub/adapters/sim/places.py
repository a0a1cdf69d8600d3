"""The places the family moves between, and the roads that join them.

The demo home and office get hand-placed waypoints along real Beijing roads (Chang'an Avenue,
the west Second Ring Road, Zhongguancun Street); any other pair of places gets a plausible
city-grid route (along one axis, then the other).
"""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.adapters.sim.family import Place, Routes
from orbithub.adapters.sim.route import Route, haversine_m

__all__ = ["DEMO_HOME", "DEMO_OFFICE", "Places"]

DEMO_HOME = (39.9042, 116.4074)
DEMO_OFFICE = (39.9950, 116.3280)

_DEMO_CAR_ROUTE = (
    DEMO_HOME,
    (39.9075, 116.4050),  # onto Chang'an Avenue
    (39.9078, 116.3740),  # Xidan
    (39.9075, 116.3565),  # Fuxingmen, onto the west Second Ring Road
    (39.9235, 116.3562),  # Fuchengmen
    (39.9405, 116.3555),  # Xizhimen
    (39.9420, 116.3270),  # Xizhimen Outer Street, by the zoo
    (39.9590, 116.3205),  # Weigongcun
    (39.9780, 116.3165),  # Zhongguancun Street
    (39.9880, 116.3190),
    DEMO_OFFICE,
)
_DEMO_MEI_WORK = (39.9087, 116.4600)  # Guomao
_DEMO_TRANSIT = (
    DEMO_HOME,
    (39.9080, 116.4110),  # walk to the Line 1 station
    (39.9070, 116.4180),  # Dongdan
    (39.9080, 116.4350),  # Jianguomen
    (39.9080, 116.4500),  # Yong'anli
    _DEMO_MEI_WORK,
)


def _grid(a: tuple[float, float], b: tuple[float, float]) -> Route:
    return Route.of([a, (a[0], b[1]), b]) if a != b else Route.of([a, (a[0] + 1e-4, a[1])])


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return haversine_m(a[0], a[1], b[0], b[1]) < 200


@dataclass(frozen=True, slots=True)
class Places:
    """Coordinates of every place, plus the Wi-Fi names a phone sees there."""

    home: tuple[float, float] = DEMO_HOME
    office: tuple[float, float] = DEMO_OFFICE
    mei_work: tuple[float, float] = _DEMO_MEI_WORK
    home_ssid: str = "OrbitHome"
    office_ssid: str = "Office-Staff"
    mei_work_ssid: str = "Guomao-Tower-5G"

    @classmethod
    def around(cls, home: tuple[float, float], office: tuple[float, float] | None) -> Places:
        """Places for a home and (optionally) an office; Mei works ~5 km east of home."""
        if office is None:
            office = (home[0] + 0.09, home[1] - 0.08)
        mei = _DEMO_MEI_WORK if _near(home, DEMO_HOME) else (home[0] + 0.004, home[1] + 0.053)
        return cls(home=home, office=office, mei_work=mei)

    @property
    def park(self) -> tuple[float, float]:
        """A park a short walk north of home."""
        return (self.home[0] + 0.0075, self.home[1] + 0.002)

    def coordinates(self, place: Place) -> tuple[float, float]:
        """Where a place is.

        Raises:
            KeyError: for ``Place.ERRAND``, which is wherever that day's shopping trip ends.
        """
        return {
            Place.HOME: self.home,
            Place.OFFICE: self.office,
            Place.MEI_WORK: self.mei_work,
            Place.PARK: self.park,
        }[place]

    def ssid(self, place: Place) -> str:
        """The Wi-Fi network a phone joins at a place ("" where it joins none)."""
        return {
            Place.HOME: self.home_ssid,
            Place.OFFICE: self.office_ssid,
            Place.MEI_WORK: self.mei_work_ssid,
        }.get(place, "")

    def routes(self) -> Routes:
        """The commuting and walking routes between these places."""
        if _near(self.home, DEMO_HOME) and _near(self.office, DEMO_OFFICE):
            car = Route.of([self.home, *_DEMO_CAR_ROUTE[1:-1], self.office])
        else:
            car = _grid(self.home, self.office)
        if _near(self.home, DEMO_HOME) and _near(self.mei_work, _DEMO_MEI_WORK):
            transit = Route.of([self.home, *_DEMO_TRANSIT[1:-1], self.mei_work])
        else:
            transit = _grid(self.home, self.mei_work)
        return Routes(car=car, transit=transit, walk=_grid(self.home, self.park))
