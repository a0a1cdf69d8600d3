"""Read the manual commands and the arrivals and departures that mining looks at."""

from __future__ import annotations

from orbithub.assistant.suggest.model import ManualCommand, PresenceRecord
from orbithub.core.context import Origin
from orbithub.storage import Database, EventKind, history

__all__ = ["read_records"]

_MAX_ROWS = 200_000
"""A month of a busy home is a few thousand commands; this only bounds a runaway log."""


async def read_records(
    db: Database, start: float, end: float
) -> tuple[list[ManualCommand], list[PresenceRecord]]:
    """Manual ``set`` commands (origin user) and presence changes with ``start <= time < end``.

    Commands from automations, the assistant or the system are not habits of people and are
    left out, as are action calls (no property value to suggest setting).
    """
    rows = await history.events(
        db, start=start, end=end, kinds=(EventKind.COMMAND, EventKind.PRESENCE), limit=_MAX_ROWS
    )
    commands: list[ManualCommand] = []
    presence: list[PresenceRecord] = []
    for row in reversed(rows):
        payload = row.payload
        if row.kind is EventKind.PRESENCE:
            present = payload.get("present")
            if isinstance(present, bool):
                presence.append(PresenceRecord(row.time, row.space_id, row.path, present))
            continue
        if payload.get("origin") != Origin.USER or payload.get("command") != "set":
            continue
        arguments = payload.get("arguments")
        if not isinstance(arguments, dict) or len(arguments) != 1:
            continue
        value = next(iter(arguments.values()))
        if not isinstance(value, bool | int | float | str):
            continue
        actor = payload.get("actor")
        commands.append(
            ManualCommand(
                row.time,
                row.space_id,
                row.device_id,
                row.path,
                value,
                actor if isinstance(actor, str) else None,
            )
        )
    return commands, presence
