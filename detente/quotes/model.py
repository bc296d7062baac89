"""The quote record: what was said, by which speaker span, through which cue and channel."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Quote:
    """A direct or indirect quote found in an article's text, with character offsets."""

    text: str
    start: int
    """Offset of the quoted content (inside the marks for a direct quote)."""
    end: int
    kind: str
    """`direct` (the speaker's own words) or `indirect` (reported speech)."""
    cue: str | None = None
    cue_start: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None
    """`name`, `title`, `pronoun`, `organization` or `document`."""
    channel: str | None = None
    """What the words came through when named: "CCTV", "a Chinese Foreign Ministry readout"."""
