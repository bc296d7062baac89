"""Crash safety: ingests killed with SIGKILL at random points, then re-run; two ingests at once."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from detente.pipeline import BATCH_ARTICLES
from detente.store.db import resolve_url

SEED = 20240515
KILLS = 8
MIN_KILLS = 3
LOOP_SECONDS = 30.0
"""Kills run until KILLS, or past LOOP_SECONDS once MIN_KILLS are done, or the ingest finished."""
DRIVER = [
    sys.executable,
    "-c",
    "import sys; from detente.pipeline import ingest; from detente.store.articles import Store;"
    " store = Store.open(sys.argv[2]); ingest([sys.argv[1]], store); store.close()",
]
"""The ingest stage alone, without the CLI's start-up (it loads the coding models)."""
TOPICS = ["drills", "trade talks", "a summit", "a phone call", "sanctions", "a pipeline deal"]
Snapshot = tuple[frozenset[str], frozenset[tuple[str, str, str]]]


def write_corpus(folder: Path, files: int = 80, records: int = 2500) -> None:
    """Plain-text stories, one repeated in two files, and a JSONL export; all made up here."""
    folder.mkdir(parents=True)
    for i in range(files):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"story {i:03d}.txt").write_text(
            f"Officials discuss {topic}, report {i}\n\n"
            f"Officials from two neighbouring states met on Tuesday to discuss {topic}. "
            f"This is report number {i}; the talks would continue next month.\n",
            encoding="utf-8",
        )
    (folder / "copy of story 000.txt").write_bytes((folder / "story 000.txt").read_bytes())
    with (folder / "export.jsonl").open("w", encoding="utf-8") as out:
        for i in range(records):
            text_ = f"Record {i} tells of {TOPICS[i % len(TOPICS)]} between two states."
            out.write(json.dumps({"id": f"rec-{i}", "published": "2023-07-20", "text": text_}))
            out.write("\n")


def ingest_command(corpus: Path, url: str) -> list[str]:
    """The CLI ingest of `corpus` into `url`, articles only (the stage that writes articles)."""
    return [
        sys.executable, "-m", "detente.cli", "ingest", "--articles-only", str(corpus), "--db", url,
    ]  # fmt: skip


def snapshot(url: str) -> Snapshot:
    """Every stored article id and source row, after checking no article lacks its sources."""
    engine = create_engine(make_url(resolve_url(url)))
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("article_sources"):  # killed before the schema was made
                return frozenset(), frozenset()
            ids = [row[0] for row in conn.execute(text("SELECT id FROM articles"))]
            sources = [
                (row[0], row[1], row[2])
                for row in conn.execute(
                    text("SELECT article_id, source, source_id FROM article_sources")
                )
            ]
            orphans = conn.execute(
                text(
                    "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                    "(SELECT 1 FROM article_sources s WHERE s.article_id = a.id)"
                )
            ).scalar_one()
    finally:
        engine.dispose()
    assert orphans == 0, "an article was written without its source row"
    assert len(ids) == len(set(ids)) and len(sources) == len(set(sources))
    return frozenset(ids), frozenset(sources)


def sqlite_checks(url: str) -> None:
    """PRAGMA integrity_check is ok, and the file is in WAL mode once it holds the schema."""
    path = make_url(resolve_url(url)).database
    assert path is not None
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    # A kill between creating the file and the first connection's PRAGMA leaves it new and empty.
    assert mode == "wal" or tables == 0, f"journal_mode is {mode} with the schema written"


def clean_run(corpus: Path, url: str) -> tuple[Snapshot, float]:
    """What one uninterrupted ingest stores, and how long it took."""
    started = time.monotonic()
    done = subprocess.run(ingest_command(corpus, url), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return snapshot(url), time.monotonic() - started


def article_count(path: Path) -> int:
    """Articles committed so far, read from a snapshot that does not block the writer (WAL)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # no file or no schema yet
        return 0


def kill_at(process: subprocess.Popen[bytes], path: Path, target: int, extra: float) -> int:
    """SIGKILL `process` once `target` articles are committed and `extra` seconds more passed."""
    while process.poll() is None and article_count(path) < target:
        time.sleep(0.005)
    time.sleep(extra)
    process.kill()  # SIGKILL: no handler, no clean-up
    process.wait()
    return article_count(path)


def test_sigkill_at_random_points_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    write_corpus(corpus)
    expected, _ = clean_run(corpus, f"sqlite:///{tmp_path / 'clean.db'}")
    assert len(expected[0]) == 80 + 2500 and len(expected[1]) == 80 + 1 + 2500

    rng = random.Random(SEED)
    seen: list[int] = []
    rounds = 0
    path = tmp_path / "crash0.db"
    loop_end = time.monotonic() + LOOP_SECONDS
    while len(seen) < KILLS and (len(seen) < MIN_KILLS or time.monotonic() < loop_end):
        url = f"sqlite:///{path}"
        stored = article_count(path)
        # Most kills land after a random commit but the last; some during start-up and schema.
        last_commit = len(expected[0]) - BATCH_ARTICLES
        target = stored + rng.randint(1, max(1, last_commit - stored)) if rng.random() < 0.8 else 0
        process = subprocess.Popen([*DRIVER, str(corpus), url])
        seen.append(kill_at(process, path, target, rng.uniform(0.0, 0.05)))
        if path.exists():
            sqlite_checks(url)
        ids, sources = snapshot(url)
        assert ids <= expected[0] and sources <= expected[1]
        if ids == expected[0]:  # this database is complete: go on killing on a fresh one
            assert (ids, sources) == expected
            rounds += 1
            path = tmp_path / f"crash{rounds}.db"
    print("articles stored at each kill:", seen)
    assert any(0 < count < len(expected[0]) for count in seen), seen

    rerun = subprocess.run(ingest_command(corpus, url), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    sqlite_checks(url)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert snapshot(url) == expected


def test_two_ingests_at_once_equal_one_clean_ingest(tmp_path: Path, db_url: str) -> None:
    corpus = tmp_path / "in"
    write_corpus(corpus, files=60, records=1500)
    other = tmp_path / "other"
    write_corpus(other, files=20, records=300)  # the same names and texts as part of `corpus`
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    for folder in (corpus, other):
        done = subprocess.run(ingest_command(folder, clean), capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
    expected = snapshot(clean)

    both = [
        subprocess.Popen(ingest_command(folder, db_url), stderr=subprocess.PIPE, text=True)
        for folder in (corpus, other)
    ]
    for process in both:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    if db_url.startswith("sqlite"):
        sqlite_checks(db_url)
    assert snapshot(db_url) == expected
