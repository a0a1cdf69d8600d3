"""Find habits in manual commands and presence: routines, sequences, presence-linked commands.

Pure functions over records already read from the activity log, so they run in a worker
thread and are tested without a database. Each habit comes with its support (how often it
happened) and its opportunities (how often it could have), and only habits seen often enough,
reliably enough, become candidates.
"""

# ruff: noqa: RUF001 - Chinese sentences use full-width punctuation.

from __future__ import annotations

import bisect
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson

from orbithub.assistant.suggest.describe import (
    action_phrases,
    place_phrases,
    slot_phrases,
)
from orbithub.assistant.suggest.document import (
    fingerprint_id,
    presence_document,
    routine_document,
    sequence_document,
)
from orbithub.assistant.suggest.model import (
    Candidate,
    ManualCommand,
    PresenceRecord,
    SuggestionKind,
)
from orbithub.core.errors import UnknownSpaceError
from orbithub.core.registry import Registry
from orbithub.spec.model import Value

__all__ = ["MiningSettings", "mine", "same_habit"]

_PRESENCE_PATH = "presence.at-home"


@dataclass(frozen=True, slots=True)
class MiningSettings:
    """How strict mining is.

    Attributes:
        min_support: fewest occurrences before a habit is proposed.
        min_confidence: smallest share of opportunities the habit must have taken.
        routine_window_s: a routine's commands fall within this of its usual time.
        sequence_window_s: the second command of a sequence follows within this.
        presence_window_s: a presence-linked command falls within this of the arrival or
            departure (after an arrival; either side of a departure, since people switch
            things off on their way out).
        round_minutes: a routine's time is rounded to this many minutes.
    """

    min_support: int = 4
    min_confidence: float = 0.7
    routine_window_s: float = 20 * 60.0
    sequence_window_s: float = 60.0
    presence_window_s: float = 120.0
    round_minutes: int = 5


_Key = tuple[str, str, str, str]  # space, device, path, value as JSON


def _key(c: ManualCommand) -> _Key:
    return (c.space_id, c.device_id, c.path, orjson.dumps(c.value).decode())


def _candidate_key(c: Candidate) -> _Key:
    return (c.space_id, c.device_id, c.path, orjson.dumps(c.value).decode())


def _fingerprint(kind: SuggestionKind, key: _Key, slot: str) -> str:
    return "|".join((str(kind), *key, slot))


_SAME_ROUTINE_MINUTES = 60


def same_habit(a: str, b: str) -> bool:
    """Whether two fingerprints name the same habit.

    Equal fingerprints do; so do two routines of the same command on the same days whose
    times are within an hour, since a habit's usual time drifts a little as history grows and
    a rejected routine must not come back five minutes later.
    """
    if a == b:
        return True
    head_a, _, slot_a = a.rpartition("|")
    head_b, _, slot_b = b.rpartition("|")
    if head_a != head_b or not head_a.startswith(f"{SuggestionKind.ROUTINE}|"):
        return False
    days_a, _, at_a = slot_a.partition("@")
    days_b, _, at_b = slot_b.partition("@")
    if days_a != days_b or not at_a.isdigit() or not at_b.isdigit():
        return False
    gap = abs(int(at_a) - int(at_b)) % (24 * 60)
    return min(gap, 24 * 60 - gap) <= _SAME_ROUTINE_MINUTES


def mine(
    commands: Sequence[ManualCommand],
    presence: Sequence[PresenceRecord],
    registry: Registry,
    *,
    now: float,
    settings: MiningSettings | None = None,
) -> list[Candidate]:
    """Every habit in the records worth proposing, best first (confidence, then support).

    Args:
        commands: manual ``set`` commands, any order.
        presence: arrivals and departures, any order.
        registry: names, time zones and the phones that stand for people.
        now: the current time; only whole local days before it count as opportunities.
        settings: thresholds (defaults when None).
    """
    cfg = settings or MiningSettings()
    ordered = sorted(commands, key=lambda c: c.time)
    linked = list(_presence(ordered, sorted(presence, key=lambda p: p.time), registry, cfg))
    # A command people give as they leave also happens at the time they usually leave; the
    # presence habit is the reason, so the routine it looks like is not proposed as well.
    explained = {_candidate_key(c) for c in linked}
    found = [
        *(c for c in _routines(ordered, registry, now, cfg) if _candidate_key(c) not in explained),
        *_sequences(ordered, registry, cfg),
        *linked,
    ]
    found.sort(key=lambda c: (-c.confidence, -c.support, c.fingerprint))
    return found


