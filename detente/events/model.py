"""The coded event record: who did what to whom and when, with flags, evidence and provenance."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from detente.actors.model import Actor

CODER_VERSION = "0.2.6"
"""Stored on every event; bumped whenever the rules or the tables change what gets coded."""


@dataclass(slots=True)
class Event:
    """One event a sentence reports, coded in CAMEO and PLOVER, with the words that coded it."""

    actors: list[Actor]
    """Who acted; every party of a joint or reciprocal event ("Xi and Putin met")."""
    recipients: list[Actor]
    """To whom; empty for joint events and where the sentence names nobody."""
    cameo: str
    plover: str
    plover_mode: str | None
    goldstein: float
    quad_class: int
    score: float
    """The PLOVER conflict-cooperation score of the type and mode."""
    negated: bool
    hypothetical: bool
    future: bool
    historical: bool
    reported: bool
    """Told on someone else's authority ("according to", "X said that Y attacked Z")."""
    date: datetime.date | None
    date_precision: str | None
    """`day`, `week`, `month` or `year`."""
    date_basis: str | None
    """`sentence`, `relative` (read against the publication date) or `publication`."""
    confidence: float
    sentence: str
    start: int
    """Character offset of the sentence in the article text."""
    end: int
    trigger: str
    """The words that coded the event, in sentence order ("refused to condemn")."""
    rule: str
    """The lexicon pattern(s) that coded it and how they combined."""
    coder_version: str = CODER_VERSION

    @property
    def flagged(self) -> bool:
        """Whether any flag keeps it out of the index by default."""
        return self.negated or self.hypothetical or self.future or self.historical or self.reported
