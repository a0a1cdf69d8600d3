"""The shared world of one simulation: weather, family, places, rooms and every device."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.adapters.sim.base import DeviceSim, model_of
from orbithub.adapters.sim.family import Family, Place
from orbithub.adapters.sim.places import Places
from orbithub.adapters.sim.rooms import RoomClimate
from orbithub.adapters.sim.world import Weather
from orbithub.core.registry import Registry, Room, SpaceKind

__all__ = ["Scene"]


def _is(room: Room, *words: str) -> bool:
    text = f"{room.id} {room.name} {' '.join(room.aliases)}".lower()
    return any(w in text for w in words)


class Scene:
    """Everything the simulated devices share and couple through.

    Args:
        seed: the simulation seed.
        registry: the hub's registry (spaces give places, rooms get a climate).
        now: the clock time the simulation starts at.
        routines: whether the family operates devices (off: only commands change them).
    """

    def __init__(self, seed: int, registry: Registry, now: float, *, routines: bool = True) -> None:
        self.seed = seed
        self.routines = routines
        self.registry = registry
        spaces = registry.spaces()
        home = next((s for s in spaces if s.kind is SpaceKind.HOME), None)
        office = next((s for s in spaces if s.kind is SpaceKind.OFFICE), None)
        self.home_space_id = home.id if home is not None else None
        self.office_space_id = office.id if office is not None else None
        self.timezone = home.timezone if home is not None else "Asia/Shanghai"
        home_at = (
            (home.latitude, home.longitude)
            if home is not None and home.latitude is not None and home.longitude is not None
            else None
        )
        office_at = (
            (office.latitude, office.longitude)
            if office is not None and office.latitude is not None and office.longitude is not None
            else None
        )
        self.places = Places.around(home_at, office_at) if home_at is not None else Places()
        self.weather = Weather(seed, self.timezone)
        self.family = Family(seed, self.timezone, self.places.routes())
        self.sims: dict[str, DeviceSim] = {}
        self._rooms: dict[str, RoomClimate] = {}
        self._now = now

    # -- rooms ------------------------------------------------------------------------------
    def room(self, room_id: str | None) -> RoomClimate | None:
        """The climate of a room (created on first use), or None for no room."""
        if room_id is None:
            return None
        climate = self._rooms.get(room_id)
        if climate is None:
            room = self.registry.room(room_id)
            climate = self._new_room(room)
            self._rooms[room_id] = climate
        return climate

    def _new_room(self, room: Room) -> RoomClimate:
        t = self._now
        outdoor = 0.5 * self.weather.temperature(t) + 0.5 * self.weather.temperature(t - 6 * 3600)
        indoor = 21.5 if self.heating_season(t) else outdoor + 1.5
        rh = self.weather.humidity(t) * 0.9
        office = room.space_id == self.office_space_id
        return RoomClimate(
            temperature=indoor,
            humidity=rh,
            pm25=0.5 * self.weather.pm25(t),
            capacity=3.0e6 if office else 0.6e6,
            insulation=(8 if office else 5) * 3600.0,
            volume=150.0 if office else 45.0,
        )

    def heating_season(self, t: float) -> bool:
        """Beijing's district heating runs from 15 November to 15 March."""
        local = datetime.fromtimestamp(t, ZoneInfo(self.timezone))
        md = (local.month, local.day)
        return md >= (11, 15) or md < (3, 16)

    def step_rooms(self, now: float, dt: float) -> None:
        """Add people and cooking to the rooms, integrate them, and mix air within each space."""
        self._now = now
        family = self.family
        awake = family.awake_home_count(now)
        asleep = family.home_count(now) - awake
        cooking = family.cooking(now)
        at_office = sum(1 for p in ("alex", "mei") if family.place_at(p, now) is Place.OFFICE)
        outdoor = self.weather.temperature(now)
        rh = self.weather.humidity(now)
        pm = self.weather.pm25(now)
        heating = self.heating_season(now)
        by_space: defaultdict[str, list[RoomClimate]] = defaultdict(list)
        for room_id, climate in self._rooms.items():
            room = self.registry.room(room_id)
            if room.space_id == self.home_space_id:
                if _is(room, "living", "客厅"):
                    climate.occupants += awake
                elif _is(room, "bed", "卧室"):
                    climate.occupants += asleep
                elif _is(room, "kitchen", "厨房") and cooking:
                    # A wok on a gas stove: heat, steam, and a burst of fine particles.
                    climate.heat_w += 600.0  # most of the stove's heat leaves by the hood
                    climate.moisture_pct_per_h += 12.0
                    climate.pm_source += 0.12
            elif room.space_id == self.office_space_id:
                # Alex and some forty colleagues share the open-plan office.
                climate.occupants += (40 if at_office else 0) // 10 + at_office
            climate.integrate(
                dt, outdoor=outdoor, outdoor_rh=rh, outdoor_pm=pm, heating_season=heating
            )
            by_space[room.space_id].append(climate)
        for climates in by_space.values():
            if len(climates) < 2:
                continue
            t = statistics.fmean(c.temperature for c in climates)
            h = statistics.fmean(c.humidity for c in climates)
            p = statistics.fmean(c.pm25 for c in climates)
            for climate in climates:
                climate.mix(t, h, p, dt)

    # -- devices ----------------------------------------------------------------------------
    def find(self, model: str, space_id: str | None = None) -> list[DeviceSim]:
        """Simulated devices of a model, optionally in one space."""
        return [
            s
            for s in self.sims.values()
            if model_of(s.device) == model and (space_id is None or s.device.space_id == space_id)
        ]
