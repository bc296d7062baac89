"""Scoring article extraction against gold: how often `extract` gets each field right.

Gold is JSONL, one expected article a line: `file` (relative to the folder scored), `position`,
`title`, `outlet`, `authors` (list), `published` (ISO date or null), `url`. Articles are matched to
gold by file and position; a missing article counts as wrong on every field.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from detente.articles.extract import extract
from detente.articles.ids import normalize
from detente.articles.model import Article
from detente.sources.base import Document

FIELDS = ("title", "outlet", "authors", "published", "url")
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_REQUIRED = frozenset({"file", "position", *FIELDS})


def load_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Gold articles by file name, each file's in order of position."""
    gold: dict[str, list[dict[str, Any]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not valid JSON ({error.msg})") from error
        missing = _REQUIRED - set(item) if isinstance(item, dict) else _REQUIRED
        if missing:
            raise ValueError(f"{path}:{number}: gold article lacks {', '.join(sorted(missing))}")
        gold.setdefault(item["file"], []).append(item)
    for items in gold.values():
        items.sort(key=lambda item: item["position"])
    return gold


def score_extraction(
    pairs: Iterable[tuple[list[Article], list[dict[str, Any]]]],
) -> dict[str, float]:
    """Per-field accuracy over (articles extracted from a document, its gold articles) pairs.

    Also: `documents`, `gold_articles`, `found_articles`, and `split` (the share of documents
    cut into exactly as many articles as the gold has).
    """
    documents = gold_count = found_count = split_right = 0
    right: Counter[str] = Counter()
    for found, gold in pairs:
        documents += 1
        gold_count += len(gold)
        found_count += len(found)
        split_right += len(found) == len(gold)
        by_position = {article.position: article for article in found}
        for expected in gold:
            article = by_position.get(expected["position"])
            if article is not None:
                right.update(name for name in FIELDS if _same(name, article, expected))
    scores: dict[str, float] = {
        "documents": documents,
        "gold_articles": gold_count,
        "found_articles": found_count,
        "split": split_right / documents if documents else 0.0,
    }
    scores.update({name: right[name] / gold_count if gold_count else 0.0 for name in FIELDS})
    return scores


def _same(name: str, article: Article, expected: dict[str, Any]) -> bool:
    """Whether the article's field agrees with the gold value (text compared normalised)."""
    wanted = expected[name]
    if name == "authors":
        return sorted(map(normalize, article.authors)) == sorted(map(normalize, wanted))
    if name == "published":
        return (article.published.isoformat() if article.published else None) == wanted
    return normalize(getattr(article, name) or "") == normalize(wanted or "")


def score_folder(folder: Path, gold_path: Path) -> dict[str, float]:
    """Extract every file the gold names from the folder, and score the result."""
    pairs = []
    for name, gold in load_gold(gold_path).items():
        path = folder / name
        try:
            content = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ValueError(f"{gold_path}: gold file {name} cannot be read ({error})") from error
        document = Document(
            source=str(path), content=content, is_html=path.suffix.lower() in _HTML_SUFFIXES
        )
        pairs.append((extract(document), gold))
    return score_extraction(pairs)
