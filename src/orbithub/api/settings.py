"""How the HTTP API is set up: token lifetimes, limits, password hashing cost."""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.core.clock import Clock

__all__ = ["ApiSettings"]


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """Settings of one API instance; the defaults suit a home hub.

    Attributes:
        access_ttl: seconds an access token is valid.
        refresh_ttl: seconds a refresh token is valid (each use rotates it).
        max_body_bytes: larger request bodies are refused with 413.
        login_failures_per_user: failed logins of one user name within ``login_window``
            before further attempts are refused with 429.
        login_failures_per_address: the same for one client address.
        login_window: seconds the failures are counted over.
        jwt_secret: the access-token signing key; None: generated once and kept in the
            database (``hub_secrets``), so tokens survive a restart.
        token_clock: the clock of token lifetimes and login limits; None: wall clock. Grant
            expiry always follows the hub's clock.
        password_time_cost: argon2 passes (tests lower it).
        password_memory_kib: argon2 memory in KiB (tests lower it).
        ws_queue: events a WebSocket connection may have waiting before it is resynced.
        serve_web: serve the web app's assets at ``/`` when they are installed.
        account_cache_s: seconds a user's record and grants are reused between requests
            (changes made through the API apply at once; changes made by the command line
            while the hub runs apply within this time).
    """

    access_ttl: float = 900.0
    refresh_ttl: float = 30 * 86_400.0
    max_body_bytes: int = 1_048_576
    login_failures_per_user: int = 5
    login_failures_per_address: int = 20
    login_window: float = 300.0
    jwt_secret: str | None = None
    token_clock: Clock | None = None
    password_time_cost: int = 3
    password_memory_kib: int = 65_536
    ws_queue: int = 256
    serve_web: bool = True
    account_cache_s: float = 5.0
