"""The automation package's errors: a bad automation file, an unknown automation."""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.errors import OrbitHubError

__all__ = [
    "AutomationError",
    "AutomationFileError",
    "AutomationIssue",
    "AutomationRefusedError",
    "UnknownAutomationError",
]


class AutomationError(OrbitHubError):
    """Base class of the automation package's errors."""


@dataclass(frozen=True, slots=True)
class AutomationIssue:
    """One problem in an automation document.

    Attributes:
        source: the file (or ``<api>``) the document came from.
        path: where in the document, e.g. ``automations[2].triggers[0].above``.
        message: what is wrong, the value seen and what to write instead.
        line: the line in the file (from 1), when the document came from a file.
    """

    source: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.path}: {self.message}"


class AutomationFileError(AutomationError):
    """One or more automation documents are invalid; ``issues`` lists every problem."""

    def __init__(self, issues: list[AutomationIssue]) -> None:
        self.issues = issues
        lines = "\n".join(f"  {issue}" for issue in issues)
        super().__init__(f"{len(issues)} problem(s) in automations:\n{lines}")


class UnknownAutomationError(AutomationError):
    """No automation has this id."""


class AutomationRefusedError(AutomationError):
    """The user saving an automation may not see or control something it uses.

    ``issues`` names each place in the automation and the device or space it needs.
    """

    def __init__(self, issues: list[AutomationIssue]) -> None:
        self.issues = issues
        lines = "\n".join(f"  {issue}" for issue in issues)
        super().__init__(f"the automation uses what its owner may not:\n{lines}")
