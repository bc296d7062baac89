"""Alembic environment: runs migrations on the connection that `detente.store.db` hands in."""

from __future__ import annotations

from alembic import context

from detente.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "detente migrations run through detente.store.db.migrate(engine), not the alembic CLI"
    )
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