# -- routines ---------------------------------------------------------------------------------
def _zone(registry: Registry, space_id: str) -> ZoneInfo:
    try:
        return ZoneInfo(registry.space(space_id).timezone)
    except (UnknownSpaceError, ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _in_class(day: date, days: str) -> bool:
    weekday = day.weekday()
    if days == "weekdays":
        return weekday < 5
    if days == "weekends":
        return weekday >= 5
    return True


def _routines(
    commands: Sequence[ManualCommand], registry: Registry, now: float, cfg: MiningSettings
) -> Iterable[Candidate]:
    if not commands:
        return
    by_key: dict[_Key, list[ManualCommand]] = defaultdict(list)
    for command in commands:
        by_key[_key(command)].append(command)
    first = commands[0].time
    for key, group in by_key.items():
        zone = _zone(registry, key[0])
        # Whole local days only: the first day was not watched from its start, and today
        # may not have reached the routine's time yet.
        start_day = datetime.fromtimestamp(first, zone).date() + timedelta(days=1)
        end_day = datetime.fromtimestamp(now, zone).date()
        minutes: dict[date, list[float]] = defaultdict(list)
        for command in group:
            local = datetime.fromtimestamp(command.time, zone)
            if start_day <= local.date() < end_day:
                minutes[local.date()].append(local.hour * 60 + local.minute + local.second / 60)
        best: Candidate | None = None
        # Every day first: weekdays or weekends replace it only when strictly more reliable.
        for days in ("daily", "weekdays", "weekends"):
            observed = [
                start_day + timedelta(days=i)
                for i in range((end_day - start_day).days)
                if _in_class(start_day + timedelta(days=i), days)
            ]
            found = _best_slot(
                {d: m for d, m in minutes.items() if _in_class(d, days)},
                cfg.routine_window_s / 60,
            )
            if found is None or not observed:
                continue
            center, hits = found
            support, opportunities = hits, len(observed)
            if support < cfg.min_support or support / opportunities < cfg.min_confidence:
                continue
            candidate = _routine_candidate(
                key, group[-1].value, days, center, support, opportunities, registry, cfg
            )
            if best is None or candidate.confidence > best.confidence + 1e-9:
                best = candidate
        if best is not None:
            yield best


def _best_slot(minutes: dict[date, list[float]], window: float) -> tuple[float, int] | None:
    """The time of day most days have a command near, and how many days have one."""
    all_minutes = sorted(m for day in minutes.values() for m in day)
    if not all_minutes:
        return None
    best_center, best_days = 0.0, 0
    for center in all_minutes:
        days = sum(1 for ms in minutes.values() if any(abs(m - center) <= window for m in ms))
        if days > best_days:
            best_center, best_days = center, days
    near = [
        min(ms, key=lambda m: abs(m - best_center))
        for ms in minutes.values()
        if any(abs(m - best_center) <= window for m in ms)
    ]
    return statistics.median(near), best_days


def _routine_candidate(
    key: _Key,
    value: Value,
    days: str,
    center: float,
    support: int,
    opportunities: int,
    registry: Registry,
    cfg: MiningSettings,
) -> Candidate:
    space_id, device_id, path, _ = key
    step = cfg.round_minutes
    rounded = int(round(center / step) * step) % (24 * 60)
    at = f"{rounded // 60:02d}:{rounded % 60:02d}"
    slot = f"{days}@{rounded}"
    fingerprint = _fingerprint(SuggestionKind.ROUTINE, key, slot)
    action = action_phrases(registry, device_id, path, value)
    when = slot_phrases(days, support, opportunities)
    title_en = f"{action.en[0].upper()}{action.en[1:]} at {at}"
    return Candidate(
        kind=SuggestionKind.ROUTINE,
        fingerprint=fingerprint,
        space_id=space_id,
        device_id=device_id,
        path=path,
        value=value,
        support=support,
        opportunities=opportunities,
        explanation_en=f"You {action.en} around {at} on {when.en}.",
        explanation_zh=f"{when.zh}，您在 {at} 左右{action.zh}。",
        title_en=_imperative(title_en),
        title_zh=f"{at} {_imperative_zh(action.zh)}",
        document=routine_document(
            f"suggested-{fingerprint_id(fingerprint)}",
            _imperative(title_en),
            space_id,
            at,
            days,
            (device_id, path, value),
        ),
    )


def _imperative(text: str) -> str:
    for past, now in (("Turned", "Turn"), ("turned", "turn")):
        text = text.replace(past, now, 1)
    return text


def _now(text: str) -> str:
    return text.replace(" arrived", " arrives").replace(" left", " leaves")


def _imperative_zh(text: str) -> str:
    return text.replace("了", "", 1)


# -- sequences --------------------------------------------------------------------------------
def _sequences(
    commands: Sequence[ManualCommand], registry: Registry, cfg: MiningSettings
) -> Iterable[Candidate]:
    times = [c.time for c in commands]
    seen: dict[_Key, int] = defaultdict(int)
    pairs: dict[tuple[_Key, _Key], int] = defaultdict(int)
    values: dict[_Key, Value] = {}
    for index, first in enumerate(commands):
        a = _key(first)
        seen[a] += 1
        values[a] = first.value
        end = bisect.bisect_right(times, first.time + cfg.sequence_window_s)
        followers: set[_Key] = set()
        for follower in commands[index + 1 : end]:
            if follower.device_id == first.device_id or follower.space_id != first.space_id:
                continue
            b = _key(follower)
            values[b] = follower.value
            followers.add(b)
        for b in followers:
            pairs[(a, b)] += 1
    for (a, b), support in pairs.items():
        opportunities = seen[a]
        if support < cfg.min_support or support / opportunities < cfg.min_confidence:
            continue
        fingerprint = _fingerprint(SuggestionKind.SEQUENCE, b, "after:" + "|".join(a[1:]))
        before = action_phrases(registry, a[1], a[2], values[a])
        then = action_phrases(registry, b[1], b[2], values[b])
        yield Candidate(
            kind=SuggestionKind.SEQUENCE,
            fingerprint=fingerprint,
            space_id=b[0],
            device_id=b[1],
            path=b[2],
            value=values[b],
            support=support,
            opportunities=opportunities,
            explanation_en=(
                f"You {then.en} within a minute after you {before.en}, "
                f"{support} of {opportunities} times."
            ),
            explanation_zh=(
                f"您{before.zh}后一分钟内{then.zh}（{opportunities} 次中有 {support} 次）。"
            ),
            title_en=_imperative(f"{then.en[0].upper()}{then.en[1:]} after you {before.en}"),
            title_zh=f"{_imperative_zh(before.zh)}后{_imperative_zh(then.zh)}",
            document=sequence_document(
                f"suggested-{fingerprint_id(fingerprint)}",
                _imperative(f"{then.en[0].upper()}{then.en[1:]} after you {before.en}"),
                b[0],
                (a[1], a[2], values[a]),
                (b[1], b[2], values[b]),
            ),
        )


# -- presence ---------------------------------------------------------------------------------
def _phone_of(registry: Registry, person: str) -> str | None:
    for device in registry:
        if device.owner == person and device.spec.find_property(_PRESENCE_PATH) is not None:
            return device.id
    return None


def _presence(
    commands: Sequence[ManualCommand],
    presence: Sequence[PresenceRecord],
    registry: Registry,
    cfg: MiningSettings,
) -> Iterable[Candidate]:
    times = [c.time for c in commands]
    chances: dict[tuple[str, str, bool], int] = defaultdict(int)
    hits: dict[tuple[str, str, bool, _Key], int] = defaultdict(int)
    values: dict[_Key, Value] = {}
    window = cfg.presence_window_s
    for record in presence:
        chances[(record.space_id, record.person, record.present)] += 1
        start = record.time if record.present else record.time - window
        lo = bisect.bisect_left(times, start)
        hi = bisect.bisect_right(times, record.time + window)
        matched: set[_Key] = set()
        for command in commands[lo:hi]:
            if command.space_id == record.space_id:
                key = _key(command)
                values[key] = command.value
                matched.add(key)
        for key in matched:
            hits[(record.space_id, record.person, record.present, key)] += 1
    for (space_id, person, present, key), support in hits.items():
        opportunities = chances[(space_id, person, present)]
        if support < cfg.min_support or support / opportunities < cfg.min_confidence:
            continue
        phone = _phone_of(registry, person)
        if phone is None:
            continue  # no device stands for the person, so no trigger can be written
        direction = "arrive" if present else "leave"
        fingerprint = _fingerprint(SuggestionKind.PRESENCE, key, f"{direction}:{person}")
        value = values[key]
        action = action_phrases(registry, key[1], key[2], value)
        place = place_phrases(registry, space_id, person, present)
        timing_en = "Within 2 minutes after" if present else "Around the time"
        timing_zh = "后 2 分钟内" if present else "前后"
        minutes = round(window / 60)
        yield Candidate(
            kind=SuggestionKind.PRESENCE,
            fingerprint=fingerprint,
            space_id=space_id,
            device_id=key[1],
            path=key[2],
            value=value,
            support=support,
            opportunities=opportunities,
            explanation_en=(
                f"{timing_en.replace('2', str(minutes))} {place.en}, someone {action.en}, "
                f"{support} of {opportunities} times."
            ),
            explanation_zh=(
                f"{place.zh}{timing_zh.replace('2', str(minutes))}，有人{action.zh}"
                f"（{opportunities} 次中有 {support} 次）。"
            ),
            title_en=_imperative(f"{action.en[0].upper()}{action.en[1:]} when {_now(place.en)}"),
            title_zh=f"{place.zh}时{_imperative_zh(action.zh)}",
            document=presence_document(
                f"suggested-{fingerprint_id(fingerprint)}",
                _imperative(f"{action.en[0].upper()}{action.en[1:]} when {_now(place.en)}"),
                space_id,
                (phone, _PRESENCE_PATH),
                present,
                (key[1], key[2], value),
            ),
        )
