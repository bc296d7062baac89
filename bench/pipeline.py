"""End-to-end throughput (ingest → code → stories) beside spaCy's plain parse of the same text.

Run: .venv/bin/python bench/pipeline.py --corpus bbc|reuters [--limit N] [--processes P]
       [--rounds R] [--stages N] [--compare N] [--shortcut] [--shared ../shared]

The end-to-end run is `detente.process.run` into a fresh SQLite store with P coding processes;
the baseline is `nlp.pipe` of every stored article's text with the same model and P processes,
timed in the same run; each is timed R times (default 2, the order alternating) and the best
of each is kept, as timeit does, since other work on the machine only ever slows a run.
--stages N times each stage apart on N articles in one process;
--compare N codes N articles with the stock entity recogniser, the default pipeline and the
parse shortcut (each timed R times, best kept), and compares what came out.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest.mock import patch

import spacy

from detente import analysis
from detente.analysis import BATCH, Analyser, Failure
from detente.articles import extract
from detente.articles.model import Article
from detente.engines.local import LocalEngine
from detente.language import load_nlp, model_name
from detente.language.chunks import parse_partly
from detente.process import run
from detente.sources import expand, read_one
from detente.sources.base import Document
from detente.store.articles import Store
from detente.store.coded import Coded, save_coded
from detente.stories.assign import assign_stories

CORPORA = {
    "bbc": "corpora/bbc_fulltext_2225/bbc",
    "reuters": "corpora/reuters21578/json-data",
}


def limited(sources: list[str], limit: int | None) -> list[Article]:
    """The first `limit` articles (all when None) read and cut from `sources`."""
    found: list[Article] = []
    for source in sources:
        for item in read_one(source):
            if isinstance(item, Document):
                found.extend(extract(item))
            if limit is not None and len(found) >= limit:
                return found[:limit]
    return found


def as_jsonl(articles: list[Article], folder: Path) -> str:
    """The articles written as one JSONL input file, so a run reads exactly these."""
    import json

    path = folder / "input.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            record = {"id": article.id, "text": article.text, "title": article.title}
            record["published"] = article.published.isoformat() if article.published else None
            out.write(json.dumps(record) + "\n")
    return str(path)


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children, user and system."""
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


def end_to_end(
    source: str, folder: Path, processes: int, shortcut: bool
) -> tuple[float, float, Store, int]:
    """Seconds for the whole job over `source` into a fresh store, its CPU seconds (workers
    included: the pool is shut down inside the timing), the store, and how many articles
    could not be coded."""
    store = Store.open(str(folder / "bench.db"))
    engine = LocalEngine(Analyser(shortcut=shortcut), processes)
    start, cpu = time.perf_counter(), cpu_seconds()
    summary = run([source], store, engine=engine)
    engine.close()
    took = time.perf_counter() - start
    return took, cpu_seconds() - cpu, store, len(summary.ingest.errors)


