"""JSON errors with stable codes: every failure the API reports has the same shape.

``{"code": "<stable machine code>", "message": "<what went wrong and what to do>",
"detail": {...}}``. Route code raises :class:`ApiError` (or lets a core/spec error through:
those are mapped here); FastAPI's validation errors become 422 with the path of each bad
field, malformed JSON becomes 400, and bodies over the limit are refused with 413 before a
route ever reads them.

The message is written in the request's language (:func:`request_language`: the app sends
its own as ``Accept-Language``); the code never changes with it, so clients branch on codes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from orbithub.access import CommandRefused, Refusal
from orbithub.api.language import request_language, scope_language
from orbithub.core.errors import (
    AdapterUnavailableError,
    UnknownDeviceError,
    UnknownRoomError,
    UnknownSpaceError,
)
from orbithub.language import Language, text
from orbithub.spec.errors import UnknownAction, UnknownEvent, UnknownProperty, ValueRejected

__all__ = [
    "ApiError",
    "BodySizeLimit",
    "ErrorResponse",
    "error_response",
    "install_error_handlers",
    "retold",
    "said",
]

_LOGGER = logging.getLogger(__name__)

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "rate_limited",
    500: "internal",
    503: "unavailable",
}


class ErrorResponse(JSONResponse):
    """A JSON response rendered with orjson (errors may carry floats and unicode)."""

    def render(self, content: Any) -> bytes:
        """Serialise ``content``."""
        return orjson.dumps(content)


class ApiError(Exception):
    """An error the API answers with: status, stable code, human message, optional detail.

    Args:
        status: the HTTP status.
        code: a stable machine code (``not_found``, ``value_out_of_range``...).
        message: what went wrong and what to do next.
        detail: extra JSON data (the allowed range, the field path...).
        headers: extra response headers (``Retry-After``).
        key: the message's key among the hub's texts, to say it in another language than
            English (None: the message is said as given in every language). English gets
            ``message`` itself, so a core error's own English wording is kept word for word.
        params: the values the text's placeholders take.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        detail: Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
        key: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = dict(detail or {})
        self.headers = dict(headers or {})
        self.key = key
        self.params = dict(params or {})

    def message_in(self, lang: Language) -> str:
        """The message in ``lang`` (as given in English, or when it has no key)."""
        if self.key is None or lang == "en":
            return self.message
        return text(lang, self.key, **self.params)


def said(
    status: int,
    code: str,
    key: str,
    /,
    *,
    detail: Mapping[str, object] | None = None,
    headers: Mapping[str, str] | None = None,
    **params: object,
) -> ApiError:
    """An :class:`ApiError` whose message is the hub's text ``key``, in the request's language."""
    return ApiError(
        status,
        code,
        text("en", key, **params),
        detail=detail,
        headers=headers,
        key=key,
        params=params,
    )


def retold(
    status: int,
    code: str,
    key: str,
    error: Exception,
    /,
    *,
    detail: Mapping[str, object] | None = None,
) -> ApiError:
    """An :class:`ApiError` for ``error``: its own words in English, else the text ``key``.

    The text takes ``error``'s words as ``{reason}`` (core errors explain themselves in
    English only, with names and values another language's sentence cannot rebuild).
    """
    reason = str(error)
    return ApiError(status, code, reason, detail=detail, key=key, params={"reason": reason})


def _say(request: Request, key: str, english: str, **params: object) -> str:
    """``english`` for an English request, else the text ``key`` in the request's language."""
    lang = request_language(request)
    return english if lang == "en" else text(lang, key, **params)


def error_response(
    status: int,
    code: str,
    message: str,
    detail: Mapping[str, object] | None = None,
    headers: Mapping[str, str] | None = None,
) -> ErrorResponse:
    """The JSON response for an error."""
    body: dict[str, object] = {"code": code, "message": message}
    if detail:
        body["detail"] = dict(detail)
    return ErrorResponse(body, status_code=status, headers=dict(headers or {}))


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc)


async def _api_error(request: Request, exc: Exception) -> ErrorResponse:
    assert isinstance(exc, ApiError)  # noqa: S101 - registered for ApiError only
    message = exc.message_in(request_language(request))
    return error_response(exc.status, exc.code, message, exc.detail, exc.headers)


