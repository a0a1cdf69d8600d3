"""JSON errors with stable codes: every failure the API reports has the same shape.

``{"code": "<stable machine code>", "message": "<what went wrong and what to do>",
"detail": {...}}``. Route code raises :class:`ApiError` (or lets a core/spec error through:
those are mapped here); FastAPI's validation errors become 422 with the path of each bad
field, malformed JSON becomes 400, and bodies over the limit are refused with 413 before a
route ever reads them.
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
from orbithub.core.errors import (
    AdapterUnavailableError,
    UnknownDeviceError,
    UnknownRoomError,
    UnknownSpaceError,
)
from orbithub.spec.errors import UnknownAction, UnknownEvent, UnknownProperty, ValueRejected

__all__ = ["ApiError", "BodySizeLimit", "ErrorResponse", "error_response", "install_error_handlers"]

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
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        detail: Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = dict(detail or {})
        self.headers = dict(headers or {})


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


async def _api_error(_request: Request, exc: Exception) -> ErrorResponse:
    assert isinstance(exc, ApiError)  # noqa: S101 - registered for ApiError only
    return error_response(exc.status, exc.code, exc.message, exc.detail, exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> ErrorResponse:
    assert isinstance(exc, RequestValidationError)  # noqa: S101 - registered for it only
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(
            400,
            "malformed_json",
            "the request body is not valid JSON; send a JSON object with "
            "Content-Type: application/json",
        )
    fields = [
        {
            "path": _field_path(e.get("loc", ())),
            "message": str(e.get("msg", "invalid")),
            "type": str(e.get("type", "invalid")),
        }
        for e in errors
    ]
    summary = "; ".join(f"{f['path']}: {f['message']}" for f in fields[:5])
    return error_response(
        422,
        "validation_failed",
        f"the request has invalid fields ({summary}); fix them and send it again",
        {"errors": fields},
    )


async def _http_error(_request: Request, exc: Exception) -> ErrorResponse:
    assert isinstance(exc, StarletteHTTPException)  # noqa: S101 - registered for it only
    code = _STATUS_CODES.get(exc.status_code, "error")
    message = str(exc.detail) if exc.detail else code.replace("_", " ")
    if exc.status_code == 404:
        message = "no such endpoint; /api/docs lists what the API offers"
    elif exc.status_code == 405:
        message = "this endpoint does not accept that method; /api/docs lists the methods"
    return error_response(exc.status_code, code, message, headers=exc.headers)


_REFUSAL_STATUS = {
    Refusal.NOT_FOUND: 404,
    Refusal.FORBIDDEN: 403,
    Refusal.AWAITING_APPROVAL: 403,
    Refusal.CONFIRMATION_REQUIRED: 409,
}


async def _core_error(_request: Request, exc: Exception) -> ErrorResponse:
    if isinstance(exc, CommandRefused):
        return error_response(
            _REFUSAL_STATUS[exc.code], str(exc.code), str(exc), {"device_id": exc.device_id}
        )
    if isinstance(exc, ValueRejected):
        return error_response(
            422,
            "value_rejected",
            str(exc),
            {"property": exc.prop, "reason": exc.reason, "kind": type(exc).__name__},
        )
    if isinstance(exc, UnknownProperty | UnknownAction | UnknownEvent):
        return error_response(404, "unknown_path", str(exc))
    if isinstance(exc, UnknownDeviceError | UnknownRoomError | UnknownSpaceError):
        return error_response(404, "not_found", str(exc))
    if isinstance(exc, AdapterUnavailableError):
        return error_response(503, "unavailable", str(exc))
    return await _unexpected(_request, exc)


async def _unexpected(request: Request, exc: Exception) -> ErrorResponse:
    _LOGGER.exception("unexpected error answering %s %s", request.method, request.url.path)
    return error_response(
        500,
        "internal",
        "the hub failed to answer this request; the error is in the hub's log, please report it",
    )


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
                    await self._refuse(send)
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
                await self._refuse(send)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _TooLarge:
            if not refused:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        response = error_response(
            413,
            "too_large",
            f"the request body is larger than {self.limit} bytes; send less data at once",
        )
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
