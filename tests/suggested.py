"""A pending suggestion as the miner would make it, for tests of what people do with one.

Mining one for real takes weeks of history (see ``tests/assistant/suggest/weeks.py``); tests
of accepting, reviewing and editing start from this one instead: the desk lamp on at 07:00 on
weekdays, in the demo home.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from orbithub.assistant.suggest import Status, Suggestion, SuggestionStore
from orbithub.assistant.suggest.document import routine_document
from orbithub.assistant.suggest.model import Candidate, SuggestionKind

__all__ = ["SUGGESTION_ID", "desk_lamp_suggestion", "seed_inbox", "seed_suggestion"]

SUGGESTION_ID = "0a1b2c3d4e5f"


def desk_lamp_suggestion(now: float) -> Suggestion:
    """The desk lamp on at 07:00 on weekdays, proposed at ``now``."""
    automation_id = f"suggested-{SUGGESTION_ID}"
    candidate = Candidate(
        kind=SuggestionKind.ROUTINE,
        fingerprint="routine|desk-lamp|light.on|true|07:00|weekdays",
        space_id="home",
        device_id="desk-lamp",
        path="light.on",
        value=True,
        support=9,
        opportunities=10,
        explanation_en="On 9 of the last 10 weekdays someone turned the desk lamp on near 07:00.",
        explanation_zh="过去 10 个工作日中有 9 天有人在 07:00 左右打开台灯。",
        title_en="Desk lamp on at 07:00 on weekdays",
        title_zh="工作日 07:00 打开台灯",
        document=routine_document(
            automation_id,
            "Desk lamp on at 07:00 on weekdays",
            "home",
            "07:00",
            "weekdays",
            ("desk-lamp", "light.on", True),
        ),
    )
    return Suggestion(SUGGESTION_ID, candidate, Status.PENDING, proposed_at=now)


async def seed_suggestion(path: Path, now: float) -> None:
    """Write the suggestion into the store file at ``path`` (the hub loads it on start)."""
    store = SuggestionStore(path)
    await store.load()
    suggestion = desk_lamp_suggestion(now)
    store.suggestions[suggestion.id] = suggestion
    await store.save()


def seed_inbox(path: Path) -> None:
    """:func:`seed_suggestion` from synchronous code, proposed now (a hub not yet started)."""
    # In a thread of its own, so its event loop never meets one already running here.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, seed_suggestion(path, time.time())).result()
