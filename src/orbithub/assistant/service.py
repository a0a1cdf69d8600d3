"""The assistant: a sentence in, commands through the hub and a spoken-style answer out."""

# ruff: noqa: RUF001 - Chinese answers use Chinese punctuation

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from orbithub.access import Actor, Commands, Principal, Via
from orbithub.assistant import answers
from orbithub.assistant.confirm import CONFIRM_S, confirm_question
from orbithub.assistant.execute import execute
from orbithub.assistant.followup import Answer, chosen, classify_answer, looks_like_answer
from orbithub.assistant.model import (
    ActionTaken,
    Choice,
    Intent,
    Language,
    Permissions,
    Reply,
    SceneRef,
    Speaker,
)
from orbithub.assistant.nlu.mentions import EntryKind, Lexicon
from orbithub.assistant.nlu.parse import Understanding, understand
from orbithub.assistant.nlu.templates import SlotLists, slot_lists
from orbithub.assistant.nlu.text import detect_language
from orbithub.assistant.outcome import Problem
from orbithub.assistant.query import answer_history, answer_state, is_polar
from orbithub.assistant.resolve import resolve
from orbithub.automation.scenes import Scene, apply_scene
from orbithub.core.events import HubEvent, RegistryChanged
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.storage import Database

__all__ = ["FOLLOW_UP_S", "MAX_TEXT", "Assistant", "Interpretation"]

_LOGGER = logging.getLogger(__name__)
MAX_TEXT = 500
"""Longest sentence accepted, in characters (a spoken request is far shorter)."""
# What a verb means for a device that cannot do its usual sense: "open the front door" unlocks
# the lock (closing a door is not something a lock does), "turn on the vacuum" starts it,
# "start the purifier" turns it on.
_KINDRED: dict[Intent, tuple[Intent, ...]] = {
    Intent.OPEN: (Intent.UNLOCK,),
    Intent.TURN_ON: (Intent.START,),
    Intent.TURN_OFF: (Intent.STOP,),
    Intent.START: (Intent.TURN_ON,),
    Intent.STOP: (Intent.TURN_OFF,),
}
# Home Assistant's templates read "öffne", "ouvre", "abre" of a curtain as turning it on.
_KINDRED_TEMPLATES: dict[Intent, tuple[Intent, ...]] = {
    Intent.TURN_ON: (Intent.START, Intent.OPEN),
    Intent.TURN_OFF: (Intent.STOP, Intent.CLOSE),
}
# "打开" is both "turn on" and "open": "打开前门" opens the door, which is the lock's job.
_KINDRED_ZH: dict[Intent, tuple[Intent, ...]] = {
    Intent.TURN_ON: (Intent.START, Intent.OPEN, Intent.UNLOCK),
}
FOLLOW_UP_S = 120.0
"""How long a question asked back waits for its answer ("the bedroom one"), in seconds."""


@dataclass(frozen=True, slots=True)
class _Pending:
    """A question asked back, waiting for the speaker's answer until ``until`` (hub time).

    ``confirm`` marks a confirmation question ("Unlock the front door? Say yes to confirm."):
    only a yes acts, on ``seen.devices``; anything else is a new request.
    """

    seen: Interpretation
    until: float
    language: Language
    confirm: bool = False


@dataclass(frozen=True, slots=True)
class Interpretation:
    """A sentence understood and resolved against the home, before anything is done.

    Attributes:
        heard: what the sentence says.
        intent: the intent (``unknown`` when the home cannot serve it).
        targets: the ids of the devices (or the scene) it acts on.
        devices: the devices it acts on.
        choices: the devices offered back when it is ambiguous.
        named: the devices named even if they cannot do what is asked.
        room_wide: whether a room or space, not a device, was named.
        missing: the room (or space) named that has no such device; ``choices`` then holds
            the near matches offered instead.
        hidden: what was named that the speaker may not see (answered as not found).
    """

    heard: Understanding
    intent: Intent
    targets: tuple[str, ...] = ()
    devices: tuple[Device, ...] = ()
    choices: tuple[Device, ...] = ()
    named: tuple[Device, ...] = ()
    room_wide: bool = False
    missing: str | None = None
    hidden: str | None = None


