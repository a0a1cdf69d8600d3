"""Approvals of discovered security devices by an owner.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``device_approvals``."""
    op.create_table(
        "device_approvals",
        sa.Column("device_id", sa.String(200), primary_key=True),
        sa.Column("approved_by", sa.String(200), nullable=False),
        sa.Column("approved_at", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    """Drop ``device_approvals``."""
    op.drop_table("device_approvals")
