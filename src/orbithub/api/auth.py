"""Sign-in: password hashing, access and refresh tokens, integration tokens, sessions.

* Passwords are hashed with argon2id (argon2-cffi), off the event loop.
* Access tokens are JWTs (HS256) valid for minutes. Each names its sign-in session (``sid``,
  the refresh-token family) and the user's session epoch (``ver``): signing out ends the
  session, and a password change bumps the epoch, so older tokens stop working at once.
  A token claiming a longer life than the hub gives (``exp - iat``) is refused.
* The signing key is a 0600 file in the data directory (:mod:`orbithub.api.signing_key`),
  handed over in the settings; an app embedded without one keeps a key in the database.
* Refresh tokens are opaque, stored hashed, and rotate on every use; presenting one that was
  already rotated revokes its whole family (a stolen token is useless once either side uses
  it again).
* Integration tokens are long-lived, stored hashed, shown once, and may be limited to spaces.
* Failed logins are limited per user name and address (:mod:`orbithub.api.login_limits`).
"""

from __future__ import annotations

import asyncio
import secrets
import time
import uuid
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from orbithub.access import Principal, TokenKind
from orbithub.api.access_tokens import (
    AccessClaims,
    decode_access_token,
    encode_access_token,
    unauthenticated,
)
from orbithub.api.errors import said
from orbithub.api.login_limits import LoginLimiter
from orbithub.api.settings import ApiSettings
from orbithub.core.clock import Clock, SystemClock
from orbithub.core.hub import Hub
from orbithub.storage import tokens as token_store
from orbithub.storage import users as user_store
from orbithub.storage.db import Database
from orbithub.storage.users import Grant, User

__all__ = ["Accounts", "TokenPair", "password_hasher"]

_VERIFIED_MAX = 4096  # tokens whose signature was checked, kept to skip checking again
_TOUCH_EVERY_S = 60.0
_SECRET_NAME = "jwt-signing-key"  # noqa: S105 - the name of the key, not the key


@dataclass(frozen=True, slots=True)
class TokenPair:
    """What a login or a refresh hands out."""

    access_token: str
    refresh_token: str
    expires_in: float


