"""The `detente` command: a thin layer over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from detente import __version__

if TYPE_CHECKING:
    from detente.analysis import Analyser

app = typer.Typer(
    help="detente: news about relations between states, as a sourced, coded record.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
out = Console()

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (else $DETENTE_DB, else ./detente.db)."),
]


def _print_version(value: bool) -> None:
    if value:
        out.print(__version__)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """detente: news about relations between states, as a sourced, coded record."""


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feeds, WARC, JSONL, URLs.")],
    db: DbOption = None,
    fetch_links: Annotated[
        bool, typer.Option(help="Fetch the linked page of feed entries that carry only a summary.")
    ] = False,
    allow_private: Annotated[
        bool, typer.Option(help="Allow URLs on loopback or private addresses (off: SSRF guard).")
    ] = False,
    max_mb: Annotated[float, typer.Option(help="Largest file or download read, in MB.")] = 20.0,
    articles_only: Annotated[
        bool, typer.Option(help="Store articles only: no actors, events, quotes or claims yet.")
    ] = False,
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Your actor dictionary files or folders (override ours)."),
    ] = None,
    engine: Annotated[
        str, typer.Option(help="Where reading and coding run: local, or dask (a cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); else a local cluster."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Processes: local pool size, or workers of a local Dask cluster."),
    ] = None,
    vectorizer: Annotated[
        str,
        typer.Option(help="How stories compare articles: tfidf, or embeddings (optional extra)."),
    ] = "tfidf",
) -> None:
    """Read news into the database, code it and group it into stories; re-runs add nothing."""
    from detente.actors.dictionary import DictionaryError
    from detente.engines import open_engine
    from detente.process import run
    from detente.sources import expand
    from detente.sources.base import ReadOptions
    from detente.store.articles import Store
    from detente.stories.embeddings import make_vectorizer
    from detente.stories.settings import settings

    options = ReadOptions(
        max_bytes=int(max_mb * 1_000_000), fetch_links=fetch_links, allow_private=allow_private
    )
    try:
        analyser = None if articles_only else _analyser(actors or [])
    except DictionaryError as exc:
        err.print(f"[red]error[/red] actor dictionary {exc}")
        raise typer.Exit(code=2) from exc
    try:
        chosen = make_vectorizer(vectorizer, settings())
    except (ValueError, RuntimeError) as exc:
        err.print(f"[red]error[/red] --vectorizer {vectorizer}: {exc}")
        raise typer.Exit(code=2) from exc
    try:
        work = open_engine(engine, analyser, scheduler, workers)
    except (ValueError, RuntimeError) as exc:
        err.print(f"[red]error[/red] --engine {engine}: {exc}")
        raise typer.Exit(code=2) from exc
    store = Store.open(db)
    try:
        with _progress() as progress:
            summary = run(
                expand(inputs),
                store,
                options,
                analyser,
                _Bars(progress),
                code=not articles_only,
                engine=work,
                vectorizer=chosen,
            )
    finally:
        store.close()
        work.close()
    found = summary.ingest
    for error in found.errors:
        err.print(f"[red]error[/red] {error}", markup=True, highlight=False, soft_wrap=True)
    table = Table(title="ingest", show_header=False)
    rows = [
        ("sources read", found.sources),
        ("documents", found.documents),
        ("articles added", found.articles),
        ("duplicates skipped", found.duplicates),
        ("articles coded", summary.coded),
    ]
    if summary.stories is not None:
        rows += [
            ("stories opened", summary.stories.opened),
            ("articles joining stories", summary.stories.joined),
        ]
    rows.append(("errors", len(found.errors)))
    for label, value in rows:
        table.add_row(label, str(value))
    err.print(table)
    if found.errors:
        raise typer.Exit(code=2)


class _Bars:
    """One rich progress bar per stage of a run."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, TaskID] = {}

    def start(self, stage: str, total: int | None) -> None:
        self.tasks[stage] = self.progress.add_task("", total=total, stage=stage)
        self.progress.refresh()

    def advance(self, stage: str, done: int, label: str = "") -> None:
        description = Path(label).name[:40]
        self.progress.update(self.tasks[stage], advance=done, description=description, refresh=True)


