"""HTML pages: one document each, decoded with the charset the page declares when it fits."""

from __future__ import annotations

import re

from detente.sources.base import Document, ReadError
from detente.sources.encoding import decode

META_SCAN_BYTES = 4096
"""How far into a page a <meta charset> is looked for (browsers look at the first 1024 bytes;
pages with long inline scripts in <head> put it later)."""
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in <meta charset> or <meta http-equiv content>, if any."""
    found = _META_CHARSET.search(data, 0, META_SCAN_BYTES)
    return found.group(1).decode("ascii") if found else None


def read_html(source: str, data: bytes, declared: str | None = None) -> Document | ReadError:
    """The decoded markup of `data` as one HTML document; `declared` is the HTTP charset."""
    decoded = decode(data, source, declared or declared_charset(data))
    if isinstance(decoded, ReadError):
        return decoded
    return Document(source=source, content=decoded.text, is_html=True)
