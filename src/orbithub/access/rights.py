"""An automation owner's rights, read from the accounts as they are at the moment of a command."""

from __future__ import annotations

from orbithub.access.roles import Principal
from orbithub.core.hub import Hub
from orbithub.storage.db import Database
from orbithub.storage.users import get_user, list_grants

__all__ = ["StoredOwnerRights"]


class StoredOwnerRights:
    """Builds a user's principal from the database per command, so a revoked grant counts at once.

    Args:
        db: the accounts' database.
        hub: whose clock decides which grants have expired.
    """

    def __init__(self, db: Database, hub: Hub) -> None:
        self._db = db
        self._hub = hub

    async def __call__(self, user_id: str) -> Principal | None:
        """The principal of the user ``user_id`` now, None when no such user exists."""
        user = await get_user(self._db, user_id)
        if user is None:
            return None
        grants = await list_grants(self._db, user.id)
        return Principal.build(user, grants, now=self._hub.now())
