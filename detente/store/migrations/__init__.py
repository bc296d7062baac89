"""Alembic migrations of the store, run by `detente.store.db.migrate`."""
