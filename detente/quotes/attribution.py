"""Quotes of a whole article: quoted stretches tied to cues and speakers, colon lines, reported
speech.

A direct quote takes the cue its parse links it to in the text around it (the same sentences,
outside every quote), else the nearest cue there, else the verb before a colon that opens it.
A quote standing alone as a sentence continues the quote before it in the paragraph (or the
next one there, or the previous paragraph's last). A stretch with no cue and no speaker
(a title, a scare-quoted word) is not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.quotes.lexicon import cues
from detente.quotes.marks import Quoted, quoted_stretches
from detente.quotes.model import Quote
from detente.quotes.speakers import (
    Attribution,
    attribute,
    better_head,
    channel_near,
    phrase_bounds,
    speaker_kind,
)

_MAX_LINK_STEPS = 4  # quote root -> cue: "..., Putin said" is 1 step, "describing X as a '...'" 3
_MAX_PARTIAL_WORDS = 3  # scare quotes ("no limits", "dual-use") have 1-3 words; calibrated on
# PolNeAR train, where uncued stretches this short are rarely attributions
_COLON_LINE = re.compile(
    r"^(?:\([^)\n]{1,40}\)\s*)?(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+):\s+(?P<text>\S.*)$",
    re.MULTILINE,
)
_MIN_COLON_WORDS = 6  # "Ian Bremmer: The relationship is ..." (seed 001); shorter lines are labels


@dataclass(slots=True)
class _Found:
    """A quoted stretch with what the text around it says about who said it."""

    quoted: Quoted
    cue: Token | None
    attribution: Attribution
    standalone: bool
    """The stretch is a whole sentence with nothing around it in its paragraph's sentence."""


def find_quotes(doc: Doc) -> list[Quote]:
    """The direct and indirect quotes of an article parsed with spaCy, in text order."""
    text = doc.text
    stretches = quoted_stretches(text)
    inside = _quoted_tokens(doc, stretches)
    cue_tokens = _cue_tokens(doc)
    found = [_frame(doc, q, inside, cue_tokens) for q in stretches]
    _continue_speakers(text, found)
    quotes = [_direct(doc, f, inside) for f in found if _is_quote(f)]
    quotes += _colon_lines(doc, quotes)
    quotes += _reported(doc, cue_tokens, inside, quotes)
    return sorted(quotes, key=lambda q: (q.start, q.kind))


