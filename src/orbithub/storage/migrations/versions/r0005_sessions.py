"""Sessions and care settings on users: a session epoch, presence and unlock notices.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``session_epoch``, ``counts_for_presence`` and ``security_notices`` to users."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("session_epoch", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("counts_for_presence", sa.Boolean(), nullable=True))
        batch.add_column(
            sa.Column("security_notices", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    """Drop the three columns."""
    with op.batch_alter_table("users") as batch:
        batch.drop_column("security_notices")
        batch.drop_column("counts_for_presence")
        batch.drop_column("session_epoch")