def password_hasher(settings: ApiSettings) -> PasswordHasher:
    """The argon2id hasher with the cost ``settings`` asks for (the command line shares it)."""
    return PasswordHasher(
        time_cost=settings.password_time_cost,
        memory_cost=settings.password_memory_kib,
        parallelism=1,
    )


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
        self.limiter = LoginLimiter(settings.login_policy)
        self._hasher = password_hasher(settings)
        self._secret = settings.jwt_secret
        self._secret_lock = asyncio.Lock()
        self._dummy_hash: str | None = None
        self._cache: dict[str, tuple[float, User, list[Grant]]] = {}
        self._verified: dict[str, AccessClaims] = {}
        self._api_tokens: dict[str, tuple[float, token_store.ApiToken]] = {}
        self._sessions: dict[str, tuple[float, bool]] = {}
        self._changed = asyncio.Event()
        self.revision = 0
        """Bumped by every account change made here; live connections rebuild their principal."""

    # -- change notices -------------------------------------------------------------------------
    def changed(self) -> asyncio.Event:
        """An event set at the next account or session change (live connections wait on it)."""
        return self._changed

    def _notify(self) -> None:
        done, self._changed = self._changed, asyncio.Event()
        done.set()

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

    async def access_token(self, user: User, session_id: str) -> str:
        """A signed access token for ``user`` in the sign-in session ``session_id``."""
        return encode_access_token(
            await self._signing_key(),
            user_id=user.id,
            username=user.username,
            epoch=user.session_epoch,
            session_id=session_id,
            now=self.clock.now(),
            ttl=self.settings.access_ttl,
        )

    async def issue(self, user: User, *, family_id: str | None = None) -> TokenPair:
        """A new access token and a new refresh token (a new family) for ``user``."""
        family = family_id or uuid.uuid4().hex
        refresh = await token_store.issue_refresh_token(
            self.db,
            user_id=user.id,
            now=self.clock.now(),
            ttl=self.settings.refresh_ttl,
            family_id=family,
        )
        return TokenPair(await self.access_token(user, family), refresh, self.settings.access_ttl)

    async def refresh(self, refresh_token: str) -> tuple[User, TokenPair]:
        """Rotate a refresh token.

        Raises:
            ApiError: 401 when it is unknown, expired, revoked or being reused.
        """
        outcome = await token_store.rotate_refresh_token(
            self.db, refresh_token, now=self.clock.now(), ttl=self.settings.refresh_ttl
        )
        if outcome.reused:
            self._sessions.clear()
            self._notify()
            raise unauthenticated("auth.refresh_reused")
        if outcome.user_id is None or outcome.token is None or outcome.family_id is None:
            raise unauthenticated("auth.refresh_invalid")
        user = await user_store.get_user(self.db, outcome.user_id)
        if user is None:
            raise unauthenticated("auth.account_deleted")
        return user, TokenPair(
            await self.access_token(user, outcome.family_id),
            outcome.token,
            self.settings.access_ttl,
        )

    async def logout(self, refresh_token: str, *, everywhere: bool = False) -> None:
        """End the sign-in session of ``refresh_token`` (or every session of its user).

        Its access tokens stop working and its live connections close within seconds.
        """
        now = self.clock.now()
        user_id = await token_store.revoke_refresh_family(self.db, refresh_token, now=now)
        if user_id is not None and everywhere:
            await self.end_sessions(user_id)
            return
        self._sessions.clear()
        self._notify()

    async def end_sessions(self, user_id: str, *, bump: bool = True) -> None:
        """Sign ``user_id`` out everywhere: refresh tokens revoked, access tokens refused.

        Args:
            user_id: whose sessions end.
            bump: bump the session epoch (False when a password change already did).
        """
        if bump:
            await user_store.end_sessions(self.db, user_id)
        await token_store.revoke_user_refresh_tokens(self.db, user_id, now=self.clock.now())
        self._sessions.clear()
        self.forget(user_id)

    async def authenticate(self, token: str) -> Principal:
        """The principal a bearer token stands for.

        Raises:
            ApiError: 401 for a bad signature, an expired or revoked token, an unknown user,
                a signed-out session or a token from before a password change.
        """
        now = self.clock.now()
        if token_store.is_api_token(token):
            record = await self._integration_token(token, now)
            loaded = await self.load(record.user_id)
            if loaded is None:
                raise unauthenticated("auth.account_deleted")
            user, grants = loaded
            return Principal.build(
                user,
                grants,
                now=self.hub.now(),
                token_kind=TokenKind.INTEGRATION,
                space_limit=frozenset(record.space_ids) if record.space_ids else None,
                token_expires_at=record.expires_at,
            )
        claims = await self._access_claims(token, now)
        loaded = await self.load(claims.user_id)
        if loaded is None:
            raise unauthenticated("auth.account_deleted")
        user, grants = loaded
        if claims.epoch != user.session_epoch:
            raise unauthenticated("auth.signed_out")
        if not await self._session_alive(claims.session_id):
            raise unauthenticated("auth.session_ended")
        return Principal.build(
            user,
            grants,
            now=self.hub.now(),
            session_id=claims.session_id,
            token_expires_at=claims.expires_at,
        )

    async def _access_claims(self, token: str, now: float) -> AccessClaims:
        """What a valid access token says (its signature is checked once per token)."""
        claims = self._verified.get(token)
        if claims is None:
            claims = decode_access_token(
                await self._signing_key(), token, now=now, ttl=self.settings.access_ttl
            )
            if len(self._verified) >= _VERIFIED_MAX:
                self._verified.clear()
            self._verified[token] = claims
        if claims.expires_at <= now:
            raise unauthenticated("auth.access_expired")
        return claims

    async def _session_alive(self, session_id: str) -> bool:
        cached = self._sessions.get(session_id)
        if cached is not None and time.monotonic() - cached[0] < self.settings.account_cache_s:
            return cached[1]
        alive = await token_store.session_alive(self.db, session_id)
        if len(self._sessions) >= _VERIFIED_MAX:
            self._sessions.clear()
        self._sessions[session_id] = (time.monotonic(), alive)
        return alive

    async def _integration_token(self, token: str, now: float) -> token_store.ApiToken:
        """The record of a valid integration token (looked up at most every few seconds)."""
        cached = self._api_tokens.get(token)
        fresh = cached is not None and time.monotonic() - cached[0] < self.settings.account_cache_s
        if cached is not None and fresh:
            record = cached[1]
            if record.expires_at is not None and record.expires_at <= now:
                raise unauthenticated("auth.integration_expired")
            return record
        found = await token_store.verify_api_token(self.db, token, now=now)
        if found is None:
            self._api_tokens.pop(token, None)
            raise unauthenticated("auth.integration_unknown")
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
        self._notify()

    # -- login --------------------------------------------------------------------------------
    def check_limits(self, username: str, address: str) -> None:
        """Refuse with 429 while this user name from this address (or the address) must wait."""
        wait = self.limiter.retry_after(username, address, self.clock.now())
        if wait is not None:
            seconds = int(wait + 0.999)
            raise said(
                429,
                "rate_limited",
                "auth.rate_limited",
                detail={"retry_after": seconds},
                headers={"Retry-After": str(seconds)},
                seconds=seconds,
            )

    async def login(self, username: str, password: str, address: str) -> tuple[User, TokenPair]:
        """Check a password and hand out tokens.

        Raises:
            ApiError: 429 when rate limited, 401 when the name or password is wrong.
        """
        self.check_limits(username, address)
        user = await user_store.get_user_by_username(self.db, username)
        if not await self.verify_password(user, password) or user is None:
            self.limiter.fail(username, address, self.clock.now())
            raise unauthenticated("auth.wrong_login")
        self.limiter.succeed(username, address)
        return user, await self.issue(user)
