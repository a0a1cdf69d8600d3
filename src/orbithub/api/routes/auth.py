"""Onboarding (the first user becomes the owner), sign-in, token refresh, sign-out, /api/me."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from orbithub.api.deps import AccountsDep, CurrentPrincipal, DbDep, audit, client_address
from orbithub.api.errors import ApiError
from orbithub.api.schemas import (
    GrantOut,
    LoginIn,
    MeOut,
    MePatch,
    OnboardingIn,
    OnboardingOut,
    RefreshIn,
    TokensOut,
    UserOut,
)
from orbithub.storage import tokens as token_store
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


@router.get("/api/onboarding")
async def onboarding_needed(db: DbDep) -> OnboardingOut:
    """Whether the hub still needs its owner (no user exists yet)."""
    return OnboardingOut(needed=await user_store.count_users(db) == 0)


@router.post(
    "/api/onboarding",
    responses={409: {"description": "the hub already has users; sign in instead"}},
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
        raise ApiError(
            409, "already_onboarded", "the hub already has an owner; sign in at /api/auth/login"
        )
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


@router.post("/api/auth/refresh", responses={401: {"description": "invalid or reused token"}})
async def refresh(body: RefreshIn, accounts: AccountsDep) -> TokensOut:
    """Exchange a refresh token for a new pair (the old refresh token stops working)."""
    user, pair = await accounts.refresh(body.refresh_token)
    return TokensOut(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
        user=user_out(user),
    )


@router.post("/api/auth/logout", status_code=204)
async def logout(body: RefreshIn, accounts: AccountsDep) -> Response:
    """Sign out: the refresh token and every token rotated from the same login stop working."""
    await token_store.revoke_refresh_family(
        accounts.db, body.refresh_token, now=accounts.clock.now()
    )
    return Response(status_code=204)


@router.get("/api/me")
async def me(principal: CurrentPrincipal, accounts: AccountsDep) -> MeOut:
    """The signed-in user and their active grants."""
    loaded = await accounts.load(principal.user_id)
    if loaded is None:
        raise ApiError(401, "unauthenticated", "the account was deleted; sign in again")
    user, _ = loaded
    return MeOut(user=user_out(user), grants=[grant_out(g) for g in principal.grants])


@router.patch("/api/me")
async def update_me(
    body: MePatch, request: Request, principal: CurrentPrincipal, accounts: AccountsDep
) -> MeOut:
    """Change your own language, display name or password (a new password signs out others)."""
    password_hash = None if body.password is None else await accounts.hash_password(body.password)
    user = await user_store.update_user(
        accounts.db,
        principal.user_id,
        display_name=body.display_name,
        language=body.language,
        password_hash=password_hash,
    )
    if user is None:
        raise ApiError(401, "unauthenticated", "the account was deleted; sign in again")
    if password_hash is not None:
        await token_store.revoke_user_refresh_tokens(accounts.db, user.id, now=accounts.clock.now())
    accounts.forget(user.id)
    changed = sorted(k for k, v in body.model_dump().items() if v is not None)
    await audit(
        request, principal, action="me.update", target=user.username, detail={"fields": changed}
    )
    return MeOut(user=user_out(user), grants=[grant_out(g) for g in principal.grants])
