"""The suggestion service: mine history now and then, propose a few a day, remember decisions."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from orbithub.assistant.suggest.document import fingerprint_id, to_yaml, with_automation_id
from orbithub.assistant.suggest.errors import SuggestionDecidedError, UnknownSuggestionError
from orbithub.assistant.suggest.mining import MiningSettings, mine, same_habit
from orbithub.assistant.suggest.model import Candidate, Status, Suggestion
from orbithub.assistant.suggest.records import read_records
from orbithub.assistant.suggest.store import SuggestionStore
from orbithub.automation.errors import AutomationError
from orbithub.automation.library import AutomationLibrary
from orbithub.core.clock import Clock
from orbithub.core.registry import Registry
from orbithub.files import write_atomically
from orbithub.storage import Database

__all__ = ["AutomationSink", "LibrarySink", "Suggester", "YamlFolderSink"]

_LOGGER = logging.getLogger(__name__)
_DAY = 86_400.0


class AutomationSink(Protocol):
    """Where an accepted suggestion goes: the automations of the hub."""

    async def add_automation(self, automation_id: str, document: Mapping[str, object]) -> None:
        """Store (and start) the automation described by ``document``."""
        ...


class YamlFolderSink:
    """Writes each accepted suggestion as ``<folder>/<automation id>.yaml``, atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def add_automation(self, automation_id: str, document: Mapping[str, object]) -> None:
        """Write the document as a YAML file the automation loader reads."""
        await asyncio.to_thread(self._write, automation_id, to_yaml(dict(document)))

    def _write(self, automation_id: str, text: str) -> None:
        write_atomically(self.folder / f"{automation_id}.yaml", text)


class LibrarySink:
    """Hands accepted automations to the running engine's library: checked, saved, running.

    The library validates the automation against the home, writes it to its folder as
    ``<id>.yaml`` and loads it into the engine at once.
    """

    def __init__(self, library: AutomationLibrary) -> None:
        self.library = library

    async def add_automation(self, automation_id: str, document: Mapping[str, object]) -> None:
        """Save the document's one automation through the library.

        Raises:
            AutomationError: the library refused it (an automation with this id exists, or a
                device it names is gone).
        """
        automations = document.get("automations")
        if not isinstance(automations, list) or len(automations) != 1:
            raise AutomationError(
                f"suggestion {automation_id!r} does not hold exactly one automation"
            )
        automation = automations[0]
        owner = automation.get("owner") if isinstance(automation, Mapping) else None
        await self.library.save(
            automation, create=True, owner=owner if isinstance(owner, str) else None
        )


def _owned_by(document: Mapping[str, object], owner: str) -> dict[str, object]:
    """The document with its one automation recorded as ``owner``'s."""
    automations = document.get("automations")
    if not isinstance(automations, list):
        return dict(document)
    owned = [{**a, "owner": owner} if isinstance(a, Mapping) else a for a in automations]
    return {**document, "automations": owned}


