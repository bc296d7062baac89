"""Event exports in other datasets' layouts: the GDELT 2.0 event table and PLOVER JSON."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func, select

from detente.index.load import FLAGS
from detente.store.articles import Store
from detente.store.schema import articles, events

Row = dict[str, Any]
DATA = Path(__file__).resolve().parent / "data"
GDELT_COLUMNS = DATA / "gdelt.tsv"
PLOVER_SETTINGS = DATA / "plover.toml"
GLOBAL_ID_DIGITS = 15  # hex digits of the event key in GLOBALEVENTID: 60 bits, a positive int64


@dataclass(slots=True)
class MergedEvent:
    """One deduplicated event: every stored mention of its key, earliest report first."""

    key: str
    mentions: list[Row] = field(default_factory=list)

    @property
    def outlets(self) -> set[str]:
        """Distinct outlets reporting it (an article without an outlet counts by its source)."""
        return {m["outlet"] or m["source"] for m in self.mentions}

    @property
    def article_ids(self) -> list[str]:
        """Its reports' article ids, earliest report first."""
        return list(dict.fromkeys(m["article_id"] for m in self.mentions))

    def best(self, unflagged: bool = False) -> Row | None:
        """The most confident mention (earliest report on ties); only unflagged ones if asked."""
        pool = [m for m in self.mentions if not unflagged or not any(m[f] for f in FLAGS)]
        return max(pool, key=lambda m: m["confidence"], default=None)  # max keeps the first tie


@dataclass(frozen=True, slots=True)
class Layout:
    """An export format tied to one record kind, written straight from the store."""

    name: str
    kind: str
    write: Callable[[Store, TextIO, int], int]
    """Write the records to a text stream, reading `batch` rows at a time; return the count."""


def merged_events(store: Store, batch: int) -> Iterator[MergedEvent]:
    """Every deduplicated event (a mention without a key is its own event), in key order."""
    key = func.coalesce(events.c.event_key, events.c.id)
    query = (
        select(
            events,
            key.label("merged_key"),
            articles.c.url,
            articles.c.title,
            articles.c.outlet,
            articles.c.source,
            articles.c.published,
            articles.c.published_precision,
            articles.c.ingested_at,
            articles.c.story_id,
            func.substr(articles.c.text, 1, events.c.start).label("before"),
        )
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(
            key,
            articles.c.published.is_(None),
            articles.c.published,
            events.c.article_id,
            events.c.start,
        )
    )
    rows = (dict(row) for row in store.stream(query, batch))
    for merged_key, group in groupby(rows, key=lambda row: row["merged_key"]):
        yield MergedEvent(merged_key, list(group))


@cache
def gdelt_columns(path: Path = GDELT_COLUMNS) -> tuple[tuple[str, str], ...]:
    """(GDELT column, detente field) pairs in GDELT file order; ValueError naming a bad file."""
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path}:{number}: expected 'column<TAB>field', got {line!r}")
        pairs.append((parts[0], parts[1]))
    if pairs[:1] != [("column", "field")]:
        raise ValueError(f"{path}: the first row must be the header 'column<TAB>field'")
    return tuple(pairs[1:])


def gdelt_fields(event: MergedEvent) -> Row | None:
    """The values of one event's GDELT row by detente field, or None when every report is flagged.

    The coding comes from the most confident unflagged report; SOURCEURL from the earliest report
    with a URL (else the earliest report's source path); the counts from the whole merge.
    """
    best = event.best(unflagged=True)
    if best is None:
        return None
    first = event.mentions[0]
    day = best["date"] or best["published"]
    cameo = best["cameo"]
    values: Row = {
        "global_id": int(event.key[:GLOBAL_ID_DIGITS], 16),
        "is_root": int("\n" not in (best["before"] or "").strip()),
        "event_code": cameo,
        "event_base_code": cameo[:3],
        "event_root_code": cameo[:2],
        "quad_class": best["quad_class"],
        "goldstein": best["goldstein"],
        "num_mentions": len(event.mentions),
        "num_sources": len(event.outlets),
        "num_articles": len(event.article_ids),
        "date_added": min(_utc(m["ingested_at"]) for m in event.mentions).strftime("%Y%m%d%H%M%S"),
        "source_url": next((m["url"] for m in event.mentions if m["url"]), first["source"]),
    }
    if day is not None:
        values |= {
            "sqldate": day.strftime("%Y%m%d"),
            "month_year": day.strftime("%Y%m"),
            "year": day.year,
            "fraction_date": f"{day.year + day.timetuple().tm_yday / 365:.4f}",
        }
    actors, recipients = best["actors"], best["recipients"]
    parties = (actors[:1], (recipients or actors[1:])[:1])  # a joint event: its 2nd actor
    for number, party in ((n, p[0]) for n, p in enumerate(parties, 1) if p):
        values |= {
            f"actor{number}_code": party.get("code"),
            f"actor{number}_name": (party.get("name") or "").upper(),
            f"actor{number}_country": party.get("country"),
            f"actor{number}_sector": party.get("sector"),
        }
    return values


