"""Event coding time against the spaCy parse it runs on, in one process.

Run: .venv/bin/python bench/coder.py [--corpus bbc] [--limit 300] [--shared ../shared]

Parses the articles with `nlp.pipe`, resolves their actors, then codes them, timing each
stage apart; prints the coder's time as a share of the parse's (the target is at most 25%).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from detente.actors.resolver import Resolver
from detente.events.coder import Coder
from detente.events.tables import load_tables
from detente.language import load_nlp

CORPORA = {"bbc": "corpora/bbc_fulltext_2225/bbc"}
BATCH = 64  # nlp.pipe batch size, as in detente.events.evaluate


def texts(root: Path, limit: int) -> list[str]:
    """`limit` article texts spread evenly over the corpus (every section), in a stable order."""
    files = sorted(p for p in root.rglob("*.txt") if p.is_file() and p.name != "README.TXT")
    files = files[:: max(1, len(files) // limit)][:limit]
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def main() -> None:
    """Time parse, actor resolution and coding of one corpus sample and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="bbc")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    root = args.shared / CORPORA[args.corpus]
    if not root.is_dir():
        sys.exit(f"corpus not found: {root}")
    sample = texts(root, args.limit)
    nlp = load_nlp()
    resolver = Resolver()
    coder = Coder(load_tables())
    nlp("warm up the pipeline")

    start = time.perf_counter()
    docs = list(nlp.pipe(sample, batch_size=BATCH))
    parse = time.perf_counter() - start

    start = time.perf_counter()
    mentions = [resolver.resolve(doc, None) for doc in docs]
    resolve = time.perf_counter() - start

    start = time.perf_counter()
    events = sum(
        len(coder.code(doc, found, None)) for doc, found in zip(docs, mentions, strict=True)
    )
    code = time.perf_counter() - start

    words = sum(len(doc) for doc in docs)
    sentences = sum(1 for doc in docs for _ in doc.sents)
    print(f"corpus          {args.corpus}: {len(docs)} articles, {sentences} sentences")
    print(f"tokens          {words}")
    print(f"parse           {parse:7.2f} s  ({words / parse:,.0f} tokens/s)")
    print(f"resolve actors  {resolve:7.2f} s  ({resolve / parse:.1%} of the parse)")
    print(f"code events     {code:7.2f} s  ({code / parse:.1%} of the parse), {events} events")
    print(f"coder/parse     {code / parse:.3f}")


if __name__ == "__main__":
    main()
