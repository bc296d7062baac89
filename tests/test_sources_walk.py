"""Tests for detente.sources.walk: what `detente ingest PATH...` will read, in order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from detente.sources.walk import expand


def make(root: Path, *names: str) -> None:
    """Create small files at the given relative paths."""
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_folders_are_walked_sorted_without_hidden_entries(tmp_path: Path) -> None:
    make(tmp_path, "b.txt", "a b/c.txt", "a/z.txt", "a/sub/y.txt", ".hidden.txt", ".git/x.txt")
    make(tmp_path, "a/.cache/w.txt", "-dash.txt", "Пекин.txt")
    found = [Path(path).relative_to(tmp_path).as_posix() for path in expand([str(tmp_path)])]
    assert found == ["-dash.txt", "a/sub/y.txt", "a/z.txt", "a b/c.txt", "b.txt", "Пекин.txt"]


def test_files_urls_and_missing_paths_pass_through_in_order(tmp_path: Path) -> None:
    make(tmp_path, "one.txt")
    one = str(tmp_path / "one.txt")
    missing = str(tmp_path / "missing.txt")
    url = "https://example.org/feed.xml"
    assert expand([url, missing, one, one]) == [url, missing, one]


def test_explicitly_named_hidden_file_is_kept(tmp_path: Path) -> None:
    make(tmp_path, ".notes.txt")
    assert expand([str(tmp_path / ".notes.txt")]) == [str(tmp_path / ".notes.txt")]


def test_unlistable_subfolder_is_kept_for_read_one_to_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(tmp_path, "ok.txt", "locked/secret.txt")
    locked = str(tmp_path / "locked")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert expand([str(tmp_path)]) == [locked, str(tmp_path / "ok.txt")]
