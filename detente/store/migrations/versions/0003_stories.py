"""Stories, near-duplicate pairs and the MinHash LSH bands that find them."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _article_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["articles.id"], name=f"fk_{table}_{column}_articles", ondelete="CASCADE"
    )


def upgrade() -> None:
    """Create `stories`, `near_duplicates` and `minhash_bands`."""
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("first_published", sa.Date),
        sa.Column("last_published", sa.Date),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_outlets", sa.Integer, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_first_published", "stories", ["first_published"])
    op.create_index("ix_stories_last_published", "stories", ["last_published"])
    op.create_table(
        "near_duplicates",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("original_id", sa.String(64), nullable=False),
        sa.Column("jaccard", sa.Float, nullable=False),
        sa.Column("containment", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "original_id", name="pk_near_duplicates"),
        _article_fk("near_duplicates", "article_id"),
        _article_fk("near_duplicates", "original_id"),
    )
    op.create_index("ix_near_duplicates_original_id", "near_duplicates", ["original_id"])
    op.create_table(
        "minhash_bands",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("band", sa.Integer, nullable=False),
        sa.Column("key", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "band", name="pk_minhash_bands"),
        _article_fk("minhash_bands", "article_id"),
    )
    op.create_index("ix_minhash_bands_key", "minhash_bands", ["key"])


def downgrade() -> None:
    """Drop what `upgrade` created."""
    for table in ("minhash_bands", "near_duplicates", "stories"):
        op.drop_table(table)
