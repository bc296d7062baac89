"""Quotes without quote marks: "Name: words" lines and reported speech ("Xi told Putin that
China would ...", "According to the ministry, troops will ...")."""

from __future__ import annotations

import re
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from detente.language import doc_text
from detente.quotes.model import Quote
from detente.quotes.reading import sentence_of, span_text
from detente.quotes.speakers import attribute, fill

_COLON_LINE = re.compile(
    r"^(?:\([^)\n]{1,40}\)\s*)?(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+):\s+(?P<text>\S.*)$",
    re.MULTILINE,
)
_MIN_COLON_WORDS = 6  # "Ian Bremmer: The relationship is ..." (seed 001); shorter lines are labels
_MIN_CLAUSE_TOKENS = 3  # "he said so" is no report of what was said


def colon_lines(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """Lines like "Ian Bremmer: The relationship is ...": a person's words after their name,
    where no quote found already covers them."""
    found = []
    for match in _COLON_LINE.finditer(doc_text(doc)):
        name = doc.char_span(*match.span("name"), alignment_mode="expand")
        if name is None or len(match.group("text").split()) < _MIN_COLON_WORDS:
            continue
        if not any(t.ent_type_ == "PERSON" for t in name):
            continue
        start, end = match.span("text")
        if any(q.start < end and start < q.end for q in quotes):
            continue
        name_start, name_end = match.span("name")
        found.append(
            Quote(
                match.group("text"),
                start,
                end,
                "direct",
                speaker_text=match.group("name"),
                speaker_start=name_start,
                speaker_end=name_end,
                speaker_kind="name",
            )
        )
    return found


def reported_speech(doc: Doc, reporting: dict[int, bool], inside: set[int]) -> list[Quote]:
    """Indirect quotes: the clause each reporting cue governs, unless quote marks hold most of
    it (that is a direct quote) or the speaker sits inside it."""
    found = []
    quoted_before = [0, *accumulate(i in inside for i in range(len(doc)))]
    for index, reports in reporting.items():
        if not reports:
            continue
        cue = doc[index]
        clause = _reported_clause(cue)
        if clause is None or len(clause) < _MIN_CLAUSE_TOKENS:
            continue
        if 2 * (quoted_before[clause.end] - quoted_before[clause.start]) > len(clause):
            continue
        quote = Quote(span_text(clause), clause.start_char, clause.end_char, "indirect")
        fill(quote, cue, attribute(cue), None)
        if quote.speaker_start is not None and quote.start <= quote.speaker_start < quote.end:
            continue
        found.append(quote)
    return found


def _reported_clause(cue: Token) -> Span | None:
    """A cue's complement clause, or for "according to X" the rest of its sentence."""
    doc = cue.doc
    if cue.lower_ == "according":
        sentence = sentence_of(cue)
        first, last = cue.left_edge.i, cue.right_edge.i
        before, after = doc[sentence.start : first], doc[last + 1 : sentence.end]
        return _trim(after if len(after) >= len(before) else before)
    for child in cue.children:
        if child.dep_ == "ccomp":
            return _trim(doc[child.left_edge.i : child.right_edge.i + 1])
    return None


def _trim(span: Span) -> Span | None:
    """`span` without punctuation or a "that" at its edges; None when nothing is left."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None
