"""Onboarding (the first user becomes the owner), sign-in, token refresh, sign-out, /api/me."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from orbithub.api.deps import (
    AccountsDep,
    CurrentPrincipal,
    DbDep,
    SignedInPrincipal,
    audit,
    client_address,
)
from orbithub.api.errors import said
from orbithub.api.rights import Right, requires
from orbithub.api.schemas import (
    GrantOut,
    LoginIn,
    LogoutIn,
    MeOut,
    MePatch,
    OnboardingIn,
    OnboardingOut,
    RefreshIn,
    TokensOut,
    UserOut,
)
from orbithub.storage import users as user_store
from orbithub.storage.users import Grant, Role, User

__all__ = ["grant_out", "router", "user_out"]

router = APIRouter(tags=["auth"])


def user_out(user: User) -> UserOut:
    """A user as the API shows it."""
    return UserOut(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        language=user.language,
        counts_for_presence=user.presence_counts,
        security_notices=user.security_notices,
    )


def grant_out(grant: Grant) -> GrantOut:
    """A grant as the API shows it."""
    return GrantOut(
        id=grant.id,
        user_id=grant.user_id,
        space_id=grant.space_id,
        room_ids=None if grant.room_ids is None else list(grant.room_ids),
        device_ids=None if grant.device_ids is None else list(grant.device_ids),
        expires_at=grant.expires_at,
    )


@router.get("/api/onboarding", openapi_extra=requires(Right.PUBLIC))
async def onboarding_needed(db: DbDep) -> OnboardingOut:
    """Whether the hub still needs its owner (no user exists yet)."""
    return OnboardingOut(needed=await user_store.count_users(db) == 0)


@router.post(
    "/api/onboarding",
    responses={409: {"description": "the hub already has users; sign in instead"}},
    openapi_extra=requires(Right.PUBLIC),
)
async def onboard(body: OnboardingIn, request: Request, accounts: AccountsDep) -> TokensOut:
    """Create the first user, the owner, and sign them in (only while no user exists)."""
    user = await user_store.create_user(
        accounts.db,
        username=body.username,
        display_name=body.display_name or body.username,
        role=Role.OWNER,
        language=body.language or "en",
        password_hash=await accounts.hash_password(body.password),
        now=accounts.hub.now(),
        only_if_none=True,
    )
    if user is None:
        raise said(409, "already_onboarded", "auth.already_onboarded")
    pair = await accounts.issue(user)
    await audit(request, None, action="onboarding", target=user.username, detail={"role": "owner"})
    return TokensOut(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
        user=user_out(user),
    )


@router.post(
    "/api/auth/login",
    responses={
        401: {"description": "wrong user name or password"},
        429: {"description": "rate limited"},
    },
    openapi_extra=requires(Right.PUBLIC),
)
async def login(body: LoginIn, request: Request, accounts: AccountsDep) -> TokensOut:
    """Sign in with a user name and password."""
    user, pair = await accounts.login(body.username, body.password, client_address(request))
    return TokensOut(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
        user=user_out(user),
    )


@router.post(
    "/api/auth/refresh",
    responses={401: {"description": "invalid or reused token"}},
    openapi_extra=requires(Right.PUBLIC),
)
async def refresh(body: RefreshIn, accounts: AccountsDep) -> TokensOut:
    """Exchange a refresh token for a new pair (the old refresh token stops working)."""
    user, pair = await accounts.refresh(body.refresh_token)
    return TokensOut(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
        user=user_out(user),
    )


@router.post("/api/auth/logout", status_code=204, openapi_extra=requires(Right.PUBLIC))
async def logout(body: LogoutIn, accounts: AccountsDep) -> Response:
    """Sign out: this session's tokens stop working and its live connections close.

    With ``everywhere``, every session of the user ends the same way.
    """
    await accounts.logout(body.refresh_token, everywhere=body.everywhere)
    return Response(status_code=204)


@router.get("/api/me", openapi_extra=requires(Right.SIGNED_IN))
async def me(principal: CurrentPrincipal, accounts: AccountsDep) -> MeOut:
    """The signed-in user and their active grants."""
    loaded = await accounts.load(principal.user_id)
    if loaded is None:
        raise said(401, "unauthenticated", "auth.account_deleted")
    user, _ = loaded
    return MeOut(user=user_out(user), grants=[grant_out(g) for g in principal.grants])


async def _check_current_password(
    body: MePatch, request: Request, principal: SignedInPrincipal, accounts: AccountsDep
) -> None:
    """Refuse a new password without the right current one.

    Someone at an unlocked phone must not lock its owner out; wrong guesses count toward the
    sign-in limits like any other.
    """
    if body.current_password is None:
        raise said(422, "current_password_required", "auth.current_password_required")
    address = client_address(request)
    accounts.check_limits(principal.username, address)
    loaded = await accounts.load(principal.user_id)
    user = None if loaded is None else loaded[0]
    if not await accounts.verify_password(user, body.current_password):
        accounts.limiter.fail(principal.username, address, accounts.clock.now())
        raise said(403, "wrong_password", "auth.wrong_current_password")


@router.patch(
    "/api/me",
    responses={
        403: {"description": "wrong current password, or an integration token"},
        422: {"description": "a new password without the current one"},
    },
    openapi_extra=requires(Right.SESSION),
)
async def update_me(
    body: MePatch, request: Request, principal: SignedInPrincipal, accounts: AccountsDep
) -> MeOut:
    """Change your own language, display name or password.

    A new password needs ``current_password`` and signs out every session of yours; this one
    goes on with the tokens in the answer.
    """
    password_hash = None
    if body.password is not None:
        await _check_current_password(body, request, principal, accounts)
        password_hash = await accounts.hash_password(body.password)
    user = await user_store.update_user(
        accounts.db,
        principal.user_id,
        display_name=body.display_name,
        language=body.language,
        password_hash=password_hash,
        security_notices=body.security_notices,
    )
    if user is None:
        raise said(401, "unauthenticated", "auth.account_deleted")
    out = MeOut(user=user_out(user), grants=[grant_out(g) for g in principal.grants])
    if password_hash is not None:
        await accounts.end_sessions(user.id, bump=False)  # update_user bumped the epoch
        pair = await accounts.issue(user)
        out.access_token, out.refresh_token = pair.access_token, pair.refresh_token
    accounts.forget(user.id)
    changed = sorted(
        k for k, v in body.model_dump().items() if v is not None and k != "current_password"
    )
    await audit(
        request, principal, action="me.update", target=user.username, detail={"fields": changed}
    )
    return out
