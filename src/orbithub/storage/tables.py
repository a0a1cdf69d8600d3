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
    ZONE = "zone"
    """A tracked device entered or left a space's geofence."""
    PRESENCE = "presence"
    """A person arrived or left; ``device_id`` is empty and ``path`` is the person."""
    AUTOMATION = "automation"
    """An automation run ended; ``device_id`` is empty and ``path`` is the automation id."""


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
    sa.Column("radius_m", sa.Double(), nullable=False, server_default="150"),
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
    sa.Column("owner", sa.String(200), nullable=True),
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

# -- accounts, tokens and the audit log (schema 0003) --------------------------------------------
# Users are people of the hub, not of one home: what they may see and do in a space comes from
# their role and their grants. Token secrets are stored only as SHA-256 digests (they are long
# random strings, so a fast hash is enough; passwords get argon2 in ``password_hash``).

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(100), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("language", sa.String(20), nullable=False),
    sa.Column("password_hash", sa.Text(), nullable=False),
    sa.Column("created_at", sa.Double(), nullable=False),
    # Schema 0005. Bumped when a password changes: access tokens carry the epoch they were
    # signed in, so every older token and live connection of the user stops working.
    sa.Column("session_epoch", sa.Integer(), nullable=False, server_default="0"),
    # None: the role decides (guests' phones do not count toward presence, everyone else's do).
    sa.Column("counts_for_presence", sa.Boolean(), nullable=True),
    # An owner told when a guest or a child unlocks or opens a security device.
    sa.Column("security_notices", sa.Boolean(), nullable=False, server_default=sa.true()),
)

grants = sa.Table(
    "grants",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.String(64), nullable=False, index=True),
    sa.Column("space_id", sa.String(200), nullable=False),
    # None: the whole space; a list: only these rooms / devices (their union).
    sa.Column("room_ids", sa.JSON(), nullable=True),
    sa.Column("device_ids", sa.JSON(), nullable=True),
    sa.Column("expires_at", sa.Double(), nullable=True),
    sa.Column("created_at", sa.Double(), nullable=False),
)

refresh_tokens = sa.Table(
    "refresh_tokens",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.String(64), nullable=False, index=True),
    # Every token rotated from one login shares the family; reusing a rotated one revokes it.
    sa.Column("family_id", sa.String(64), nullable=False, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False),
    sa.Column("issued_at", sa.Double(), nullable=False),
    sa.Column("expires_at", sa.Double(), nullable=False),
    sa.Column("rotated_at", sa.Double(), nullable=True),
    sa.Column("revoked_at", sa.Double(), nullable=True),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.String(64), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False),
    sa.Column("space_ids", sa.JSON(), nullable=False),
    sa.Column("created_at", sa.Double(), nullable=False),
    sa.Column("expires_at", sa.Double(), nullable=True),
    sa.Column("last_used_at", sa.Double(), nullable=True),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", _ROW_ID, primary_key=True, autoincrement=True),
    sa.Column("time", sa.Double(), nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("action", sa.String(100), nullable=False),
    sa.Column("target", sa.String(300), nullable=False),
    sa.Column("space_id", sa.String(200), nullable=True),
    sa.Column("result", sa.String(50), nullable=False),
    sa.Column("detail", sa.JSON(), nullable=False),
    sa.Index("ix_audit_log_time", "time"),
    sa.Index("ix_audit_log_space_time", "space_id", "time"),
)

hub_secrets = sa.Table(
    "hub_secrets",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text(), nullable=False),
)

__all__ += ["api_tokens", "audit_log", "grants", "hub_secrets", "refresh_tokens", "users"]

# -- the phone companion (schema 0004) -----------------------------------------------------------
# Phones and their device tokens (SHA-256 digests only), Web Push subscriptions, notifications
# with a read state per recipient, and the Wi-Fi networks that mean "at this space".

companion_phones = sa.Table(
    "companion_phones",
    metadata,
    sa.Column("device_id", sa.String(200), primary_key=True),
    sa.Column("username", sa.String(100), nullable=False, index=True),
    sa.Column("space_id", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.Double(), nullable=False),
    sa.Column("last_report_at", sa.Double(), nullable=True),
    sa.Column("revoked_at", sa.Double(), nullable=True),
)

push_subscriptions = sa.Table(
    "push_subscriptions",
    metadata,
    sa.Column("endpoint", sa.String(2048), primary_key=True),
    sa.Column("username", sa.String(100), nullable=False, index=True),
    sa.Column("p256dh", sa.String(200), nullable=False),
    sa.Column("auth", sa.String(100), nullable=False),
    sa.Column("created_at", sa.Double(), nullable=False),
)

notifications = sa.Table(
    "notifications",
    metadata,
    sa.Column("id", _ROW_ID, primary_key=True, autoincrement=True),
    sa.Column("space_id", sa.String(200), nullable=False),
    sa.Column("tag", sa.String(200), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("message", sa.Text(), nullable=False),
    sa.Column("severity", sa.String(20), nullable=False),
    sa.Column("time", sa.Double(), nullable=False),
    # A tagged notification replaces the earlier one with its tag in its space.
    sa.Index("ix_notifications_space_tag", "space_id", "tag"),
    # The retention purge deletes by age.
    sa.Index("ix_notifications_time", "time"),
    # Ids are never reused (SQLite would reuse the highest after a delete): a late "mark
    # read" for a replaced notification must not hit its successor.
    sqlite_autoincrement=True,
)

notification_recipients = sa.Table(
    "notification_recipients",
    metadata,
    sa.Column("notification_id", sa.BigInteger(), primary_key=True),
    sa.Column("username", sa.String(100), primary_key=True),
    sa.Column("read_at", sa.Double(), nullable=True),
    # A user's inbox.
    sa.Index("ix_notification_recipients_username", "username"),
)

companion_wifi = sa.Table(
    "companion_wifi",
    metadata,
    sa.Column("space_id", sa.String(200), primary_key=True),
    sa.Column("ssids", sa.JSON(), nullable=False),
)

__all__ += [
    "companion_phones",
    "companion_wifi",
    "notification_recipients",
    "notifications",
    "push_subscriptions",
]

# -- approvals (schema 0006) ---------------------------------------------------------------------
# A security device that arrived by discovery is commanded only by an owner until one approves it.
device_approvals = sa.Table(
    "device_approvals",
    metadata,
    sa.Column("device_id", sa.String(200), primary_key=True),
    sa.Column("approved_by", sa.String(200), nullable=False),
    sa.Column("approved_at", sa.Float(), nullable=False),
)

__all__ += ["device_approvals"]
