"""The claim record: a figure with its unit, what it measures, when, and who claims it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Claim:
    """A figure found in an article's text, with character offsets."""

    kind: str
    """`money`, `percent`, `count` or `quantity`."""
    value: float
    """Fully scaled: US$240 billion is 240000000000; the bottom of a range."""
    unit: str | None
    """An ISO currency code, `percent`, `bcm`, a counted noun (`ships`, `times`), or None."""
    approx: str | None
    """`more than`, `at least`, `about`, `up to`, `less than` or None (see data/approx.tsv)."""
    subject: str | None
    """What the figure measures, as written: "bilateral trade between China and Russia"."""
    period: str | None
    """The period it covers: "2023", "2022-01/2022-07", "2012/2022" or None."""
    source_text: str | None
    """Who it is credited to, as written: "Chinese Customs data"."""
    text: str
    start: int
    end: int
    upper: float | None = None
    """The top of a range ("15 to 20 percent"), else None."""
