"""Geofence radius per space and an owner per device (presence is worked out per person).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``spaces.radius_m`` and ``devices.owner``."""
    with op.batch_alter_table("spaces") as batch:
        batch.add_column(sa.Column("radius_m", sa.Double(), nullable=False, server_default="150"))
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("owner", sa.String(200), nullable=True))


def downgrade() -> None:
    """Drop the two columns again."""
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("owner")
    with op.batch_alter_table("spaces") as batch:
        batch.drop_column("radius_m")
