"""`detente eval quotes`: direct quotes scored against PolNeAR (train and dev).

PolNeAR marks attributions (source, cue, content) in US political news. A gold direct quote is
an attribution whose content holds a pair of double quote marks; where an article was annotated
more than once, the first annotation (by file name) is used. A found direct quote is right when
its content overlaps a gold direct quote's content; its speaker is right when its speaker span
overlaps that quote's source span (scored over found quotes whose gold quote has a source).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.language import load_nlp
from detente.quotes.attribution import find_quotes

_SPLITS = ("train", "dev")
_DOUBLE_MARKS = re.compile(r"''|[\"“”]")
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.MULTILINE)
_EVENT = re.compile(r"^E\d+\t(.*)$", re.MULTILINE)
_ANNOTATOR = re.compile(r"_[0-9a-f]{4}\.ann$")
_BATCH = 16  # articles per spaCy batch
_PROCESSES = 2  # the machine this was measured on has 2 cores: train + dev parse in about 2 min

Spans = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold direct quote: its content spans and its source spans (empty when unsourced)."""

    content: Spans
    source: Spans


def score(shared: Path, limit: int | None = None) -> dict[str, float | int]:
    """Detection precision and recall of direct quotes, and speaker accuracy, on PolNeAR train
    and dev; `limit` scores only the first articles of each split."""
    folder = shared / "eval" / "polnear" / "data"
    articles = [a for split in _SPLITS for a in list(read_split(folder / split))[:limit]]
    nlp = load_nlp()
    texts = [text for text, _ in articles]
    tally = {"gold": 0, "recalled": 0, "found": 0, "right": 0, "sourced": 0, "speaker": 0}
    docs = nlp.pipe(texts, batch_size=_BATCH, n_process=_PROCESSES)
    for (_, gold), doc in zip(articles, docs, strict=True):
        found = [q for q in find_quotes(doc) if q.kind == "direct"]
        tally["gold"] += len(gold)
        tally["recalled"] += sum(
            1 for g in gold if any(_hits(g.content, q.start, q.end) for q in found)
        )
        for quote in found:
            matched = [g for g in gold if _hits(g.content, quote.start, quote.end)]
            tally["found"] += 1
            tally["right"] += bool(matched)
            sourced = [g for g in matched if g.source]
            if sourced:
                tally["sourced"] += 1
                start, end = quote.speaker_start, quote.speaker_end
                tally["speaker"] += (
                    start is not None
                    and end is not None
                    and any(_hits(g.source, start, end) for g in sourced)
                )
    return {
        "n_articles": len(articles),
        "n_gold_direct": tally["gold"],
        "n_found_direct": tally["found"],
        "precision": _ratio(tally["right"], tally["found"]),
        "recall": _ratio(tally["recalled"], tally["gold"]),
        "speaker_accuracy": _ratio(tally["speaker"], tally["sourced"]),
    }


def read_split(folder: Path) -> Iterator[tuple[str, list[GoldQuote]]]:
    """(text, gold direct quotes) for each article of one PolNeAR split folder."""
    seen: set[str] = set()
    for path in sorted((folder / "attributions").glob("*.ann")):
        name = _ANNOTATOR.sub("", path.name)
        if name in seen:
            continue
        seen.add(name)
        text_path = folder / "text" / f"{name}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
            annotation = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ValueError(f"{text_path}: cannot read PolNeAR article ({error})") from error
        yield text, _direct_quotes(text, annotation)


def _direct_quotes(text: str, annotation: str) -> list[GoldQuote]:
    """The gold direct quotes of one article's standoff annotation."""
    bounds = {
        match[1]: [tuple(map(int, part.split())) for part in match[3].split(";")]
        for match in _TEXT_BOUND.finditer(annotation)
    }
    quotes = []
    for match in _EVENT.finditer(annotation):
        roles = dict(part.split(":", 1) for part in match[1].split())
        content = bounds.get(roles.get("Content", ""))
        if not content:
            continue
        written = " ".join(text[a:b] for a, b in content)
        if len(_DOUBLE_MARKS.findall(written)) >= 2:
            quotes.append(GoldQuote(content, bounds.get(roles.get("Source", ""), [])))
    return quotes


def _hits(spans: Spans, start: int, end: int) -> bool:
    """Whether any of `spans` shares a character with start-end."""
    return any(a < end and start < b for a, b in spans)


def _ratio(part: int, whole: int) -> float:
    """part / whole to three places, 0.0 for an empty whole."""
    return round(part / whole, 3) if whole else 0.0
