"""Scores of the event coder on the public gold sets in ../shared/eval, per class and overall."""

from __future__ import annotations

import csv
import json
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from detente.actors.resolver import Resolver
from detente.events.coder import HOST_CODE, Coder, announced
from detente.events.model import Event
from detente.events.tables import load_tables
from detente.language import load_nlp

DATA = Path(__file__).resolve().parent / "data" / "evaluate.toml"
PLOVER_GSR = "eval/plover_gsr/PLOVER_GSR_CAMEO.json"
ZSP = "eval/zsp_plover/PLV_train.tsv"
PETR2 = "eval/petrarch_gsr/PETR2_GSR_validation.jsonl"
CONFLIBERT = "eval/conflibert_cameo/cameo_class_train.tsv"
NONE = "NONE"
"""The class of a sentence the coder gives no event."""
NO_TARGET = "---"
"""The country of a missing source or target in a CAMEO triple, as PETRARCH writes it."""
UNPLACED = "?"
"""A gold actor PETRARCH found but could place in no country ("---LEG" for "Congress"): the
gold cannot say which country is right, so any country we give (or none) matches it."""
_BATCH = 64  # sentences per nlp.pipe batch: the default, fastest on 2 cores here


@dataclass(frozen=True, slots=True)
class Sentence:
    """One gold sentence: its text, the date to read it on, and its gold label(s)."""

    text: str
    published: date | None
    gold: object


@cache
def _settings(path: Path = DATA) -> dict:
    """The type and country maps of evaluate.toml."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def coded(
    sentences: list[Sentence], announced: bool = True
) -> Iterator[tuple[Sentence, list[Event]]]:
    """Each sentence with the events the coder counts as real in it (no negated or
    hypothetical ones), parsed in batches; with `announced`, future events are coded as
    the announcements PLOVER's gold sets make of them (see `convention`)."""
    nlp = load_nlp()
    resolver = Resolver()
    coder = Coder(load_tables())
    docs = nlp.pipe((s.text for s in sentences), batch_size=_BATCH)
    for sentence, doc in zip(sentences, docs, strict=True):
        mentions = resolver.resolve(doc, sentence.published)
        events = coder.code(doc, mentions, sentence.published)
        real = [e for e in events if not (e.negated or e.hypothetical)]
        yield sentence, [convention(e) for e in real] if announced else real


def convention(event: Event) -> Event:
    """The event as CAMEO and PLOVER gold sets code it: an announced future action is a
    statement of intent (03, AGREE) when it cooperates and a threat (13) when it does not.

    detente keeps "will visit" a visit flagged future; the gold sets code the announcement.
    """
    if not event.future:
        return event
    tables = load_tables()
    code = announced(tables, event.cameo)
    row = tables.cameo(code)
    return replace(
        event,
        cameo=code,
        plover=row.plover_type,
        plover_mode=row.plover_mode,
        quad_class=row.quad_class,
        future=False,
    )