class Suggester:
    """Mines the activity log for habits and proposes them as ready automations.

    Args:
        registry: the hub's registry (names, time zones, people's phones).
        clock: the hub's clock.
        db: the database with the activity log.
        store: where suggestions and decisions are kept.
        sink: where accepted automations are written.
        max_per_day: most new suggestions proposed per local day.
        lookback_days: how much history is mined.
        settings: mining thresholds.
        interval: seconds between two minings when :meth:`run` runs.
    """

    def __init__(
        self,
        *,
        registry: Registry,
        clock: Clock,
        db: Database,
        store: SuggestionStore,
        sink: AutomationSink,
        max_per_day: int = 3,
        lookback_days: float = 28.0,
        settings: MiningSettings | None = None,
        interval: float = 6 * 3600.0,
    ) -> None:
        if max_per_day < 0:
            raise ValueError(f"max_per_day cannot be negative, got {max_per_day}")
        self.registry = registry
        self.clock = clock
        self.db = db
        self.store = store
        self.sink = sink
        self.max_per_day = max_per_day
        self.lookback_days = lookback_days
        self.settings = settings or MiningSettings()
        self.interval = interval
        self._lock = asyncio.Lock()

    # -- reading ------------------------------------------------------------------------------
    def pending(self) -> list[Suggestion]:
        """Suggestions waiting for a decision, best first."""
        waiting = [s for s in self.store.suggestions.values() if s.status is Status.PENDING]
        waiting.sort(key=lambda s: (-s.candidate.confidence, -s.candidate.support, s.id))
        return waiting

    def all(self) -> list[Suggestion]:
        """Every suggestion, newest first."""
        return sorted(self.store.suggestions.values(), key=lambda s: -s.proposed_at)

    def get(self, suggestion_id: str) -> Suggestion:
        """One suggestion.

        Raises:
            UnknownSuggestionError: no suggestion has this id.
        """
        found = self.store.suggestions.get(suggestion_id)
        if found is None:
            raise UnknownSuggestionError(
                f"no suggestion {suggestion_id!r}; list them with GET /api/suggestions"
            )
        return found

    # -- mining -------------------------------------------------------------------------------
    async def refresh(self) -> list[Suggestion]:
        """Mine history now; propose new habits up to today's allowance.

        Returns:
            The suggestions proposed by this call.
        """
        async with self._lock:
            now = self.clock.now()
            commands, presence = await read_records(
                self.db, now - self.lookback_days * _DAY, now + 1.0
            )
            candidates = await asyncio.to_thread(
                mine, commands, presence, self.registry, now=now, settings=self.settings
            )
            known = self.store.suggestions
            allowance = self.max_per_day - self._proposed_today(now)
            proposed: list[Suggestion] = []
            changed = False
            for candidate in candidates:
                fp = candidate.fingerprint
                match = next(
                    (s for s in known.values() if same_habit(s.candidate.fingerprint, fp)),
                    None,
                )
                if match is not None:
                    if match.status is Status.PENDING and match.candidate != candidate:
                        # Fresh figures for a suggestion still on show; its id stays.
                        known[match.id] = replace(match, candidate=_keep_id(candidate, match))
                        changed = True
                    continue
                if allowance <= 0:
                    continue
                suggestion = Suggestion(
                    fingerprint_id(candidate.fingerprint), candidate, Status.PENDING, now
                )
                known[suggestion.id] = suggestion
                proposed.append(suggestion)
                allowance -= 1
            if proposed or changed:
                await self.store.save()
            if proposed:
                _LOGGER.info(
                    "proposed %d suggestions from %d commands and %d presence changes",
                    len(proposed),
                    len(commands),
                    len(presence),
                )
            return proposed

    def _proposed_today(self, now: float) -> int:
        zone = self._zone()
        today = datetime.fromtimestamp(now, zone).date()
        return sum(
            1
            for s in self.store.suggestions.values()
            if datetime.fromtimestamp(s.proposed_at, zone).date() == today
        )

    def _zone(self) -> ZoneInfo:
        spaces = self.registry.spaces()
        try:
            return ZoneInfo(spaces[0].timezone) if spaces else ZoneInfo("UTC")
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    async def run(self) -> None:
        """Mine at start and then every :attr:`interval` seconds, until cancelled."""
        while True:
            try:
                await self.refresh()
            except Exception:
                # A failed mining (database down) is retried next time; it must not end the task.
                _LOGGER.exception("mining suggestions failed; retrying in %.0f s", self.interval)
            await self.clock.sleep(self.interval)

    # -- decisions ----------------------------------------------------------------------------
    async def accept(
        self, suggestion_id: str, *, by: str | None = None, owner: str | None = None
    ) -> Suggestion:
        """Turn the suggestion into an automation through the sink and remember the decision.

        ``owner`` is the id of the user accepting: the automation runs with their rights.

        Raises:
            UnknownSuggestionError: no suggestion has this id.
            SuggestionDecidedError: it was already accepted or rejected.
        """
        async with self._lock:
            suggestion = self._undecided(suggestion_id)
            document = with_automation_id(suggestion.candidate.document, suggestion.automation_id)
            if owner is not None:
                document = _owned_by(document, owner)
            await self.sink.add_automation(suggestion.automation_id, document)
            return await self._decide(suggestion, Status.ACCEPTED, by)

    async def accepted_as_reviewed(
        self, suggestion_id: str, *, by: str | None = None
    ) -> Suggestion:
        """Remember the suggestion as accepted, its automation saved elsewhere.

        The app lets a person review (and edit) the proposed automation before the API saves
        it under the suggestion's automation id; this records the decision without the sink.

        Raises:
            UnknownSuggestionError: no suggestion has this id.
            SuggestionDecidedError: it was already accepted or rejected.
        """
        async with self._lock:
            return await self._decide(self._undecided(suggestion_id), Status.ACCEPTED, by)

    async def reject(self, suggestion_id: str, *, by: str | None = None) -> Suggestion:
        """Never propose this habit again.

        Raises:
            UnknownSuggestionError: no suggestion has this id.
            SuggestionDecidedError: it was already accepted or rejected.
        """
        async with self._lock:
            return await self._decide(self._undecided(suggestion_id), Status.REJECTED, by)

    def _undecided(self, suggestion_id: str) -> Suggestion:
        suggestion = self.get(suggestion_id)
        if suggestion.status is not Status.PENDING:
            raise SuggestionDecidedError(
                f"suggestion {suggestion_id!r} was already {suggestion.status}; "
                "a decided suggestion cannot be changed"
            )
        return suggestion

    async def _decide(self, suggestion: Suggestion, status: Status, by: str | None) -> Suggestion:
        decided = replace(suggestion, status=status, decided_at=self.clock.now(), decided_by=by)
        self.store.suggestions[decided.id] = decided
        await self.store.save()
        return decided


def _keep_id(candidate: Candidate, match: Suggestion) -> Candidate:
    """The new figures under the old fingerprint and automation id, so the id stays put."""
    return replace(
        candidate,
        fingerprint=match.candidate.fingerprint,
        document=with_automation_id(candidate.document, match.automation_id),
    )
