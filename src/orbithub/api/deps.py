"""FastAPI dependencies every route module uses: who is asking, the hub, the database.

A route module of another area needs only this module::

    from orbithub.api.deps import CurrentPrincipal, HubDep, device_for_control

    @router.post("/api/things/{device_id}/poke")
    async def poke(device_id: str, principal: CurrentPrincipal, hub: HubDep) -> ...:
        device = device_for_control(principal, hub, device_id)

Role semantics are documented (and decided) in :mod:`orbithub.access.roles`; every command
goes through the guarded entry :class:`orbithub.access.Commands` (``CommandsDep``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from orbithub.access import Commands, Principal, Role, TokenKind, is_security_device
from orbithub.api.auth import Accounts
from orbithub.api.errors import ApiError, said
from orbithub.core.hub import Hub
from orbithub.core.registry import Device
from orbithub.storage.audit import write_audit
from orbithub.storage.db import Database

__all__ = [
    "AccountsDep",
    "AdultPrincipal",
    "CommandsDep",
    "CurrentPrincipal",
    "DbDep",
    "HubDep",
    "OwnerPrincipal",
    "Principal",
    "Role",
    "SignedInPrincipal",
    "TokenKind",
    "audit",
    "client_address",
    "current_principal",
    "device_for_control",
    "device_for_view",
    "get_accounts",
    "get_commands",
    "get_db",
    "get_hub",
    "require_adult",
    "require_owner",
    "require_signed_in",
]

_bearer = HTTPBearer(
    auto_error=False,
    description="An access token from /api/auth/login, or an integration token from /api/tokens",
)


def get_hub(request: Request) -> Hub:
    """The hub the app serves."""
    hub = request.app.state.hub
    assert isinstance(hub, Hub)  # noqa: S101 - create_app sets it
    return hub


def get_db(request: Request) -> Database:
    """The hub's database."""
    db = request.app.state.db
    assert isinstance(db, Database)  # noqa: S101 - create_app sets it
    return db


def get_accounts(request: Request) -> Accounts:
    """The sign-in service."""
    accounts = request.app.state.accounts
    assert isinstance(accounts, Accounts)  # noqa: S101 - create_app sets it
    return accounts


def get_commands(request: Request) -> Commands:
    """The guarded command entry every command of the API goes through."""
    commands = request.app.state.commands
    assert isinstance(commands, Commands)  # noqa: S101 - create_app sets it
    return commands


async def _commands(request: Request) -> Commands:
    return get_commands(request)


async def _hub(request: Request) -> Hub:
    return get_hub(request)


async def _db(request: Request) -> Database:
    return get_db(request)


async def _accounts(request: Request) -> Accounts:
    return get_accounts(request)


# The dependencies are coroutines so FastAPI runs them on the loop: it sends a plain function
# dependency to a worker thread on every request, which cost a third of a small request.
HubDep = Annotated[Hub, Depends(_hub)]
DbDep = Annotated[Database, Depends(_db)]
AccountsDep = Annotated[Accounts, Depends(_accounts)]
CommandsDep = Annotated[Commands, Depends(_commands)]


def client_address(request: Request) -> str:
    """The caller's address, for login limits (a trusted proxy's ``X-Forwarded-For``)."""
    return request.client.host if request.client is not None else "unknown"


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller, from ``Authorization: Bearer <token>``.

    Raises:
        ApiError: 401 without a token or with an invalid, expired or revoked one.
    """
    if credentials is None:
        raise said(
            401, "unauthenticated", "auth.sign_in_first", headers={"WWW-Authenticate": "Bearer"}
        )
    principal = await get_accounts(request).authenticate(credentials.credentials)
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


async def require_signed_in(principal: CurrentPrincipal) -> Principal:
    """The caller, signed in with a password (403 for an integration token).

    Account routes (your password, users, grants) are never open to a script's token, so a
    leaked token cannot take the account over.
    """
    if not principal.signed_in:
        raise said(403, "signed_in_only", "auth.signed_in_only")
    return principal


async def require_owner(principal: CurrentPrincipal) -> Principal:
    """The caller, who must be an owner signed in with a password (403 otherwise).

    An owner's integration token acts with the owner's access to devices, but never reaches
    owner routes: a token limited to one space must not grow into the whole hub.
    """
    if not principal.is_owner:
        raise said(403, "forbidden", "access.owner_only")
    await require_signed_in(principal)
    return principal


async def require_adult(principal: CurrentPrincipal) -> Principal:
    """The caller, who must be an owner or an adult (403 otherwise)."""
    if not principal.is_adult:
        raise said(403, "forbidden", "access.adult_only")
    return principal


SignedInPrincipal = Annotated[Principal, Depends(require_signed_in)]
OwnerPrincipal = Annotated[Principal, Depends(require_owner)]
AdultPrincipal = Annotated[Principal, Depends(require_adult)]


def _not_found(device_id: str) -> ApiError:
    return said(404, "not_found", "access.no_device", device=device_id)


def device_for_view(principal: Principal, hub: Hub, device_id: str) -> Device:
    """The device, when the caller may see it.

    Raises:
        ApiError: 404 for an unknown device or one the caller may not see (the two look the
            same, so ids of other people's devices do not leak).
    """
    device = hub.registry.find_device(device_id)
    if device is None or not principal.can_view_device(device):
        raise _not_found(device_id)
    return device


def device_for_control(principal: Principal, hub: Hub, device_id: str) -> Device:
    """The device, when the caller may command it.

    Raises:
        ApiError: 404 unknown or invisible; 403 visible but not controllable by the caller.
    """
    device = device_for_view(principal, hub, device_id)
    if not principal.can_control_device(device):
        key = "access.security_device" if is_security_device(device) else "access.see_not_control"
        raise said(
            403,
            "forbidden",
            key,
            detail={"device_id": device.id},
            name=device.name,
            role=principal.role,
        )
    return device


async def audit(
    request: Request,
    principal: Principal | None,
    *,
    action: str,
    target: str,
    result: str = "ok",
    space_id: str | None = None,
    detail: Mapping[str, object] | None = None,
) -> None:
    """Write one audit entry for the current request (actor = the caller's user name)."""
    extra: dict[str, object] = dict(detail or {})
    if principal is not None and principal.token_kind is TokenKind.INTEGRATION:
        extra.setdefault("via", "integration token")
    await write_audit(
        get_db(request),
        actor=principal.username if principal is not None else "anonymous",
        action=action,
        target=target,
        result=result,
        space_id=space_id,
        detail=extra,
        time=get_hub(request).now(),
    )