def _f1(true_positive: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def classes(pairs: Iterable[tuple[str, str]], labels: Iterable[str]) -> dict[str, float]:
    """Per-class F1 for (gold, predicted) pairs, and their macro average as `macro_f1`."""
    pairs = list(pairs)
    scores: dict[str, float] = {}
    for label in labels:
        hits = sum(1 for g, p in pairs if g == label and p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        gold = sum(1 for g, _ in pairs if g == label)
        scores[f"f1.{label}"] = round(_f1(hits, predicted, gold)[2], 4)
    scores["macro_f1"] = round(sum(scores.values()) / len(scores), 4) if scores else 0.0
    return scores


def typed(name: str, results: list[tuple[str, list[str]]]) -> dict[str, float | int]:
    """Type accuracy where coded, coverage, macro-F1 and sentence F1 for (gold, types) pairs.

    The first type of each sentence is its root-most event's; macro-F1 counts an uncoded
    sentence as class NONE; sentence F1 compares the set of coded types with the gold type.
    """
    covered = [(gold, types[0]) for gold, types in results if types]
    right = sum(1 for gold, first in covered if gold == first)
    hits = sum(1 for gold, types in results if gold in types)
    predicted = sum(len(set(types)) for _, types in results)
    labels = sorted({gold for gold, _ in results})
    out: dict[str, float | int] = {
        f"{name}.n_sentences": len(results),
        f"{name}.type_accuracy": round(right / len(covered), 4) if covered else 0.0,
        f"{name}.coverage": round(len(covered) / len(results), 4) if results else 0.0,
        f"{name}.sentence_f1": round(_f1(hits, predicted, len(results))[2], 4),
    }
    pairs = [(gold, types[0] if types else NONE) for gold, types in results]
    out.update({f"{name}.{k}": v for k, v in classes(pairs, labels).items()})
    return out


def plover_gsr(shared: Path) -> dict[str, float | int]:
    """PLOVER type accuracy, coverage and macro-F1 on the PLOVER gold-standard records."""
    renamed = _settings()["plover_gsr"]["types"]
    records = json.loads((shared / PLOVER_GSR).read_text(encoding="utf-8"))
    sentences = [
        Sentence(r["text"], _iso(r.get("date")), renamed.get(r["event"], r["event"]))
        for r in records
        if r.get("text") and r.get("event") != "DOCUMENT"
    ]
    results = [(str(s.gold), [e.plover for e in events]) for s, events in coded(sentences)]
    return typed("plover_gsr", results)


def zsp(shared: Path) -> dict[str, float | int]:
    """PLOVER type accuracy, coverage, macro-F1 and sentence F1 on zsp_plover's PLV_train."""
    ours = _settings()["zsp"]["ours"]
    with (shared / ZSP).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    sentences = [Sentence(r["sentence"], None, r["gold_root"]) for r in rows]
    results = [
        (str(s.gold), [ours.get(e.plover, e.plover) for e in events])
        for s, events in coded(sentences)
    ]
    return typed("zsp", results)


Triple = tuple[str, str, str]


def triples(event: Event) -> set[Triple]:
    """The CAMEO (source, target, code) triples of an event at country level.

    A joint event gives every ordered pair of its parties, as CAMEO's reciprocal coding
    does; a hosting event turns back to CAMEO's order, host first.
    """
    actors = sorted({_country(a.code) for a in event.actors})
    recipients = sorted({_country(a.code) for a in event.recipients})
    if event.cameo.startswith(HOST_CODE):
        actors, recipients = recipients or [NO_TARGET], actors
    if not recipients and len(actors) > 1:
        return {(a, b, event.cameo) for a in actors for b in actors if a != b}
    return {(a, b, event.cameo) for a in actors or [NO_TARGET] for b in recipients or [NO_TARGET]}


def dyadic(event: Event) -> bool:
    """Whether an event is a CAMEO dyad: someone named acting on someone named, or a joint
    event of several parties, with a known country on at least one side. A one-sided event
    ("France condemned the allegations") is kept in detente's record but makes no (source,
    target, code) triple; nor does one between stateless parties ("militias seized
    hostages"), which PETRARCH never codes: none of the 402 triples of its two gold
    files lacks a country on both sides."""
    if not event.actors or not (event.recipients or joint(event)):
        return False
    return any(_country(a.code) != NO_TARGET for a in event.actors + event.recipients)


def joint(event: Event) -> bool:
    """Whether an event's triples are the ordered pairs of one joint event (no direction)."""
    return not event.recipients and len({_country(a.code) for a in event.actors}) > 1


def matched(gold: set[Triple], events: list[Event], read: Callable[[str], str]) -> tuple[int, int]:
    """True positives and predictions of the events' triples against the gold, codes `read`.

    A joint event has no direction: for each pair of its parties it predicts the directions
    the gold lists for that pair (PETRARCH codes "A met with B" once and "A and B met" twice),
    and one triple when the gold lists neither. An `UNPLACED` gold country matches any.
    """
    wanted = {(s, t, read(c)) for s, t, c in gold}
    predicted: set[Triple] = set()
    for event in events:
        found = {(s, t, read(c)) for s, t, c in triples(event)}
        if not joint(event):
            predicted |= found
            continue
        for pair in {frozenset((s, t)) for s, t, _ in found}:
            both = {x for x in found if {x[0], x[1]} == pair}
            listed = {x for x in both if any(_fits(g, x) for g in wanted)}
            predicted |= listed or {min(both)}
    free, unmatched = set(wanted), sorted(predicted)
    for exact in (True, False):  # exact matches first, so a wildcard takes only what is left
        for triple in list(unmatched):
            match = next(
                (g for g in sorted(free) if (g == triple or (not exact and _fits(g, triple)))), None
            )
            if match is not None:
                free.remove(match)
                unmatched.remove(triple)
    return len(predicted) - len(unmatched), len(predicted)


def _fits(gold: Triple, predicted: Triple) -> bool:
    """Whether a predicted triple matches a gold one, an `UNPLACED` gold country matching any."""
    return gold[2] == predicted[2] and all(
        g in (p, UNPLACED) for g, p in zip(gold[:2], predicted[:2], strict=True)
    )


def triple_scores(prefix: str, views: Iterable[str], counts: Counter[str]) -> dict[str, float]:
    """Precision, recall and F1 of each view from its `VIEW.tp`, `.pred` and `.gold` counts,
    keyed `PREFIX.VIEW_precision` and so on."""
    out: dict[str, float] = {}
    for view in views:
        precision, recall, f1 = _f1(
            counts[f"{view}.tp"], counts[f"{view}.pred"], counts[f"{view}.gold"]
        )
        out[f"{prefix}.{view}_precision"] = round(precision, 4)
        out[f"{prefix}.{view}_recall"] = round(recall, 4)
        out[f"{prefix}.{view}_f1"] = round(f1, 4)
    return out


def _gold_country(code: str) -> str:
    """The country of a gold actor code: `UNPLACED` for an actor found but not placed."""
    if code.startswith(NO_TARGET) and len(code) > len(NO_TARGET):
        return UNPLACED
    return _country(code)


def _country(code: str) -> str:
    """The country part of an actor code, legacy CAMEO codes mapped to ISO."""
    legacy = _settings()["legacy_countries"]
    return legacy.get(code[:3], code[:3])


def petr2(shared: Path) -> dict[str, float | int]:
    """Country-level CAMEO triple precision, recall and F1 (full code, root, QuadClass) of the
    coder's dyadic events on the PETRARCH-2 gold-standard records, and how many no-event
    sentences got them."""
    tables = load_tables()
    sentences = []
    for line in (shared / PETR2).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("text"):
            gold = {
                (_gold_country(e["sourcecode"]), _gold_country(e["targetcode"]), e["eventcode"])
                for e in record["events"]
                if "eventcode" in e
            }
            sentences.append(Sentence(record["text"], _compact(record.get("date")), gold))
    views = {
        "code": lambda code: code,
        "root": lambda code: code[:2],
        "quad": lambda code: str(tables.cameo(code).quad_class),
    }
    counts: Counter[str] = Counter()
    no_event_false = no_event = 0
    for sentence, coded_events in coded(sentences, announced=False):
        events = [event for event in coded_events if dyadic(event)]
        gold = sentence.gold if isinstance(sentence.gold, set) else set()
        if not gold:
            no_event += 1
            no_event_false += bool(events)
        for view, read in views.items():
            hits, predicted = matched(gold, events, read)
            counts[f"{view}.tp"] += hits
            counts[f"{view}.pred"] += predicted
            counts[f"{view}.gold"] += len({(s, t, read(c)) for s, t, c in gold})
    out: dict[str, float | int] = {"petr2.n_sentences": len(sentences)}
    out.update(triple_scores("petr2", views, counts))
    out["petr2.n_no_event_sentences"] = no_event
    out["petr2.no_event_false"] = no_event_false
    return out


def conflibert(shared: Path) -> dict[str, float | int]:
    """5-way macro-F1 (0 statements and no event, 1-4 QuadClass) on conflibert_cameo."""
    tables = load_tables()
    sentences = []
    with (shared / CONFLIBERT).open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 2 and row[-1].strip().isdigit():
                sentences.append(Sentence(row[0], None, row[-1].strip()))
    pairs = []
    for sentence, events in coded(sentences):
        label = str(tables.five_way(events[0].cameo)) if events else "0"
        pairs.append((str(sentence.gold), label))
    right = sum(1 for g, p in pairs if g == p)
    out: dict[str, float | int] = {
        "conflibert.n_sentences": len(pairs),
        "conflibert.accuracy": round(right / len(pairs), 4) if pairs else 0.0,
    }
    scores = classes(pairs, ["0", "1", "2", "3", "4"])
    out.update({f"conflibert.{k}": v for k, v in scores.items()})
    return out


def score(shared: Path) -> dict[str, float | int]:
    """Every score of the event coder against ../shared/eval, as flat keys, PETRARCH's own
    unit-test records (read with their test dictionaries) included."""
    from detente.events import unittests  # it builds on this module's helpers

    out: dict[str, float | int] = {}
    for part in (plover_gsr, zsp, petr2, conflibert, unittests.score):
        out.update(part(shared))
    return out


def _iso(text: str | None) -> date | None:
    """A date from `YYYY-MM-DD`, or None."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _compact(text: str | None) -> date | None:
    """A date from `YYYYMMDD`, or None (PETRARCH records also hold `YYMMDD` typos)."""
    if not text or len(text) != 8 or not text.isdigit():
        return None
    return _iso(f"{text[:4]}-{text[4:6]}-{text[6:]}")
