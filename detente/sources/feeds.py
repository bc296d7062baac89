"""RSS and Atom feeds: one document per entry, after refusing XML entity tricks."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import ParseError

import feedparser
import httpx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from detente.sources.base import Document, ReadError, ReadOptions
from detente.sources.html import read_html
from detente.sources.kinds import kind_of_type
from detente.sources.text import read_text
from detente.sources.web import fetch

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z!/]")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_RSS_AUTHOR = re.compile(r"^\S+@\S+\s+\((?P<name>[^)]+)\)$")
"""RSS 2.0 <author> is "email (Name)"."""
Meta = dict[str, str | list[str] | None]


def unsafe_xml(data: bytes) -> str | None:
    """Why XML bytes are refused (entity declarations, external references), or None."""
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        return f"refused: the XML declares entities or external references ({error})"
    except (ParseError, ValueError, LookupError):  # LookupError: an unknown encoding name
        # Malformed XML goes on to feedparser's lenient parser; entity declarations still may not.
        if _ENTITY_DECLARATION.search(data):
            return "refused: the XML declares entities"
    return None


def read_feed(
    source: str, data: bytes, options: ReadOptions, transport: httpx.BaseTransport | None = None
) -> Iterator[Document | ReadError]:
    """One document per feed entry; `transport` is for fetching linked pages in tests."""
    reason = unsafe_xml(data)
    if reason is not None:
        yield ReadError(source, reason)
        return
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as error:  # feedparser raises on some damage (a mangled encoding name)
        yield ReadError(source, f"not a readable feed ({type(error).__name__}: {error})")
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield ReadError(source, f"no feed entries found{f' ({problem})' if problem else ''}")
        return
    outlet = feed_outlet(parsed.feed.get("title") or "")
    for number, entry in enumerate(parsed.entries, start=1):
        yield from _entry_documents(source, number, entry, outlet, options, transport)


# A feed's title often names a section after the outlet: "BBC News - World", "Wire: Asia".
_SECTION = re.compile(r"\s*(?::|\s[-–—|])\s+")


def feed_outlet(title: str) -> str | None:
    """The outlet a feed title names, without the section that often follows it."""
    return _SECTION.split(title.strip(), maxsplit=1)[0] or None


def _entry_documents(
    source: str,
    number: int,
    entry: feedparser.FeedParserDict,
    outlet: str | None,
    options: ReadOptions,
    transport: httpx.BaseTransport | None,
) -> Iterator[Document | ReadError]:
    """The document for one entry: its full content, else its linked page, else its summary."""
    link = entry.get("link") or None
    meta: Meta = {
        "title": entry.get("title") or None,
        "url": link,
        "published": _iso_date(entry.get("published") or entry.get("updated")),
        "authors": _authors(entry) or None,
        "outlet": outlet,
    }
    meta = {key: value for key, value in meta.items() if value}
    source_id = entry.get("id") or link
    content = _with_text((entry.get("content") or [None])[0])
    if content is None and options.fetch_links and link:
        page = _linked_page(source, link, options, transport)
        if isinstance(page, Document):
            page.meta = {**meta, **page.meta}
            page.source_id = source_id
            yield page
            return
        yield page  # why the page could not be had; the summary still follows
    detail = content or _with_text(entry.get("summary_detail"))
    if detail is None:
        yield ReadError(f"{source} entry {number}", "the entry has no content or summary")
        return
    # Feeds call every summary HTML; one without a single tag is plain text to the article stage.
    html_type = detail.get("type", "text/html") in _HTML_TYPES
    is_html = html_type and _TAG.search(detail["value"]) is not None
    yield Document(
        source=source, content=detail["value"], is_html=is_html, source_id=source_id, meta=meta
    )


def _with_text(detail: feedparser.FeedParserDict | None) -> feedparser.FeedParserDict | None:
    """A feedparser content or summary detail when its value holds text, else None."""
    if detail is None or not str(detail.get("value", "")).strip():
        return None
    return detail


def _linked_page(
    source: str, link: str, options: ReadOptions, transport: httpx.BaseTransport | None
) -> Document | ReadError:
    """The page an entry links to, as a document of `source`, or why it could not be had."""
    fetched = fetch(link, options, transport)
    if isinstance(fetched, ReadError):
        return fetched
    kind = kind_of_type(fetched.content_type)
    if kind not in ("html", "text"):
        what = fetched.content_type or "of no stated type"
        return ReadError(link, f"linked page is {what}, not HTML or text")
    reader = read_html if kind == "html" else read_text
    document = reader(link, fetched.body, fetched.charset)
    if isinstance(document, Document):
        document.source = source
        document.meta = {"url": fetched.url}
    return document


def _authors(entry: feedparser.FeedParserDict) -> list[str]:
    """The entry's author names, without RSS e-mail addresses, each once."""
    names = [author.get("name") or "" for author in entry.get("authors") or []]
    if not names and entry.get("author"):
        names = [entry["author"]]
    cleaned = []
    for name in names:
        match = _RSS_AUTHOR.match(name.strip())
        cleaned.append(match.group("name").strip() if match else name.strip())
    return list(dict.fromkeys(name for name in cleaned if name))


def _iso_date(raw: str | None) -> str | None:
    """An RFC 822 or ISO 8601 feed date as ISO 8601 in its own offset; other text as it is."""
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromisoformat(raw).isoformat()
    except ValueError:
        return raw
