"""Initial schema: spaces, rooms, device types, devices, history and events.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Written out rather than taken from tables.py: a migration must keep meaning what it meant
# when it shipped, whatever tables.py says later.
_ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Create every table of the first schema."""
    op.create_table(
        "spaces",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("tracker_device_id", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_spaces"),
    )
    op.create_table(
        "rooms",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("space_id", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("floor", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_rooms"),
    )
    op.create_index("ix_rooms_space_id", "rooms", ["space_id"])
    op.create_table(
        "device_types",
        sa.Column("urn", sa.String(300), nullable=False),
        sa.Column("spec", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("urn", name="pk_device_types"),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("space_id", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("room_id", sa.String(200), nullable=True),
        sa.Column("adapter", sa.String(100), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("type_urn", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_devices"),
    )
    op.create_index("ix_devices_space_id", "devices", ["space_id"])
    op.create_table(
        "history",
        sa.Column("id", _ROW_ID, autoincrement=True, nullable=False),
        sa.Column("space_id", sa.String(200), nullable=False),
        sa.Column("device_id", sa.String(200), nullable=False),
        sa.Column("path", sa.String(200), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("time", sa.Double(), nullable=False),
        sa.Column("kind", sa.String(1), nullable=False),
        sa.Column("value_num", sa.Double(), nullable=True),
        sa.Column("value_text", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_history"),
    )
    op.create_index("ix_history_device_path_time", "history", ["device_id", "path", "time"])
    op.create_index("ix_history_time", "history", ["time"])
    op.create_table(
        "events",
        sa.Column("id", _ROW_ID, autoincrement=True, nullable=False),
        sa.Column("space_id", sa.String(200), nullable=False),
        sa.Column("device_id", sa.String(200), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("time", sa.Double(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("path", sa.String(200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_device_time", "events", ["device_id", "time"])
    op.create_index("ix_events_space_time", "events", ["space_id", "time"])
    op.create_index("ix_events_time", "events", ["time"])


def downgrade() -> None:
    """Drop every table of the first schema."""
    for table in ("events", "history", "devices", "device_types", "rooms", "spaces"):
        op.drop_table(table)
