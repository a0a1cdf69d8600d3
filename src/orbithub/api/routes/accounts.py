"""Owner-only account management: users and their grants."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from orbithub.api.deps import AccountsDep, HubDep, OwnerPrincipal, audit
from orbithub.api.errors import ApiError, said
from orbithub.api.rights import Right, requires
from orbithub.api.routes.auth import grant_out, user_out
from orbithub.api.schemas import GrantIn, GrantOut, UserCreate, UserOut, UserPatch
from orbithub.api.services import services_of
from orbithub.core.hub import Hub
from orbithub.storage import users as user_store
from orbithub.storage.db import Database
from orbithub.storage.users import Role, User, UsernameTakenError

__all__ = ["check_grant", "router"]

router = APIRouter(tags=["accounts"])

_NOT_OWNER: dict[int | str, dict[str, Any]] = {
    403: {"description": "only an owner may manage accounts"}
}


def _no_user(user_id: str) -> ApiError:
    return said(404, "not_found", "users.not_found", user=user_id)


async def _user(accounts_db: Database, user_id: str) -> User:
    user = await user_store.get_user(accounts_db, user_id)
    if user is None:
        raise _no_user(user_id)
    return user


async def _recount_presence(request: Request, accounts: AccountsDep) -> None:
    """Tell presence tracking whose phones count, after a user or their setting changed."""
    tracker = services_of(request).presence
    if tracker is not None:
        tracker.set_uncounted(await user_store.uncounted_people(accounts.db))


def check_grant(hub: Hub, role: Role, body: GrantIn, now: float) -> None:
    """Refuse (422) a grant naming unknown places, or one a guest may not have.

    Raises:
        ApiError: 422 naming what is wrong.
    """
    if hub.registry.spaces() and body.space_id not in {s.id for s in hub.registry.spaces()}:
        raise said(422, "unknown_space", "grants.unknown_space", space=body.space_id)
    rooms = {r.id for r in hub.registry.rooms(body.space_id)}
    bad_rooms = [r for r in body.room_ids or () if r not in rooms]
    if bad_rooms:
        raise said(
            422,
            "unknown_room",
            "grants.unknown_rooms",
            detail={"room_ids": bad_rooms},
            rooms=", ".join(bad_rooms),
            space=body.space_id,
        )
    devices = {d.id for d in hub.registry.devices(space_id=body.space_id)}
    bad_devices = [d for d in body.device_ids or () if d not in devices]
    if bad_devices:
        raise said(
            422,
            "unknown_device",
            "grants.unknown_devices",
            detail={"device_ids": bad_devices},
            devices=", ".join(bad_devices),
            space=body.space_id,
        )
    if role is Role.GUEST and not (body.room_ids or body.device_ids):
        raise said(422, "guest_needs_scope", "users.guest_needs_scope")
    if body.expires_at is not None and body.expires_at <= now:
        raise said(422, "already_expired", "users.already_expired")


@router.get("/api/users", responses=_NOT_OWNER, openapi_extra=requires(Right.OWNER))
async def list_users(_owner: OwnerPrincipal, accounts: AccountsDep) -> list[UserOut]:
    """Every user of the hub."""
    return [user_out(u) for u in await user_store.list_users(accounts.db)]


@router.post(
    "/api/users",
    status_code=201,
    responses={**_NOT_OWNER, 409: {"description": "taken"}},
    openapi_extra=requires(Right.OWNER),
)
async def create_user(
    body: UserCreate, request: Request, owner: OwnerPrincipal, accounts: AccountsDep
) -> UserOut:
    """Add a user with a role (then give them grants)."""
    try:
        user = await user_store.create_user(
            accounts.db,
            username=body.username,
            display_name=body.display_name or body.username,
            role=body.role,
            language=body.language or "en",
            password_hash=await accounts.hash_password(body.password),
            now=accounts.hub.now(),
        )
    except UsernameTakenError:
        raise said(409, "username_taken", "users.username_taken", name=body.username) from None
    assert user is not None  # noqa: S101 - only onboarding asks for only_if_none
    await _recount_presence(request, accounts)
    await audit(
        request, owner, action="user.create", target=user.username, detail={"role": str(user.role)}
    )
    return user_out(user)


async def _owners(accounts: AccountsDep) -> list[User]:
    return [u for u in await user_store.list_users(accounts.db) if u.role is Role.OWNER]


@router.patch(
    "/api/users/{user_id}",
    responses={**_NOT_OWNER, 404: {"description": "unknown user"}},
    openapi_extra=requires(Right.OWNER),
)
async def update_user(
    user_id: str, body: UserPatch, request: Request, owner: OwnerPrincipal, accounts: AccountsDep
) -> UserOut:
    """Change a user's name, role, language, password, or whether their phones count.

    A guest's phones count toward presence only when an owner says so (``counts_for_presence``).
    """
    user = await _user(accounts.db, user_id)
    if (
        user.role is Role.OWNER
        and body.role is not None
        and body.role is not Role.OWNER
        and len(await _owners(accounts)) == 1
    ):
        raise said(409, "last_owner", "users.last_owner")
    password_hash = None if body.password is None else await accounts.hash_password(body.password)
    updated = await user_store.update_user(
        accounts.db,
        user_id,
        display_name=body.display_name,
        role=body.role,
        language=body.language,
        password_hash=password_hash,
        counts_for_presence=body.counts_for_presence,
    )
    if updated is None:
        raise _no_user(user_id)
    await _recount_presence(request, accounts)
    if password_hash is not None:
        # update_user bumped the session epoch: their tokens and live connections end now.
        await accounts.end_sessions(user_id, bump=False)
    accounts.forget(user_id)
    fields = sorted(k for k, v in body.model_dump().items() if v is not None)
    await audit(
        request,
        owner,
        action="user.update",
        target=updated.username,
        detail={"fields": fields, **({"role": str(body.role)} if body.role else {})},
    )
    return user_out(updated)


@router.delete(
    "/api/users/{user_id}",
    status_code=204,
    responses={**_NOT_OWNER, 404: {"description": "unknown"}},
    openapi_extra=requires(Right.OWNER),
)
async def delete_user(
    user_id: str, request: Request, owner: OwnerPrincipal, accounts: AccountsDep
) -> Response:
    """Delete a user, their grants and their tokens."""
    user = await _user(accounts.db, user_id)
    if user.role is Role.OWNER and len(await _owners(accounts)) == 1:
        raise said(409, "last_owner", "users.last_owner")
    await user_store.delete_user(accounts.db, user_id)
    accounts.forget(user_id)
    await _recount_presence(request, accounts)
    await audit(request, owner, action="user.delete", target=user.username)
    return Response(status_code=204)


@router.get(
    "/api/users/{user_id}/grants",
    responses={**_NOT_OWNER, 404: {"description": "unknown"}},
    openapi_extra=requires(Right.OWNER),
)
async def list_grants(
    user_id: str, _owner: OwnerPrincipal, accounts: AccountsDep
) -> list[GrantOut]:
    """A user's grants, expired ones included."""
    await _user(accounts.db, user_id)
    return [grant_out(g) for g in await user_store.list_grants(accounts.db, user_id)]


