"""Quotes of a whole article: quoted stretches tied to cues and speakers, colon lines, reported
speech.

A direct quote takes the cue its parse links it to in the text around it (its sentences,
outside every quote, within its paragraph), else the nearest cue there, else the verb before a
colon that opens it, else (for a long partial quote) the subject of the sentence holding it.
A quote standing alone as a sentence continues the quote before it in its paragraph, else takes
the cue that opens the next sentence ('"...." said X.'), else continues the next quote of its
paragraph or the last quote of the paragraph before. A stretch with no cue and no speaker (a
title, a scare-quoted word) is not a quote.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from detente.language import doc_text
from detente.quotes.continuation import Found, continue_speakers, lead_in, trailing
from detente.quotes.fallbacks import (
    colon_speaker,
    cue_attribution,
    partial_speaker,
    signature,
    title_like,
)
from detente.quotes.lexicon import cues
from detente.quotes.marks import Quoted, quoted_stretches
from detente.quotes.model import Quote
from detente.quotes.reading import ancestors, around
from detente.quotes.reported import colon_lines, reported_speech
from detente.quotes.speakers import Attribution, fill

_MAX_LINK_STEPS = 4  # quote root -> cue: "..., Putin said" is 1 step, "describing X as a '...'" 3


def find_quotes(doc: Doc) -> list[Quote]:
    """The direct and indirect quotes of an article parsed with spaCy, in text order."""
    text = doc_text(doc)
    stretches = quoted_stretches(text)
    inside = _quoted_tokens(doc, stretches)
    cue_tokens = _cue_tokens(doc)
    found = [_frame(doc, q, inside, cue_tokens) for q in stretches]
    continue_speakers(text, found)
    quotes = [_direct(doc, f) for f in found if f.cue is not None or f.attribution.speaker]
    quotes += colon_lines(doc, quotes)
    reporting = {i: use == "reported" for i, use in cue_tokens.items()}
    quotes += reported_speech(doc, reporting, inside)
    return sorted(quotes, key=lambda q: (q.start, q.kind))


def _quoted_tokens(doc: Doc, stretches: list[Quoted]) -> set[int]:
    """Indexes of the tokens inside quote marks (the marks included)."""
    inside: set[int] = set()
    for q in stretches:
        span = doc.char_span(q.open_mark, q.close_end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _cue_tokens(doc: Doc) -> dict[int, str]:
    """Token index -> use (`reported`, `quoted`) of every cue word and phrase head of `doc`,
    leaving out naming uses ("a film called", "so-called") and "Asked about it, he said"."""
    lexicon = cues()
    found: dict[int, str] = {}
    for token in doc:
        lower, lemma = token.lower_, token.lemma_.lower()
        use = lexicon.lemmas.get(lemma)
        if use is not None and token.pos_ in ("VERB", "AUX") and not _idle(token, use):
            found[token.i] = "quoted" if use == "naming" else use
        phrases = lexicon.by_first.get(lower, [])
        if lemma != lower:
            phrases = sorted(phrases + lexicon.by_first.get(lemma, []))
        for _, words, phrase_use in phrases:
            rest = [t.lower_ for t in doc[token.i + 1 : token.i + len(words)]]
            particles = [c.lower_ for c in token.children if c.dep_ in ("prt", "dobj")]
            if rest == list(words[1:]) or particles == list(words[1:]):
                found[token.i] = phrase_use
    return found


def _idle(token: Token, use: str) -> bool:
    """Whether a cue word is used for something else here: naming a thing ("a film called",
    "so-called") or a bare participle opening a sentence ("Asked about it, he said")."""
    so_called = token.i > 1 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "so"
    if use == "naming" and (token.dep_ == "acl" or so_called):
        return True
    bare = not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)
    opening = token.dep_ == "advcl" and token.i < token.head.i
    return token.tag_ in ("VBN", "VBG") and opening and bare


def _frame(doc: Doc, quoted: Quoted, inside: set[int], cue_tokens: dict[int, str]) -> Found:
    """The cue and speaker the text around `quoted` gives it."""
    span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if span is None or not len(span):
        return Found(quoted, None, Attribution(None, None), False)
    signed = signature(doc, quoted)
    if signed is not None:
        return Found(quoted, None, Attribution(signed, None), False)
    frame = _frame_tokens(doc, quoted, span, inside)
    cue = _linked_cue(span, frame, cue_tokens)
    if cue is None and title_like(span):
        return Found(quoted, None, Attribution(None, None), False)
    colon = colon_speaker(doc, quoted, frame) if cue is None else None
    if colon is not None:
        return Found(quoted, colon[0], Attribution(colon[1], None), False)
    cue = cue or _nearest_cue(quoted, doc, frame, cue_tokens)
    if cue is not None:
        cue = _outermost(cue, frame, cue_tokens)
        return Found(quoted, cue, cue_attribution(cue, frame), False)
    if not any(not doc[i].is_punct and not doc[i].is_space for i in frame):
        lead = lead_in(doc, quoted, inside) or trailing(doc, span, inside, cue_tokens)
        return Found(quoted, None, Attribution(None, None), True, lead)
    partial = partial_speaker(span, frame)
    return Found(quoted, None, partial, partial.speaker is None)


def _frame_tokens(doc: Doc, quoted: Quoted, span: Span, inside: set[int]) -> set[int]:
    """Tokens outside quotes in the sentences the quote touches (within reach of it), within its
    paragraphs."""
    text = doc_text(doc)
    paragraph_start = text.rfind("\n", 0, quoted.open_mark) + 1
    paragraph_end = text.find("\n", quoted.close_end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    opening = doc.char_span(quoted.open_mark, quoted.start, alignment_mode="expand")
    first = span.start if opening is None else min(span.start, opening.start)
    return {
        t.i
        for t in around(doc, first, span.end - 1)
        if t.i not in inside and paragraph_start <= t.idx < paragraph_end
    }


def _linked_cue(span: Span, frame: set[int], cue_tokens: dict[int, str]) -> Token | None:
    """A cue the parse ties to the quote: an ancestor of its root, or a cue hanging off it."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    for root in roots:
        for steps, token in enumerate(root.ancestors):
            if steps >= _MAX_LINK_STEPS:
                break
            if token.i in frame and token.i in cue_tokens:
                return token
    for root in roots:
        for child in root.children:
            if child.i in frame and child.i in cue_tokens:
                return child
    return None


