"""`detente demo`: the newcomer's first command, over a corpus that ships with the package."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from detente.pipeline import ingest
from detente.store.articles import Store

CORPUS = Path(__file__).resolve().parent / "corpus"


def run_demo(db: str, console: Console) -> None:
    """Ingest the demo corpus into a fresh database at `db` and print what came out."""
    path = Path(db)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    store = Store.open(db)
    summary = ingest([str(CORPUS)], store)
    console.print(
        f"[bold]{summary.articles}[/bold] articles from {summary.documents} documents in "
        f"{summary.sources} files ({summary.duplicates} duplicates skipped, "
        f"{len(summary.errors)} errors) → {db}"
    )
    for error in summary.errors:
        console.print(f"[red]error[/red] {error}")
    table = Table(title="articles", show_lines=False)
    for column in ("published", "outlet", "title"):
        table.add_column(column)
    rows = sorted(store.iter_articles(), key=lambda a: (a.published is None, a.published))
    for article in rows:
        table.add_row(
            f"{article.published or '?'} ({article.published_precision or '-'})",
            article.outlet or "?",
            (article.title or article.text[:60]).strip(),
        )
    console.print(table)
    store.close()
    console.print(f"Next: detente export articles --db {db} --format jsonl | head")
