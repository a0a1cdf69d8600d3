"""The automations folder: YAML files loaded into an engine, and the API's edits written back.

Each file is loaded on its own: a file with a mistake is reported (file, line, field) and
skipped, the others still load. Automations created through the API live one per file,
``<folder>/<id>.yaml``, written atomically, so a hand-written file is never rewritten (its
comments stay) and an edit through the API of an automation from such a file is refused with
the file's name. Enabling and disabling is kept in a small JSON file beside the folder, for every
automation whatever its source.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from orbithub.automation.errors import (
    AutomationError,
    AutomationFileError,
    AutomationIssue,
    AutomationRefusedError,
    UnknownAutomationError,
)
from orbithub.automation.loader import parse_automation, parse_document, with_lines
from orbithub.automation.model import Automation
from orbithub.automation.owners import Rights, reach, refusals
from orbithub.automation.scenes import Scene
from orbithub.automation.validate import check_automations
from orbithub.bounded import LimitExceeded
from orbithub.bounded.documents import FILE_LIMITS, load_yaml
from orbithub.files import write_atomically

if TYPE_CHECKING:
    from orbithub.automation.engine import Engine

__all__ = ["AutomationExistsError", "AutomationLibrary", "ReadOnlyAutomationError", "Source"]

_LOGGER = logging.getLogger(__name__)


class AutomationExistsError(AutomationError):
    """An automation with this id exists already."""


class ReadOnlyAutomationError(AutomationError):
    """The automation comes from a file the API does not rewrite (edit that file instead)."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where an automation or scene was loaded from.

    Attributes:
        path: the file.
        editable: whether the API may rewrite it (a one-automation file it wrote itself).
    """

    path: Path
    editable: bool


def _owned(data: dict[str, object], owner: str | None, household: bool) -> dict[str, object]:
    """The document with its owner fields set by the saver, never by the body."""
    document = {k: v for k, v in data.items() if k not in ("owner", "household")}
    if owner is not None:
        document["owner"] = owner
    if household:
        document["household"] = True
    return document


def _check_rights(automation: Automation, rights: Rights, engine: Engine) -> None:
    """Refuse what ``rights`` may not see (as unknown ids) or not control (as forbidden).

    Raises:
        AutomationFileError: it names a device or space the saver may not see.
        AutomationRefusedError: it commands a device the saver may not control, or reads
            devices it cannot name.
    """
    touches = reach(automation, engine.scene, engine.find)
    refused = refusals(touches, rights, engine.hub.registry)
    # A device the saver may not see is worded exactly as one that does not exist.
    unseen = [
        AutomationIssue(
            "<api>",
            r.touch.path,
            f"no device {r.touch.device!r}; check the id in the device list"
            if r.touch.device is not None
            else r.message,
        )
        for r in refused
        if r.hidden
    ]
    if unseen:
        raise AutomationFileError(unseen)
    if refused:
        raise AutomationRefusedError(
            [AutomationIssue("<api>", r.touch.path, r.message) for r in refused]
        )


def _read_file(path: Path) -> tuple[str, object]:
    text = path.read_text(encoding="utf-8")
    return text, load_yaml(text, FILE_LIMITS)


class AutomationLibrary:
    """Loads YAML files into an engine and keeps API edits on disk. Loop only.

    Args:
        engine: the engine the automations and scenes go to.
        folder: where API-created automations are written (None: the API cannot create any).
        state_path: the JSON file keeping enabled/disabled choices (None: kept in memory).
    """

    def __init__(
        self, engine: Engine, folder: Path | None = None, *, state_path: Path | None = None
    ) -> None:
        self.engine = engine
        self.folder = folder
        self.state_path = state_path
        self._documents: dict[str, dict[str, object]] = {}
        self._sources: dict[str, Source] = {}
        self._scene_sources: dict[str, Source] = {}
        self._enabled: dict[str, bool] = {}

    # -- loading ------------------------------------------------------------------------------
    async def load(
        self, files: Sequence[Path], *, read_only: bool = False
    ) -> list[AutomationIssue]:
        """Load every file (each on its own); returns the problems of the files skipped.

        A later file's automation or scene with an id already loaded is skipped and reported.
        """
        issues: list[AutomationIssue] = []
        for path in files:
            issues.extend(await self._load_file(path, read_only))
        if self.state_path is not None and not self._enabled:
            self._enabled = await asyncio.to_thread(self._read_state)
        for automation_id, enabled in self._enabled.items():
            if self.engine.find(automation_id) is not None:
                self.engine.enable(automation_id, enabled)
        return issues

    async def _load_file(self, path: Path, read_only: bool) -> list[AutomationIssue]:
        try:
            text, data = await asyncio.to_thread(_read_file, path)
        except OSError as exc:
            return [AutomationIssue(str(path), "-", f"cannot read it: {exc.strerror}")]
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            return [AutomationIssue(str(path), "-", f"not valid YAML: {exc}", line)]
        except LimitExceeded as exc:
            return [AutomationIssue(str(path), "-", f"refused: {exc}")]
        try:
            automations, scenes = parse_document(data, source=str(path))
        except AutomationFileError as exc:
            return with_lines(exc.issues, text)
        raw = data.get("automations", []) if isinstance(data, dict) else []
        issues = [*self._clashes(path, automations, scenes, text)]
        if issues:
            return issues
        own = (
            not read_only
            and self.folder is not None
            and path.parent == self.folder
            and len(automations) == 1
            and not scenes
            and path.stem == automations[0].id
        )
        for automation, document in zip(automations, raw, strict=True):
            self.engine.add(automation)
            self._documents[automation.id] = dict(document)
            self._sources[automation.id] = Source(path, own)
        for scene in scenes:
            self.engine.add_scene(scene)
            self._scene_sources[scene.id] = Source(path, False)
        return []

    def _clashes(
        self, path: Path, automations: list[Automation], scenes: list[Scene], text: str
    ) -> list[AutomationIssue]:
        issues: list[AutomationIssue] = []
        for index, automation in enumerate(automations):
            first = self._sources.get(automation.id)
            if first is not None:
                issues.append(
                    AutomationIssue(
                        str(path),
                        f"automations[{index}].id",
                        f"id {automation.id!r} is already used in {first.path}; "
                        "give this automation another id",
                    )
                )
        for index, scene in enumerate(scenes):
            taken = self._scene_sources.get(scene.id)
            if taken is not None:
                issues.append(
                    AutomationIssue(
                        str(path),
                        f"scenes[{index}].id",
                        f"scene id {scene.id!r} is already used in {taken.path}",
                    )
                )
        return with_lines(issues, text)

    # -- queries ------------------------------------------------------------------------------
    def document(self, automation_id: str) -> dict[str, object]:
        """The automation as written (YAML or API body).

        Raises:
            UnknownAutomationError: no such automation.
        """
        self.engine.automation(automation_id)
        return dict(self._documents.get(automation_id, {}))

    def source(self, automation_id: str) -> Source | None:
        """Where an automation came from; None for one added in code."""
        return self._sources.get(automation_id)

    # -- edits --------------------------------------------------------------------------------
    async def save(
        self,
        data: object,
        *,
        automation_id: str | None = None,
        create: bool = False,
        owner: str | None = None,
        household: bool = False,
        rights: Rights | None = None,
    ) -> Automation:
        """Validate an automation (shape, references, its owner's rights), write it and load it.

        Args:
            data: the automation as a mapping (from YAML or JSON); its own ``owner`` and
                ``household`` fields are replaced by the arguments.
            automation_id: for an update, the id it must have.
            create: refuse when the id is taken.
            owner: the id of the user saving it, whose rights it runs with.
            household: runs with the system's rights (the caller checked who may ask).
            rights: the saving user's rights; everything the automation reads must be
                visible to them and everything it commands controllable (None: not checked).

        Raises:
            AutomationFileError: invalid, with every problem's field.
            AutomationRefusedError: it uses a device or space ``rights`` do not cover.
            ReadOnlyAutomationError: the id belongs to a file the API does not rewrite.
            AutomationExistsError: creating an id that exists.
            UnknownAutomationError: updating an id that does not exist.
            AutomationError: there is no folder to write to.
        """
        if self.folder is None:
            raise AutomationError("automations are not backed by a folder; start the hub with one")
        if isinstance(data, dict) and automation_id is not None:
            data = {**data, "id": data.get("id", automation_id)}
        if isinstance(data, dict):
            data = _owned(data, owner, household)
        automation = parse_automation(data, source="<api>")
        if automation_id is not None and automation.id != automation_id:
            raise AutomationFileError(
                [
                    AutomationIssue(
                        "<api>",
                        "id",
                        f"the body's id {automation.id!r} is not "
                        f"{automation_id!r}; ids cannot be changed, create a new one",
                    )
                ]
            )
        if rights is not None:
            _check_rights(automation, rights, self.engine)
        exists = self.engine.find(automation.id) is not None
        if create and exists:
            raise AutomationExistsError(
                f"an automation {automation.id!r} already exists; pick another id or update it"
            )
        if not create and not exists:
            raise UnknownAutomationError(f"no automation {automation.id!r}; create it first")
        self._editable(automation.id)
        others = [a for a in self.engine.automations() if a.id != automation.id]
        scenes = [s for s in (self.engine.scene(i) for i in self._scene_sources) if s]
        problems = check_automations([*others, automation], self.engine.hub.registry, scenes=scenes)
        mine = [i for i in problems if i.path.startswith(f"automations[{len(others)}]")]
        if mine:
            prefix = f"automations[{len(others)}]."
            raise AutomationFileError(
                [AutomationIssue("<api>", i.path.removeprefix(prefix), i.message) for i in mine]
            )
        document = dict(data) if isinstance(data, Mapping) else {}
        path = self.folder / f"{automation.id}.yaml"
        text = yaml.safe_dump({"automations": [document]}, sort_keys=False, allow_unicode=True)
        await asyncio.to_thread(write_atomically, path, text)
        self.engine.add(automation)
        self._documents[automation.id] = document
        self._sources[automation.id] = Source(path, True)
        if automation.id in self._enabled:
            await self.set_enabled(automation.id, automation.enabled)
        return automation

    async def delete(self, automation_id: str) -> None:
        """Remove an automation and its file.

        Raises:
            UnknownAutomationError: no such automation.
            ReadOnlyAutomationError: it lives in a file the API does not rewrite.
        """
        self.engine.automation(automation_id)
        source = self._editable(automation_id)
        if source is not None:
            await asyncio.to_thread(source.path.unlink, missing_ok=True)
        self.engine.remove(automation_id)
        self._documents.pop(automation_id, None)
        self._sources.pop(automation_id, None)
        if self._enabled.pop(automation_id, None) is not None:
            await self._write_state()

    async def set_enabled(self, automation_id: str, enabled: bool) -> None:
        """Enable or disable an automation, remembered across restarts.

        Raises:
            UnknownAutomationError: no such automation.
        """
        self.engine.enable(automation_id, enabled)
        self._enabled[automation_id] = enabled
        await self._write_state()

    def _editable(self, automation_id: str) -> Source | None:
        source = self._sources.get(automation_id)
        if source is not None and not source.editable:
            raise ReadOnlyAutomationError(
                f"automation {automation_id!r} is defined in {source.path}, which the API does "
                "not rewrite; edit that file and restart the hub"
            )
        return source

    def _read_state(self) -> dict[str, bool]:
        if self.state_path is None:
            return {}
        try:
            raw = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            _LOGGER.warning("ignoring %s: %s", self.state_path, exc)
            return {}
        enabled = raw.get("enabled", {}) if isinstance(raw, dict) else {}
        return {str(k): bool(v) for k, v in enabled.items()} if isinstance(enabled, dict) else {}

    async def _write_state(self) -> None:
        if self.state_path is None:
            return
        text = json.dumps({"enabled": self._enabled}, indent=1, sort_keys=True)
        await asyncio.to_thread(write_atomically, self.state_path, text)