def _outermost(cue: Token, frame: set[int], cue_tokens: dict[int, str]) -> Token:
    """The outermost reporting cue whose words hold `cue` ("Israel said Clinton called on them
    to be '...'" is Israel's report): the quote is credited to who reports it."""
    outer = cue
    for ancestor in ancestors(cue):
        reports = ancestor.i in frame and cue_tokens.get(ancestor.i) == "reported"
        if reports and any(c.dep_ in ("nsubj", "nsubjpass") for c in ancestor.children):
            outer = ancestor
    return outer


def _nearest_cue(
    quoted: Quoted, doc: Doc, frame: set[int], cue_tokens: dict[int, str]
) -> Token | None:
    """The cue of the frame nearest the quote's marks."""
    candidates = [doc[i] for i in frame if i in cue_tokens]
    if not candidates:
        return None

    def distance(token: Token) -> int:
        if token.idx < quoted.open_mark:
            return quoted.open_mark - token.idx
        return token.idx - quoted.close_end

    return min(candidates, key=distance)


def _direct(doc: Doc, found: Found) -> Quote:
    """The Quote record of an attributed quoted stretch."""
    quoted = found.quoted
    quote = Quote(doc_text(doc)[quoted.start : quoted.end], quoted.start, quoted.end, "direct")
    fill(quote, found.cue, found.attribution, (quoted.open_mark, quoted.close_end))
    return quote