def write_gdelt(store: Store, stream: TextIO, batch: int) -> int:
    """Write one GDELT 2.0 event-table line per deduplicated, unflagged event; return the count."""
    columns = gdelt_columns()
    count = 0
    for event in merged_events(store, batch):
        values = gdelt_fields(event)
        if values is None:
            continue
        cells = (_gdelt_cell(values.get(name)) if name else "" for _, name in columns)
        stream.write("\t".join(cells) + "\n")
        count += 1
    return count


@cache
def plover_settings(path: Path = PLOVER_SETTINGS) -> tuple[str, dict[str, str]]:
    """The codebook name and the flag → auxiliary-mode names; ValueError naming a bad file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        codebook, context = str(data["codebook"]), dict(data["context"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"PLOVER settings {path}: {exc!r}") from exc
    return codebook, context


def plover_record(event: MergedEvent) -> Row:
    """One deduplicated event as a PLOVER JSON record, coded from its most confident report."""
    best = event.best()
    assert best is not None  # a merged event has at least one mention
    codebook, auxiliary = plover_settings()
    day = best["date"] or best["published"]
    return {
        "id": event.key,
        "date": day.isoformat() if day else None,
        "actor": [_entity(a) for a in best["actors"]],
        "recipient": [_entity(r) for r in best["recipients"]],
        "event": [best["plover"]],
        "mode": [best["plover_mode"]] if best["plover_mode"] else [],
        "context": [name for flag, name in auxiliary.items() if best[flag]],
        "quad_code": best["quad_class"],
        "event_scale": best["score"],
        "event_text": [best["sentence"]],
        "text_info": {"article_id": best["article_id"], "start": best["start"], "end": best["end"]},
        "cite_info": {
            "url": best["url"],
            "title": best["title"],
            "publication": best["outlet"],
            "coder": f"detente {best['coder_version']}",
            "codebook": codebook,
        },
        "link": best["story_id"],
        "coder": f"detente {best['coder_version']}",
        "cameo": best["cameo"],
        "goldstein": best["goldstein"],
        "date_precision": best["date_precision" if best["date"] else "published_precision"],
        "reported": best["reported"],
        "confidence": best["confidence"],
        "n_mentions": len(event.mentions),
        "n_articles": len(event.article_ids),
        "n_outlets": len(event.outlets),
        "article_ids": event.article_ids,
    }


def write_plover(store: Store, stream: TextIO, batch: int) -> int:
    """Write one PLOVER JSON record a line per deduplicated event; return the count."""
    count = 0
    for event in merged_events(store, batch):
        stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


LAYOUTS = {
    layout.name: layout
    for layout in (Layout("gdelt", "event", write_gdelt), Layout("plover", "event", write_plover))
}


def _entity(actor: Row) -> Row:
    """An actor as a PLOVER entity object."""
    return {
        "code": actor.get("country") or actor.get("code"),
        "sector": actor.get("sector"),
        "entity_text": actor.get("text"),
        "identifier_text": actor.get("name"),
        "cameo_code": actor.get("code"),
    }


def _gdelt_cell(value: Any) -> str:
    """A value as GDELT writes it: empty for None, tabs and newlines turned into spaces."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _utc(moment: datetime) -> datetime:
    """A stored timestamp in UTC (SQLite gives them back without a zone: they were UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
