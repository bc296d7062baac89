"""What a figure measures and who it is credited to, from the parse of its sentence: the
subject of the verb it completes ("bilateral trade between China and Russia reached US$240
billion"), the noun a participle hangs from ("China's increased trade with Russia, totaling $240
billion"), the object of "according to", or the speaker of a reporting verb above it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from detente.language import doc_text
from detente.quotes.lexicon import cues
from detente.quotes.reading import ancestors, around
from detente.quotes.speakers import attribute, phrase_bounds

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MAX_STEPS = 6  # "up more than 30 per cent" -> cent -> up -> hitting: 3 steps; calibrated on seeds
_MAX_SUBJECT_TOKENS = 12  # longer subject subtrees are cut at their first comma or clause
_RELATIVE = frozenset({"WDT", "WP"})
_CUTS = frozenset({"relcl", "appos", "acl", "advcl"})


def subject_of(figure: Span) -> str | None:
    """The text of what the figure measures, or None when the parse does not say."""
    token = figure.root
    for _ in range(_MAX_STEPS):
        if token.dep_ in _SUBJECTS:
            return None  # the figure is part of the subject ("eleven ships sailed")
        if token.pos_ in ("VERB", "AUX"):
            subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject.tag_ in _RELATIVE and token.dep_ == "relcl":
                return _phrase(token.head)
            if subject is not None:
                return _phrase(subject)
            if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
                return _phrase(token.head)
            absolute = _absolute_subject(token)
            if absolute is not None:
                return _phrase(absolute)
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def source_of(figure: Span) -> str | None:
    """Who the figure is credited to: "according to Chinese Customs data" in its sentence (within
    reach), or the subject of a reporting verb whose clause holds it ("the senators said it
    included eleven ships")."""
    text = doc_text(figure.doc)
    line = (text.rfind("\n", 0, figure.start_char) + 1, _line_end(text, figure.end_char))
    for token in around(figure.doc, figure.start, figure.end - 1):
        if not line[0] <= token.idx < line[1]:
            continue
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            following = token.nbor(1)
            target = next((c for c in following.children if c.dep_ == "pobj"), None)
            if following.lower_ == "to" and target is not None:
                return _phrase(target)
    reporting = cues().lemmas
    for ancestor in ancestors(figure.root):
        if reporting.get(ancestor.lemma_.lower()) == "reported" and ancestor.pos_ == "VERB":
            speaker = attribute(ancestor).speaker
            if speaker is not None and not figure.start <= speaker.i < figure.end:
                start, end = phrase_bounds(speaker)
                return text[start:end]
    return None


def _absolute_subject(verb: Token) -> Token | None:
    """The noun of "with trade volumes last year hitting US$147 billion": the object of the
    nearest "with" before a verb that has no subject of its own, with no other verb between."""
    doc = verb.doc
    for token in reversed(doc[around(doc, verb.i, verb.i).start : verb.i]):
        if token.pos_ in ("VERB", "AUX") and token.i != verb.head.i:
            return None
        if token.lower_ in ("with", "without"):
            noun = next((c for c in token.children if c.dep_ == "pobj"), None)
            return noun if noun is not None and noun.i < verb.i else None
    return None


def _phrase(head: Token) -> str | None:
    """The noun phrase under `head`, cut before a comma, a parenthesis or a clause when long."""
    tokens = list(head.subtree)
    if len(tokens) > _MAX_SUBJECT_TOKENS or any(t.dep_ in _CUTS for t in head.children):
        cut = next(
            (
                t.i
                for t in tokens
                if t.i > head.i and (t.text in (",", "(", "—") or t.dep_ in _CUTS)
            ),
            tokens[-1].i + 1,
        )
        tokens = [t for t in tokens if t.i < cut]
    breaks = [t.i for t in tokens if "\n" in t.text or "\n" in t.whitespace_]
    if breaks:
        tokens = [t for t in tokens if t.i > max([b for b in breaks if b < head.i], default=-1)]
        tokens = [t for t in tokens if t.i <= min([b for b in breaks if b >= head.i], default=t.i)]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    if not tokens:
        return None  # nothing but punctuation and line breaks around the head
    return doc_text(head.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _line_end(text: str, offset: int) -> int:
    """Offset of the end of the line holding `offset`."""
    end = text.find("\n", offset)
    return len(text) if end < 0 else end
