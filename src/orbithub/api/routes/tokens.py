"""Long-lived integration tokens: create (the secret is shown once), list, revoke.

Owners and adults may create tokens for themselves; a token acts as its creator and never has
more rights than they have (``space_ids`` can only narrow them). Owners see and revoke every
token; others only their own.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from orbithub.api.deps import AccountsDep, AdultPrincipal, audit
from orbithub.api.errors import ApiError
from orbithub.api.schemas import IntegrationTokenIn, IntegrationTokenOut
from orbithub.storage import tokens as token_store
from orbithub.storage.tokens import ApiToken

__all__ = ["router"]

router = APIRouter(tags=["accounts"])


def _token_out(record: ApiToken, token: str | None = None) -> IntegrationTokenOut:
    return IntegrationTokenOut(
        id=record.id,
        name=record.name,
        space_ids=list(record.space_ids),
        created_at=record.created_at,
        expires_at=record.expires_at,
        last_used_at=record.last_used_at,
        token=token,
    )


@router.get("/api/tokens", responses={403: {"description": "children and guests have none"}})
async def list_tokens(
    principal: AdultPrincipal, accounts: AccountsDep
) -> list[IntegrationTokenOut]:
    """Your integration tokens (an owner sees everyone's); never their secrets."""
    owner_id = None if principal.is_owner else principal.user_id
    return [_token_out(t) for t in await token_store.list_api_tokens(accounts.db, owner_id)]


@router.post("/api/tokens", status_code=201, responses={403: {"description": "owner or adult"}})
async def create_token(
    body: IntegrationTokenIn,
    request: Request,
    principal: AdultPrincipal,
    accounts: AccountsDep,
) -> IntegrationTokenOut:
    """Create an integration token; copy ``token`` now, it is never shown again."""
    unknown = [s for s in body.space_ids if not principal.can_view_space(s)]
    if unknown:
        raise ApiError(
            422,
            "unknown_space",
            f"you have no access to spaces {', '.join(unknown)}; a token cannot reach them",
        )
    now = accounts.clock.now()
    if body.expires_at is not None and body.expires_at <= now:
        raise ApiError(422, "already_expired", "expires_at is in the past; pick a later time")
    token, record = await token_store.create_api_token(
        accounts.db,
        user_id=principal.user_id,
        name=body.name,
        space_ids=body.space_ids,
        expires_at=body.expires_at,
        now=now,
    )
    await audit(
        request,
        principal,
        action="token.create",
        target=record.id,
        detail={"name": record.name, "space_ids": list(record.space_ids)},
    )
    return _token_out(record, token)


@router.delete(
    "/api/tokens/{token_id}", status_code=204, responses={404: {"description": "unknown"}}
)
async def delete_token(
    token_id: str, request: Request, principal: AdultPrincipal, accounts: AccountsDep
) -> Response:
    """Revoke an integration token at once."""
    owner_id = None if principal.is_owner else principal.user_id
    if not await token_store.delete_api_token(accounts.db, token_id, owner_id):
        raise ApiError(
            404, "not_found", f"no token {token_id!r} of yours; GET /api/tokens lists them"
        )
    accounts.forget(principal.user_id)  # the token stops working at once
    await audit(request, principal, action="token.delete", target=token_id)
    return Response(status_code=204)
