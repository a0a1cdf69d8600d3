"""The right each route needs, declared on the route and published in the OpenAPI document.

Every operation of ``/api/openapi.json`` carries ``x-orbithub-right``: one of :class:`Right`.
A route declares it in its decorator::

    @router.get("/api/users", openapi_extra=requires(Right.OWNER))
    async def list_users(_owner: OwnerPrincipal, ...) -> ...:

The declaration says what the route's dependencies and checks enforce (``OwnerPrincipal``
for ``owner``, ``device_for_control`` for ``device:control``...); a test calls every operation
of the document as each kind of caller and fails on an operation without a declared right or
whose answers do not match it. Resource rights name the path parameter they apply to; an id
the caller may not see is answered 404, as an unknown one.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

__all__ = ["RIGHT_KEY", "Right", "requires"]

RIGHT_KEY = "x-orbithub-right"
"""The OpenAPI extension naming an operation's right."""


class Right(StrEnum):
    """What a caller needs to be answered (anything else is 401, 403 or 404)."""

    PUBLIC = "public"
    """No token: signing in, onboarding, webhooks (their id is their secret)."""
    PHONE = "phone"
    """A registered phone's own device token (not a user's token)."""
    SIGNED_IN = "signed-in"
    """Any valid token; the answer holds only what the caller's grants and token cover."""
    FAMILY = "family"
    """Signed in as an owner, adult or child: never a guest (who is home, for instance)."""
    SESSION = "session"
    """Signed in with a password: an integration token is refused (your own account)."""
    ADULT = "adult"
    """An owner or an adult (also their integration tokens, within the token's spaces)."""
    OWNER = "owner"
    """An owner signed in with a password: users, grants, never a token."""
    DEVICE_VIEW = "device:view"
    """The caller may see ``{device_id}``."""
    DEVICE_CONTROL = "device:control"
    """The caller may command ``{device_id}`` (403 when they see it but may not)."""
    SPACE_VIEW = "space:view"
    """The caller may see ``{space_id}`` (or ``{home_id}``)."""
    SPACE_CONTROL = "space:control"
    """The caller may command the devices of ``{space_id}`` the route acts on (a car's)."""


def requires(right: Right, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The ``openapi_extra`` of a route needing ``right`` (merged into ``extra``)."""
    return {**(extra or {}), RIGHT_KEY: str(right)}
