"""The phone companion: phones with device tokens, push subscriptions, notifications, Wi-Fi.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Written out rather than taken from tables.py, like 0001.
_ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create the companion tables."""
    op.create_table(
        "companion_phones",
        sa.Column("device_id", sa.String(200), nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("space_id", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.Column("last_report_at", sa.Double(), nullable=True),
        sa.Column("revoked_at", sa.Double(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name="pk_companion_phones"),
        sa.UniqueConstraint("token_hash", name="uq_companion_phones_token_hash"),
    )
    op.create_index("ix_companion_phones_username", "companion_phones", ["username"])
    op.create_table(
        "push_subscriptions",
        sa.Column("endpoint", sa.String(2048), nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("p256dh", sa.String(200), nullable=False),
        sa.Column("auth", sa.String(100), nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("endpoint", name="pk_push_subscriptions"),
    )
    op.create_index("ix_push_subscriptions_username", "push_subscriptions", ["username"])
    op.create_table(
        "notifications",
        sa.Column("id", _ROW_ID, autoincrement=True, nullable=False),
        sa.Column("space_id", sa.String(200), nullable=False),
        sa.Column("tag", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("time", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notifications"),
        # Ids are never reused after a delete (SQLite reuses the highest without it).
        sqlite_autoincrement=True,
    )
    op.create_index("ix_notifications_space_tag", "notifications", ["space_id", "tag"])
    op.create_index("ix_notifications_time", "notifications", ["time"])
    op.create_table(
        "notification_recipients",
        sa.Column("notification_id", sa.BigInteger(), nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("read_at", sa.Double(), nullable=True),
        sa.PrimaryKeyConstraint("notification_id", "username", name="pk_notification_recipients"),
    )
    op.create_index("ix_notification_recipients_username", "notification_recipients", ["username"])
    op.create_table(
        "companion_wifi",
        sa.Column("space_id", sa.String(200), nullable=False),
        sa.Column("ssids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("space_id", name="pk_companion_wifi"),
    )


def downgrade() -> None:
    """Drop the companion tables."""
    op.drop_table("companion_wifi")
    op.drop_index("ix_notification_recipients_username", table_name="notification_recipients")
    op.drop_table("notification_recipients")
    op.drop_index("ix_notifications_time", table_name="notifications")
    op.drop_index("ix_notifications_space_tag", table_name="notifications")
    op.drop_table("notifications")
    op.drop_index("ix_push_subscriptions_username", table_name="push_subscriptions")
    op.drop_table("push_subscriptions")
    op.drop_index("ix_companion_phones_username", table_name="companion_phones")
    op.drop_table("companion_phones")
