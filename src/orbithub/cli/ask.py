"""``orbithub ask "..."``: a sentence to the assistant of the running hub (or the demo, offline).

With a hub running on the data directory, the sentence goes through its control socket (op
``ask``) and acts on its devices as ``--user``. With none running, the demo world is built in
this process and answers there: commands go to simulated devices that vanish on exit, which is
enough to try sentences out.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import typer
from rich.console import Console

from orbithub.access import Commands
from orbithub.cli.control import ControlError
from orbithub.cli.options import DataDir
from orbithub.cli.running import ask_hub, hub_settings
from orbithub.errors import OrbitHubError

if TYPE_CHECKING:
    # The assistant loads its sentence data and pinyin tables: only imported when used, so
    # every other command starts as fast as before.
    from orbithub.assistant import Assistant, Language, Reply
    from orbithub.automation import Engine, Scene
    from orbithub.cli.control import ControlServer
    from orbithub.core.hub import Hub
    from orbithub.storage import Database

__all__ = ["answer_request", "ask", "reply_dict", "start_assistant"]

_ASSISTANTS: weakref.WeakKeyDictionary[Hub, Assistant] = weakref.WeakKeyDictionary()
_LANGUAGES = {"en": "en", "zh": "zh-CN", "zh-CN": "zh-CN"}


def start_assistant(
    hub: Hub,
    *,
    db: Database | None = None,
    engine: Engine | None = None,
    control: ControlServer | None = None,
    commands: Commands | None = None,
) -> Assistant:
    """The assistant of a running hub: its scenes from the engine, ``ask`` on the socket.

    Args:
        hub: the running hub.
        db: its storage (history questions).
        engine: the automation engine whose scenes may be activated by their name or aliases.
        control: the control socket, to answer ``orbithub ask``.
        commands: the hub's guarded command entry, shared with every other origin.

    Returns:
        The assistant; the API serves it as ``HubServices.assistant``, await its
        ``warm_up()`` in the background if the first answer should be quick, and call
        ``close()`` when the hub stops.
    """
    from orbithub.assistant import Assistant

    scenes: Callable[[], Iterable[Scene]] = engine.scenes if engine is not None else tuple
    assistant = Assistant(hub, db=db, scenes=scenes, commands=commands)
    _ASSISTANTS[hub] = assistant
    if control is not None:

        async def ask_op(req: Mapping[str, Any]) -> object:
            return await answer_request(hub, req)

        control.add_ops({"ask": ask_op})
    return assistant


def _assistant_for(hub: Hub) -> Assistant:
    from orbithub.assistant import Assistant

    assistant = _ASSISTANTS.get(hub)
    if assistant is None:
        # A hub wired without one still answers; without storage it cannot tell history.
        assistant = Assistant(hub)
        _ASSISTANTS[hub] = assistant
    return assistant


def reply_dict(reply: Reply) -> dict[str, object]:
    """A reply as JSON data (the same shape as the HTTP API's answer)."""
    return {
        "language": reply.language.value,
        "intent": reply.intent.value,
        "answer": reply.answer,
        "needs_clarification": reply.needs_clarification,
        "needs_confirmation": reply.needs_confirmation,
        "choices": [{"id": c.id, "name": c.name} for c in reply.choices],
        "actions": [
            {
                "device_id": a.device_id,
                "kind": a.kind,
                "path": a.path,
                "value": a.value,
                "ok": a.ok,
                "message": a.message,
            }
            for a in reply.actions
        ],
        "targets": list(reply.targets),
        "matched_by": reply.matched_by,
    }


def _language(raw: object) -> Language | None:
    from orbithub.assistant import Language

    if raw is None:
        return None
    if raw not in _LANGUAGES:
        raise ControlError("bad_request", f"unknown language {raw!r}; use en or zh-CN")
    return Language(_LANGUAGES[str(raw)])


async def answer_request(hub: Hub, req: Mapping[str, Any]) -> dict[str, object]:
    """The control socket's ``ask`` op: ``{"op": "ask", "text", "user", "language"}``."""
    from orbithub.assistant import Speaker

    text = req.get("text")
    if not isinstance(text, str):
        raise ControlError("bad_request", "ask needs a text")
    user = str(req.get("user") or os.environ.get("USER") or "local")
    reply = await _assistant_for(hub).ask(
        text, speaker=Speaker(user), language=_language(req.get("language"))
    )
    return reply_dict(reply)


async def _offline(text: str, user: str, language: Language | None) -> dict[str, object]:
    from orbithub.adapters.sim import SimAdapter, demo_world
    from orbithub.assistant import Assistant, Speaker
    from orbithub.automation import load_documents
    from orbithub.core.hub import Hub
    from orbithub.demo.scenes import documents as demo_scene_files

    world = demo_world()
    hub = Hub()
    for space in world.spaces:
        hub.add_space(space)
    for room in world.rooms:
        hub.add_room(room)
    for device in world.devices:
        hub.add_device(device)
    hub.add_adapter(SimAdapter(routines=False))
    # The demo's scenes, named in both languages by their files, so "晚安" works offline too.
    scenes = [scene for file in demo_scene_files() for scene in load_documents(file)[1]]
    assistant = Assistant(hub, scenes=scenes)
    try:
        async with hub:
            reply = await assistant.ask(text, speaker=Speaker(user), language=language)
    finally:
        assistant.close()
    return reply_dict(reply)


async def _ask(
    text: str, user: str, language: str | None, data_dir: Path | None, offline: bool
) -> tuple[dict[str, object], bool]:
    body = {"op": "ask", "text": text, "user": user, "language": language}
    if not offline:
        settings = hub_settings(data_dir)
        try:
            result = await ask_hub(settings, body)
        except ControlError as exc:
            if exc.code != "not_running":
                raise
        else:
            if not isinstance(result, dict):
                raise ControlError("bad_reply", "the hub sent an unexpected answer")
            return result, False
    return await _offline(text, user, _language(language)), True


def ask(
    text: Annotated[
        str, typer.Argument(help='What to ask: "turn on the kitchen light", "卧室多少度".')
    ],
    user: Annotated[
        str | None,
        typer.Option(help="Ask as this user (their phone is 'my phone'); default: $USER."),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            help="en or zh-CN, for a sentence in no script such as '2' (every sentence is "
            "otherwise read and answered in its own language)."
        ),
    ] = None,
    data_dir: DataDir = None,
    offline: Annotated[
        bool, typer.Option(help="Answer against the demo world in this process, not the hub.")
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the reply as JSON.")] = False,
) -> None:
    """Ask the assistant, in English or Chinese: commands, questions, scenes."""
    console = Console()
    who = user or os.environ.get("USER") or "local"
    try:
        reply, was_offline = asyncio.run(_ask(text, who, language, data_dir, offline))
    except OrbitHubError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    if json_output:
        console.print_json(orjson.dumps(reply).decode())
        return
    console.print(str(reply.get("answer", "")), highlight=False)
    if was_offline:
        Console(stderr=True).print(
            "[dim](no hub running: answered by the demo world in this process; "
            "start one with `orbithub demo` to act on it)[/dim]"
        )
