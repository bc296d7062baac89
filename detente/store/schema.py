"""The tables of the store, as the newest migration leaves them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

ID_LENGTH = 64  # article ids are 20 hex digits today; room for longer hashes later
NO_SOURCE_ID = ""
"""`article_sources.source_id` for a copy that had none (primary-key columns cannot be NULL)."""
PRECISIONS = ("day", "month", "year")

# Named constraints, so that later migrations (batch mode on SQLite) can find and change them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("source", Text, nullable=False),
    Column("source_id", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("authors", JSON, nullable=False),
    Column("url", Text),
    Column("published", Date),
    Column("published_precision", String(8)),
    Column("published_basis", String(16)),
    Column("text", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("story_id", String(ID_LENGTH)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    CheckConstraint(
        "published_precision IN ({})".format(", ".join(f"'{p}'" for p in PRECISIONS)),
        name="published_precision",
    ),
    Index(None, "published"),
    Index(None, "story_id"),
    Index(None, "ingested_at", "source", "position"),
)
"""One row per distinct article; `source`/`source_id` are those of the first copy stored."""

article_sources = Table(
    "article_sources",
    metadata,
    Column(
        "article_id",
        String(ID_LENGTH),
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("source", Text, primary_key=True),
    Column("source_id", Text, primary_key=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index(None, "source"),
)
"""Every file, URL or record an article was read from, including repeats of the same text."""

TABLES = {table.name: table for table in metadata.sorted_tables}
