"""Sign-in: password hashing, access and refresh tokens, integration tokens, login limits.

* Passwords are hashed with argon2id (argon2-cffi), off the event loop.
* Access tokens are JWTs (HS256) valid for minutes; the signing key is generated once and kept
  in the database, so a restart does not sign everyone out.
* Refresh tokens are opaque, stored hashed, and rotate on every use; presenting one that was
  already rotated revokes its whole family (a stolen token is useless once either side uses
  it again).
* Integration tokens are long-lived, stored hashed, shown once, and may be limited to spaces.
* Failed logins are counted per user name and per client address in a sliding window; past
  the limit the API answers 429 with Retry-After, even for the right password.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections import deque
from dataclasses import dataclass

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from orbithub.api.errors import ApiError
from orbithub.api.principal import Principal, TokenKind
from orbithub.api.settings import ApiSettings
from orbithub.core.clock import Clock, SystemClock
from orbithub.core.hub import Hub
from orbithub.storage import tokens as token_store
from orbithub.storage import users as user_store
from orbithub.storage.db import Database
from orbithub.storage.users import Grant, User

__all__ = ["Accounts", "LoginLimiter", "TokenPair", "password_hasher"]

_ALGORITHM = "HS256"
_VERIFIED_MAX = 4096  # tokens whose signature was checked, kept to skip checking again
_TOUCH_EVERY_S = 60.0
_SECRET_NAME = "jwt-signing-key"  # noqa: S105 - the name of the key, not the key


@dataclass(frozen=True, slots=True)
class TokenPair:
    """What a login or a refresh hands out."""

    access_token: str
    refresh_token: str
    expires_in: float


class LoginLimiter:
    """Counts failed logins per key (a user name, an address) in a sliding window."""

    def __init__(self, window: float) -> None:
        self.window = window
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    def retry_after(self, key: str, limit: int, now: float) -> float | None:
        """Seconds until ``key`` may try again, or None when it is under ``limit``."""
        times = self._recent(key, now)
        if len(times) < limit:
            return None
        return max(1.0, times[len(times) - limit] + self.window - now)

    def fail(self, key: str, now: float) -> None:
        """Count one failure of ``key``."""
        self._recent(key, now)
        self._failures.setdefault(key, deque()).append(now)

    def clear(self, key: str) -> None:
        """Forget the failures of ``key`` (after a successful login)."""
        self._failures.pop(key, None)


def password_hasher(settings: ApiSettings) -> PasswordHasher:
    """The argon2id hasher with the cost ``settings`` asks for (the command line shares it)."""
    return PasswordHasher(
        time_cost=settings.password_time_cost,
        memory_cost=settings.password_memory_kib,
        parallelism=1,
    )


def _unauthenticated(message: str) -> ApiError:
    return ApiError(401, "unauthenticated", message, headers={"WWW-Authenticate": "Bearer"})


class Accounts:
    """The sign-in service of one API instance (kept on ``app.state.accounts``).

    Args:
        db: the database holding users, grants and tokens.
        hub: the hub, whose clock decides grant expiry.
        settings: token lifetimes, limits and hashing cost.
    """

    def __init__(self, db: Database, hub: Hub, settings: ApiSettings) -> None:
        self.db = db
        self.hub = hub
        self.settings = settings
        self.clock: Clock = settings.token_clock or SystemClock()
        self.limiter = LoginLimiter(settings.login_window)
        self._hasher = password_hasher(settings)
        self._secret = settings.jwt_secret
        self._secret_lock = asyncio.Lock()
        self._dummy_hash: str | None = None
        self._cache: dict[str, tuple[float, User, list[Grant]]] = {}
        self._verified: dict[str, tuple[float, str]] = {}
        self._api_tokens: dict[str, tuple[float, token_store.ApiToken]] = {}
        self.revision = 0
        """Bumped by every account change made here; live connections rebuild their principal."""

    # -- passwords ----------------------------------------------------------------------------
    async def hash_password(self, password: str) -> str:
        """The argon2 hash of ``password`` (computed in a worker thread)."""
        return await asyncio.to_thread(self._hasher.hash, password)

    async def verify_password(self, user: User | None, password: str) -> bool:
        """Whether ``password`` is ``user``'s; for an unknown user, spend the same time."""
        if user is None:
            if self._dummy_hash is None:
                self._dummy_hash = await self.hash_password(secrets.token_hex(16))
            stored = self._dummy_hash
        else:
            stored = user.password_hash

        def verify() -> bool:
            try:
                return self._hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                return False

        ok = await asyncio.to_thread(verify)
        return ok and user is not None

    # -- tokens -------------------------------------------------------------------------------
    async def _signing_key(self) -> str:
        if self._secret is None:
            async with self._secret_lock:
                if self._secret is None:
                    self._secret = await token_store.secret(
                        self.db, _SECRET_NAME, lambda: secrets.token_urlsafe(48)
                    )
        return self._secret

    async def access_token(self, user: User) -> str:
        """A signed access token for ``user``."""
        now = self.clock.now()
        claims = {
            "sub": user.id,
            "name": user.username,
            "typ": "access",
            "iat": int(now),
            "exp": now + self.settings.access_ttl,
        }
        return jwt.encode(claims, await self._signing_key(), algorithm=_ALGORITHM)

    async def issue(self, user: User, *, family_id: str | None = None) -> TokenPair:
        """A new access token and a new refresh token (a new family) for ``user``."""
        refresh = await token_store.issue_refresh_token(
            self.db,
            user_id=user.id,
            now=self.clock.now(),
            ttl=self.settings.refresh_ttl,
            family_id=family_id,
        )
        return TokenPair(await self.access_token(user), refresh, self.settings.access_ttl)

    async def refresh(self, refresh_token: str) -> tuple[User, TokenPair]:
        """Rotate a refresh token.

        Raises:
            ApiError: 401 when it is unknown, expired, revoked or being reused.
        """
        outcome = await token_store.rotate_refresh_token(
            self.db, refresh_token, now=self.clock.now(), ttl=self.settings.refresh_ttl
        )
        if outcome.reused:
            raise _unauthenticated(
                "this refresh token was already used; every session it started is now signed "
                "out for safety; sign in again with your password"
            )
        if outcome.user_id is None or outcome.token is None:
            raise _unauthenticated("the refresh token is not valid any more; sign in again")
        user = await user_store.get_user(self.db, outcome.user_id)
        if user is None:
            raise _unauthenticated("the account of this token was deleted")
        return user, TokenPair(
            await self.access_token(user), outcome.token, self.settings.access_ttl
        )

    async def authenticate(self, token: str) -> Principal:
        """The principal a bearer token stands for.

        Raises:
            ApiError: 401 for a bad signature, an expired or revoked token, an unknown user.
        """
        now = self.clock.now()
        if token_store.is_api_token(token):
            record = await self._integration_token(token, now)
            loaded = await self.load(record.user_id)
            if loaded is None:
                raise _unauthenticated("the account of this token was deleted")
            user, grants = loaded
            return Principal.build(
                user,
                grants,
                now=self.hub.now(),
                token_kind=TokenKind.INTEGRATION,
                space_limit=frozenset(record.space_ids) if record.space_ids else None,
            )
        user_id = await self._access_token_user(token, now)
        loaded = await self.load(user_id)
        if loaded is None:
            raise _unauthenticated("the account of this token was deleted; sign in again")
        user, grants = loaded
        return Principal.build(user, grants, now=self.hub.now())

    async def _access_token_user(self, token: str, now: float) -> str:
        """The user id of a valid access token (signature checked once per token)."""
        verified = self._verified.get(token)
        if verified is None:
            try:
                claims = jwt.decode(
                    token,
                    await self._signing_key(),
                    algorithms=[_ALGORITHM],
                    options={"require": ["sub", "exp", "iat"], "verify_exp": False},
                )
            except jwt.PyJWTError:
                raise _unauthenticated(
                    "the access token is not valid (bad signature or format); sign in again"
                ) from None
            exp = claims.get("exp")
            if not isinstance(exp, int | float) or claims.get("typ") != "access":
                raise _unauthenticated("this is not an access token; send the access_token")
            if len(self._verified) >= _VERIFIED_MAX:
                self._verified.clear()
            verified = self._verified[token] = (float(exp), str(claims["sub"]))
        exp, user_id = verified
        if exp <= now:
            raise _unauthenticated("the access token has expired; refresh it or sign in again")
        return user_id

    async def _integration_token(self, token: str, now: float) -> token_store.ApiToken:
        """The record of a valid integration token (looked up at most every few seconds)."""
        cached = self._api_tokens.get(token)
        fresh = cached is not None and time.monotonic() - cached[0] < self.settings.account_cache_s
        if cached is not None and fresh:
            record = cached[1]
            if record.expires_at is not None and record.expires_at <= now:
                raise _unauthenticated("the integration token has expired; create a new one")
            return record
        found = await token_store.verify_api_token(self.db, token, now=now)
        if found is None:
            self._api_tokens.pop(token, None)
            raise _unauthenticated(
                "the integration token is unknown, revoked or expired; create a new one"
            )
        if len(self._api_tokens) >= _VERIFIED_MAX:
            self._api_tokens.clear()
        self._api_tokens[token] = (time.monotonic(), found)
        if found.last_used_at is None or now - found.last_used_at >= _TOUCH_EVERY_S:
            # Shown next to each token so forgotten ones can be spotted; once a minute is enough.
            await token_store.touch_api_token(self.db, found.id, now=now)
        return found

    async def principal(
        self,
        user_id: str,
        *,
        space_limit: frozenset[str] | None = None,
        token_kind: TokenKind = TokenKind.ACCESS,
    ) -> Principal | None:
        """A fresh principal of a user (a WebSocket rebuilds its own when a grant expires)."""
        self._cache.pop(user_id, None)
        loaded = await self.load(user_id)
        if loaded is None:
            return None
        user, grants = loaded
        return Principal.build(
            user, grants, now=self.hub.now(), token_kind=token_kind, space_limit=space_limit
        )

    # -- account cache ------------------------------------------------------------------------
    async def load(self, user_id: str) -> tuple[User, list[Grant]] | None:
        """A user and all their grants, from a short-lived cache (see ``account_cache_s``)."""
        now = time.monotonic()
        cached = self._cache.get(user_id)
        if cached is not None and now - cached[0] < self.settings.account_cache_s:
            return cached[1], cached[2]
        user = await user_store.get_user(self.db, user_id)
        if user is None:
            self._cache.pop(user_id, None)
            return None
        grants = await user_store.list_grants(self.db, user_id)
        self._cache[user_id] = (now, user, grants)
        return user, grants

    def forget(self, user_id: str | None = None) -> None:
        """Drop cached accounts (one, or all) after a change."""
        self.revision += 1
        self._api_tokens.clear()
        if user_id is None:
            self._cache.clear()
        else:
            self._cache.pop(user_id, None)

    # -- login --------------------------------------------------------------------------------
    def check_limits(self, username: str, address: str) -> None:
        """Refuse with 429 when the user name or the address failed too often."""
        now = self.clock.now()
        waits = [
            self.limiter.retry_after(
                f"user:{username.lower()}", self.settings.login_failures_per_user, now
            ),
            self.limiter.retry_after(
                f"addr:{address}", self.settings.login_failures_per_address, now
            ),
        ]
        wait = max((w for w in waits if w is not None), default=None)
        if wait is not None:
            seconds = int(wait + 0.999)
            raise ApiError(
                429,
                "rate_limited",
                f"too many failed sign-ins; wait {seconds} s before trying again",
                detail={"retry_after": seconds},
                headers={"Retry-After": str(seconds)},
            )

    async def login(self, username: str, password: str, address: str) -> tuple[User, TokenPair]:
        """Check a password and hand out tokens.

        Raises:
            ApiError: 429 when rate limited, 401 when the name or password is wrong.
        """
        self.check_limits(username, address)
        user = await user_store.get_user_by_username(self.db, username)
        if not await self.verify_password(user, password) or user is None:
            now = self.clock.now()
            self.limiter.fail(f"user:{username.lower()}", now)
            self.limiter.fail(f"addr:{address}", now)
            raise _unauthenticated("wrong user name or password; check both and try again")
        self.limiter.clear(f"user:{username.lower()}")
        return user, await self.issue(user)
