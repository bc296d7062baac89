"""Tables for what is coded from articles: actor mentions, events, quotes, claims, and codings."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from detente.store.schema import ID_LENGTH, metadata


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
