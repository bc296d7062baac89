"""What every reader yields: a decoded document, or the reason one could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Document:
    """One unit read from a source, decoded to text, before articles are cut out of it."""

    source: str
    """The file path or URL it came from (for a record in a JSONL/CSV/feed/WARC: that file)."""
    content: str
    """Decoded text; HTML markup when `is_html`."""
    is_html: bool = False
    source_id: str | None = None
    """The `id` of a JSONL/CSV record, a feed entry's id, or a WARC record's target URI."""
    meta: dict[str, str | list[str] | None] = field(default_factory=dict)
    """What the container says: title, outlet, url, published, authors (list)."""


@dataclass(slots=True)
class ReadError:
    """A source that could not be read, with the reason in plain words."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True, frozen=True)
class ReadOptions:
    """How far readers may go: size cap, network time-outs and whose addresses they may fetch."""

    max_bytes: int = 20_000_000
    """Largest file or download read; bigger ones are refused with a ReadError."""
    timeout: float = 20.0
    """Seconds allowed for one HTTP request."""
    fetch_links: bool = False
    """For feed entries with only a summary: fetch the linked page for the full text."""
    allow_private: bool = False
    """Allow URLs that resolve to loopback or private addresses (refused by default: SSRF)."""