@router.post(
    "/api/users/{user_id}/grants",
    status_code=201,
    responses={**_NOT_OWNER, 404: {"description": "unknown user"}},
    openapi_extra=requires(Right.OWNER),
)
async def add_grant(
    user_id: str,
    body: GrantIn,
    request: Request,
    owner: OwnerPrincipal,
    accounts: AccountsDep,
    hub: HubDep,
) -> GrantOut:
    """Give a user access to a space, or to some of its rooms/devices, optionally until a time."""
    user = await _user(accounts.db, user_id)
    check_grant(hub, user.role, body, hub.now())
    grant = await user_store.add_grant(
        accounts.db,
        user_id=user_id,
        space_id=body.space_id,
        room_ids=body.room_ids,
        device_ids=body.device_ids,
        expires_at=body.expires_at,
        now=hub.now(),
    )
    accounts.forget(user_id)
    await audit(
        request,
        owner,
        action="grant.create",
        target=user.username,
        space_id=body.space_id,
        detail={"grant_id": grant.id, **body.model_dump()},
    )
    return grant_out(grant)


@router.delete(
    "/api/grants/{grant_id}",
    status_code=204,
    responses={**_NOT_OWNER, 404: {"description": "unknown"}},
    openapi_extra=requires(Right.OWNER),
)
async def delete_grant(
    grant_id: str, request: Request, owner: OwnerPrincipal, accounts: AccountsDep
) -> Response:
    """Take a grant away."""
    grant = await user_store.get_grant(accounts.db, grant_id)
    if grant is None:
        raise said(404, "not_found", "grants.not_found", grant=grant_id)
    await user_store.delete_grant(accounts.db, grant_id)
    accounts.forget(grant.user_id)
    await audit(
        request,
        owner,
        action="grant.delete",
        target=grant_id,
        space_id=grant.space_id,
        detail={"user_id": grant.user_id},
    )
    return Response(status_code=204)