def _progress() -> Progress:
    """A progress bar on stderr that disappears when done, redrawn as the run advances: a
    refresh thread would keep coding workers from forking (engines/local.py)."""
    return Progress(
        TextColumn("[bold]{task.fields[stage]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        auto_refresh=False,
    )


def _analyser(actors: list[Path]) -> Analyser:
    """The per-article stages, with the user's actor dictionaries over ours."""
    from detente.actors.resolver import Resolver
    from detente.analysis import Analyser

    return Analyser(Resolver.from_paths(actors))


@app.command()
def export(
    kind: Annotated[str, typer.Argument(help="articles, events, quotes, claims or stories.")],
    format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet; events: gdelt, plover.")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (else stdout).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write records as JSONL, CSV or Parquet with the keys in the interchange schema."""
    from detente.exports import export as run_export
    from detente.store.articles import Store

    store = Store.open(db)
    try:
        count = run_export(store, kind, format, output)
    except ValueError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    err.print(f"{count} {kind} written" + (f" to {output}" if output else ""))


@app.command("eval")
def evaluate(
    stage: Annotated[str, typer.Argument(help="What to score: articles.")],
    shared: Annotated[Path, typer.Option(help="The shared folder with seeds/ and eval/.")] = Path(
        "../shared"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    record: Annotated[
        Path | None, typer.Option(help="Also write the scores into this record (EVAL.json).")
    ] = None,
) -> None:
    """Score a stage against gold data and print the scores."""
    from detente import evaluation

    try:
        scores = evaluation.run(stage, shared)
    except (ValueError, FileNotFoundError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(code=2) from exc
    if record is not None:
        evaluation.record(record, stage, scores)
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=2, sort_keys=True) + "\n")
        return
    table = Table(title=f"eval {stage}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in sorted(scores.items()):
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    out.print(table)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="Server processes (one per core under heavy load).")
    ] = 1,
) -> None:
    """Serve the dashboard and the HTTP API over the database until interrupted."""
    from detente.api.cli import serve as run_server

    run_server(db, host, port, workers)


@app.command()
def report(
    dyad: Annotated[str, typer.Option(help="Two ISO-3 country codes: CHN-RUS.")],
    date_from: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
    date_to: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")],
    db: DbOption = None,
    folder: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Folder for brief-DYAD-FROM-TO.html/.pdf (else .)."),
    ] = None,
    out_base: Annotated[
        Path | None, typer.Option("--out-base", help="Write PATH.html and PATH.pdf instead.")
    ] = None,
    freq: Annotated[
        str | None, typer.Option(help="Chart by day, week or month (else by the period's length).")
    ] = None,
) -> None:
    """Write a dated brief on a dyad as HTML and PDF: key stories, index, quotes and figures."""
    from detente.reports import default_base, gather, write_report
    from detente.store.articles import Store

    try:
        if folder is not None and out_base is not None:
            raise ValueError("give either -o FOLDER or --out-base PATH, not both")
        store = Store.open(db)
        try:
            brief = gather(store.engine, dyad, date_from, date_to, freq)
        finally:
            store.close()
        base = out_base or default_base(folder or Path("."), brief)
        paths = write_report(brief, base)
    except ValueError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(code=2) from exc
    found = f"{brief.n_events} events, {brief.n_stories} stories" if not brief.empty else "empty"
    err.print(f"brief ({found}) written to {paths[0]} and {paths[1]}", highlight=False)


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="Where the demo database goes.")] = "demo.db",
    serve: Annotated[
        bool, typer.Option(help="Serve the dashboard over the demo database afterwards.")
    ] = True,
    host: Annotated[str, typer.Option(help="Address the dashboard listens on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port the dashboard listens on.")] = 8000,
    report: Annotated[
        Path, typer.Option("--report", help="Folder for the sample CHN-RUS brief (HTML, PDF).")
    ] = Path("briefs"),
) -> None:
    """Ingest, code and group the bundled demo corpus, write a sample brief, then serve it all."""
    from detente.demo import run_demo

    run_demo(db, out, report)
    if serve:
        from detente.api.cli import serve as run_server

        run_server(db, host, port)


if __name__ == "__main__":
    app()