def plain_parse(texts: list[str], processes: int) -> tuple[float, float]:
    """Seconds and CPU seconds for spaCy's stock pipeline (no stand-ins) over every text."""
    nlp = spacy.load(model_name())
    nlp("warm up the pipeline")
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=BATCH, n_process=processes):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def stages(sources: list[str], limit: int, shortcut: bool) -> dict[str, float]:
    """Seconds spent in each stage over the first `limit` articles, in this process.

    The stages of `Analyser.analyse` are timed by wrapping the functions it calls, so what is
    timed is exactly what the pipeline runs.
    """
    took: dict[str, float] = defaultdict(float)

    def clocked(stage: str, work: Callable[..., Any]) -> Callable[..., Any]:
        def run_timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return work(*args, **kwargs)
            finally:
                took[stage] += time.perf_counter() - start

        return run_timed

    documents: list[Document] = []
    for source in sources:
        documents += [i for i in clocked("read", list)(read_one(source)) if isinstance(i, Document)]
        if len(documents) >= limit:
            break
    cut = clocked("extract", lambda: [a for d in documents for a in extract(d)])()
    unique: dict[str, Article] = {}
    for article in cut:
        unique.setdefault(article.id, article)  # a repeated story is stored and coded once
    articles = list(unique.values())[:limit]
    analyser = Analyser(shortcut=shortcut)
    nlp, selector = analyser.nlp, analyser.selector
    nlp("warm up the pipeline")
    analyser.resolver.resolve = clocked("actors", analyser.resolver.resolve)  # type: ignore[method-assign]
    analyser.coder.code = clocked("events", analyser.coder.code)  # type: ignore[method-assign]
    with (
        patch("detente.analysis.find_quotes", clocked("quotes", analysis.find_quotes)),
        patch("detente.analysis.find_claims", clocked("claims", analysis.find_claims)),
        tempfile.TemporaryDirectory() as tmp,
    ):
        store = Store.open(str(Path(tmp) / "stages.db"))
        clocked("store", store.add_articles)(articles)
        texts = [article.text for article in articles]
        if shortcut:
            parse = clocked("parse", lambda: list(parse_partly(nlp, texts, selector, BATCH)))
        else:
            parse = clocked("parse", lambda: list(nlp.pipe(texts, batch_size=BATCH)))
        coded = []
        for article, doc in zip(articles, parse(), strict=True):
            try:
                coded.append(analyser.analyse(article, doc))
            except Exception:  # counted by the end-to-end run; here only time matters
                continue
        clocked("store", save_coded)(store.engine, coded)
        clocked("stories", assign_stories)(store)
        store.close()
    return dict(took)


def signature(coded: Coded | Failure) -> dict[str, set[tuple[Any, ...]]]:
    """What an analysis found, as comparable sets: events, quotes, claims, mentions."""
    if isinstance(coded, Failure):
        return {"events": set(), "quotes": set(), "claims": set(), "mentions": set()}
    return {
        "events": {
            (
                e.start,
                e.end,
                e.cameo,
                tuple(a.code for a in e.actors),
                tuple(a.code for a in e.recipients),
                e.negated,
                e.hypothetical,
                e.future,
                e.historical,
                e.reported,
            )
            for e in coded.events
        },
        "quotes": {(q.start, q.end, q.kind, s.code if s else None) for q, s in coded.quotes},
        "claims": {(c.start, c.end, c.kind, c.value, c.unit) for c in coded.claims},
        "mentions": {(m.start, m.end, m.actor.code) for m in coded.mentions},
    }


def compare(sources: list[str], limit: int, rounds: int) -> list[str]:
    """Report lines: what the pipeline's savings find against the stock parse of `limit` articles.

    The baseline parses every chunk and runs the entity recogniser on every sentence; the
    default pipeline skips the recogniser on sentences without names (language/entities.py);
    the shortcut also leaves unselected chunks unparsed (language/selection.py).
    """
    articles = limited(sources, limit)
    stock = Analyser()
    stock.nlp = load_nlp(every_sentence=True)
    setups = {"stock": stock, "default": Analyser(), "shortcut": Analyser(shortcut=True)}
    for analyser in setups.values():
        for _ in analyser.analyse_many(articles[:20]):
            pass  # warm each pipeline's vocabulary and memos first, untimed
    found: dict[str, list[dict[str, set[tuple[Any, ...]]]]] = {}
    took: dict[str, float] = {}
    for round_ in range(rounds):
        names = list(setups) if round_ % 2 == 0 else list(reversed(setups))
        for name in names:
            start = time.process_time()
            found[name] = [signature(c) for c in setups[name].analyse_many(articles)]
            took[name] = min(took.get(name, float("inf")), time.process_time() - start)
    lines = [
        f"compare           {len(articles)} articles, one process, best CPU time of {rounds}:"
        " stock entities"
        f" {took['stock']:.1f} s, default {took['default']:.1f} s"
        f" ({took['default'] / took['stock']:.2f}), shortcut {took['shortcut']:.1f} s"
        f" ({took['shortcut'] / took['stock']:.2f})"
    ]
    for name in ("default", "shortcut"):
        lines.append(f"  {name} against stock")
        for kind in ("events", "quotes", "claims", "mentions"):
            full = sum(len(s[kind]) for s in found["stock"])
            short = sum(len(s[kind]) for s in found[name])
            pairs = zip(found["stock"], found[name], strict=True)
            same = sum(len(a[kind] & b[kind]) for a, b in pairs)
            lines.append(
                f"    {kind:<13} stock {full:6d}  {name:<8} {short:6d}  in both {same:6d}"
                f"  lost {full - same:5d} ({(full - same) / max(full, 1):.1%})"
                f"  new {short - same:5d}"
            )
    return lines


