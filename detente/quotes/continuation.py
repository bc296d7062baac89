"""Quotes standing alone as sentences, given the speaker of the quote they continue: the quote
before them in the paragraph, the colon ending the paragraph before ("issued the following
statement:"), the cue opening the next sentence ('"...." said X.'), the next quote of the
paragraph, or the last quote of the paragraph before."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.language import doc_text, sentence_bounds
from detente.quotes.fallbacks import colon_speaker, cue_attribution
from detente.quotes.marks import Quoted
from detente.quotes.reading import around
from detente.quotes.speakers import Attribution

_MAX_TRAILING_LEAD = 4  # '"...." Mr. Manafort said.': words before the cue of the next sentence


@dataclass(slots=True)
class Found:
    """A quoted stretch with what the text around it says about who said it."""

    quoted: Quoted
    cue: Token | None
    attribution: Attribution
    standalone: bool
    """Nothing around the stretch says who said it: it may continue another quote."""
    trailing: tuple[Token, Attribution] | None = None
    """For a stretch standing alone: the cue of the colon ending the paragraph before, or the
    cue opening the next sentence, and what it gives."""


def lead_in(doc: Doc, quoted: Quoted, inside: set[int]) -> tuple[Token, Attribution] | None:
    """For a quote opening its paragraph after a paragraph ending in a colon ("issued the
    following statement:"): the verb and subject before that colon."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, quoted.open_mark) + 1
    if text[line_start : quoted.open_mark].strip():
        return None
    before = text[:line_start].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sentence = around(doc, colon[0].i, colon[0].i)
    frame = {t.i for t in sentence if t.i not in inside}
    fake = Quoted(quoted.start, quoted.end, len(before), quoted.close_end, False, 1)
    found = colon_speaker(doc, fake, frame)
    return None if found is None else (found[0], Attribution(found[1], None))


def trailing(
    doc: Doc, span: Span, inside: set[int], cue_tokens: dict[int, str]
) -> tuple[Token, Attribution] | None:
    """The cue near the start of the sentence after a stand-alone quote, and its speaker."""
    end = sentence_bounds(doc, span.end - 1)[1]
    if end >= len(doc) or "\n" in doc_text(doc)[span.end_char : doc[end].idx]:
        return None
    sentence = around(doc, end, end)
    lead = [t for t in sentence if t.i not in inside][: _MAX_TRAILING_LEAD + 1]
    if any(t.i in inside for t in sentence):
        return None
    frame = {t.i for t in sentence}
    for token in lead:
        if token.i in cue_tokens:
            return token, cue_attribution(token, frame)
    return None


def continue_speakers(text: str, found: list[Found]) -> None:
    """Give each stand-alone quote the cue and speaker of the quote it continues."""
    for index, item in enumerate(found):
        if not item.standalone or item.attribution.speaker is not None:
            continue
        source = _continued(text, found, index)
        if source is not None:
            item.cue, item.attribution = source


def _continued(text: str, found: list[Found], index: int) -> tuple[Token, Attribution] | None:
    """Cue and speaker for the stand-alone quote `index`: the previous quote of its paragraph,
    the next sentence's cue, the next quote of its paragraph, or the previous paragraph's last."""
    here = found[index]
    if here.trailing is not None and here.trailing[0].idx < here.quoted.open_mark:
        return here.trailing
    for other in reversed(found[:index]):
        if "\n" in text[other.quoted.close_end : here.quoted.open_mark]:
            break
        if _attributed(other):
            return other.cue, other.attribution
    if here.trailing is not None:
        return here.trailing
    for other in found[index + 1 :]:
        if "\n" in text[here.quoted.close_end : other.quoted.open_mark]:
            break
        if _attributed(other):
            return other.cue, other.attribution
    line_start = text.rfind("\n", 0, here.quoted.open_mark) + 1
    if text[line_start : here.quoted.open_mark].strip():
        return None
    previous = [f for f in found[:index] if f.quoted.close_end <= line_start]
    if previous and previous[-1].attribution.speaker is not None:
        between = text[previous[-1].quoted.close_end : line_start]
        if 0 < between.count("\n") <= 2:
            return previous[-1].cue, previous[-1].attribution
    return None


def _attributed(found: Found) -> bool:
    """Whether a quote has its own speaker (not one it continues)."""
    return found.attribution.speaker is not None and not found.standalone
