"""Alembic migrations of the storage schema, run by :meth:`Database.open` (no alembic.ini)."""
