"""Turning the command line's paths and URLs into the list of things to read."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import PurePath

from detente.sources.web import is_url


def expand(inputs: Iterable[str]) -> list[str]:
    """Files (folders walked recursively, sorted, hidden files/dirs skipped) and URLs to read."""
    found: list[str] = []
    for item in inputs:
        if not is_url(item) and os.path.isdir(item):
            found.extend(_walk(item))
        else:
            found.append(item)  # a missing path too: read_one reports it
    return list(dict.fromkeys(found))


def _walk(folder: str) -> list[str]:
    """The visible files under `folder` in path order; a folder that cannot be listed is kept."""
    files: list[str] = []

    def keep_unlistable(error: OSError) -> None:
        files.append(str(error.filename))

    for root, dirs, names in os.walk(folder, onerror=keep_unlistable):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        files.extend(os.path.join(root, name) for name in names if not name.startswith("."))
    return sorted(files, key=lambda path: PurePath(path).parts)
