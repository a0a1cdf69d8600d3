"""Automations: triggers, conditions and actions run by an engine that explains itself.

Automations are data (YAML or API bodies, validated by :func:`load_automations`), run by an
:class:`Engine` on a hub. Every trigger evaluation is traced with the reason it fired or not
(:func:`explain` renders it in English or Chinese), and pending delays, waits and ``for`` holds
survive a restart through a :class:`PendingStore`.
"""

from orbithub.automation.engine import Engine
from orbithub.automation.errors import (
    AutomationError,
    AutomationFileError,
    AutomationIssue,
    UnknownAutomationError,
)
from orbithub.automation.explain import explain, explain_run
from orbithub.automation.loader import (
    load_automations,
    load_documents,
    parse_automation,
    parse_automations,
    parse_document,
)
from orbithub.automation.model import Automation, CatchUp, Mode
from orbithub.automation.safety import LoopLimit
from orbithub.automation.scenes import Scene, SceneResult, apply_scene, capture_scene
from orbithub.automation.store import JsonFileStore, MemoryStore, Pending, PendingStore
from orbithub.automation.trace import Evaluation, Reason, ReasonCode, RunStatus, RunTrace

__all__ = [
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
