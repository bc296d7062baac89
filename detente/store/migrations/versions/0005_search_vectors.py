"""PostgreSQL search reads stored text vectors: ranking no longer re-parses every matching text."""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Generated columns stay in step with their row; the GIN indexes of 0004 are replaced by indexes on
# them. `detente.api.search` matches and ranks on these columns (SQLite keeps FTS5 from 0004).
VECTORS = {
    "articles": "coalesce(title, '') || ' ' || text",
    "quotes": "coalesce(speaker_text, '') || ' ' || text",
}
COLUMN = "search_vector"


def upgrade() -> None:
    """Add the stored vectors and index them (PostgreSQL only)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, words in VECTORS.items():
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {COLUMN} tsvector"
            f" GENERATED ALWAYS AS (to_tsvector('english', {words})) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING GIN ({COLUMN})")


def downgrade() -> None:
    """Back to the expression indexes of 0004."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, words in VECTORS.items():
        op.execute(f"DROP INDEX ix_{table}_search")
        op.execute(f"ALTER TABLE {table} DROP COLUMN {COLUMN}")
        op.execute(
            f"CREATE INDEX ix_{table}_search ON {table} USING GIN (to_tsvector('english', {words}))"
        )
