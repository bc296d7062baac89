"""HTML pages: main text by trafilatura (precision first, no comments), metadata by trafilatura
and htmldate (title, authors, date, site name, canonical URL)."""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura

from detente.articles.dates import Dated, meta_date

# htmldate settings: metadata and markup only (a date in the running text is left to our own
# head reading), and the original publication date rather than the last update.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


@dataclass(slots=True)
class Page:
    """What an HTML page holds: its main text, with line breaks kept, and its metadata."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: Dated | None = None
    sitename: str | None = None
    url: str | None = None


def read_page(html: str, url: str | None = None) -> Page | None:
    """The page's main text and metadata; None when no main text can be found."""
    found = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
        date_extraction_params=_DATE_SEARCH,
    )
    if found is None or not (found.text or "").strip():
        return None
    dated = meta_date(found.date) if found.date else None
    return Page(
        text=found.text,
        title=found.title or None,
        authors=[name.strip() for name in (found.author or "").split(";") if name.strip()],
        published=Dated(dated[0], dated[1], "metadata") if dated else None,
        sitename=found.sitename or None,
        url=found.url or url,
    )
