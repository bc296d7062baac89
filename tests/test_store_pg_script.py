"""Tests for scripts/pg.sh: its usage and its answers when no server is running."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "pg.sh"


def _run(*args: str, state: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DETENTE_PG_STATE": str(state)}
    return subprocess.run(
        ["bash", str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=30
    )


def test_unknown_command_prints_usage(tmp_path: Path) -> None:
    result = _run("restart", state=tmp_path / "state")
    assert result.returncode == 2
    assert "usage: scripts/pg.sh start|stop|url" in result.stderr


def test_url_without_a_server_says_how_to_start_one(tmp_path: Path) -> None:
    result = _run("url", state=tmp_path / "state")
    assert result.returncode == 1
    assert "scripts/pg.sh start" in result.stderr


def test_stop_without_a_server_is_harmless(tmp_path: Path) -> None:
    assert _run("stop", state=tmp_path / "state").returncode == 0
