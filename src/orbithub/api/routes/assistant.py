"""The assistant's endpoints: a sentence, or the choice tapped when it asked back, as the user.

``POST /api/assistant/ask`` takes a sentence; ``POST /api/assistant/choose`` takes the id of a
choice the assistant offered (a button in the app), ``all`` or ``cancel``.

The assistant (the app's ``HubServices.assistant``) sees and controls only what the caller may;
every request that sent commands is audited with the sentence that caused them. Without the
assistant running the endpoint answers 503.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from orbithub.access import Principal
from orbithub.api.deps import CurrentPrincipal, HubDep, audit
from orbithub.api.errors import said
from orbithub.api.rights import Right, requires
from orbithub.api.services import required, services_of
from orbithub.assistant import MAX_TEXT, Assistant, Language, Reply
from orbithub.core.errors import UnknownRoomError
from orbithub.core.hub import Hub

__all__ = ["router"]

router = APIRouter(tags=["assistant"])

_LANGUAGES = {**{lang.value: lang for lang in Language}, "zh": Language.ZH}


def _hint(code: str | None) -> Language | None:
    """The app's language as a hint; one the assistant does not know is no hint at all."""
    if code is None:
        return None
    return _LANGUAGES.get(code) or _LANGUAGES.get(code.split("-")[0])


class AskBody(BaseModel):
    """A sentence to the assistant."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
    language: str | None = Field(
        default=None,
        max_length=20,
        description="the app's language (en, zh-CN, de, ...): each sentence is read and "
        "answered in its own language; this one is used only for a sentence in no script "
        "('2'), and one the assistant does not know is ignored",
    )
    space_id: str | None = Field(
        default=None, description="the space the caller is in: searched first for 'the light'"
    )
    room_id: str | None = Field(
        default=None,
        max_length=200,
        description="the room the caller is in or looking at: chosen when a request names no "
        "room and fits devices in several ('make it a little warmer')",
    )


class ChooseBody(BaseModel):
    """The answer to a question asked back, as one of its choices (a tapped button)."""

    model_config = ConfigDict(extra="forbid")

    choice: Annotated[str, Field(min_length=1, max_length=200)] = Field(
        description="a choice's id from the question, 'all' for every choice, 'confirm' to "
        "confirm unlocking, opening or disarming, or 'cancel'"
    )
    language: str | None = Field(
        default=None,
        max_length=20,
        description="the app's language, for the answer when no question waits",
    )


class ChoiceOut(BaseModel):
    """A device offered back when the request was ambiguous: a button in the app."""

    id: str = Field(description="send it as 'choice' to POST /api/assistant/choose")
    label: str = Field(description="what the button says, in the answer's language")
    name: str = Field(description="the same as label (kept for older apps)")


class ActionOut(BaseModel):
    """A command the assistant sent on the caller's behalf."""

    device_id: str
    kind: str
    path: str
    value: bool | int | float | str | None
    ok: bool
    message: str


class AskReply(BaseModel):
    """The assistant's answer."""

    language: str
    intent: str
    answer: str
    needs_clarification: bool
    needs_confirmation: bool = Field(
        default=False,
        description="it asks to confirm unlocking, opening or disarming: answer 'yes' (or "
        "'是', '确认'), or send the choice 'confirm', within 30 seconds",
    )
    choices: list[ChoiceOut]
    actions: list[ActionOut]
    targets: list[str]
    matched_by: str


def _assistant(request: Request) -> Assistant:
    return required(services_of(request).assistant, "the assistant is")


def _out(reply: Reply) -> AskReply:
    return AskReply(
        language=reply.language.value,
        intent=reply.intent.value,
        answer=reply.answer,
        needs_clarification=reply.needs_clarification,
        needs_confirmation=reply.needs_confirmation,
        choices=[ChoiceOut(id=c.id, label=c.name, name=c.name) for c in reply.choices],
        actions=[
            ActionOut(
                device_id=a.device_id,
                kind=a.kind,
                path=a.path,
                value=a.value,
                ok=a.ok,
                message=a.message,
            )
            for a in reply.actions
        ],
        targets=list(reply.targets),
        matched_by=reply.matched_by,
    )


def _check_room(hub: Hub, principal: Principal, room_id: str) -> None:
    # Rooms the caller may not see are refused like unknown ones, so ids do not leak.
    try:
        room = hub.registry.room(room_id)
    except UnknownRoomError:
        room = None
    if room is None or not principal.can_view_room(room):
        raise said(
            422, "unknown_room", "assistant.unknown_room", detail={"field": "room_id"}, room=room_id
        )


@router.post(
    "/api/assistant/ask",
    response_model=AskReply,
    responses={
        401: {"description": "not signed in"},
        422: {
            "description": "the text is empty or longer than 500 characters, or room_id names "
            "no room the caller may see"
        },
        503: {"description": "the assistant is not running"},
    },
    openapi_extra=requires(Right.SIGNED_IN),
)
async def ask(
    body: AskBody, request: Request, principal: CurrentPrincipal, hub: HubDep
) -> AskReply:
    """Understand a sentence (English or Simplified Chinese) and act on it as the caller."""
    assistant = _assistant(request)
    if body.room_id is not None:
        _check_room(hub, principal, body.room_id)
    language = _hint(body.language)
    reply = await assistant.ask(
        body.text,
        speaker=principal,
        language=language,
        space_id=body.space_id,
        room_id=body.room_id,
    )
    await _audit(request, principal, reply, body.text)
    return _out(reply)


@router.post(
    "/api/assistant/choose",
    response_model=AskReply,
    responses={
        401: {"description": "not signed in"},
        422: {"description": "the choice is empty or too long"},
        503: {"description": "the assistant is not running"},
    },
    openapi_extra=requires(Right.SIGNED_IN),
)
async def choose(body: ChooseBody, request: Request, principal: CurrentPrincipal) -> AskReply:
    """Answer the question the assistant asked back with a choice's id, ``all`` or ``cancel``.

    A choice that is not one of the question's asks it again; with no question waiting (or
    one that expired after two minutes) nothing is done and the answer says so.
    """
    assistant = _assistant(request)
    language = _hint(body.language)
    reply = await assistant.choose(body.choice, speaker=principal, language=language)
    await _audit(request, principal, reply, f"[choice] {body.choice}")
    return _out(reply)


async def _audit(request: Request, principal: Principal, reply: Reply, text: str) -> None:
    if reply.actions:
        await audit(
            request,
            principal,
            action=f"assistant.{reply.intent.value}",
            target=",".join(reply.targets),
            result="ok" if all(a.ok for a in reply.actions) else "refused",
            detail={"text": text, "answer": reply.answer},
        )
