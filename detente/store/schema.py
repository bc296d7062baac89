"""The tables of the store, as the newest migration leaves them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
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


def _article_id() -> Column[str]:
    return Column(
        "article_id",
        String(ID_LENGTH),
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    )


codings = Table(
    "codings",
    metadata,
    Column(
        "article_id",
        String(ID_LENGTH),
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("coder_version", String(32), nullable=False),
    Column("coded_at", DateTime(timezone=True), nullable=False),
)
"""One row per coded article: its mentions, events, quotes and claims are all in, or none."""

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    _article_id(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("code", String(32), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("person", String(128)),
    Column("role", String(64)),
    Column("rule", String(64), nullable=False),
    Index(None, "article_id"),
    Index(None, "code"),
    Index(None, "person"),
)
"""Every actor named in an article, with the rule that resolved it (traceable codes)."""

events = Table(
    "events",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    _article_id(),
    Column("event_key", String(ID_LENGTH)),
    Column("date", Date),
    Column("date_precision", String(8)),
    Column("date_basis", String(16)),
    Column("actors", JSON, nullable=False),
    Column("recipients", JSON, nullable=False),
    Column("cameo", String(8), nullable=False),
    Column("plover", String(16), nullable=False),
    Column("plover_mode", String(32)),
    Column("goldstein", Float, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("future", Boolean, nullable=False),
    Column("historical", Boolean, nullable=False),
    Column("reported", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("rule", Text, nullable=False),
    Column("coder_version", String(32), nullable=False),
    Index(None, "article_id"),
    Index(None, "event_key"),
    Index(None, "date"),
)
"""One row per event mention: an event as one article reports it."""

event_actors = Table(
    "event_actors",
    metadata,
    Column(
        "event_id",
        String(ID_LENGTH),
        ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("side", String(12), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("code", String(32), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("name", Text, nullable=False),
    Index(None, "country", "side"),
)
"""The actors (`side` = actor) and recipients of each event, for dyad queries."""

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    _article_id(),
    Column("speaker", JSON),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", Text),
    Column("text", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("channel", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", Date),
    Index(None, "article_id"),
)
"""What was said, by whom (a resolved actor when known), with offsets into the article."""

claims = Table(
    "claims",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    _article_id(),
    Column("kind", String(12), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(32)),
    Column("approx", String(16)),
    Column("subject", Text),
    Column("period", String(32)),
    Column("credited", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index(None, "article_id"),
)
"""Figures claimed in an article: value, unit, what it measures, the period, who claims it."""

stories = Table(
    "stories",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("title", Text),
    Column("first_published", Date),
    Column("last_published", Date),
    Column("n_articles", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index(None, "first_published"),
    Index(None, "last_published"),
)
"""One row per story: the reports of one happening. Members are the articles with its
`story_id` (indexed, not a foreign key: SQLite can only add one by rebuilding `articles`, and
dropping the old table would cascade-delete every row that refers to an article)."""

near_duplicates = Table(
    "near_duplicates",
    metadata,
    Column(
        "article_id",
        String(ID_LENGTH),
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "original_id",
        String(ID_LENGTH),
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("jaccard", Float, nullable=False),
    Column("containment", Float, nullable=False),
    Index(None, "original_id"),
)
"""Wire copies, re-posts and excerpts: an article and an earlier-stored one with nearly its text."""

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column(
        "article_id",
        String(ID_LENGTH),
        ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("band", Integer, primary_key=True),
    Column("key", BigInteger, nullable=False),
    Index(None, "key"),
)
"""The LSH band keys of each article's MinHash signature: near-duplicate lookup across the store."""

TABLES = {table.name: table for table in metadata.sorted_tables}
