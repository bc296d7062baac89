"""Word lists kept as tab-separated data files: quote cues, channel and speaker nouns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files


def read_table(package: str, name: str, columns: int) -> list[list[str]]:
    """The rows of `package`'s data/NAME.tsv below its header; `#` lines are comments."""
    path = files(package) / "data" / f"{name}.tsv"
    rows: list[list[str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and line[0] != "#"]
    for number, line in body[1:]:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != columns or not all(cells):
            raise ValueError(f"{path}:{number}: expected {columns} tab-separated values: {line!r}")
        rows.append(cells)
    return rows


_USES = ("reported", "quoted", "naming")


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue words by lemma and cue phrases by words, each with its use: `reported`, `quoted` or
    `naming` (see data/cues.tsv)."""

    lemmas: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    by_first: dict[str, list[tuple[int, tuple[str, ...], str]]]
    """The phrases by their first word, each with its place in the file (later ones win)."""


@cache
def cues() -> Cues:
    """The cue words of data/cues.tsv."""
    lemmas: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for cue, use in read_table("detente.quotes", "cues", 2):
        if use not in _USES:
            raise ValueError(f"data/cues.tsv: {cue!r} has use {use!r}, not one of {_USES}")
        words = tuple(cue.lower().split())
        if len(words) == 1:
            lemmas[words[0]] = use
        else:
            phrases[words] = use
    by_first: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for place, (words, use) in enumerate(phrases.items()):
        by_first.setdefault(words[0], []).append((place, words, use))
    return Cues(lemmas, phrases, by_first)


@cache
def nouns() -> dict[str, str]:
    """Noun lemma -> `channel`, `document` or `organization`, from data/nouns.tsv."""
    return {noun.lower(): kind for noun, kind in read_table("detente.quotes", "nouns", 2)}
