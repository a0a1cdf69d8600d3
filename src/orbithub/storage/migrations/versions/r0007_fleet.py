"""Fleet mode: homes, their registry and state, partitioned history and partition leases.

PostgreSQL only. A single hub on SQLite gets no fleet tables at all (this revision records
itself and changes nothing there): fleet mode needs PostgreSQL's declarative partitioning and
row locks, and a single hub never reads these tables.

History is partitioned by RANGE on ``ts`` per month; each month is its own table partitioned by
HASH of ``home`` (see ``orbithub.storage.fleet.partitions``), so retention detaches a whole month
and a query for one home reads one leaf of each month it spans. Months are created ahead by the
fleet store (the parent here has none).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_UPGRADE = (
    """
    CREATE TABLE fleet_homes (
        home text PRIMARY KEY CHECK (home ~ '^[A-Za-z0-9_-]{1,64}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
    )
    """,
    """
    CREATE TABLE fleet_devices (
        home text NOT NULL REFERENCES fleet_homes (home) ON DELETE CASCADE,
        device text NOT NULL CHECK (length(device) BETWEEN 1 AND 200),
        name text NOT NULL,
        type_id text NOT NULL,
        room text,
        PRIMARY KEY (home, device)
    )
    """,
    """
    CREATE TABLE fleet_state (
        home text COLLATE "C" NOT NULL,
        device text COLLATE "C" NOT NULL,
        prop text COLLATE "C" NOT NULL,
        value jsonb NOT NULL,
        ts timestamptz NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (home, device, prop)
    ) WITH (fillfactor = 80)
    """,
    """
    CREATE TABLE fleet_history (
        home text COLLATE "C" NOT NULL,
        device text COLLATE "C" NOT NULL,
        prop text COLLATE "C" NOT NULL,
        ts timestamptz NOT NULL,
        value jsonb NOT NULL,
        PRIMARY KEY (home, device, prop, ts)
    ) PARTITION BY RANGE (ts)
    """,
    """
    CREATE TABLE fleet_leases (
        partition integer PRIMARY KEY CHECK (partition >= 0),
        epoch bigint NOT NULL CHECK (epoch > 0),
        owner text NOT NULL,
        cursor bigint NOT NULL DEFAULT 0 CHECK (cursor >= 0),
        claimed_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz
    )
    """,
    """
    CREATE TABLE fleet_members (
        home text NOT NULL REFERENCES fleet_homes (home) ON DELETE CASCADE,
        user_id varchar(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'adult', 'child', 'guest')),
        PRIMARY KEY (home, user_id)
    )
    """,
    "CREATE INDEX fleet_members_user ON fleet_members (user_id)",
)

_DOWNGRADE = (
    "DROP TABLE fleet_members",
    "DROP TABLE fleet_leases",
    "DROP TABLE fleet_history",
    "DROP TABLE fleet_state",
    "DROP TABLE fleet_devices",
    "DROP TABLE fleet_homes",
)


def upgrade() -> None:
    """Create the fleet tables on PostgreSQL; nothing on SQLite."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    """Drop the fleet tables (history with every month attached to it)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _DOWNGRADE:
        op.execute(statement)
