"""Ingest throughput (sources → articles → store, no later stages) against reading alone.

Run: .venv/bin/python bench/ingest.py --corpus bbc|reuters [--shared ../shared]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from detente.pipeline import ingest
from detente.sources import expand, read_one
from detente.sources.base import Document
from detente.store.articles import Store

CORPORA = {
    "bbc": "corpora/bbc_fulltext_2225/bbc",
    "reuters": "corpora/reuters21578/json-data",
}


def read_only(sources: list[str]) -> tuple[int, int]:
    """The baseline: read and decode every document, nothing else; (documents, words)."""
    documents = words = 0
    for source in sources:
        for item in read_one(source):
            if isinstance(item, Document):
                documents += 1
                words += len(item.content.split())
    return documents, words


def main() -> None:
    """Time the baseline and the ingest of one corpus in this process and print both."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=sorted(CORPORA), required=True)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    root = args.shared / CORPORA[args.corpus]
    if not root.is_dir():
        sys.exit(f"corpus not found: {root}")
    sources = expand([str(root)])

    start = time.perf_counter()
    documents, words = read_only(sources)
    base = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        summary = ingest(sources, store)
        took = time.perf_counter() - start
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus            {args.corpus} ({len(sources)} files, {documents} documents)")
    print(f"read only         {base:8.2f} s  {documents / base:9.0f} docs/s  (baseline)")
    print(
        f"ingest            {took:8.2f} s  {summary.articles / took:9.0f} articles/s"
        f"  {words / took:9.0f} words/s"
    )
    print(
        f"articles          {summary.articles} added, {summary.duplicates} duplicates, "
        f"{len(summary.errors)} errors"
    )
    reasons = Counter(error.reason for error in summary.errors).most_common(3)
    for reason, count in reasons:
        print(f"  error x{count:<6} {reason}")
    print(f"ratio             ingest / read only = {took / base:.2f}")
    print(f"peak memory       {peak_mb:.0f} MB (process max RSS)")


if __name__ == "__main__":
    main()
