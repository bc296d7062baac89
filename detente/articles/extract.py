"""From one document to its articles: boilerplate out, digests split, metadata read and ranked.

Metadata ranks: the document's own record fields (`Document.meta`), then an HTML page's
metadata, then what the article's text says (byline, date line, tags, URL host). In a digest
the document's fields describe the digest, so they only date articles that have no date.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from detente.articles.dates import Dated, meta_date
from detente.articles.digest import split
from detente.articles.htmlpage import Page, read_page
from detente.articles.ids import article_id
from detente.articles.lines import clean_lines
from detente.articles.metadata import parse_article
from detente.articles.model import Article
from detente.articles.outlets import outlet_from_url, outlet_name
from detente.sources.base import Document

log = logging.getLogger(__name__)

RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".tsv"})
"""Sources whose `meta` are a data record's own fields (basis `record`, not `metadata`)."""


class ExtractError(ValueError):
    """A document in which no article text could be found."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(slots=True)
class _Known:
    """Metadata that outranks what an article's text says about itself."""

    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    published: Dated | None = None


def extract(doc: Document) -> list[Article]:
    """The articles in one document: one for a plain page, several for a digest."""
    text = doc.content
    page = None
    if doc.is_html:
        url = doc.meta.get("url")
        page = read_page(doc.content, url if isinstance(url, str) else None)
        if page is None:
            raise ExtractError(doc.source, "HTML page in which no main text could be found")
        text = page.text
    known = _known(doc, page)
    parts = split(clean_lines(text), known.published.value if known.published else None)
    single = len(parts) == 1
    fetched = _meta_date(doc, "fetched")
    fetched_on = fetched[0] if fetched else None
    drafts = [
        (part, parse_article(part.lines, known.title if single else None, fetched_on))
        for part in parts
    ]
    found = [(part, draft) for part, draft in drafts if draft.text]
    if not found:
        raise ExtractError(doc.source, "no article text left (empty, or boilerplate only)")
    articles = []
    for position, (part, draft) in enumerate(found):
        if single:
            published = known.published or part.dated or draft.published
            title, url = known.title or draft.title, known.url or draft.url
            authors = known.authors or draft.authors
            outlet = known.outlet or draft.outlet or (outlet_from_url(url) if url else None)
        else:
            published = part.dated or draft.published or _inferred(known.published)
            title, url, authors, outlet = draft.title, draft.url, draft.authors, draft.outlet
        articles.append(
            Article(
                id=article_id(draft.text),
                source=doc.source,
                source_id=doc.source_id,
                text=draft.text,
                title=title,
                outlet=outlet,
                authors=list(authors),
                url=url,
                published=published.value if published else None,
                published_precision=published.precision if published else None,
                published_basis=published.basis if published else None,
                position=position,
            )
        )
    return articles


def _inferred(dated: Dated | None) -> Dated | None:
    """A digest's own date lent to an undated article in it."""
    return Dated(dated.value, dated.precision, "inferred") if dated else None


def _known(doc: Document, page: Page | None) -> _Known:
    """The document's record fields, with an HTML page's metadata filling the gaps."""
    meta = doc.meta
    suffixes = [s.lower() for s in PurePath(doc.source).suffixes[-2:]]
    basis = "record" if RECORD_SUFFIXES.intersection(suffixes) else "metadata"
    known = _Known(
        title=_text(meta.get("title")),
        outlet=outlet_name(outlet) if (outlet := _text(meta.get("outlet"))) else None,
        authors=_names(meta.get("authors")),
        url=_text(meta.get("url")),
        published=_dated(_meta_date(doc, "published"), basis),
    )
    if page is not None:
        known.title = known.title or page.title
        known.outlet = known.outlet or (_site_outlet(page.sitename) if page.sitename else None)
        known.authors = known.authors or page.authors
        known.url = known.url or page.url
        known.published = known.published or page.published
    return known


def _site_outlet(sitename: str) -> str:
    """The outlet a page's site name stands for; a bare host name ("reuters.com") is looked up."""
    if " " not in sitename and "." in sitename:
        return outlet_from_url(f"https://{sitename}") or sitename
    return outlet_name(sitename)


def _text(value: str | list[str] | None) -> str | None:
    """A metadata value as one stripped string, or None when empty."""
    if isinstance(value, list):
        value = " ".join(value)
    return (value.strip() or None) if value else None


def _names(value: str | list[str] | None) -> list[str]:
    """Author names from a metadata value: a list, or one string with names split by ';'."""
    names = value if isinstance(value, list) else (value or "").split(";")
    return [name.strip() for name in names if name and name.strip()]


def _dated(found: tuple[date, str] | None, basis: str) -> Dated | None:
    """A metadata date with its basis."""
    return Dated(found[0], found[1], basis) if found else None


def _meta_date(doc: Document, key: str) -> tuple[date, str] | None:
    """A date field of the document's metadata; an unreadable one is logged and left out."""
    value = _text(doc.meta.get(key))
    if value is None:
        return None
    found = meta_date(value)
    if found is None:
        log.warning("%s: %s date %r could not be read; left empty", doc.source, key, value)
    return found
