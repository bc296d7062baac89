"""What is coded from articles: codings, actor mentions, events and their actors, quotes, claims."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles", ondelete="CASCADE"
    )


def upgrade() -> None:
    """Create the tables of `detente.store.records`."""
    op.create_table(
        "codings",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("coder_version", sa.String(32), nullable=False),
        sa.Column("coded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_codings"),
        _article_fk("codings"),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(8)),
        sa.Column("person", sa.String(128)),
        sa.Column("role", sa.String(64)),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        _article_fk("mentions"),
    )
    for column in ("article_id", "code", "person"):
        op.create_index(f"ix_mentions_{column}", "mentions", [column])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("event_key", sa.String(64)),
        sa.Column("date", sa.Date),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_basis", sa.String(16)),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("recipients", sa.JSON, nullable=False),
        sa.Column("cameo", sa.String(8), nullable=False),
        sa.Column("plover", sa.String(16), nullable=False),
        sa.Column("plover_mode", sa.String(32)),
        sa.Column("goldstein", sa.Float, nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        *(
            sa.Column(flag, sa.Boolean, nullable=False)
            for flag in ("negated", "hypothetical", "future", "historical", "reported")
        ),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("coder_version", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        _article_fk("events"),
    )
    for column in ("article_id", "event_key", "date"):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("side", sa.String(12), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(8)),
        sa.Column("name", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("event_id", "side", "position", name="pk_event_actors"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_actors_event_id_events", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_event_actors_country_side", "event_actors", ["country", "side"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("speaker", sa.JSON),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("cue", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("channel", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("date", sa.Date),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
        _article_fk("quotes"),
    )
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("unit", sa.String(32)),
        sa.Column("approx", sa.String(16)),
        sa.Column("subject", sa.Text),
        sa.Column("period", sa.String(32)),
        sa.Column("credited", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        _article_fk("claims"),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])


def downgrade() -> None:
    """Drop what `upgrade` created."""
    for table in ("claims", "quotes", "event_actors", "events", "mentions", "codings"):
        op.drop_table(table)