class Assistant:
    """Understands requests in English and Simplified Chinese and acts on one hub.

    Args:
        hub: the hub whose devices it controls.
        db: storage for history questions (None: such questions say history is not kept).
        scenes: scenes it may activate by their name or any of their aliases.
        scene_names: more names per scene id, in any language (``{"movie-night": ["观影模式"]}``),
            for scenes whose own aliases lack them.
        commands: the hub's guarded command entry; every command goes through it as the
            speaker (a new one over ``hub`` when None).
    """

    def __init__(
        self,
        hub: Hub,
        *,
        db: Database | None = None,
        scenes: Iterable[Scene] | Callable[[], Iterable[Scene]] = (),
        scene_names: Mapping[str, Sequence[str]] | None = None,
        commands: Commands | None = None,
    ) -> None:
        self._hub = hub
        self._commands = commands or Commands(hub)
        self._db = db
        self._scene_source: Callable[[], Iterable[Scene]] = _source(scenes)
        self._extra_names = dict(scene_names or {})
        self._scene_key: tuple[tuple[str, str, tuple[str, ...]], ...] | None = None
        self._scenes: dict[str, Scene] = {}
        self._scene_names: dict[str, tuple[str, ...]] = {}
        self._lexicon: Lexicon | None = None
        self._lists: SlotLists | None = None
        self._pending: dict[str, _Pending] = {}
        self._remove = hub.bus.listen(self._on_event)

    def close(self) -> None:
        """Stop following registry changes."""
        self._remove()

    def set_scenes(
        self,
        scenes: Iterable[Scene] | Callable[[], Iterable[Scene]],
        scene_names: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Replace the scenes it may activate (a list, or a function giving the current ones)."""
        self._scene_source = _source(scenes)
        if scene_names is not None:
            self._extra_names = dict(scene_names)
        self._scene_key = None

    def _refresh_scenes(self) -> None:
        current = list(self._scene_source())
        key = tuple((s.id, s.name, s.aliases) for s in current)
        if key == self._scene_key:
            return
        self._scene_key = key
        self._scenes = {s.id: s for s in current}
        self._scene_names = {
            s.id: tuple(dict.fromkeys((s.name, *s.aliases, *self._extra_names.get(s.id, ()))))
            for s in current
        }
        self._lexicon = None

    def _on_event(self, event: HubEvent) -> None:
        # Loop only, O(1): names changed, so the lexicon is rebuilt on the next request.
        if isinstance(event, RegistryChanged):
            self._lexicon = None

    def vocabulary(self) -> tuple[Lexicon, SlotLists]:
        """The home's lexicon and slot lists as they are now (rebuilt after changes). Loop only."""
        self._refresh_scenes()
        if self._lexicon is None or self._lists is None:
            refs = [SceneRef(i, names) for i, names in self._scene_names.items()]
            self._lexicon = Lexicon(self._hub.registry, refs)
            self._lists = slot_lists(self._hub.registry, self._scene_names)
        return self._lexicon, self._lists

    async def warm_up(self) -> None:
        """Compile the sentence templates of both languages now, so the first request is quick."""
        lexicon, lists = self.vocabulary()
        for text, language in (("turn on the light", Language.EN), ("开灯", Language.ZH)):
            await asyncio.to_thread(understand, text, language, lexicon, lists)

    async def understand(self, text: str, *, language: Language | None = None) -> Understanding:
        """Parse a sentence without acting on it (matching runs in a worker thread)."""
        lexicon, lists = self.vocabulary()
        return await asyncio.to_thread(understand, text, language, lexicon, lists)

    async def interpret(
        self,
        text: str,
        *,
        speaker: Permissions | None = None,
        language: Language | None = None,
        space_id: str | None = None,
        room_id: str | None = None,
    ) -> Interpretation:
        """Understand a sentence and resolve its targets, without acting on it.

        Args:
            text: what was said or typed.
            speaker: who asks: their permissions decide what is seen.
            language: force a language (default: detected from the text).
            space_id: the space the speaker is in, searched first for unplaced requests.
            room_id: the room the speaker is in, when known: an unplaced request for one
                device ("make it warmer") goes to the one there, if there is one.
        """
        who = speaker or Speaker()
        heard = await self.understand(text.strip()[:MAX_TEXT], language=language)
        parsed = heard.parsed
        intent = parsed.intent
        if intent is Intent.ACTIVATE_SCENE:
            scene = heard.scene_id if heard.scene_id in self._scenes else None
            return Interpretation(heard, intent, targets=(scene,) if scene else ())
        named = any(
            m.of(k)
            for m in heard.mentions
            for k in (
                EntryKind.DEVICE,
                EntryKind.ROOM,
                EntryKind.KIND,
                EntryKind.PERSON,
                EntryKind.SPACE,
            )
        )
        if intent is Intent.UNKNOWN or (
            intent is Intent.QUERY_STATE and not named and parsed.attribute is None
        ):
            return Interpretation(heard, Intent.UNKNOWN)
        kindred = _KINDRED.get(intent, ())
        if heard.language is Language.ZH:
            kindred = _KINDRED_ZH.get(intent, kindred)
        elif not heard.language.full:
            kindred = _KINDRED_TEMPLATES.get(intent, kindred)
        for attempt in (intent, *kindred):
            found = resolve(
                heard.mentions,
                normalized=heard.normalized,
                intent=attempt,
                feature=parsed.feature,
                attribute=parsed.attribute,
                registry=self._hub.registry,
                speaker=who,
                space_id=space_id,
                room_id=room_id,
            )
            if found.targets or found.choices or found.missing or found.hidden:
                intent = attempt
                break
        room_wide = not found.named and any(
            m.of(EntryKind.ROOM) or m.of(EntryKind.SPACE) for m in heard.mentions
        )
        return Interpretation(
            heard,
            intent,
            targets=tuple(d.id for d in found.targets),
            devices=found.targets,
            choices=found.choices,
            named=found.named,
            room_wide=room_wide,
            missing=found.missing,
            hidden=found.hidden,
        )

    async def ask(
        self,
        text: str,
        *,
        speaker: Permissions | None = None,
        language: Language | None = None,
        space_id: str | None = None,
        room_id: str | None = None,
    ) -> Reply:
        """Answer one sentence, acting as ``speaker`` (same arguments as :meth:`interpret`).

        ``language`` is the app's: each sentence is answered in its own language, and the
        app's is used only for a sentence in no script at all ("2").
        """
        who = speaker or Speaker()
        text = text.strip()
        pending = self._waiting(who.username)
        hint = pending.language if pending is not None else language
        lang = detect_language(text, hint)
        if not text or len(text) > MAX_TEXT:
            return Reply(lang, Intent.UNKNOWN, answers.unknown(lang))
        seen = await self.interpret(
            text, speaker=who, language=hint, space_id=space_id, room_id=room_id
        )
        if pending is not None:
            answered = await self._answered(who, pending, seen)
            if answered is not None:
                return answered
        elif looks_like_answer(seen.heard):
            # "The bedroom one" with no question waiting (or one that expired) asks for nothing.
            return Reply(
                seen.heard.language, Intent.UNKNOWN, answers.no_question(seen.heard.language)
            )
        return await self._act(who, seen)

    async def choose(
        self, choice: str, *, speaker: Permissions | None = None, language: Language | None = None
    ) -> Reply:
        """Answer the question asked back by one of its choices' ids, ``all`` or ``cancel``.

        What the app's buttons send: no sentence to read, so no room for a misreading.
        """
        who = speaker or Speaker()
        pending = self._waiting(who.username)
        lang = pending.language if pending is not None else language or Language.EN
        if pending is None:
            return Reply(lang, Intent.UNKNOWN, answers.no_question(lang))
        self._pending.pop(who.username, None)
        if choice == "cancel":
            return Reply(lang, pending.seen.intent, answers.cancelled(lang))
        if pending.confirm:
            if choice == "confirm":
                return await self._act(who, pending.seen, language=lang, confirm=True)
            return Reply(lang, pending.seen.intent, answers.cancelled(lang))
        options = pending.seen.choices
        picked = options if choice == "all" else tuple(d for d in options if d.id == choice)
        if not picked:
            self._pending[who.username] = pending
            return self._question(pending.seen, lang, who.username)
        return await self._act(who, _with(pending.seen, picked), language=lang)

    def _waiting(self, username: str) -> _Pending | None:
        """The question waiting for this speaker's answer, if it has not expired."""
        pending = self._pending.get(username)
        if pending is not None and self._hub.now() > pending.until:
            del self._pending[username]
            return None
        return pending

    async def _answered(
        self, who: Permissions, pending: _Pending, seen: Interpretation
    ) -> Reply | None:
        """The reply when ``seen`` answers the waiting question; None when it is a new request.

        Either way the question no longer waits, except when an answer fits none of its choices
        (then it is asked again).
        """
        del self._pending[who.username]
        lang = seen.heard.language
        kind = classify_answer(seen.heard)
        if kind is Answer.REQUEST:
            return None
        if kind is Answer.CANCEL:
            return Reply(lang, pending.seen.intent, answers.cancelled(lang))
        if pending.confirm:
            if kind is Answer.YES:
                return await self._act(who, pending.seen, language=lang, confirm=True)
            return None
        options = pending.seen.choices
        picked: tuple[Device, ...] = ()
        if kind is Answer.YES:
            picked = options if len(options) == 1 else ()
        else:
            picked = chosen(options, seen.heard)
        if not picked:
            return self._question(pending.seen, lang, who.username)
        return await self._act(who, _with(pending.seen, picked), language=lang)

    def _confirmation(
        self,
        seen: Interpretation,
        devices: tuple[Device, ...],
        lang: Language,
        username: str,
        done: tuple[ActionTaken, ...] = (),
    ) -> Reply:
        """Ask the speaker to confirm opening ``devices``, and wait a short while for a yes.

        Nothing was sent to those devices; a yes acts on them alone (other devices of the same
        request, which needed no confirmation, have acted already and are not commanded again).
        """
        waiting = _with(seen, devices)
        self._pending[username] = _Pending(waiting, self._hub.now() + CONFIRM_S, lang, confirm=True)
        heard = seen.heard
        return Reply(
            lang,
            seen.intent,
            confirm_question(devices, lang),
            needs_confirmation=True,
            targets=tuple(d.id for d in devices),
            actions=done,
            matched_by=heard.matched_by,
            value=heard.parsed.value,
        )

    def _question(
        self, seen: Interpretation, lang: Language, username: str, text: str | None = None
    ) -> Reply:
        """Ask back which of ``seen.choices`` is meant (``text``: how), and wait for the answer."""
        self._pending[username] = _Pending(seen, self._hub.now() + FOLLOW_UP_S, lang)
        heard = seen.heard
        return Reply(
            lang,
            seen.intent,
            text or answers.clarify(seen.choices, lang),
            needs_clarification=True,
            choices=tuple(Choice(d.id, answers.display_name(d, lang)) for d in seen.choices),
            matched_by=heard.matched_by,
            value=heard.parsed.value,
        )

    async def _act(
        self,
        who: Permissions,
        seen: Interpretation,
        *,
        language: Language | None = None,
        confirm: bool = False,
    ) -> Reply:
        heard, intent = seen.heard, seen.intent
        lang = language or heard.language
        value, feature = heard.parsed.value, heard.parsed.feature
        by = heard.matched_by
        if intent is Intent.UNKNOWN:
            return Reply(lang, intent, answers.unknown(lang), matched_by=by)
        if intent is Intent.ACTIVATE_SCENE:
            return await self._scene(heard, who)
        if seen.hidden is not None:
            text = answers.not_found(seen.hidden, lang)
            return Reply(lang, intent, text, matched_by=by, value=value)
        if seen.missing is not None:
            where = answers.place_name(self._hub.registry, seen.missing, lang)
            what = next(
                (m.text for m in heard.mentions if m.of(EntryKind.DEVICE) or m.of(EntryKind.KIND)),
                "",
            )
            what = what.upper() if what in ("tv", "ac", "pc") else what
            if not seen.choices:
                text = answers.missing(what, where, (), lang)
                return Reply(lang, intent, text, matched_by=by, value=value)
            return self._question(
                seen, lang, who.username, answers.missing(what, where, seen.choices, lang)
            )
        if seen.choices:
            return self._question(seen, lang, who.username)
        if not seen.devices:
            text = answers.nothing_found(lang, seen.named)
            return Reply(lang, intent, text, matched_by=by, value=value)
        commanding = intent not in (Intent.QUERY_STATE, Intent.QUERY_HISTORY)
        if commanding and not any(who.can_control_device(d) for d in seen.devices):
            # Said plainly, with no other devices offered instead.
            text = answers.no_access(seen.devices, lang)
            return Reply(lang, intent, text, matched_by=by, value=value)
        if intent is Intent.QUERY_STATE:
            attribute = heard.parsed.attribute
            polar = heard.normalized if is_polar(heard.normalized, lang) else None
            text = answer_state(
                self._hub, seen.devices, attribute, lang, room_wide=seen.room_wide, polar=polar
            )
        elif intent is Intent.QUERY_HISTORY:
            text = await answer_history(
                self._hub, self._db, seen.devices[0], heard.parsed.attribute, heard.normalized, lang
            )
        else:
            actor = _actor(who)
            port = self._commands.acting_as(actor, confirm=confirm)
            degrees = heard.parsed.temperature
            outcomes = await execute(
                self._hub,
                port,
                seen.devices,
                intent,
                value,
                feature,
                who,
                actor.context,
                temperature=degrees,
            )
            waiting = tuple(o.device for o in outcomes if o.problem is Problem.NEEDS_CONFIRMATION)
            if waiting:
                done = tuple(a for o in outcomes for a in o.actions)
                return self._confirmation(seen, waiting, lang, who.username, done)
            text = answers.done(intent, outcomes, value, feature, lang, temperature=degrees)
            actions = tuple(a for o in outcomes for a in o.actions)
            return Reply(
                lang,
                intent,
                text,
                targets=seen.targets,
                actions=actions,
                matched_by=by,
                value=value,
            )
        return Reply(lang, intent, text, targets=seen.targets, matched_by=by, value=value)

    async def _scene(self, heard: Understanding, who: Permissions) -> Reply:
        lang = heard.language
        scene = self._scenes.get(heard.scene_id or "")
        if scene is None:
            return Reply(
                lang,
                Intent.ACTIVATE_SCENE,
                answers.nothing_found(lang),
                matched_by=heard.matched_by,
            )
        name = next(
            (
                n
                for n in self._scene_names.get(scene.id, ())
                if (lang is Language.ZH) == any("\u4e00" <= c <= "\u9fff" for c in n)
            ),
            scene.name,
        )
        devices = [self._hub.registry.find_device(device_id) for device_id, _, _ in scene.values]
        if any(d is not None and not who.can_control_device(d) for d in devices):
            text = (
                f"你没有启动{name}的权限。"
                if lang is Language.ZH
                else f"You're not allowed to run {name}."
            )
            return Reply(
                lang, Intent.ACTIVATE_SCENE, text, targets=(scene.id,), matched_by=heard.matched_by
            )
        actor = _actor(who)
        result = await apply_scene(self._commands.acting_as(actor), scene, context=actor.context)
        actions = tuple(ActionTaken(d, "set", p, None, True) for d, p in result.applied) + tuple(
            ActionTaken(d, "set", p, None, False, why) for d, p, why in result.failed
        )
        if lang is Language.ZH:
            text = (
                f"已启动{name}。"
                if not result.failed
                else f"已启动{name}，有{len(result.failed)}项没有成功。"
            )
        else:
            text = (
                f"{name} is on."
                if not result.failed
                else f"{name} is on, but {len(result.failed)} settings failed."
            )
        return Reply(
            lang,
            Intent.ACTIVATE_SCENE,
            text,
            targets=(scene.id,),
            actions=actions,
            matched_by=heard.matched_by,
        )


def _with(seen: Interpretation, picked: tuple[Device, ...]) -> Interpretation:
    """The waiting request, now for the devices chosen."""
    return replace(
        seen,
        devices=picked,
        targets=tuple(d.id for d in picked),
        choices=(),
        missing=None,
        hidden=None,
    )


def _source(
    scenes: Iterable[Scene] | Callable[[], Iterable[Scene]],
) -> Callable[[], Iterable[Scene]]:
    if callable(scenes):
        return scenes
    fixed = tuple(scenes)
    return lambda: fixed


def _actor(who: Permissions) -> Actor:
    """The guarded entry's actor for a speaker: a signed-in person, or the local owner."""
    if isinstance(who, Principal):
        return Actor.person(who, Via.ASSISTANT)
    return Actor.local(who.username, Via.ASSISTANT)
