"""Story clustering time and memory at 1k, 10k and 100k articles, and the growth per 10x.

Articles are Reuters-21578 and BBC texts, each used five times: as it is and four times with
changes (a tenth of the words swapped for words of another article, two sentences swapped), the
five within three days of each other as wire copies run, so every size has the same mix. They
come at a steady 100 a day across 20 invented outlets: 1k articles cover 10 days, 100k 1,000.
Each size runs in its own process: the store is filled (not timed), one `assign_stories` call
clusters everything, then one more call adds 100 new articles to the full store (the daily,
incremental case).

Run: .venv/bin/python bench/stories.py [--shared ../shared] [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

from detente.articles.ids import article_id
from detente.articles.model import Article
from detente.store.articles import Store
from detente.stories.assign import assign_stories

PER_DAY = 100  # articles a day: a busy desk's China-Russia feed, several outlets
SPREAD = 3  # days over which the copies of one text are spread
COPIES = 5  # versions of each text: 100k articles need ~20k texts, about all the corpora hold
INCREMENT = 100  # articles added to the full store in the incremental call
OUTLETS = [f"Outlet {n:02d}" for n in range(20)]
START = date(2020, 1, 1)
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def base_texts(shared: Path) -> list[tuple[str, str]]:
    """(title, body) of every non-empty Reuters record and BBC file."""
    found = []
    for path in sorted((shared / "corpora/reuters21578/json-data").glob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            body = (record.get("body") or "").strip()
            if len(body.split()) >= 20:
                found.append(((record.get("title") or "").strip(), body))
    for path in sorted((shared / "corpora/bbc_fulltext_2225/bbc").glob("*/*.txt")):
        title, _, body = path.read_bytes().decode("latin-1").strip().partition("\n")
        found.append((title.strip(), body.strip()))
    return found


def variant(body: str, donor: str, rng: random.Random) -> str:
    """The body with a tenth of its words taken from `donor` and two sentences swapped."""
    sentences = SENTENCE.split(body)
    if len(sentences) > 2:
        i, j = rng.sample(range(len(sentences)), 2)
        sentences[i], sentences[j] = sentences[j], sentences[i]
    words = " ".join(sentences).split()
    spare = donor.split()
    for k in rng.sample(range(len(words)), len(words) // 10):
        words[k] = rng.choice(spare)
    return " ".join(words)


def articles(size: int, shared: Path) -> list[Article]:
    """`size` distinct articles, COPIES versions of each text, dated PER_DAY a day."""
    rng = random.Random(size)
    texts = base_texts(shared)
    rng.shuffle(texts)
    made: dict[str, Article] = {}
    n = 0
    while len(made) < size:
        title, body = texts[n // COPIES]
        text = variant(body, rng.choice(texts)[1], rng) if n % COPIES else body
        key = article_id(f"{title}\n{text}")
        made.setdefault(key, Article(id=key, source=f"bench:{n}", text=text, title=title))
        n += 1
    grouped = list(made.values())  # the copies of one text side by side
    found = []
    for first in range(0, len(grouped), SPREAD * PER_DAY):
        block = grouped[first : first + SPREAD * PER_DAY]
        rng.shuffle(block)
        found.extend(block)
    for i, article in enumerate(found):
        article.published = START + timedelta(days=i // PER_DAY)
        article.published_precision = "day"
        article.published_basis = "metadata"
        article.outlet = OUTLETS[i % len(OUTLETS)]
    return found


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(size: int, shared: Path) -> None:
    """Fill a store with `size` articles, cluster them, add INCREMENT more; print JSON figures."""
    made = sorted(articles(size + INCREMENT, shared), key=lambda a: a.published or START)
    first, later = made[:-INCREMENT], made[-INCREMENT:]
    for article in later:
        article.published = (article.published or START) + timedelta(days=1)
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "bench.db")) as store:
        for start in range(0, len(first), 5000):
            store.add_articles(first[start : start + 5000])
        before = peak_mb()
        began = time.perf_counter()
        result = assign_stories(store)
        took = time.perf_counter() - began
        after = peak_mb()
        store.add_articles(later)
        began = time.perf_counter()
        assign_stories(store, [a.id for a in later])
        increment = time.perf_counter() - began
    words = sum(len(a.text.split()) for a in first)
    print(
        json.dumps(
            {
                "size": size,
                "words": words,
                "seconds": took,
                "stories": result.opened,
                "near_duplicates": result.near_duplicates,
                "peak_mb": after,
                "before_mb": before,
                "increment_seconds": increment,
            }
        )
    )


def main() -> None:
    """Run each size in a fresh process and print a table with growth ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.shared / "corpora").is_dir():
        sys.exit(f"corpora not found under {args.shared}")
    if args.child:
        child(args.child, args.shared)
        return
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--shared", str(args.shared), "--child", str(size)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
    print(f"articles at {PER_DAY} a day (Reuters-21578 + BBC, repeated with changes)")
    print("articles      words   cluster s  art/s   stories  near-dups  peak MB  +100 new s")
    for row in rows:
        print(
            f"{row['size']:>8} {row['words']:>10} {row['seconds']:>10.1f} "
            f"{row['size'] / row['seconds']:>6.0f} {row['stories']:>9} {row['near_duplicates']:>9}"
            f" {row['peak_mb']:>8.0f} {row['increment_seconds']:>10.2f}"
        )
    for small, big in pairwise(rows):
        print(
            f"growth {small['size']} -> {big['size']} ({big['size'] // small['size']}x articles):"
            f" time x{big['seconds'] / small['seconds']:.1f},"
            f" peak memory x{big['peak_mb'] / small['peak_mb']:.1f}"
        )


if __name__ == "__main__":
    main()
