"""Which reader a source needs: by file name or media type, else by sniffing its first bytes."""

from __future__ import annotations

import re
import tomllib
import zlib
from functools import cache
from importlib import resources

SNIFF_BYTES = 4096
"""How much of the start of a file sniffing looks at (enough for an XML prolog and a DOCTYPE)."""
_GZIP_MAGIC = b"\x1f\x8b"
_PROLOG = re.compile(rb"\s*(?:<\?[^>]*\?>|<!--.*?-->|<!doctype[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL)
_FIRST_TAG = re.compile(rb"\s*<([a-z][\w:.-]*)")
_FEED_TAGS = frozenset({b"rss", b"feed", b"rdf:rdf"})
_HTML_TAGS = frozenset({b"html", b"head", b"body"})


@cache
def _table(section: str) -> dict[str, str]:
    """One section of data/kinds.toml."""
    text = resources.files(__package__).joinpath("data/kinds.toml").read_text()
    return dict(tomllib.loads(text)[section])


def kind_of_name(name: str) -> str | None:
    """The kind a file name's ending says (".warc.gz" before ".gz"), or None when it says none."""
    lowered = name.lower()
    endings = [ending for ending in _table("extensions") if lowered.endswith(ending)]
    return _table("extensions")[max(endings, key=len)] if endings else None


def kind_of_type(content_type: str) -> str | None:
    """The kind an HTTP media type says, or None for an unknown or generic one."""
    return _table("content_types").get(content_type.split(";")[0].strip().lower())


def sniff(head: bytes) -> str | None:
    """The kind the first bytes of a source show, or None when they show nothing known."""
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(_GZIP_MAGIC):
        try:
            inflated = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return "gzip"
        return "warc" if inflated.startswith(b"WARC/") else "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if not head.startswith(b"<"):
        return None
    lowered = head.lower()
    position = 0
    while prolog := _PROLOG.match(lowered, position):
        if prolog.group().lstrip().startswith(b"<!doctype html"):
            return "html"
        position = prolog.end()
    tag = _FIRST_TAG.match(lowered, position)
    if tag is not None and tag.group(1) in _FEED_TAGS:
        return "feed"
    if tag is not None and tag.group(1) in _HTML_TAGS:
        return "html"
    return "xml" if lowered.startswith(b"<?xml") else "html"


def resolve(hint: str | None, head: bytes) -> str:
    """The kind to read: a definite hint wins; "xml" or no hint is settled by sniffing."""
    if hint is not None and hint != "xml":
        return hint
    sniffed = sniff(head)
    if hint == "xml":
        return sniffed if sniffed in ("feed", "html") else "xml"
    return sniffed or "text"