def main() -> None:
    """Time one corpus end to end beside the plain parse and print every figure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=sorted(CORPORA), required=True)
    parser.add_argument("--limit", type=int, help="articles (default: the whole corpus)")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--stages", type=int, default=0, metavar="N")
    parser.add_argument("--compare", type=int, default=0, metavar="N")
    parser.add_argument(
        "--rounds", type=int, default=2, help="timed pairs of runs, order alternating (best kept)"
    )
    parser.add_argument("--shortcut", action="store_true", help="parse only selected chunks")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    root = args.shared / CORPORA[args.corpus]
    if not root.is_dir():
        sys.exit(f"corpus not found: {root}")
    sources = expand([str(root)])
    shortcut = args.shortcut
    load_before = os.getloadavg()[0]
    runs: list[tuple[float, float]] = []
    bases: list[tuple[float, float]] = []
    texts: list[str] = []  # as stored (duplicates left out), read after the first run
    with tempfile.TemporaryDirectory() as tmp:
        articles = limited(sources, args.limit)
        source = as_jsonl(articles, Path(tmp))
        for round_ in range(args.rounds):
            if round_ % 2:  # alternate the order, so neither run always goes first
                bases.append(plain_parse(texts, args.processes))
            folder = Path(tmp) / f"round{round_}"
            folder.mkdir()
            took, took_cpu, store, failed = end_to_end(source, folder, args.processes, shortcut)
            runs.append((took, took_cpu))
            texts = [article.text for article in store.iter_articles()]
            store.close()
            size = sum(path.stat().st_size for path in folder.glob("bench.db*"))
            if not round_ % 2:
                bases.append(plain_parse(texts, args.processes))
    words = sum(len(text.split()) for text in texts)
    took, took_cpu = min(run[0] for run in runs), min(run[1] for run in runs)
    base, base_cpu = min(run[0] for run in bases), min(run[1] for run in bases)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    mode = "shortcut" if shortcut else "full parse"
    print(f"corpus            {args.corpus}: {len(texts)} articles, {words} words")
    print(
        f"processes         {args.processes} ({mode}); load average {load_before:.1f} before,"
        f" {os.getloadavg()[0]:.1f} after the timed runs (other work on the machine slows them)"
    )
    print(
        f"end to end        {took:8.1f} s  {len(texts) / took:7.2f} articles/s"
        f"  {words / took:8.0f} words/s  (ingest, code, stories; SQLite {size / 1e6:.1f} MB)"
    )
    print(
        f"spaCy plain parse {base:8.1f} s  {len(texts) / base:7.2f} articles/s"
        f"  {words / base:8.0f} words/s  (nlp.pipe, same model and processes)"
    )
    print(f"ratio             end to end / plain parse = {took / base:.2f}")
    if args.rounds > 1:
        print(
            f"rounds            {args.rounds}, best of each shown; end to end "
            + ", ".join(f"{wall:.1f}" for wall, _ in runs)
            + " s; plain parse "
            + ", ".join(f"{wall:.1f}" for wall, _ in bases)
            + " s"
        )
    print(
        f"CPU time          end to end {took_cpu:.1f} s, plain parse {base_cpu:.1f} s:"
        f" ratio {took_cpu / base_cpu:.2f} (all processes; less swayed by other load)"
    )
    print(f"not coded         {failed} articles (a stage raised; see `detente ingest` errors)")
    print(
        f"peak memory       {own:.0f} MB this process, {children:.0f} MB largest worker (max RSS)"
    )
    if args.stages:
        took_stages = stages(sources, args.stages, shortcut)
        total = sum(took_stages.values())
        print(f"stages            {args.stages} articles, one process, {total:.1f} s")
        for stage, seconds in took_stages.items():
            print(f"  {stage:<15} {seconds:8.2f} s  {seconds / total:6.1%}")
    if args.compare:
        print("\n".join(compare(sources, args.compare, args.rounds)))


if __name__ == "__main__":
    main()
