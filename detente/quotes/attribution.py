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

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.quotes.lexicon import cues
from detente.quotes.marks import Quoted, quoted_stretches
from detente.quotes.model import Quote
from detente.quotes.reported import colon_lines, reported_speech
from detente.quotes.speakers import Attribution, attribute, channel_near, fill

_MAX_LINK_STEPS = 4  # quote root -> cue: "..., Putin said" is 1 step, "describing X as a '...'" 3
_MAX_PARTIAL_WORDS = 3  # scare quotes ("no limits", "dual-use") have 1-3 words; calibrated on
# PolNeAR train, where uncued stretches this short are rarely attributions
_MAX_TRAILING_LEAD = 4  # '"...." Mr. Manafort said.': words before the cue of the next sentence
_SIGNATURE = re.compile(
    r"[\s\xa0]*(?:―|—|–|--)[\s\xa0]*(?P<name>[A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,4})\.?\s*$"
)
_MAX_TITLE_WORDS = (
    8  # titles of shows and books in PolNeAR train: "Meet the Press", "Hail, Caesar!"
)
_TITLE_WORD_LENGTH = 4  # shorter words (of, the, and) stay lower case in a title
_MUTE_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what", "there"})
_NOUN_STARTS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ"})
_NOUN_HEADS = frozenset({"PROPN", "NOUN", "PRON"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_MAX_SPEAKER_DISTANCE = 16  # "Jay DiPietro, the club's 78-year-old president ..., suggested": 16
_NAME_DEPS = frozenset({"compound", "det", "amod", "flat", "poss"})


@dataclass(slots=True)
class _Found:
    """A quoted stretch with what the text around it says about who said it."""

    quoted: Quoted
    cue: Token | None
    attribution: Attribution
    standalone: bool
    """Nothing around the stretch says who said it: it may continue another quote."""
    trailing: tuple[Token, Attribution] | None = None
    """For a stretch standing alone: the cue of the colon ending the paragraph before, or the
    cue opening the next sentence, and what it gives."""


def find_quotes(doc: Doc) -> list[Quote]:
    """The direct and indirect quotes of an article parsed with spaCy, in text order."""
    text = doc.text
    stretches = quoted_stretches(text)
    inside = _quoted_tokens(doc, stretches)
    cue_tokens = _cue_tokens(doc)
    found = [_frame(doc, q, inside, cue_tokens) for q in stretches]
    _continue_speakers(text, found)
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
        use = lexicon.lemmas.get(token.lemma_.lower())
        if use is not None and token.pos_ in ("VERB", "AUX") and not _idle(token, use):
            found[token.i] = "quoted" if use == "naming" else use
    for words, use in lexicon.phrases.items():
        for token in doc:
            if words[0] not in (token.lower_, token.lemma_.lower()):
                continue
            rest = [t.lower_ for t in doc[token.i + 1 : token.i + len(words)]]
            particles = [c.lower_ for c in token.children if c.dep_ in ("prt", "dobj")]
            if rest == list(words[1:]) or particles == list(words[1:]):
                found[token.i] = use
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


def _frame(doc: Doc, quoted: Quoted, inside: set[int], cue_tokens: dict[int, str]) -> _Found:
    """The cue and speaker the text around `quoted` gives it."""
    span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if span is None or not len(span):
        return _Found(quoted, None, Attribution(None, None), False)
    signed = _signature(doc, quoted)
    if signed is not None:
        return _Found(quoted, None, Attribution(signed, None), False)
    frame = _frame_tokens(doc, quoted, span, inside)
    cue = _linked_cue(span, frame, cue_tokens)
    if cue is None and _title_like(span):
        return _Found(quoted, None, Attribution(None, None), False)
    colon = _colon_speaker(doc, quoted, frame) if cue is None else None
    if colon is not None:
        return _Found(quoted, colon[0], Attribution(colon[1], None), False)
    cue = cue or _nearest_cue(quoted, doc, frame, cue_tokens)
    if cue is not None:
        cue = _outermost(cue, frame, cue_tokens)
        return _Found(quoted, cue, _cue_attribution(cue, frame), False)
    if not any(not doc[i].is_punct and not doc[i].is_space for i in frame):
        lead = _lead_in(doc, quoted, inside) or _trailing(doc, span, inside, cue_tokens)
        return _Found(quoted, None, Attribution(None, None), True, lead)
    partial = _partial_speaker(span, frame)
    return _Found(quoted, None, partial, partial.speaker is None)


def _signature(doc: Doc, quoted: Quoted) -> Token | None:
    """The name signing a quote from the end of its line: '"...." ― Karen Bobadilla'."""
    line_end = doc.text.find("\n", quoted.close_end)
    match = _SIGNATURE.match(
        doc.text, quoted.close_end, len(doc.text) if line_end < 0 else line_end
    )
    if match is None:
        return None
    name = doc.char_span(*match.span("name"), alignment_mode="expand")
    return None if name is None else name.root


def _title_like(span: Span) -> bool:
    """Whether quoted words look like a title or a name ("Bridge of Spies", "Morning Joe"):
    a few words, every long one capitalized, not an exclamation or a question."""
    words = [t for t in span if t.is_alpha]
    long_words = [t for t in words if len(t) >= _TITLE_WORD_LENGTH]
    if not long_words or len(words) > _MAX_TITLE_WORDS or span[-1].text in ("!", "?"):
        return False
    return all(t.text[0].isupper() for t in long_words)


def _cue_attribution(cue: Token, frame: set[int]) -> Attribution:
    """Speaker and channel of a cue, the speaker kept to the frame."""
    attribution = attribute(cue)
    speaker = attribution.speaker
    if speaker is None or speaker.i not in frame:
        speaker = _adjacent_speaker(cue, frame)
    return Attribution(speaker, attribution.channel or channel_near(cue, speaker, frame))


def _frame_tokens(doc: Doc, quoted: Quoted, span: Span, inside: set[int]) -> set[int]:
    """Tokens outside quotes in the sentences the quote touches, within its paragraphs."""
    text = doc.text
    paragraph_start = text.rfind("\n", 0, quoted.open_mark) + 1
    paragraph_end = text.find("\n", quoted.close_end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    opening = doc.char_span(quoted.open_mark, quoted.start, alignment_mode="expand")
    first = doc[span.start if opening is None else min(span.start, opening.start)]
    start, end = first.sent.start, doc[span.end - 1].sent.end
    return {
        t.i
        for t in doc[start:end]
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
    for ancestor in cue.ancestors:
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


def _adjacent_speaker(cue: Token, frame: set[int]) -> Token | None:
    """For a cue the parse gives no subject: the noun phrase after a cue that follows a quote
    ('"...," said retired neurosurgeon Ben Carson'), else the one right before it, else the
    nearest name or personal pronoun before it in the frame."""
    doc = cue.doc
    after = cue.i + 1
    previous = cue.i - 2 if cue.i > 1 and cue.nbor(-1).is_punct else cue.i - 1
    inverted = previous >= 0 and previous not in frame
    if inverted and after in frame and _speaker_like(doc[after], _NOUN_STARTS):
        return doc[after].head if doc[after].dep_ in _NAME_DEPS else doc[after]
    before = cue.i - 1
    while before in frame and doc[before].pos_ in ("ADV", "AUX", "PART"):
        before -= 1
    if before in frame and _speaker_like(doc[before], _NOUN_HEADS):
        return doc[before]
    for index in range(cue.i - 1, max(cue.i - _MAX_SPEAKER_DISTANCE, -1), -1):
        if index not in frame:
            break
        token = doc[index]
        if token.ent_type_ == "PERSON" or token.lower_ in _PERSONAL_PRONOUNS:
            return token
    return None


def _speaker_like(token: Token, parts: frozenset[str]) -> bool:
    """Whether `token` can start or head a speaker's noun phrase (no dates: "said Tuesday")."""
    return token.pos_ in parts and token.ent_type_ not in ("DATE", "TIME")


def _colon_speaker(doc: Doc, quoted: Quoted, frame: set[int]) -> tuple[Token, Token] | None:
    """Verb and subject of "Fallon fired back: '...'", or the name of "Bremmer: '...'"."""
    before = [doc[i] for i in sorted(frame) if doc[i].idx < quoted.open_mark]
    if not before or before[-1].text != ":":
        return None
    verb = before[-1].head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i in frame:
            return verb, subject
    names = [t for t in before[:-1] if t.pos_ == "PROPN"]
    if names and len(before) <= _MAX_TRAILING_LEAD + 2:
        return names[-1], names[-1]
    return None


def _partial_speaker(span: Span, frame: set[int]) -> Attribution:
    """For words quoted inside a sentence with no cue: the subject of the outermost clause
    holding them ("Rubio bemoaned the climate in which people '...'"), when the stretch is long
    enough not to be a scare quote and the subject can speak."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) <= _MAX_PARTIAL_WORDS:
        return Attribution(None, None)
    root = next((t for t in span if not (span.start <= t.head.i < span.end)), span[0])
    subject = None
    for token in [root, *root.ancestors]:
        if token.i not in frame and token.i != root.i:
            break
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in frame:
                subject = child
    if subject is None or subject.lower_ in _MUTE_PRONOUNS:
        return Attribution(None, None)
    return Attribution(subject, None)


def _lead_in(doc: Doc, quoted: Quoted, inside: set[int]) -> tuple[Token, Attribution] | None:
    """For a quote opening its paragraph after a paragraph ending in a colon ("issued the
    following statement:"): the verb and subject before that colon."""
    text = doc.text
    line_start = text.rfind("\n", 0, quoted.open_mark) + 1
    if text[line_start : quoted.open_mark].strip():
        return None
    before = text[:line_start].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sentence = colon[0].sent
    frame = {t.i for t in sentence if t.i not in inside}
    fake = Quoted(quoted.start, quoted.end, len(before), quoted.close_end, False, 1)
    found = _colon_speaker(doc, fake, frame)
    return None if found is None else (found[0], Attribution(found[1], None))


def _trailing(
    doc: Doc, span: Span, inside: set[int], cue_tokens: dict[int, str]
) -> tuple[Token, Attribution] | None:
    """The cue near the start of the sentence after a stand-alone quote, and its speaker."""
    end = doc[span.end - 1].sent.end
    if end >= len(doc) or "\n" in doc.text[span.end_char : doc[end].idx]:
        return None
    sentence = doc[end].sent
    lead = [t for t in sentence if t.i not in inside][: _MAX_TRAILING_LEAD + 1]
    if any(t.i in inside for t in sentence):
        return None
    frame = {t.i for t in sentence}
    for token in lead:
        if token.i in cue_tokens:
            return token, _cue_attribution(token, frame)
    return None


def _continue_speakers(text: str, found: list[_Found]) -> None:
    """Give each stand-alone quote the cue and speaker of the quote it continues."""
    for index, item in enumerate(found):
        if not item.standalone or item.attribution.speaker is not None:
            continue
        source = _continued(text, found, index)
        if source is not None:
            item.cue, item.attribution = source


def _continued(text: str, found: list[_Found], index: int) -> tuple[Token, Attribution] | None:
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


def _attributed(found: _Found) -> bool:
    """Whether a quote has its own speaker (not one it continues)."""
    return found.attribution.speaker is not None and not found.standalone


def _direct(doc: Doc, found: _Found) -> Quote:
    """The Quote record of an attributed quoted stretch."""
    quoted = found.quoted
    quote = Quote(doc.text[quoted.start : quoted.end], quoted.start, quoted.end, "direct")
    fill(quote, found.cue, found.attribution, (quoted.open_mark, quoted.close_end))
    return quote
