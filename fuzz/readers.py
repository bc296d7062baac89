"""A bounded atheris run over the HTML and feed readers and the article stage behind them.

Any bytes must give documents or ReadErrors, and each document articles or an ExtractError;
anything else is a crash that atheris reports with the input that caused it.

    .venv/bin/python fuzz/readers.py [RUNS]      # default 20000 inputs, seeded from the fixtures
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["detente"]):
    from detente.articles import extract
    from detente.articles.extract import ExtractError
    from detente.sources.base import Document, ReadError, ReadOptions
    from detente.sources.read import read_content

RUNS = 20_000
"""Inputs tried by default: 5,000 took 41 s on the shared 2-core development machine."""
OPTIONS = ReadOptions(max_bytes=65_536)
SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sources"
SEED_SUFFIXES = (".html", ".rss", ".atom", ".xml")
CRASHES = Path(__file__).resolve().parent / "crashes"
"""Where atheris writes an input that crashed a reader (git-ignored)."""


def one_input(data: bytes) -> None:
    """Read `data` as a page and as a feed; cut articles out of every document."""
    for kind in ("html", "feed"):
        for item in read_content("fuzz-input", kind, data, OPTIONS):
            if isinstance(item, ReadError):
                continue
            if not isinstance(item, Document):
                raise TypeError(f"a reader yielded {type(item).__name__}")
            with contextlib.suppress(ExtractError):
                extract(item)


def main() -> None:
    """Run atheris for the number of inputs given on the command line (else RUNS)."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    with tempfile.TemporaryDirectory(prefix="detente-fuzz-") as corpus:
        for seed in SEEDS.iterdir():  # a copy: libFuzzer adds what it finds to the first folder
            if seed.suffix in SEED_SUFFIXES:
                shutil.copy(seed, corpus)
        CRASHES.mkdir(exist_ok=True)
        flags = [f"-runs={runs}", "-max_len=8192", f"-artifact_prefix={CRASHES}/"]
        atheris.Setup([sys.argv[0], *flags, corpus], one_input)
        atheris.Fuzz()


if __name__ == "__main__":
    main()
