"""The `detente` command: a thin layer over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
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
) -> None:
    """Read news into the database and code it: a second run of the same inputs adds nothing."""
    from detente.actors.dictionary import DictionaryError
    from detente.pipeline import ingest as run_ingest
    from detente.sources import expand
    from detente.sources.base import ReadOptions
    from detente.store.articles import Store

    options = ReadOptions(
        max_bytes=int(max_mb * 1_000_000), fetch_links=fetch_links, allow_private=allow_private
    )
    try:
        analyser = None if articles_only else _analyser(actors or [])
    except DictionaryError as exc:
        err.print(f"[red]error[/red] actor dictionary {exc}")
        raise typer.Exit(code=2) from exc
    sources = expand(inputs)
    store = Store.open(db)
    with _progress() as progress:
        task = progress.add_task("", total=len(sources), stage="read")

        def advance(source: str) -> None:
            progress.update(task, advance=1, description=Path(source).name[:40])

        summary = run_ingest(sources, store, options, on_source=advance)
    coded = 0
    if analyser is not None:
        from detente.analysis import code_store

        with _progress() as progress:
            task = progress.add_task("", total=None, stage="code")
            coded = code_store(
                store,
                analyser,
                on_start=lambda total: progress.update(task, total=total),
                on_done=lambda n: progress.update(task, advance=n),
            )
    store.close()
    for error in summary.errors:
        err.print(f"[red]error[/red] {error}", markup=True, highlight=False, soft_wrap=True)
    table = Table(title="ingest", show_header=False)
    for label, value in (
        ("sources read", summary.sources),
        ("documents", summary.documents),
        ("articles added", summary.articles),
        ("duplicates skipped", summary.duplicates),
        ("articles coded", coded),
        ("errors", len(summary.errors)),
    ):
        table.add_row(label, str(value))
    err.print(table)
    if summary.errors:
        raise typer.Exit(code=2)


def _progress() -> Progress:
    """A progress bar on stderr that disappears when done."""
    return Progress(
        TextColumn("[bold]{task.fields[stage]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    )


def _analyser(actors: list[Path]) -> Analyser:
    """The per-article stages, with the user's actor dictionaries over ours."""
    from detente.actors.resolver import Resolver
    from detente.analysis import Analyser

    return Analyser(Resolver.from_paths(actors))


@app.command()
def export(
    kind: Annotated[str, typer.Argument(help="articles, events, quotes, claims or stories.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
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
def demo(
    db: Annotated[str, typer.Option("--db", help="Where the demo database goes.")] = "demo.db",
) -> None:
    """Ingest the bundled demo corpus into a fresh database and show what came out."""
    from detente.demo import run_demo

    run_demo(db, out)


if __name__ == "__main__":
    app()
