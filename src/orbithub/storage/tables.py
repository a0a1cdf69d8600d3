"""The database schema as SQLAlchemy Core tables; migrations create it, queries read it.

Every table that holds records of a home carries ``space_id`` (DESIGN: every record carries its
home id) so a fleet database can be partitioned or purged per home later. Times are epoch
seconds as double precision, the hub's own clock unit, so no time-zone conversion happens on
the hot path.

The tables here must match what ``migrations/versions`` creates; a test compares them.
"""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa

__all__ = [
    "EventKind",
    "ValueKind",
    "device_types",
    "devices",
    "events",
    "history",
    "metadata",
    "rooms",
    "spaces",
]

# Stable constraint names, so later migrations can refer to them on both databases.
metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only auto-increments an INTEGER PRIMARY KEY (the rowid alias), not a BIGINT one.
_ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class ValueKind(StrEnum):
    """How a history value is stored, so it comes back with the type it went in with."""

    BOOL = "b"
    INT = "i"
    FLOAT = "f"
    TEXT = "s"


class EventKind(StrEnum):
    """What an ``events`` row records."""

    EVENT = "event"
    ONLINE = "online"
    COMMAND = "command"


spaces = sa.Table(
    "spaces",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("latitude", sa.Double(), nullable=True),
    sa.Column("longitude", sa.Double(), nullable=True),
    sa.Column("timezone", sa.String(64), nullable=False),
    sa.Column("aliases", sa.JSON(), nullable=False),
    sa.Column("tracker_device_id", sa.String(200), nullable=True),
)

rooms = sa.Table(
    "rooms",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("space_id", sa.String(200), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("aliases", sa.JSON(), nullable=False),
    sa.Column("floor", sa.Integer(), nullable=True),
)

device_types = sa.Table(
    "device_types",
    metadata,
    sa.Column("urn", sa.String(300), primary_key=True),
    sa.Column("spec", sa.JSON(), nullable=False),
)

devices = sa.Table(
    "devices",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("space_id", sa.String(200), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("room_id", sa.String(200), nullable=True),
    sa.Column("adapter", sa.String(100), nullable=False),
    sa.Column("aliases", sa.JSON(), nullable=False),
    sa.Column("model", sa.String(200), nullable=False),
    sa.Column("type_urn", sa.String(300), nullable=False),
)

history = sa.Table(
    "history",
    metadata,
    sa.Column("id", _ROW_ID, primary_key=True, autoincrement=True),
    sa.Column("space_id", sa.String(200), nullable=False),
    sa.Column("device_id", sa.String(200), nullable=False),
    sa.Column("path", sa.String(200), nullable=False),
    sa.Column("seq", sa.BigInteger(), nullable=False),
    sa.Column("time", sa.Double(), nullable=False),
    sa.Column("kind", sa.String(1), nullable=False),
    # Bools are 0/1 and ints are exact up to 2**53 here; text goes to value_text.
    sa.Column("value_num", sa.Double(), nullable=True),
    sa.Column("value_text", sa.Text(), nullable=True),
    # The chart query: one property of one device over a time range.
    sa.Index("ix_history_device_path_time", "device_id", "path", "time"),
    # The retention purge deletes by age.
    sa.Index("ix_history_time", "time"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", _ROW_ID, primary_key=True, autoincrement=True),
    sa.Column("space_id", sa.String(200), nullable=False),
    sa.Column("device_id", sa.String(200), nullable=False),
    sa.Column("seq", sa.BigInteger(), nullable=False),
    sa.Column("time", sa.Double(), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("path", sa.String(200), nullable=False),
    sa.Column("payload", sa.JSON(), nullable=False),
    # The activity view: one device's events, newest first.
    sa.Index("ix_events_device_time", "device_id", "time"),
    # The activity view of a whole home, and the retention purge.
    sa.Index("ix_events_space_time", "space_id", "time"),
    sa.Index("ix_events_time", "time"),
)
