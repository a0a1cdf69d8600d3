"""Suggestions mined from history: routines, sequences and presence-linked habits.

A :class:`Suggester` reads manual commands and arrivals/departures from the activity log,
finds habits with their support and confidence, and proposes a few a day as ready automation
documents; accepting writes the automation through an :class:`AutomationSink`, rejecting
remembers the habit's fingerprint so it is never proposed again.
"""

from orbithub.assistant.suggest.errors import (
    SuggestionDecidedError,
    SuggestionError,
    UnknownSuggestionError,
)
from orbithub.assistant.suggest.mining import MiningSettings, mine, same_habit
from orbithub.assistant.suggest.model import (
    Candidate,
    ManualCommand,
    PresenceRecord,
    Status,
    Suggestion,
    SuggestionKind,
)
from orbithub.assistant.suggest.records import read_records
from orbithub.assistant.suggest.service import (
    AutomationSink,
    LibrarySink,
    Suggester,
    YamlFolderSink,
)
from orbithub.assistant.suggest.store import SuggestionStore

__all__ = [
    "AutomationSink",
    "Candidate",
    "LibrarySink",
    "ManualCommand",
    "MiningSettings",
    "PresenceRecord",
    "Status",
    "Suggester",
    "Suggestion",
    "SuggestionDecidedError",
    "SuggestionError",
    "SuggestionKind",
    "SuggestionStore",
    "UnknownSuggestionError",
    "YamlFolderSink",
    "mine",
    "read_records",
    "same_habit",
]
