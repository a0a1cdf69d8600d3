"""Access tokens: signed JWTs (HS256) naming a user, a sign-in session and a session epoch.

A token is valid for ``ttl`` seconds from its ``iat``. A token claiming a longer life is refused
even with a good signature: a leaked key or a bug must not mint tokens that outlive the
configured lifetime. ``sid`` names the sign-in session (the refresh-token family), so signing
out ends it; ``ver`` is the user's session epoch, bumped when the password changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import jwt

from orbithub.api.errors import ApiError, said

__all__ = ["AccessClaims", "decode_access_token", "encode_access_token", "unauthenticated"]

_ALGORITHM = "HS256"
_SKEW_S = 60.0
"""Clock difference tolerated between a token's ``iat`` and the hub's clock."""


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a verified access token says."""

    user_id: str
    expires_at: float
    epoch: int
    session_id: str


def unauthenticated(key: str) -> ApiError:
    """A 401 answer with the Bearer challenge, saying the hub's text ``key``."""
    return said(401, "unauthenticated", key, headers={"WWW-Authenticate": "Bearer"})


def encode_access_token(
    key: str, *, user_id: str, username: str, epoch: int, session_id: str, now: float, ttl: float
) -> str:
    """A signed access token valid for ``ttl`` seconds from ``now``."""
    claims = {
        "sub": user_id,
        "name": username,
        "typ": "access",
        "iat": int(now),
        "exp": now + ttl,
        "ver": epoch,
        "sid": session_id,
    }
    return jwt.encode(claims, key, algorithm=_ALGORITHM)


def decode_access_token(key: str, token: str, *, now: float, ttl: float) -> AccessClaims:
    """Check the signature, shape and lifetime of an access token (not its expiry).

    Raises:
        ApiError: 401 for a bad signature or format, another kind of token, or a lifetime
            beyond ``ttl``.
    """
    try:
        raw = jwt.decode(
            token,
            key,
            algorithms=[_ALGORITHM],
            options={"require": ["sub", "exp", "iat", "ver", "sid"], "verify_exp": False},
        )
    except jwt.PyJWTError:
        raise unauthenticated("auth.access_invalid") from None
    exp, iat, epoch, sid = raw.get("exp"), raw.get("iat"), raw.get("ver"), raw.get("sid")
    if (
        raw.get("typ") != "access"
        or not isinstance(exp, int | float)
        or not isinstance(iat, int | float)
        or not isinstance(epoch, int)
        or not isinstance(sid, str)
    ):
        raise unauthenticated("auth.not_access_token")
    if exp - iat > ttl + _SKEW_S or iat > now + _SKEW_S:
        raise unauthenticated("auth.access_lifetime")
    return AccessClaims(str(raw["sub"]), float(exp), epoch, sid)
