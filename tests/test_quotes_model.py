"""The Quote record's defaults."""

from __future__ import annotations

from detente.quotes.model import Quote


def test_a_bare_quote_has_no_speaker_cue_or_channel() -> None:
    quote = Quote("words", 3, 8, "direct")
    assert (quote.cue, quote.speaker_text, quote.speaker_kind, quote.channel) == (None,) * 4