async def _validation_error(request: Request, exc: Exception) -> ErrorResponse:
    assert isinstance(exc, RequestValidationError)  # noqa: S101 - registered for it only
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        english = (
            "the request body is not valid JSON; send a JSON object with "
            "Content-Type: application/json"
        )
        return error_response(400, "malformed_json", _say(request, "error.malformed_json", english))
    fields = [
        {
            "path": _field_path(e.get("loc", ())),
            "message": str(e.get("msg", "invalid")),
            "type": str(e.get("type", "invalid")),
        }
        for e in errors
    ]
    summary = "; ".join(f"{f['path']}: {f['message']}" for f in fields[:5])
    message = text(request_language(request), "error.validation_failed", summary=summary)
    return error_response(422, "validation_failed", message, {"errors": fields})


async def _http_error(request: Request, exc: Exception) -> ErrorResponse:
    assert isinstance(exc, StarletteHTTPException)  # noqa: S101 - registered for it only
    code = _STATUS_CODES.get(exc.status_code, "error")
    message = str(exc.detail) if exc.detail else code.replace("_", " ")
    lang = request_language(request)
    if exc.status_code == 404:
        message = text(lang, "error.no_endpoint")
    elif exc.status_code == 405:
        message = text(lang, "error.method_not_allowed")
    return error_response(exc.status_code, code, message, headers=exc.headers)


_REFUSAL_STATUS = {
    Refusal.NOT_FOUND: 404,
    Refusal.FORBIDDEN: 403,
    Refusal.AWAITING_APPROVAL: 403,
    Refusal.CONFIRMATION_REQUIRED: 409,
}


async def _core_error(request: Request, exc: Exception) -> ErrorResponse:
    # Core and access errors explain themselves in English with every detail; another
    # language gets the hub's sentence for the same code, with the English reason inside
    # where the sentence has room for it.
    reason = str(exc)
    if isinstance(exc, CommandRefused):
        message = _say(request, f"refusal.{exc.code}", reason)
        return error_response(
            _REFUSAL_STATUS[exc.code], str(exc.code), message, {"device_id": exc.device_id}
        )
    if isinstance(exc, ValueRejected):
        return error_response(
            422,
            "value_rejected",
            _say(request, "error.value_rejected", reason, reason=exc.reason),
            {"property": exc.prop, "reason": exc.reason, "kind": type(exc).__name__},
        )
    if isinstance(exc, UnknownProperty | UnknownAction | UnknownEvent):
        return error_response(
            404, "unknown_path", _say(request, "error.unknown_path", reason, reason=reason)
        )
    if isinstance(exc, UnknownDeviceError | UnknownRoomError | UnknownSpaceError):
        return error_response(
            404, "not_found", _say(request, "error.not_found", reason, reason=reason)
        )
    if isinstance(exc, AdapterUnavailableError):
        return error_response(
            503, "unavailable", _say(request, "error.unavailable", reason, reason=reason)
        )
    return await _unexpected(request, exc)


async def _unexpected(request: Request, exc: Exception) -> ErrorResponse:
    _LOGGER.exception("unexpected error answering %s %s", request.method, request.url.path)
    return error_response(500, "internal", text(request_language(request), "error.internal"))


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error of ``app`` as JSON with a stable code."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for error in (
        CommandRefused,
        ValueRejected,
        UnknownProperty,
        UnknownAction,
        UnknownEvent,
        UnknownDeviceError,
        UnknownRoomError,
        UnknownSpaceError,
        AdapterUnavailableError,
    ):
        app.add_exception_handler(error, _core_error)
    app.add_exception_handler(Exception, _unexpected)


class BodySizeLimit:
    """ASGI middleware: refuse request bodies larger than ``limit`` bytes with 413.

    Checks the declared Content-Length first, then counts the bytes of a streamed (chunked)
    body as they arrive, so a client cannot make the hub buffer an unbounded body.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, or answer 413 when its body is too large."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > self.limit or declared < 0:
                    await self._refuse(scope, send)
                    return
        received = 0
        too_large = False
        refused = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    too_large = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal refused
            if not too_large:
                await send(message)
            elif not refused and message["type"] == "http.response.start":
                # The app turned the interrupted body into an error of its own (FastAPI
                # answers 400 when reading the body fails); the client gets the real reason.
                refused = True
                await self._refuse(scope, send)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _TooLarge:
            if not refused:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = text(scope_language(scope), "error.too_large", limit=self.limit)
        response = error_response(413, "too_large", message)
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": response.raw_headers,
            }
        )
        await send({"type": "http.response.body", "body": response.body})


class _TooLarge(Exception):
    """Raised inside the app when a streamed body passes the limit."""
