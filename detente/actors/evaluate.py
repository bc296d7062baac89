"""Scoring the resolver against public gold actors in ../shared/eval.

- PLOVER GSR (plover_gsr/PLOVER_GSR_CAMEO.json): for each gold source and target actor, the
  mention overlapping its `actorText` in the sentence is compared with the gold country and
  sector; error counts say how it went wrong (missed, no country, wrong country, wrong, missing
  or extra sector). Sectors are compared in PLOVER's codes (gold `JRN` is our `MED`).
- ZSP PLOVER (zsp_plover/PLV_train.tsv, `<s>`/`<t>` marks) and ConfliBERT CAMEO
  (conflibert_cameo/cameo_ner_train.txt, BIO tags S, T and R): the share of gold source, target
  (and reciprocal) spans that an actor mention overlaps, and the share of actor mentions that
  lie outside every gold span. Location mentions (`place`) are not actors and are not counted.

Gold text and labels are read at run time; nothing of them is stored in the repository.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from detente.actors.model import Mention
from detente.actors.resolver import Resolver
from detente.language import load_nlp

GSR = Path("eval/plover_gsr/PLOVER_GSR_CAMEO.json")
ZSP = Path("eval/zsp_plover/PLV_train.tsv")
CONFLIBERT = Path("eval/conflibert_cameo/cameo_ner_train.txt")
SPAN_DAY = date(2018, 6, 30)
"""The day roles are read on for the two undated span sets (their news is from about 2016-2020),
fixed so that scores do not drift with the calendar."""
BATCH = 64  # sentences per nlp.pipe batch; 32-128 timed the same on 2 cores
_LEGACY = {"JAP": "JPN", "ITL": "ITA", "KOS": "XKX", "ROM": "ROU", "GER": "DEU"}
"""CAMEO's old country codes in the GSR and their ISO-3 codes."""
_GOLD_SECTORS = {"CIV": "CVL", "MOS": "REL", "CHR": "REL"}
"""Gold sector codes that are typos or religion codes, as the PLOVER sector they mean."""
_CLASSES = ("IGO", "NGO", "IMG", "ISM", "MNC")
_ENTITIES = {"UNO": "IGO", "EUR": "IGO"}
_MARK = re.compile(r"</?[st]>")


@dataclass(slots=True)
class _Span:
    """A gold actor span in a sentence."""

    start: int
    end: int
    role: str


def score(shared: Path) -> dict[str, float | int]:
    """Every actor measure over the gold sets found under `shared` (the ../shared folder)."""
    resolver = Resolver()
    scores: dict[str, float | int] = {}
    scores.update(score_gsr(shared / GSR, resolver))
    scores.update(score_spans("zsp", zsp_spans(shared / ZSP), resolver))
    scores.update(score_spans("conflibert", conflibert_spans(shared / CONFLIBERT), resolver))
    return scores


def _resolve(
    items: Iterable[tuple[str, date | None]], resolver: Resolver
) -> Iterator[list[Mention]]:
    """The mentions of each (text, day), parsed in batches."""
    pairs = list(items)
    docs = load_nlp().pipe((text for text, _ in pairs), batch_size=BATCH)
    for (_, day), doc in zip(pairs, docs, strict=True):
        yield resolver.resolve(doc, day)


# --- PLOVER GSR ------------------------------------------------------------------------------


def score_gsr(path: Path, resolver: Resolver) -> dict[str, float | int]:
    """Country and sector accuracy of the mentions found at the GSR's gold actor texts."""
    records = [r for r in json.loads(path.read_text("utf-8")) if r.get("text")]
    items = [(r["text"], _day(r.get("date"))) for r in records]
    errors: Counter[str] = Counter()
    actors = located = country_right = sector_scored = sector_right = named = named_right = 0
    for record, mentions in zip(records, _resolve(items, resolver), strict=True):
        for gold in _gold_actors(record):
            actors += 1
            span = _locate(record["text"], gold.get("actorText") or "")
            if span is None:
                errors["unlocated"] += 1
                continue
            located += 1
            mention = _best(mentions, *span)
            wanted_sector = _gold_sector(gold.get("sector"))
            if wanted_sector != "***":
                sector_scored += 1
                named += wanted_sector is not None
            if mention is None:
                errors["missed"] += 1
                continue
            country, sector = _country(mention), _plover(resolver, mention.actor.sector)
            wanted = _LEGACY.get(gold.get("code") or "", gold.get("code") or "")[:3]
            if country == wanted:
                country_right += 1
            else:
                errors["no_country" if country is None else "wrong_country"] += 1
            if wanted_sector == "***":
                continue
            if sector == wanted_sector:
                sector_right += 1
                named_right += wanted_sector is not None
            elif wanted_sector is None:
                errors["extra_sector"] += 1
            else:
                errors["missing_sector" if sector is None else "wrong_sector"] += 1
    scores: dict[str, float | int] = {
        "n_gsr_actors": actors,
        "n_gsr_located": located,
        "gsr_country_accuracy": _share(country_right, located),
        "gsr_sector_accuracy": _share(sector_right, sector_scored),
        "gsr_named_sector_accuracy": _share(named_right, named),
    }
    for kind in (
        "missed", "no_country", "wrong_country", "wrong_sector", "missing_sector", "extra_sector",
    ):  # fmt: skip
        scores[f"gsr_{kind}_errors"] = errors[kind]
    scores["n_gsr_unlocated"] = errors["unlocated"]
    return scores


