"""What smart charging asked each charger, until the charger's own report confirms it.

A charger may reply to a command at once and report its new state a second later. Until that
report arrives, the hub's state still shows the old one; deciding from it would either send
the same command again or, worse, skip a correction (on asked, then off wanted a moment later:
"it is off already"). So the service decides from what it expects the charger to be: the value
it asked for while that request is fresh, else the charger's confirmed state. A report is then
one of three things:

* the echo of the service's own command (the hub links it to that command, or it is the value
  still awaited): the request is settled and the plan is checked against the new truth;
* the effect of someone else's command (a person in the app, an automation): the service
  already saw that command go by and holds off until the car is unplugged;
* a change nobody commanded: a hand on the charger itself.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import StrEnum

from orbithub.core.context import Context

__all__ = ["Cause", "ChargerCommands"]

_KEEP_IDS = 8


class Cause(StrEnum):
    """What made a charger report a new state."""

    OWN = "own"
    COMMAND = "command"
    HAND = "hand"


@dataclass(frozen=True, slots=True)
class _Asked:
    on: bool
    time: float
    context_id: str


class ChargerCommands:
    """The service's requests per charger and the contexts it sent them under. Loop only.

    Args:
        timeout: seconds a request waits for the charger's report before the confirmed state
            counts again (a charger that never reported is asked once more).
    """

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._asked: dict[str, _Asked] = {}
        self._ids: dict[str, deque[str]] = {}

    def asked(self, charger_id: str, on: bool, context: Context, now: float) -> None:
        """The service is sending ``on`` to the charger under ``context``."""
        self._asked[charger_id] = _Asked(on, now, context.id)
        ids = self._ids.get(charger_id)
        if ids is None:
            ids = self._ids[charger_id] = deque(maxlen=_KEEP_IDS)
        ids.append(context.id)

    def failed(self, charger_id: str) -> None:
        """The request could not be sent: nothing is awaited."""
        self._asked.pop(charger_id, None)

    def expected(self, charger_id: str, confirmed: bool | None, now: float) -> bool | None:
        """What the charger will be once its reports are in: a fresh request, else ``confirmed``."""
        asked = self._asked.get(charger_id)
        if asked is None:
            return confirmed
        if now - asked.time > self.timeout:
            del self._asked[charger_id]
            return confirmed
        return asked.on

    def reported(self, charger_id: str, on: bool, context: Context, now: float) -> Cause:
        """Classify a reported change of the charger's switch (and settle the request it meets).

        Only the report of the awaited request settles it: the late echo of an earlier request
        with the same value does not, or a second report still on its way would be taken for
        a change and answered with a repeated command.
        """
        asked = self._asked.get(charger_id)
        parent = context.parent_id
        if parent is not None and parent in self._ids.get(charger_id, ()):
            if asked is not None and asked.context_id == parent:
                del self._asked[charger_id]
            return Cause.OWN
        if parent is not None:
            return Cause.COMMAND
        if asked is not None and asked.on == on and now - asked.time <= self.timeout:
            # Reported after the hub stopped linking it, but what is awaited: its echo.
            del self._asked[charger_id]
            return Cause.OWN
        return Cause.HAND

    def next_expiry(self) -> float | None:
        """When the oldest awaited request stops being awaited, None when none is."""
        if not self._asked:
            return None
        return min(a.time for a in self._asked.values()) + self.timeout

    def forget(self, charger_id: str) -> None:
        """Drop everything about a charger (removed)."""
        self._asked.pop(charger_id, None)
        self._ids.pop(charger_id, None)
