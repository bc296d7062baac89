"""Full-text search over article titles and texts and quotes: FTS5 on SQLite, GIN on PostgreSQL."""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# SQLite: `search_docs` maps each searchable row (kind, id) to an integer rowid of the
# contentless FTS5 table `search_fts`, so no text is stored twice; triggers keep both in sync.
SQLITE_UP = (
    "CREATE TABLE search_docs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL,"
    " CONSTRAINT uq_search_docs_kind_ref UNIQUE (kind, ref))",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='',"
    " tokenize='unicode61 remove_diacritics 2')",
    *(
        statement
        for kind, table, title, body in (
            ("article", "articles", "title", "text"),
            ("quote", "quotes", "speaker_text", "text"),
        )
        for statement in (
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN"
            f" INSERT INTO search_docs (kind, ref) VALUES ('{kind}', new.id);"
            f" INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(),"
            f" new.{title}, new.{body}); END",
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN"
            " INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete',"
            f" (SELECT id FROM search_docs WHERE kind = '{kind}' AND ref = old.id),"
            f" old.{title}, old.{body});"
            f" DELETE FROM search_docs WHERE kind = '{kind}' AND ref = old.id; END",
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {title}, {body} ON {table}"
            " BEGIN INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete',"
            f" (SELECT id FROM search_docs WHERE kind = '{kind}' AND ref = old.id),"
            f" old.{title}, old.{body});"
            " INSERT INTO search_fts (rowid, title, body) VALUES"
            f" ((SELECT id FROM search_docs WHERE kind = '{kind}' AND ref = new.id),"
            f" new.{title}, new.{body}); END",
            f"INSERT INTO search_docs (kind, ref) SELECT '{kind}', id FROM {table}",
            f"INSERT INTO search_fts (rowid, title, body) SELECT d.id, t.{title}, t.{body}"
            f" FROM {table} t JOIN search_docs d ON d.kind = '{kind}' AND d.ref = t.id",
        )
    ),
)
SQLITE_DOWN = (
    *(
        f"DROP TRIGGER search_{table}_{action}"
        for table in ("articles", "quotes")
        for action in ("insert", "delete", "update")
    ),
    "DROP TABLE search_fts",
    "DROP TABLE search_docs",
)
# PostgreSQL: expression indexes are always in sync; detente.api.search uses the same expressions.
POSTGRES_UP = (
    "CREATE INDEX ix_articles_search ON articles USING GIN"
    " (to_tsvector('english', coalesce(title, '') || ' ' || text))",
    "CREATE INDEX ix_quotes_search ON quotes USING GIN"
    " (to_tsvector('english', coalesce(speaker_text, '') || ' ' || text))",
)
POSTGRES_DOWN = ("DROP INDEX ix_articles_search", "DROP INDEX ix_quotes_search")


def upgrade() -> None:
    """Create the search tables and triggers (SQLite) or indexes (PostgreSQL), filled."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_UP if sqlite else POSTGRES_UP:
        op.execute(statement)


def downgrade() -> None:
    """Drop what `upgrade` created."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_DOWN if sqlite else POSTGRES_DOWN:
        op.execute(statement)
