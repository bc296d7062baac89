"""The article record that every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Article:
    """A clean, dated news article with where it came from."""

    id: str
    source: str
    text: str
    source_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    published: date | None = None
    published_precision: str | None = None
    """`day`, `month`, `year` or None."""
    published_basis: str | None = None
    """`metadata`, `record`, `dateline`, `heading`, `relative`, `text`, `inferred` or None."""
    position: int = 0
    """Index of this article inside its document (a digest holds several)."""
