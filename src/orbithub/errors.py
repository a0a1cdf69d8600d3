"""The root of OrbitHub's exception tree.

Every package raises subclasses of :class:`OrbitHubError`, so a caller at the edge (the CLI, the
API, an adapter's receive loop) can catch everything OrbitHub means to report with one clause and
let genuine bugs through. This module imports nothing and may be imported by every package.
"""

from __future__ import annotations

__all__ = ["OrbitHubError"]


class OrbitHubError(Exception):
    """Base class of every error OrbitHub raises on purpose.

    Messages say what was wrong, the value seen, and what to do next.
    """
