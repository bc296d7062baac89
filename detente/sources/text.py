"""Plain text files: one document each."""

from __future__ import annotations

from detente.sources.base import Document, ReadError
from detente.sources.encoding import decode


def read_text(source: str, data: bytes, declared: str | None = None) -> Document | ReadError:
    """The decoded text of `data` as one plain document."""
    decoded = decode(data, source, declared)
    if isinstance(decoded, ReadError):
        return decoded
    return Document(source=source, content=decoded.text)
