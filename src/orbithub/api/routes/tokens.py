"""Long-lived integration tokens: create (the secret is shown once), list, revoke.

Owners and adults may create tokens for themselves; a token acts as its creator and never has
more rights than they have (``space_ids`` can only narrow them). Owners signed in with their
password see and revoke every token; others, and anyone using an integration token, only their
own. A token may create tokens only within its own scope: no more spaces, no later expiry.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from orbithub.api.deps import AccountsDep, AdultPrincipal, Principal, TokenKind, audit
from orbithub.api.errors import said
from orbithub.api.rights import Right, requires
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


def _whose(principal: Principal) -> str | None:
    """Whose tokens the caller manages: everyone's for a signed-in owner, else their own."""
    return None if principal.is_owner and principal.signed_in else principal.user_id


def _scope(principal: Principal, body: IntegrationTokenIn) -> tuple[list[str], float | None]:
    """The spaces and expiry of a new token: never wider than the token asking for it.

    Raises:
        ApiError: 403 when a token asks for spaces or a lifetime beyond its own.
    """
    spaces = list(body.space_ids)
    expires_at = body.expires_at
    if principal.space_limit is not None:
        if not spaces:
            # An empty list means "every space I may reach": for a scoped token, its own.
            spaces = sorted(principal.space_limit)
        wider = [s for s in spaces if s not in principal.space_limit]
        if wider:
            raise said(
                403,
                "beyond_token_scope",
                "tokens.beyond_spaces",
                limit=", ".join(sorted(principal.space_limit)),
                wider=", ".join(wider),
            )
    if principal.token_kind is TokenKind.INTEGRATION and principal.token_expires_at is not None:
        if expires_at is None:
            expires_at = principal.token_expires_at
        elif expires_at > principal.token_expires_at:
            raise said(403, "beyond_token_scope", "tokens.outlives")
    return spaces, expires_at


@router.get(
    "/api/tokens",
    responses={403: {"description": "children and guests have none"}},
    openapi_extra=requires(Right.ADULT),
)
async def list_tokens(
    principal: AdultPrincipal, accounts: AccountsDep
) -> list[IntegrationTokenOut]:
    """Your integration tokens (a signed-in owner sees everyone's); never their secrets."""
    return [
        _token_out(t) for t in await token_store.list_api_tokens(accounts.db, _whose(principal))
    ]


@router.post(
    "/api/tokens",
    status_code=201,
    responses={403: {"description": "owner or adult; a token only within its own scope"}},
    openapi_extra=requires(Right.ADULT),
)
async def create_token(
    body: IntegrationTokenIn,
    request: Request,
    principal: AdultPrincipal,
    accounts: AccountsDep,
) -> IntegrationTokenOut:
    """Create an integration token; copy ``token`` now, it is never shown again."""
    space_ids, expires_at = _scope(principal, body)
    unknown = [s for s in space_ids if not principal.can_view_space(s)]
    if unknown:
        raise said(422, "unknown_space", "tokens.unknown_spaces", spaces=", ".join(unknown))
    now = accounts.clock.now()
    if expires_at is not None and expires_at <= now:
        raise said(422, "already_expired", "users.already_expired")
    token, record = await token_store.create_api_token(
        accounts.db,
        user_id=principal.user_id,
        name=body.name,
        space_ids=space_ids,
        expires_at=expires_at,
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
    "/api/tokens/{token_id}",
    status_code=204,
    responses={404: {"description": "unknown"}},
    openapi_extra=requires(Right.ADULT),
)
async def delete_token(
    token_id: str, request: Request, principal: AdultPrincipal, accounts: AccountsDep
) -> Response:
    """Revoke an integration token at once."""
    if not await token_store.delete_api_token(accounts.db, token_id, _whose(principal)):
        raise said(404, "not_found", "tokens.not_found", token=token_id)
    accounts.forget(principal.user_id)  # the token stops working at once
    await audit(request, principal, action="token.delete", target=token_id)
    return Response(status_code=204)
