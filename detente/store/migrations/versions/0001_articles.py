"""Articles and the sources each was read from."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create `articles` and `article_sources`."""
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_id", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_precision", sa.String(8)),
        sa.Column("published_basis", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("story_id", sa.String(64)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.CheckConstraint(
            "published_precision IN ('day', 'month', 'year')",
            name=op.f("ck_articles_published_precision"),
        ),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_index(
        "ix_articles_ingested_at_source_position",
        "articles",
        ["ingested_at", "source", "position"],
    )
    op.create_table(
        "article_sources",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_id", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "source", "source_id", name="pk_article_sources"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_sources_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_article_sources_source", "article_sources", ["source"])


def downgrade() -> None:
    """Drop what `upgrade` created."""
    op.drop_table("article_sources")
    op.drop_table("articles")
