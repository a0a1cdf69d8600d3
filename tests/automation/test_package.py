"""The automation package's public names are a deliberate list."""

from __future__ import annotations

import orbithub.automation


def test_public_names_are_pinned() -> None:
    assert orbithub.automation.__all__ == [
        "Automation",
        "AutomationError",
        "AutomationFileError",
        "AutomationIssue",
        "CatchUp",
        "Engine",
        "Evaluation",
        "JsonFileStore",
        "LoopLimit",
        "MemoryStore",
        "Mode",
        "Pending",
        "PendingStore",
        "Reason",
        "ReasonCode",
        "RunStatus",
        "RunTrace",
        "Scene",
        "SceneResult",
        "UnknownAutomationError",
        "apply_scene",
        "capture_scene",
        "explain",
        "explain_run",
        "load_automations",
        "load_documents",
        "parse_automation",
        "parse_automations",
        "parse_document",
    ]
    for name in orbithub.automation.__all__:
        assert getattr(orbithub.automation, name) is not None
