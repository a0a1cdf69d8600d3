"""Alembic environment: migrate over the connection :meth:`Database.open` hands in.

There is no alembic.ini and no URL here: ``db.py`` builds the alembic ``Config`` in code and
puts an open (sync-facing) SQLAlchemy connection in ``config.attributes["connection"]``, so the
migration runs inside the async engine's own connection and nothing opens a second one.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from orbithub.storage.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError(
            "OrbitHub migrations run from orbithub.storage.Database.open, which passes a "
            "connection; run `orbithub` (or Database.open) instead of the alembic command"
        )
    _run(connection)


_main()