def _day(value: Any) -> date | None:
    """A record's ISO date, or None."""
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _gold_actors(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The gold source and target actors of a GSR record."""
    for key in ("source", "target"):
        value = record.get(key)
        if isinstance(value, list):
            yield from (actor for actor in value if isinstance(actor, dict))


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where a gold actorText lies in the sentence; "U.S. ... negotiators" spans its parts."""
    pieces = [piece.strip(" ({") for piece in actor_text.split("...") if piece.strip()]
    if not pieces:
        return None
    found = []
    for piece in pieces:
        piece = " ".join(piece.split())
        at = text.find(piece)
        if at < 0:
            return None
        found.append((at, at + len(piece)))
    return min(start for start, _ in found), max(end for _, end in found)


def _best(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention overlapping a span most, actors before places."""
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    if not overlapping:
        return None
    return max(
        overlapping,
        key=lambda m: (not m.place, min(end, m.end) - max(start, m.start), -m.start),
    )


def _country(mention: Mention) -> str | None:
    """The mention's country in the GSR's terms: ISO-3, or IGO/NGO for international bodies."""
    actor = mention.actor
    if actor.code[:3] in _CLASSES:
        return actor.code[:3]
    return _ENTITIES.get(actor.country or "", actor.country) or None


def _plover(resolver: Resolver, sector: str | None) -> str | None:
    """Our sector as PLOVER writes it."""
    if sector is None:
        return None
    found = resolver.dictionary.sector(sector)
    return found.plover or sector if found else sector


def _gold_sector(value: Any) -> str | None:
    """A gold sector's first three letters, typos and religion codes mapped; "***" kept."""
    if not value:
        return None
    code = str(value)[:3].upper()
    return _GOLD_SECTORS.get(code, code)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


# --- span coverage -------------------------------------------------------------------------


def score_spans(
    name: str, sentences: Iterable[tuple[str, list[_Span]]], resolver: Resolver
) -> dict[str, float | int]:
    """Share of gold spans an actor mention overlaps, per role, and of mentions outside all."""
    items = list(sentences)
    gold: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    actors = outside = 0
    texts = ((text, SPAN_DAY) for text, _ in items)
    for (_, spans), mentions in zip(items, _resolve(texts, resolver), strict=True):
        found = [m for m in mentions if not m.place]
        for span in spans:
            gold[span.role] += 1
            covered[span.role] += any(m.start < span.end and span.start < m.end for m in found)
        actors += len(found)
        outside += sum(not any(m.start < s.end and s.start < m.end for s in spans) for m in found)
    scores: dict[str, float | int] = {
        f"n_{name}_sentences": len(items),
        f"n_{name}_spans": sum(gold.values()),
        f"n_{name}_actors": actors,
        f"{name}_span_coverage": _share(sum(covered.values()), sum(gold.values())),
    }
    for role in sorted(gold):
        scores[f"{name}_{role}_coverage"] = _share(covered[role], gold[role])
    scores[f"{name}_actors_outside"] = _share(outside, actors)
    return scores


def zsp_spans(path: Path) -> Iterator[tuple[str, list[_Span]]]:
    """Sentences of the ZSP PLOVER set with their `<s>` source and `<t>` target spans."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text, spans = _unmark(row.get("marked_sentence") or "")
            if spans:
                yield text, spans


def _unmark(marked: str) -> tuple[str, list[_Span]]:
    """A sentence without its `<s>`/`<t>` marks, and the spans the marks enclosed."""
    pieces: list[str] = []
    spans: list[_Span] = []
    opened: dict[str, int] = {}
    length = position = 0
    for match in _MARK.finditer(marked):
        pieces.append(marked[position : match.start()])
        length += match.start() - position
        position = match.end()
        tag = match.group()
        role = "source" if tag.strip("</>") == "s" else "target"
        if not tag.startswith("</"):
            opened[role] = length
        elif role in opened:
            spans.append(_Span(opened.pop(role), length, role))
    pieces.append(marked[position:])
    return "".join(pieces), spans


def conflibert_spans(path: Path) -> Iterator[tuple[str, list[_Span]]]:
    """Sentences of the ConfliBERT CAMEO NER set, tokens joined by spaces, with their spans."""
    roles = {"S": "source", "T": "target", "R": "reciprocal"}
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word or tag, tag if word else "O"))
            continue
        if not tokens:
            continue
        text, spans, at = [], [], 0
        current: _Span | None = None
        for word, tag in tokens:
            begin, _, label = tag.partition("-")
            if current is not None and (begin != "I" or roles.get(label) != current.role):
                spans.append(current)
                current = None
            if begin == "B" and label in roles:
                current = _Span(at, at + len(word), roles[label])
            elif begin == "I" and current is not None:
                current.end = at + len(word)
            text.append(word)
            at += len(word) + 1
        if current is not None:
            spans.append(current)
        tokens = []
        if spans:
            yield " ".join(text), spans
