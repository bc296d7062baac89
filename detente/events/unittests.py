"""Scores of the event coder on PETRARCH's unit-test and validation records, read with the
PETRARCH test dictionaries (Arnor ARN, Gondor GON, ...) those records are coded against."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from detente.actors.dictionary import load
from detente.actors.resolver import Resolver
from detente.events.coder import Coder
from detente.events.evaluate import (
    _BATCH,
    NO_TARGET,
    Sentence,
    Triple,
    _compact,
    _gold_country,
    dyadic,
    matched,
    triple_scores,
)
from detente.events.model import Event
from detente.events.tables import load_tables
from detente.language import load_nlp

DICTIONARIES = (
    "eval/petrarch_unittest/PETR.Validate.actors.txt",
    "eval/petrarch_unittest/PETR.Validate.agents.txt",
)
_VIEWS = {"root": lambda code: code[:2], "pair": lambda code: ""}
"""How triples are compared: by root code, or by their actors only."""
RECORDS = {
    "petr_unit": ("eval/petrarch_unittest/PETR.UnitTest.records.jsonl", ("pair",)),
    "petr_validate": ("eval/petrarch_gsr/PETR_Validate_records_2_02.jsonl", ("root", "pair")),
}
"""The record files scored, by the prefix of their keys, with the views each is scored in,
the first of which decides whether a record passed. The unit-test file's codes are mostly
WEIS codes from KEDS (its verbs file says so) and the validation file's full codes come from
PETRARCH's test verb dictionary (some, such as 345, are no CAMEO code), so neither is scored
by full code, and the unit-test file only by who acts on whom."""
_INCLUDE = re.compile(r"<Include>(.*?)</Include>", re.S)


@dataclass(frozen=True, slots=True)
class Record:
    """One PETRARCH test record: its id, category and sentence with the gold triples."""

    id: str
    category: str
    sentence: Sentence


def records(path: Path) -> list[Record]:
    """The records of a jsonl file that PETRARCH evaluates.

    `evaluate` true counts and false does not; where it is missing (the unit-test file), a
    record counts when its category is on the `<Include>` line of the file's XML twin.
    """
    xml = path.with_suffix(".xml")
    found = _INCLUDE.search(xml.read_text(encoding="utf-8")) if xml.is_file() else None
    included = set(found.group(1).split()) if found else None
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        flag = record.get("evaluate")
        if flag is None:
            wanted = included is None or record["category"] in included
        else:
            wanted = str(flag).lower() == "true"
        if wanted and record.get("text"):
            sentence = Sentence(record["text"], _compact(record.get("date")), _gold(record))
            out.append(Record(str(record.get("id")), record["category"], sentence))
    return out


def _gold(record: dict) -> set[Triple]:
    """The record's gold triples at country level; a missing actor is `---`, and a compound
    code (`FRO/BIL/SAM`) gives one triple per code. Errors and discards give none."""
    gold: set[Triple] = set()
    for event in record["events"]:
        if "eventcode" not in event:
            continue
        sources = event.get("sourcecode", NO_TARGET).split("/")
        targets = event.get("targetcode", NO_TARGET).split("/")
        for source, target in product(sources, targets):
            gold.add((_gold_country(source), _gold_country(target), event["eventcode"]))
    return gold


def coded(sentences: list[Sentence], resolver: Resolver) -> Iterator[list[Event]]:
    """The real (not negated, not hypothetical) dyadic events of each sentence, as PETRARCH
    codes them: future actions stay what they are, not announcements."""
    nlp = load_nlp()
    coder = Coder(load_tables())
    docs = nlp.pipe((s.text for s in sentences), batch_size=_BATCH)
    for sentence, doc in zip(sentences, docs, strict=True):
        events = coder.code(doc, resolver.resolve(doc, sentence.published), sentence.published)
        yield [e for e in events if not (e.negated or e.hypothetical) and dyadic(e)]


def scored(
    name: str, found: list[Record], resolver: Resolver, views: tuple[str, ...]
) -> dict[str, float | int]:
    """Triple precision, recall and F1 in each view, the no-event false rate, and the share of
    records passed (triples of the first view all found, none extra), overall and per
    category."""
    counts: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    no_event = no_event_false = 0
    sentences = [record.sentence for record in found]
    for record, events in zip(found, coded(sentences, resolver), strict=True):
        gold = record.sentence.gold if isinstance(record.sentence.gold, set) else set()
        if not gold:
            no_event += 1
            no_event_false += bool(events)
        for view in views:
            read = _VIEWS[view]
            hits, predicted = matched(gold, events, read)
            wanted = len({(s, t, read(c)) for s, t, c in gold})
            counts[f"{view}.tp"] += hits
            counts[f"{view}.pred"] += predicted
            counts[f"{view}.gold"] += wanted
            if view == views[0]:
                seen[record.category] += 1
                passed[record.category] += hits == predicted == wanted
    out: dict[str, float | int] = {
        f"{name}.n_records": len(found),
        f"{name}.n_no_event_records": no_event,
    }
    out.update(triple_scores(name, views, counts))
    out[f"{name}.no_event_false_rate"] = round(no_event_false / no_event, 4) if no_event else 0.0
    out[f"{name}.pass"] = round(sum(passed.values()) / len(found), 4) if found else 0.0
    for category in sorted(seen):
        out[f"{name}.pass.{category}"] = round(passed[category] / seen[category], 4)
        out[f"{name}.n_{category}"] = seen[category]
    return out


def resolver(shared: Path) -> Resolver:
    """A resolver with detente's dictionaries overridden by the PETRARCH test dictionaries."""
    return Resolver(load([shared / path for path in DICTIONARIES]))


def score(shared: Path) -> dict[str, float | int]:
    """Every score on both record files, as flat keys (`petr_unit.root_f1`, ...)."""
    reading = resolver(shared)
    out: dict[str, float | int] = {}
    for name, (path, views) in RECORDS.items():
        out.update(scored(name, records(shared / path), reading, views))
    return out
