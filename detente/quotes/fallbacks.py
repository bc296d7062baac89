"""Who said a quote when the parse gives no plain answer: the noun phrase beside a cue with no
subject, the verb or name before a colon, the subject of the sentence around a long partial
quote, a name signing a quote from the end of its line; and quoted words that are a title."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from detente.language import doc_text
from detente.quotes.marks import Quoted
from detente.quotes.reading import ancestors
from detente.quotes.speakers import Attribution, attribute, channel_near

_MAX_PARTIAL_WORDS = 3  # scare quotes ("no limits", "dual-use") have 1-3 words; calibrated on
# PolNeAR train, where uncued stretches this short are rarely attributions
_MAX_COLON_LEAD = 6  # "(GZERO media) Ian Bremmer:": words before a colon that may be a name
_SIGNATURE = re.compile(
    r"[\s\xa0]*(?:―|—|–|--)[\s\xa0]*(?P<name>[A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,4})\.?\s*$"
)
# titles of shows and books in PolNeAR train run to 8 words: "Meet the Press", "Hail, Caesar!"
_MAX_TITLE_WORDS = 8
_TITLE_WORD_LENGTH = 4  # shorter words (of, the, and) stay lower case in a title
_MUTE_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what", "there"})
_NOUN_STARTS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ"})
_NOUN_HEADS = frozenset({"PROPN", "NOUN", "PRON"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_MAX_SPEAKER_DISTANCE = 16  # "Jay DiPietro, the club's 78-year-old president ..., suggested": 16
_NAME_DEPS = frozenset({"compound", "det", "amod", "flat", "poss"})


def signature(doc: Doc, quoted: Quoted) -> Token | None:
    """The name signing a quote from the end of its line: '"...." ― Karen Bobadilla'."""
    text = doc_text(doc)
    line_end = text.find("\n", quoted.close_end)
    match = _SIGNATURE.match(text, quoted.close_end, len(text) if line_end < 0 else line_end)
    if match is None:
        return None
    name = doc.char_span(*match.span("name"), alignment_mode="expand")
    return None if name is None else name.root


def title_like(span: Span) -> bool:
    """Whether quoted words look like a title or a name ("Bridge of Spies", "Morning Joe"):
    a few words, every long one capitalized, not an exclamation or a question."""
    words = [t for t in span if t.is_alpha]
    long_words = [t for t in words if len(t) >= _TITLE_WORD_LENGTH]
    if not long_words or len(words) > _MAX_TITLE_WORDS or span[-1].text in ("!", "?"):
        return False
    return all(t.text[0].isupper() for t in long_words)


def cue_attribution(cue: Token, frame: set[int]) -> Attribution:
    """Speaker and channel of a cue, the speaker kept to the frame."""
    attribution = attribute(cue)
    speaker = attribution.speaker
    if speaker is None or speaker.i not in frame:
        speaker = adjacent_speaker(cue, frame)
    return Attribution(speaker, attribution.channel or channel_near(cue, speaker, frame))


def adjacent_speaker(cue: Token, frame: set[int]) -> Token | None:
    """For a cue the parse gives no subject: the noun phrase after a cue that follows a quote
    ('"...," said retired neurosurgeon Ben Carson'), else the one right before it, else the
    nearest name or personal pronoun before it in the frame."""
    doc = cue.doc
    after = cue.i + 1
    previous = cue.i - 2 if cue.i > 1 and cue.nbor(-1).is_punct else cue.i - 1
    inverted = previous >= 0 and previous not in frame
    if inverted and after in frame and _speaker_like(doc[after], _NOUN_STARTS):
        head = doc[after]
        while head.dep_ in _NAME_DEPS and head.head.i > head.i and head.head.i in frame:
            head = head.head
        return head
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


def colon_speaker(doc: Doc, quoted: Quoted, frame: set[int]) -> tuple[Token, Token] | None:
    """Verb and subject of "Fallon fired back: '...'", or the name of "Bremmer: '...'"."""
    before = [doc[i] for i in sorted(frame) if doc[i].idx < quoted.open_mark]
    if not before or before[-1].text != ":":
        return None
    for verb in reversed(before):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.pos_ in ("VERB", "AUX") and subject is not None and subject.i in frame:
            return verb, subject
    names = [t for t in before[:-1] if t.pos_ == "PROPN"]
    if names and len(before) <= _MAX_COLON_LEAD:
        return names[-1], names[-1]
    return None


def partial_speaker(span: Span, frame: set[int]) -> Attribution:
    """For words quoted inside a sentence with no cue: the subject of the outermost clause
    holding them ("Rubio bemoaned the climate in which people '...'"), when the stretch is long
    enough not to be a scare quote and the subject can speak."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) <= _MAX_PARTIAL_WORDS:
        return Attribution(None, None)
    root = next((t for t in span if not (span.start <= t.head.i < span.end)), span[0])
    subject = None
    for token in [root, *ancestors(root)]:
        if token.i not in frame and token.i != root.i:
            break
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in frame:
                subject = child
    if subject is None or subject.lower_ in _MUTE_PRONOUNS:
        return Attribution(None, None)
    return Attribution(subject, None)
