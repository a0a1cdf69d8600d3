"""The language a request is answered in: ``?lang=`` when given, else ``Accept-Language``.

The web app sends its own language as ``Accept-Language`` on every request (not the
browser's), so a sign-in refused on a phone set to Chinese is refused in Chinese.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import HTTPConnection
from starlette.types import Scope

from orbithub.language import Language, best_language, match_language

__all__ = ["request_language", "scope_language"]

_MAX_QUERY = 2048


def _language(query: str | None, accept: str | None) -> Language:
    if query:
        asked = match_language(query)
        if asked is not None:
            return asked
    return best_language(accept)


def request_language(connection: HTTPConnection) -> Language:
    """The hub's language for this request or WebSocket (English when nothing matches)."""
    return _language(connection.query_params.get("lang"), connection.headers.get("accept-language"))


def scope_language(scope: Scope) -> Language:
    """:func:`request_language` from a raw ASGI scope (middleware answers before routing)."""
    accept: str | None = None
    for name, value in scope.get("headers", ()):
        if name == b"accept-language":
            accept = value.decode("latin-1")
            break
    raw = scope.get("query_string", b"")[:_MAX_QUERY].decode("latin-1")
    langs = parse_qs(raw).get("lang")
    return _language(langs[0] if langs else None, accept)
