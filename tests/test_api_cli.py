"""`detente serve`: one process, or several workers over one store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fixtures.desk.store import build
from fixtures.serving import first_answer, free_port


def _workers(parent: int) -> int:
    """How many multiprocessing workers the process `parent` has started (from /proc)."""
    found = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        found += ppid == parent and b"spawn_main" in command
    return found


def test_serve_with_two_workers_answers_from_the_store(tmp_path: Path) -> None:
    desk = build(tmp_path)
    desk.store.close()
    port = free_port()
    command = [sys.executable, "-m", "detente.cli", "serve", "--db", desk.url]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        response = first_answer(f"http://127.0.0.1:{port}/api/dyads")
        assert response.status_code == 200
        assert "CHN-RUS" in {item["dyad"] for item in response.json()["items"]}
        assert _workers(server.pid) == 2
    finally:
        server.terminate()
        server.wait(timeout=30)
