"""Event deduplication: the mentions of one happening across a story's articles, as one event.

Two mentions in one story are the same event when they have the same PLOVER type, the same
participants (by country, so "Xi" and "China" agree), the same direction where direction
matters (conflict: who did it to whom), and the same modality (negated, hypothetical, future,
historical with its year). Cooperation is keyed without direction: "Xi and Putin met" and
"Putin met Xi" are one meeting.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from detente.actors.model import Actor
from detente.events.model import Event

CONFLICT_QUADS = (3, 4)
"""QuadClass values (verbal and material conflict) whose direction is part of the event."""


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article reports it, with what counting needs."""

    event_id: str
    article_id: str
    outlet: str | None
    published: date | None
    event: Event


@dataclass(slots=True)
class MergedEvent:
    """One deduplicated event: its earliest report, counts, and every mention as evidence."""

    event_key: str
    story_id: str
    first: EventMention
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def n_mentions(self) -> int:
        """Sentences that report it."""
        return len(self.mentions)

    @property
    def n_articles(self) -> int:
        """Articles that report it."""
        return len({m.article_id for m in self.mentions})

    @property
    def n_outlets(self) -> int:
        """Outlets that report it (an article without an outlet counts as its own)."""
        return len({m.outlet or m.article_id for m in self.mentions})


def _party(country: str | None, code: str | None, name: str | None) -> str:
    """How a participant is compared: its country, else its code, else its name."""
    return country or code or name or "?"


def _key(
    story_id: str,
    actors: Sequence[str],
    recipients: Sequence[str],
    plover: str,
    quad_class: int,
    mode: str,
) -> str:
    """The hashed event key from its normalised parts."""
    if quad_class in CONFLICT_QUADS:
        parties = "|".join(sorted(set(actors))) + ">" + "|".join(sorted(set(recipients)))
    else:
        parties = "|".join(sorted(set(actors) | set(recipients)))
    text = "\x1f".join((story_id, plover, parties, mode))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _mode(
    negated: bool, hypothetical: bool, future: bool, historical: bool, day: date | None
) -> str:
    """The modality part of a key: which flags are set, and a historical event's year."""
    flags = [name for name, on in (("neg", negated), ("hyp", hypothetical), ("fut", future)) if on]
    if historical:
        flags.append(f"hist{day.year if day else ''}")
    return ",".join(flags)


def event_key(story_id: str, event: Event) -> str:
    """The key every mention of this event in this story shares."""
    return _key(
        story_id,
        [_actor_party(a) for a in event.actors],
        [_actor_party(a) for a in event.recipients],
        event.plover,
        event.quad_class,
        _mode(event.negated, event.hypothetical, event.future, event.historical, event.date),
    )


def _actor_party(actor: Actor) -> str:
    return _party(actor.country, actor.code, actor.name)


def row_key(story_id: str, row: Mapping[str, Any]) -> str:
    """`event_key` for a stored `events` row (actors as records), equal to the Event's."""
    return _key(
        story_id,
        [_party(a.get("country"), a.get("code"), a.get("name")) for a in row["actors"]],
        [_party(a.get("country"), a.get("code"), a.get("name")) for a in row["recipients"]],
        row["plover"],
        row["quad_class"],
        _mode(row["negated"], row["hypothetical"], row["future"], row["historical"], row["date"]),
    )


def merge_mentions(story_id: str, mentions: Iterable[EventMention]) -> list[MergedEvent]:
    """The story's deduplicated events, earliest report first, each with all its mentions."""
    merged: dict[str, MergedEvent] = {}
    for mention in sorted(mentions, key=_report_order):
        key = event_key(story_id, mention.event)
        if key not in merged:
            merged[key] = MergedEvent(key, story_id, mention)
        merged[key].mentions.append(mention)
    return list(merged.values())


def _report_order(mention: EventMention) -> tuple[bool, date, str, int]:
    """Earliest publication first (undated last), then article and position in it."""
    return (
        mention.published is None,
        mention.published or date.max,
        mention.article_id,
        mention.event.start,
    )
