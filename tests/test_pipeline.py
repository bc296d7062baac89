"""Ingest end to end: nothing lost, nothing doubled, bad files reported, crashes recoverable."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.pipeline import ingest
from detente.store.articles import Store

REPO = Path(__file__).resolve().parent.parent
TOPICS = ["drills", "trade talks", "a summit", "a phone call", "sanctions", "a pipeline deal"]


def write_corpus(folder: Path, files: int = 40, records: int = 300) -> None:
    """Plain-text articles and a JSONL export, all text made up here."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"story {i:03d}.txt").write_text(
            f"Officials discuss {topic}, report {i}\n\n"
            f"Officials from two neighbouring states met on Tuesday to discuss {topic}. "
            f"This is report number {i}, and it says the talks would continue next month.\n",
            encoding="utf-8",
        )
    with (folder / "export.jsonl").open("w", encoding="utf-8") as out:
        for i in range(records):
            record = {
                "id": f"rec-{i}",
                "title": f"Record {i}",
                "published": "2023-07-20",
                "text": f"Record {i} tells of {TOPICS[i % len(TOPICS)]} between two states.",
            }
            out.write(json.dumps(record) + "\n")


def stored_ids(store: Store) -> set[str]:
    """Ids of every article in the store."""
    return {article.id for article in store.iter_articles()}


def test_second_ingest_adds_nothing(tmp_path: Path, db_url: str) -> None:
    write_corpus(tmp_path / "in", files=5, records=20)
    with Store.open(db_url) as store:
        first = ingest([str(tmp_path / "in")], store)
        second = ingest([str(tmp_path / "in")], store)
        assert first.articles == 25 and not first.errors
        assert second.articles == 0
        assert second.duplicates == 25
        assert store.count("articles") == 25


def test_bad_files_are_reported_and_the_rest_go_in(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", files=3, records=4)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    with (tmp_path / "in" / "export.jsonl").open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    with Store.open(str(tmp_path / "t.db")) as store:
        summary = ingest([str(tmp_path / "in"), str(tmp_path / "missing.html")], store)
        assert summary.articles == 7
        failed = " | ".join(str(error) for error in summary.errors)
        assert "empty.txt" in failed and "binary.txt" in failed and "missing.html" in failed
        assert "export.jsonl:5" in failed
        assert len(summary.errors) == 4


def test_same_article_in_two_files_is_stored_once_with_both_sources(tmp_path: Path) -> None:
    text = "Wire copy\n\nTwo states signed a grain agreement on Monday, officials said.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    with Store.open(str(tmp_path / "t.db")) as store:
        summary = ingest([str(tmp_path)], store)
        assert (summary.articles, summary.duplicates) == (1, 1)
        assert store.count("article_sources") == 2


def consistent(db: Path) -> tuple[int, int]:
    """Rows in the store after a crash, asserting no article lacks its source row."""
    with sqlite3.connect(db) as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        if "articles" not in tables:  # killed before the schema was created
            return 0, 0
        orphans = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_sources s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        assert orphans == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        (articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
        (sources,) = conn.execute("SELECT count(*) FROM article_sources").fetchone()
    return articles, sources


def committed(db: Path) -> int:
    """Articles committed so far, from a read-only snapshot that does not block the writer."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # no file or no schema yet
        return 0


# Kill points are commits, not delays: a fixed delay landed anywhere (or after the end) under load.
@pytest.mark.parametrize("after", [0, 500, 1500])
def test_kill_9_mid_ingest_then_rerun_completes(tmp_path: Path, after: int) -> None:
    corpus = tmp_path / "in"
    write_corpus(corpus, files=120, records=3000)
    clean_db = tmp_path / "clean.db"
    with Store.open(str(clean_db)) as store:
        ingest([str(corpus)], store)
        expected = stored_ids(store)

    db = tmp_path / "crash.db"
    # --articles-only: the re-run is timed, and coding 3,120 articles took minutes under load.
    command = [
        sys.executable, "-m", "detente.cli", "ingest", "--articles-only", str(corpus),
        "--db", str(db),
    ]  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and committed(db) < after:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before, _ = consistent(db) if db.exists() else (0, 0)
    assert before <= len(expected)

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    consistent(db)
    with Store.open(str(db)) as store:
        assert stored_ids(store) == expected


JUNK = (
    "Putin had doctors rush",
    "Kim Jong Un says",
    "Elon Musk",
    "Jeep Is Leaving China",
    "Sign up for",
    "does not provide any financial advice",
    "Leave a Comment",
    "Comments / 0",
    "In this file",
)


def test_ingest_of_the_seeds(shared: Path, tmp_path: Path) -> None:
    """`detente ingest ../shared/seeds`: every article cut right, dated right, and clean."""
    gold = [
        json.loads(line)
        for line in (REPO / "tests/fixtures/articles/gold_seeds.jsonl").read_text().splitlines()
        if line.strip()
    ]
    db = tmp_path / "seeds.db"
    command = [
        sys.executable,
        "-m",
        "detente.cli",
        "ingest",
        str(shared / "seeds"),
        "--db",
        str(db),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Store.open(str(db)) as store:
        found = list(store.iter_articles())
    per_file: dict[str, int] = {}
    for article in found:
        name = Path(article.source).name
        per_file[name] = per_file.get(name, 0) + 1
        assert not any(junk in article.text for junk in JUNK), (name, article.title)
    expected = {}
    for item in gold:
        expected[item["file"]] = expected.get(item["file"], 0) + 1
    assert per_file == expected
    assert per_file["000_688c60bd21f9b34c.txt"] == 3
    assert all(per_file[name] == 1 for name in per_file if name[:3] in ("002", "003", "004"))
    by_title = {(Path(a.source).name, a.title): a for a in found}
    for item in gold:
        article = by_title[(item["file"], item["title"])]
        assert article.outlet == item["outlet"], item["title"]
        published = article.published.isoformat() if article.published else None
        if item["published"] is None and article.published_basis == "story":
            continue  # no date of its own: it took its story's (tests/test_stories_seeds.py)
        assert published == item["published"], item["title"]