def _quoted_tokens(doc: Doc, stretches: list[Quoted]) -> set[int]:
    """Indexes of the tokens inside quote marks (the marks included)."""
    inside: set[int] = set()
    for q in stretches:
        span = doc.char_span(q.open_mark, q.close_end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _cue_tokens(doc: Doc) -> dict[int, bool]:
    """Token index -> whether it reports speech, for every cue word and phrase head of `doc`."""
    lexicon = cues()
    found: dict[int, bool] = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in lexicon.lemmas and token.pos_ in ("VERB", "AUX"):
            found[token.i] = lexicon.lemmas[lemma]
    for words, reported in lexicon.phrases.items():
        for token in doc:
            if token.lemma_.lower() != words[0] or token.i + len(words) > len(doc):
                continue
            rest = [t.lower_ for t in doc[token.i + 1 : token.i + len(words)]]
            particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
            if rest == list(words[1:]) or particles == list(words[1:]):
                found[token.i] = reported
    return found


def _frame(doc: Doc, quoted: Quoted, inside: set[int], cue_tokens: dict[int, bool]) -> _Found:
    """The cue and speaker the text around `quoted` gives it."""
    span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if span is None or not len(span):
        return _Found(quoted, None, Attribution(None, None), False)
    frame = _frame_tokens(doc, quoted, span, inside)
    cue = _linked_cue(span, frame, cue_tokens) or _nearest_cue(quoted, doc, frame, cue_tokens)
    if cue is not None:
        attribution = attribute(cue)
        channel = channel_near(cue, attribution.speaker, frame)
        return _Found(quoted, cue, Attribution(attribution.speaker, channel), False)
    colon = _colon_speaker(doc, quoted, frame)
    if colon is not None:
        return _Found(quoted, colon[0], Attribution(colon[1], None), False)
    words = [t for t in doc if t.i in frame and not t.is_punct and not t.is_space]
    if not words:
        return _Found(quoted, None, Attribution(None, None), True)
    return _Found(quoted, None, _partial_speaker(span, frame), False)


def _frame_tokens(doc: Doc, quoted: Quoted, span: Span, inside: set[int]) -> set[int]:
    """Tokens outside quotes in the sentences the quote touches, within its paragraphs."""
    text = doc.text
    paragraph_start = text.rfind("\n", 0, quoted.open_mark) + 1
    paragraph_end = text.find("\n", quoted.close_end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    opening = doc.char_span(quoted.open_mark, quoted.start, alignment_mode="expand")
    first = doc[span.start if opening is None else min(span.start, opening.start)]
    last = doc[span.end - 1]
    start, end = first.sent.start, last.sent.end
    if end < len(doc) and doc[end - 1].i in inside and not _has_words(doc[start:end], inside):
        end = doc[end].sent.end
    return {
        t.i
        for t in doc[start:end]
        if t.i not in inside and paragraph_start <= t.idx < paragraph_end
    }


def _has_words(span: Span, inside: set[int]) -> bool:
    """Whether `span` has a word outside quotes."""
    return any(not t.is_punct and not t.is_space and t.i not in inside for t in span)


def _linked_cue(span: Span, frame: set[int], cue_tokens: dict[int, bool]) -> Token | None:
    """A cue the parse ties to the quote: an ancestor of its root, or a cue hanging off it."""
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    for root in roots:
        token = root
        for _ in range(_MAX_LINK_STEPS):
            if token.head.i == token.i:
                break
            token = token.head
            if token.i in frame and token.i in cue_tokens:
                return token
    for root in roots:
        for child in root.children:
            if child.i in frame and child.i in cue_tokens:
                return child
    return None


def _nearest_cue(
    quoted: Quoted, doc: Doc, frame: set[int], cue_tokens: dict[int, bool]
) -> Token | None:
    """The cue of the frame nearest the quote's marks."""
    candidates = [doc[i] for i in frame if i in cue_tokens]
    if not candidates:
        return None

    def distance(token: Token) -> int:
        return (
            quoted.open_mark - token.idx
            if token.idx < quoted.open_mark
            else token.idx - quoted.close_end
        )

    return min(candidates, key=distance)


def _colon_speaker(doc: Doc, quoted: Quoted, frame: set[int]) -> tuple[Token, Token] | None:
    """Verb and subject of "Fallon fired back: '...'", or the name of "Bremmer: '...'"."""
    before = [doc[i] for i in sorted(frame) if doc[i].idx < quoted.open_mark]
    if not before or before[-1].text != ":":
        return None
    colon = before[-1]
    verb = colon.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return verb, subject
    names = [t for t in before[:-1] if t.pos_ == "PROPN"]
    if names and len(before) <= 6:
        return names[-1], names[-1]
    return None


def _partial_speaker(span: Span, frame: set[int]) -> Attribution:
    """For words quoted inside a sentence with no cue: the subject of the clause holding them,
    when the stretch is long enough not to be a scare quote."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) <= _MAX_PARTIAL_WORDS:
        return Attribution(None, None)
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    for root in roots:
        token = root
        for _ in range(_MAX_LINK_STEPS):
            subject = next(
                (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in frame),
                None,
            )
            if subject is not None:
                return Attribution(subject, None)
            if token.head.i == token.i:
                break
            token = token.head
    return Attribution(None, None)


def _continue_speakers(text: str, found: list[_Found]) -> None:
    """Give each stand-alone quote the speaker of the quote it continues."""
    for index, item in enumerate(found):
        if not item.standalone or item.attribution.speaker is not None:
            continue
        source = _continued(text, found, index)
        if source is not None:
            item.cue, item.attribution = source.cue, source.attribution


def _continued(text: str, found: list[_Found], index: int) -> _Found | None:
    """The attributed quote that the stand-alone quote `index` continues, if any."""
    here = found[index].quoted

    def same_paragraph(a: int, b: int) -> bool:
        return "\n" not in text[a:b]

    for other in reversed(found[:index]):
        if same_paragraph(other.quoted.close_end, here.open_mark):
            if other.attribution.speaker is not None and not other.standalone:
                return other
        else:
            break
    for other in found[index + 1 :]:
        if not same_paragraph(here.close_end, other.quoted.open_mark):
            break
        if other.attribution.speaker is not None and not other.standalone:
            return other
    line_start = text.rfind("\n", 0, here.open_mark) + 1
    if text[line_start : here.open_mark].strip():
        return None
    previous = [f for f in found[:index] if f.quoted.close_end <= line_start]
    if previous and previous[-1].attribution.speaker is not None:
        between = text[previous[-1].quoted.close_end : line_start]
        if between.count("\n") <= 2 and "\n" in between:
            return previous[-1]
    return None


def _is_quote(found: _Found) -> bool:
    """Whether the stretch is attributed to anyone: a cue or a speaker."""
    return found.cue is not None or found.attribution.speaker is not None


def _direct(doc: Doc, found: _Found, inside: set[int]) -> Quote:
    """The Quote record of an attributed quoted stretch."""
    quoted = found.quoted
    quote = Quote(doc.text[quoted.start : quoted.end], quoted.start, quoted.end, "direct")
    _fill(quote, found.cue, found.attribution, doc, (quoted.open_mark, quoted.close_end))
    return quote


def _fill(
    quote: Quote,
    cue: Token | None,
    attribution: Attribution,
    doc: Doc,
    quoted: tuple[int, int] | None,
) -> None:
    """Set a quote's cue, speaker span and kind, and channel."""
    if cue is not None:
        quote.cue, quote.cue_start = _cue_text(cue), cue.idx
    speaker = attribution.speaker
    if speaker is not None:
        speaker = better_head(speaker)
        limit = None
        if quoted is not None and quoted[0] <= speaker.idx:
            limit = (quoted[1], len(doc.text))
        elif quoted is not None:
            limit = (0, quoted[0])
        start, end = phrase_bounds(speaker, limit)
        quote.speaker_text = doc.text[start:end]
        quote.speaker_start, quote.speaker_end = start, end
        quote.speaker_kind = speaker_kind(speaker)
    if attribution.channel is not None:
        start, end = phrase_bounds(attribution.channel)
        quote.channel = doc.text[start:end]


def _cue_text(cue: Token) -> str:
    """The cue as written: "said", "according to", "pointed out"."""
    if cue.lower_ == "according":
        return "according to"
    particles = [c for c in cue.children if c.dep_ == "prt"]
    if particles:
        return f"{cue.text} {particles[0].text}"
    return cue.text


def _colon_lines(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """Lines like "Ian Bremmer: The relationship is ...": a person's words after their name."""
    found = []
    for match in _COLON_LINE.finditer(doc.text):
        name = doc.char_span(*match.span("name"), alignment_mode="expand")
        words = match.group("text").split()
        if name is None or len(words) < _MIN_COLON_WORDS:
            continue
        if not any(t.ent_type_ == "PERSON" for t in name):
            continue
        start, end = match.span("text")
        if any(q.start < end and start < q.end for q in quotes):
            continue
        name_start, name_end = match.span("name")
        found.append(
            Quote(
                doc.text[start:end],
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


def _reported(
    doc: Doc, cue_tokens: dict[int, bool], inside: set[int], quotes: list[Quote]
) -> list[Quote]:
    """Indirect quotes: the clause a reporting cue governs ("Xi told Putin that China would
    ..."), and the claim "according to" someone, unless quote marks hold most of it."""
    found = []
    for index, reported in cue_tokens.items():
        cue = doc[index]
        if not reported:
            continue
        clause = _reported_clause(cue)
        if clause is None:
            continue
        quoted = sum(1 for t in clause if t.i in inside)
        if quoted * 2 > len(clause) or len(clause) < 3:
            continue
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
        if any(q.kind == "indirect" and q.start == start for q in quotes):
            continue
        quote = Quote(doc.text[start:end], start, end, "indirect")
        _fill(quote, cue, attribute(cue), doc, None)
        if quote.speaker_start is not None and start <= quote.speaker_start < end:
            continue
        found.append(quote)
    return found


def _reported_clause(cue: Token) -> Span | None:
    """The reported clause of a cue: its complement clause, or for "according to X" the rest of
    the sentence."""
    doc = cue.doc
    if cue.lower_ == "according":
        sentence = cue.sent
        phrase = cue.subtree
        first, last = min(t.i for t in phrase), max(t.i for t in phrase)
        before, after = doc[sentence.start : first], doc[last + 1 : sentence.end]
        part = after if len(after) >= len(before) else before
        return _trim(part)
    for child in cue.children:
        if child.dep_ == "ccomp":
            return _trim(doc[child.left_edge.i : child.right_edge.i + 1])
    return None


def _trim(span: Span) -> Span | None:
    """`span` without punctuation or a "that" at its edges; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None
