"""Scale run: Reuters repeated with changes into one store, 1k → 10k → 100k articles.

Run: .venv/bin/python bench/scale.py --db postgresql://... [--sizes 1000,10000,100000]
       [--code-upto 1000] [--workers 2] [--requests 200] [--concurrency 8] [--serve-workers 1]
       [--shared ../shared]

Each step adds articles until the store holds the next size and times that ingest; steps up to
--code-upto are coded (actors, events, quotes, claims, stories), later ones store articles only.
Copies of a Reuters story differ by a copy line and their dateline day, so each is a new article.
After the last step the API is served on loopback and the dyad index, the dyad list and search
are timed under `--concurrency` requests at once.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from statistics import quantiles

import httpx
from sqlalchemy import text

from detente.engines.local import LocalEngine
from detente.process import run
from detente.store.articles import Store

REUTERS = "corpora/reuters21578/json-data"
PER_FILE = 5000
"""Records per JSONL input file, well under ingest's 20 MB file limit."""
WORDS = ("oil prices", "trade talks", "central bank", "wheat exports")


def originals(shared: Path) -> list[dict[str, str]]:
    """The Reuters records that have text, in file order."""
    found = []
    for path in sorted((shared / REUTERS).glob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            if (record.get("body") or "").strip():
                found.append(record)
    return found


def copies(records: list[dict[str, str]], start: int, stop: int) -> Iterator[dict[str, str]]:
    """JSONL input records `start`..`stop` of the endless sequence of changed copies."""
    first = date(1987, 2, 26)
    for n in range(start, stop):
        record = records[n % len(records)]
        copy = n // len(records)
        body = record["body"].strip()
        day = first + timedelta(days=(n * 7 + copy) % 3650)
        yield {
            "id": f"scale-{n}",
            "title": (record.get("title") or "").title() or None,
            "text": f"{body}\n\nCopy {copy} filed {day.isoformat()}.",
            "published": day.isoformat(),
            "outlet": "Reuters",
        }


def database_mb(store: Store) -> float:
    """The size of the store's database in MB (PostgreSQL), or of its SQLite file."""
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "postgresql":
            return conn.execute(text("select pg_database_size(current_database())")).scalar() / 1e6
        pages = conn.execute(text("pragma page_count")).scalar()
        return pages * conn.execute(text("pragma page_size")).scalar() / 1e6


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def timed_requests(base: str, paths: list[str], concurrency: int) -> list[float]:
    """Latency in ms of each GET, at most `concurrency` in flight; a failed request stops all."""
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:

        async def one(path: str) -> float:
            async with gate:
                start = time.perf_counter()
                response = await client.get(path)
                response.raise_for_status()
                return (time.perf_counter() - start) * 1000

        return list(await asyncio.gather(*(one(path) for path in paths)))


def serve(db: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """The API served by `workers` processes on a free loopback port, once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "detente.cli", "serve", "--db", db, "--port", str(port)]
    command += ["--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}/api/dyads", timeout=5)
            return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    sys.exit("the API did not start")


def latencies(db: str, requests: int, concurrency: int, workers: int) -> list[str]:
    """Report lines: p50/p95 latency of the dyad index, the dyad list and search."""
    server, base = serve(db, workers)
    try:
        dyads = httpx.get(f"{base}/api/dyads", timeout=60).json().get("items", [])
        top = dyads[0]["dyad"] if dyads else "CHN-RUS"
        lines = [
            f"api               {requests} requests each, {concurrency} at once, on loopback;"
            f" {workers} server process(es)"
        ]
        cases = {
            f"index {top}": [f"/api/index?dyad={top}"] * requests,
            "dyads": ["/api/dyads"] * requests,
            "search": [f"/api/search?q={WORDS[n % len(WORDS)]}" for n in range(requests)],
        }
        for name, paths in cases.items():
            asyncio.run(timed_requests(base, paths[:concurrency], concurrency))  # warm up
            start = time.perf_counter()
            took = asyncio.run(timed_requests(base, paths, concurrency))
            wall = time.perf_counter() - start
            cuts = quantiles(took, n=20)
            lines.append(
                f"  {name:<15} p50 {cuts[9]:7.1f} ms  p95 {cuts[18]:7.1f} ms"
                f"  {len(took) / wall:6.1f} requests/s"
            )
        return lines
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    """Grow the store step by step, timing each, then time the API over the largest."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="database URL (PostgreSQL) or SQLite file")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--code-upto", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--serve-workers", type=int, default=1, help="`detente serve --workers`")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    if not (args.shared / REUTERS).is_dir():
        sys.exit(f"corpus not found: {args.shared / REUTERS}")
    sizes = [int(size) for size in args.sizes.split(",")]
    records = originals(args.shared)
    store = Store.open(args.db)
    print(f"source            {len(records)} Reuters records with text, repeated with changes")
    print(f"store             {store.engine.dialect.name}, {args.workers} coding processes")
    done = store.count("articles")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            if size <= done:
                print(f"to {size:>7,}        already stored ({done:,} articles): no ingest timed")
                continue
            paths = []
            for first in range(done, size, PER_FILE):
                path = Path(tmp) / f"scale-{first}.jsonl"
                with path.open("w", encoding="utf-8") as out:
                    for record in copies(records, first, min(first + PER_FILE, size)):
                        out.write(json.dumps(record) + "\n")
                paths.append(str(path))
            code = size <= args.code_upto
            engine = LocalEngine(None, args.workers)
            start = time.perf_counter()
            summary = run(paths, store, engine=engine, code=code)
            took = time.perf_counter() - start
            added = summary.ingest.articles
            what = "coded + stories" if code else "articles only"
            print(
                f"to {size:>7,}        +{added:>6} in {took:8.1f} s  {added / took:7.1f} articles/s"
                f"  {1000 * took / max(added, 1):6.2f} s per 1k  ({what});"
                f"  database {database_mb(store):8.1f} MB; {len(summary.ingest.errors)} errors"
            )
            for error in summary.ingest.errors[:3]:
                print(f"  error           {error}")
            done = size
    store.close()
    print("\n".join(latencies(args.db, args.requests, args.concurrency, args.serve_workers)))


if __name__ == "__main__":
    main()
