"""Actor resolution speed against the spaCy parse of the same texts, in the same process.

Run: .venv/bin/python bench/actors.py [--shared ../shared] [--limit 200]

The corpus is the BBC politics folder of ../shared/corpora/bbc_fulltext_2225 (news about
governments, parties and ministers). The parse is timed alone first; resolution is then timed
over the parsed documents, so the ratio says what the actor stage adds to the language stage.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from detente.actors.resolver import Resolver
from detente.language import load_nlp

CORPUS = "corpora/bbc_fulltext_2225/bbc/politics"
DAY = date(2005, 6, 30)
"""The BBC texts are from 2004-2005; roles are read on a day in that span."""


def main() -> None:
    """Time the parse, then the resolution, of the corpus and print both and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=0, help="files to read (0: all)")
    args = parser.parse_args()
    root = args.shared / CORPUS
    if not root.is_dir():
        sys.exit(f"corpus not found: {root}")
    files = sorted(root.glob("*.txt"))[: args.limit or None]
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    nlp = load_nlp()
    started = time.perf_counter()
    resolver = Resolver()
    built = time.perf_counter() - started

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - started
    sentences = sum(1 for doc in docs for _ in doc.sents)
    words = sum(len(doc) for doc in docs)

    started = time.perf_counter()
    mentions = sum(len(resolver.resolve(doc, DAY)) for doc in docs)
    resolve = time.perf_counter() - started

    print(f"corpus       {CORPUS} ({len(texts)} articles, {sentences} sentences, {words} tokens)")
    print(f"resolver     built in {built:.2f} s (dictionary and automaton)")
    print(f"parse        {parse:7.2f} s  {sentences / parse:8.0f} sentences/s  (spaCy alone)")
    print(
        f"resolve      {resolve:7.2f} s  {sentences / resolve:8.0f} sentences/s"
        f"  {mentions / resolve:8.0f} mentions/s  ({mentions} mentions)"
    )
    print(f"ratio        resolve / parse = {resolve / parse:.3f}")


if __name__ == "__main__":
    main()
