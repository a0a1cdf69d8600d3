"""Which discovered security devices an owner has approved, and who did, and when."""

from __future__ import annotations

import sqlalchemy as sa

from orbithub.storage.db import Database
from orbithub.storage.tables import device_approvals

__all__ = ["approve_device", "approved_devices"]


async def approved_devices(db: Database) -> set[str]:
    """The ids of every approved device."""
    async with db.engine.connect() as conn:
        rows = await conn.execute(sa.select(device_approvals.c.device_id))
        return {str(r.device_id) for r in rows}


async def approve_device(db: Database, device_id: str, *, by: str, time: float) -> bool:
    """Record an approval; False when the device was approved already (kept as it was)."""
    async with db.engine.begin() as conn:
        known = await conn.scalar(
            sa.select(device_approvals.c.device_id).where(device_approvals.c.device_id == device_id)
        )
        if known is not None:
            return False
        await conn.execute(
            device_approvals.insert().values(device_id=device_id, approved_by=by, approved_at=time)
        )
        return True
