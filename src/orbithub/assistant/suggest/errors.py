"""Errors of suggestions: an unknown suggestion, or one already decided."""

from __future__ import annotations

from orbithub.errors import OrbitHubError

__all__ = ["SuggestionDecidedError", "SuggestionError", "UnknownSuggestionError"]


class SuggestionError(OrbitHubError):
    """Base class of the suggestion errors."""


class UnknownSuggestionError(SuggestionError):
    """No suggestion has this id."""


class SuggestionDecidedError(SuggestionError):
    """The suggestion was already accepted or rejected."""
