"""`detente demo`: the newcomer's first command, over a corpus that ships with the package."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from detente.process import RunSummary, run
from detente.reports import default_base, gather, write_report
from detente.store.articles import Store
from detente.store.schema import articles, events, stories

CORPUS = Path(__file__).resolve().parent / "corpus"
LISTED = 12  # largest stories shown in the summary table
REPORT = ("CHN-RUS", "2022-01-01", "2024-12-31")  # the sample brief: the corpus's whole span


def fresh_store(db: str) -> Store:
    """A store at `db` with nothing in it from an earlier demo."""
    path = Path(db)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return Store.open(db)


def run_demo(db: str, console: Console, report_folder: Path | None = None) -> RunSummary:
    """Ingest, code and group the demo corpus into a fresh database at `db`; print the result
    and, given a folder, write the sample CHN-RUS brief there."""
    store = fresh_store(db)
    try:
        with console.status("reading, coding and grouping the demo corpus"):
            summary = run([str(CORPUS)], store)
        show(store, summary, db, console)
        if report_folder is not None:
            report_folder.mkdir(parents=True, exist_ok=True)
            with console.status("writing the sample brief"):
                brief = gather(store.engine, *REPORT)
                html, pdf = write_report(brief, default_base(report_folder, brief))
            console.print(f"Sample brief: {html} and {pdf}")
    finally:
        store.close()
    return summary


def show(store: Store, summary: RunSummary, db: str, console: Console) -> None:
    """A short account of what the demo stored, largest stories first."""
    found = summary.ingest
    console.print(
        f"[bold]{found.articles}[/bold] articles from {found.documents} documents in "
        f"{found.sources} files ({found.duplicates} duplicates skipped, "
        f"{len(found.errors)} errors), {store.count('events')} event mentions, "
        f"{store.count('quotes')} quotes, {store.count('claims')} figures, "
        f"{store.count('stories')} stories → {db}"
    )
    for error in found.errors:
        console.print(f"[red]error[/red] {error}")
    n_events = (
        select(func.count(func.distinct(events.c.event_key)))
        .select_from(events.join(articles, events.c.article_id == articles.c.id))
        .where(articles.c.story_id == stories.c.id)
        .scalar_subquery()
    )
    query = (
        select(stories.c.first_published, stories.c.n_articles, n_events, stories.c.title)
        .order_by(stories.c.n_articles.desc(), stories.c.first_published)
        .limit(LISTED)
    )
    table = Table(title="largest stories")
    for column in ("first report", "articles", "events", "title"):
        table.add_column(column)
    with store.engine.connect() as conn:
        for first, n_articles, n_story_events, title in conn.execute(query):
            table.add_row(str(first or "?"), str(n_articles), str(n_story_events), title or "")
    console.print(table)
