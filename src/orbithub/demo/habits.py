"""A simulated family's manual habits, given through the hub as its users: history to mine.

The demo's simulators move people and physics, but nobody taps the app there. This script
does: on weekday mornings Mei turns on the kitchen light around 07:00; whoever comes home turns
on the ceiling light within a minute; whoever leaves turns the living room AC off on the way
out; working at the desk, the desk lamp goes on and the computer follows; weekend mornings the
living room curtain opens around 09:30. Each habit is kept most days, not all, and random
taps of other switches are mixed in as noise. Arrivals and departures come from any source of
door crossings (the simulated family's), and are published as presence changes.

Every draw comes from a random source keyed by the seed and the local date, so the same seed
gives the same weeks.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from orbithub.access import Actor, Commands, Via
from orbithub.core.context import Context, Origin
from orbithub.core.errors import CoreError
from orbithub.core.events import PresenceChanged
from orbithub.core.hub import Hub
from orbithub.errors import OrbitHubError
from orbithub.spec.model import Value

__all__ = ["CrossingLike", "CrossingSource", "HabitualFamily", "Step"]

_LOGGER = logging.getLogger(__name__)


class CrossingLike(Protocol):
    """Someone passing the front door: ``arriving`` or leaving, at ``time``."""

    @property
    def time(self) -> float:
        """Epoch seconds."""
        ...

    @property
    def person(self) -> str:
        """Who."""
        ...

    @property
    def arriving(self) -> bool:
        """True on arrival."""
        ...


class CrossingSource(Protocol):
    """Anything that knows when people come and go (the simulated family does)."""

    def crossings(self, start: float, end: float) -> Sequence[CrossingLike]:
        """Everyone passing the door in ``(start, end]``, in time order."""
        ...


@dataclass(frozen=True, slots=True)
class Step:
    """One thing the family does: a command (``device_id`` set) or a presence change."""

    time: float
    person: str
    device_id: str = ""
    path: str = ""
    value: Value = False
    present: bool | None = None


_NOISE = (
    ("bedroom-lamp", "light.on"),
    ("living-room-tv", "television.on"),
    ("living-room-purifier", "air-purifier.on"),
    ("garage-light", "light.on"),
    ("office-desk-lamp", "light.on"),
)


class HabitualFamily:
    """Plans and performs the family's manual commands on a hub.

    Args:
        hub: the hub whose devices are commanded (the demo world's device ids).
        crossings: when people arrive and leave.
        space_id: the home.
        timezone: the home's zone (habits follow local time).
        seed: the random seed.
        keep: how often a habit is kept on a day it applies (0..1).
        commands: the hub's guarded command entry (a new one over ``hub`` when None).
    """

    def __init__(
        self,
        hub: Hub,
        crossings: CrossingSource,
        *,
        space_id: str = "home",
        timezone: str = "Asia/Shanghai",
        seed: int = 0,
        keep: float = 0.9,
        commands: Commands | None = None,
    ) -> None:
        self.hub = hub
        # Each person's tap goes through the guarded entry, so it is audited like a real one.
        self._commands = commands or Commands(hub)
        self.crossings = crossings
        self.space_id = space_id
        self.zone = ZoneInfo(timezone)
        self.seed = seed
        self.keep = keep
        self.people: set[str] = set()

    def _at(self, day: date, hour: float) -> float:
        midnight = datetime.combine(day, time(0), tzinfo=self.zone)
        return (midnight + timedelta(hours=hour)).timestamp()

    def plan(self, start: float, end: float) -> list[Step]:
        """Every step with ``start < time <= end``, in time order."""
        steps: list[Step] = []
        for crossing in self.crossings.crossings(start, end):
            steps.extend(self._crossing(crossing))
        day = datetime.fromtimestamp(start, self.zone).date()
        last = datetime.fromtimestamp(end, self.zone).date()
        while day <= last:
            steps.extend(self._day(day))
            day += timedelta(days=1)
        return sorted((s for s in steps if start < s.time <= end), key=lambda s: s.time)

    def _crossing(self, crossing: CrossingLike) -> list[Step]:
        rng = random.Random(f"{self.seed}:habit:{crossing.person}:{crossing.time:.0f}")  # noqa: S311 - simulation noise, not secrets
        steps = [Step(crossing.time, crossing.person, present=crossing.arriving)]
        if crossing.arriving and rng.random() < self.keep:
            steps.append(
                Step(
                    crossing.time + rng.uniform(10, 55),
                    crossing.person,
                    "living-room-light",
                    "light.on",
                    True,
                )
            )
        if not crossing.arriving and rng.random() < self.keep:
            steps.append(
                Step(
                    crossing.time - rng.uniform(5, 60),
                    crossing.person,
                    "living-room-ac",
                    "air-conditioner.on",
                    False,
                )
            )
        return steps

    def _day(self, day: date) -> list[Step]:
        rng = random.Random(f"{self.seed}:habits:{day.isoformat()}")  # noqa: S311 - simulation noise, not secrets
        steps: list[Step] = []
        weekend = day.weekday() >= 5
        if not weekend and rng.random() < self.keep:
            at = self._at(day, 7.0 + max(-10.0, min(10.0, rng.gauss(0.0, 4.0))) / 60)
            steps.append(Step(at, "mei", "kitchen-light", "light.on", True))
        if weekend and rng.random() < self.keep:
            at = self._at(day, 9.5 + max(-15.0, min(15.0, rng.gauss(0.0, 6.0))) / 60)
            steps.append(Step(at, "alex", "living-room-curtain", "curtain.target-position", 100))
        for _ in range(rng.randint(1, 2)):
            at = self._at(day, rng.uniform(9.0, 21.0))
            steps.append(Step(at, "mei", "desk-lamp", "light.on", True))
            if rng.random() < self.keep:
                steps.append(Step(at + rng.uniform(15, 50), "mei", "computer", "switch.on", True))
            steps.append(Step(at + rng.uniform(1800, 5400), "mei", "desk-lamp", "light.on", False))
        for _ in range(rng.randint(3, 6)):
            device_id, path = rng.choice(_NOISE)
            at = self._at(day, rng.uniform(7.0, 23.0))
            steps.append(Step(at, rng.choice(("alex", "mei")), device_id, path, rng.random() < 0.5))
        return steps

    async def perform(self, step: Step) -> None:
        """Do one step now: publish the presence change, or give the command as the person.

        A command the hub refuses (device gone, adapter down) is logged and skipped, like a
        tap that fails in the app.
        """
        hub = self.hub
        if step.present is not None:
            if step.present:
                self.people.add(step.person)
            else:
                self.people.discard(step.person)
            hub.bus.publish(
                PresenceChanged(
                    hub.bus.next_seq(),
                    hub.now(),
                    self.space_id,
                    step.person,
                    step.present,
                    tuple(sorted(self.people)),
                    Context(Origin.SYSTEM, "presence"),
                )
            )
            return
        try:
            actor = Actor.system(Via.SIMULATION, Context(Origin.USER, step.person))
            await self._commands.set(actor, step.device_id, step.path, step.value)
        except (CoreError, OrbitHubError) as exc:
            _LOGGER.warning(
                "simulated %s could not set %s %s: %s", step.person, step.device_id, step.path, exc
            )
