"""How the HTTP API is set up: token lifetimes, limits, password hashing cost."""

from __future__ import annotations

from dataclasses import dataclass, field

from orbithub.api.login_limits import LoginPolicy
from orbithub.core.clock import Clock

__all__ = ["ApiSettings"]


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Settings of one API instance; the defaults suit a home hub.

    Attributes:
        access_ttl: seconds an access token is valid.
        refresh_ttl: seconds a refresh token is valid (each use rotates it).
        max_body_bytes: larger request bodies are refused with 413.
        login_policy: how failed sign-ins are slowed down (per user name and address).
        jwt_secret: the access-token signing key; the hub passes the one from its 0600 key
            file (:mod:`orbithub.api.signing_key`). None: generated once and kept in the
            database, for an app embedded in tests only.
        token_clock: the clock of token lifetimes and login limits; None: wall clock. Grant
            expiry always follows the hub's clock.
        password_time_cost: argon2 passes (tests lower it).
        password_memory_kib: argon2 memory in KiB (tests lower it).
        ws_queue: events a WebSocket connection may have waiting before it is resynced.
        serve_web: serve the web app's assets at ``/`` when they are installed.
        account_cache_s: seconds a user's record and grants are reused between requests
            (changes made through the API apply at once; changes made by the command line
            while the hub runs apply within this time).
        ws_recheck_s: seconds between checks of a WebSocket's token (expiry, sign-out,
            password change elsewhere); changes made through the API are seen at once.
    """

    access_ttl: float = 900.0
    refresh_ttl: float = 30 * 86_400.0
    max_body_bytes: int = 1_048_576
    login_policy: LoginPolicy = field(default_factory=LoginPolicy)
    jwt_secret: str | None = None
    token_clock: Clock | None = None
    password_time_cost: int = 3
    password_memory_kib: int = 65_536
    ws_queue: int = 256
    serve_web: bool = True
    account_cache_s: float = 5.0
    ws_recheck_s: float = 2.0
