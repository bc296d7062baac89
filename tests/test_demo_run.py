"""Tests for detente.demo and `detente demo`/`detente serve`: the newcomer's first commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fixtures.serving import first_answer, free_port

from detente.store.articles import Store


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The demo run once, without serving: its database, its report folder and what it printed."""
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.db"
    command = [sys.executable, "-m", "detente.cli", "demo", "--no-serve", "--db", str(db)]
    done = subprocess.run(
        [*command, "--report", str(folder)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return db, folder, done.stdout


def test_demo_codes_and_groups_the_corpus(demo_run: tuple[Path, Path, str]) -> None:
    db, _, printed = demo_run
    with Store.open(str(db)) as store:
        assert store.count("articles") >= 55
        assert store.count("events") > 100
        assert store.count("quotes") > 10 and store.count("claims") > 10
        assert 0 < store.count("stories") < store.count("articles")
    assert "largest stories" in printed


def test_demo_writes_the_sample_brief(demo_run: tuple[Path, Path, str]) -> None:
    _, folder, printed = demo_run
    (html,) = folder.glob("brief-CHN-RUS-*.html")
    (pdf,) = folder.glob("brief-CHN-RUS-*.pdf")
    assert "<svg" in html.read_text(encoding="utf-8")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Sample brief" in printed


def test_serve_prints_its_address_and_serves_the_dashboard(
    demo_run: tuple[Path, Path, str],
) -> None:
    db, _, _ = demo_run
    port = free_port()
    command = [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        assert f"http://127.0.0.1:{port}/" in server.stdout.readline()
        page = first_answer(f"http://127.0.0.1:{port}/dyad/CHN-RUS")
        assert page.status_code == 200 and "<svg" in page.text
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
