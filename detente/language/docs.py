"""What the stages read off a parsed doc (its text, its sentences), found once per doc and
shared: spaCy builds `doc.text` and `doc.sents` anew at each call."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span


def doc_text(doc: Doc) -> str:
    """A doc's text. spaCy joins its tokens anew at each `doc.text`; the stages share one."""
    kept = _kept(doc)
    if kept.text is None:
        kept.text = doc.text
    return kept.text


def sentences(doc: Doc) -> list[Span]:
    """A parsed doc's sentences. spaCy scans every token at each `doc.sents`; the stages that
    read sentences share one scan."""
    return [doc[start:end] for start, end in _bounds(doc)]


def sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    """Token bounds [start, end) of the sentence holding token `index` (as `Token.sent`)."""
    bounds = _bounds(doc)
    place = bisect_right(bounds, index, key=lambda bound: bound[0])
    start = bounds[place - 1][0] if place else 0
    end = bounds[place][0] if place < len(bounds) else len(doc)
    return start, end


def _bounds(doc: Doc) -> list[tuple[int, int]]:
    """The token bounds of a doc's sentences, found once."""
    kept = _kept(doc)
    if kept.sentences is None:
        kept.sentences = [(sent.start, sent.end) for sent in doc.sents]
    return kept.sentences


@dataclass(slots=True)
class _Kept:
    """What the stages read off one doc, found once: for a doc of `size` tokens."""

    size: int
    text: str | None = None
    sentences: list[tuple[int, int]] | None = None


_KEPT: WeakKeyDictionary[Doc, _Kept] = WeakKeyDictionary()


def _kept(doc: Doc) -> _Kept:
    """The doc's kept record, made afresh if the doc was retokenized since."""
    kept = _KEPT.get(doc)
    if kept is None or kept.size != len(doc):
        kept = _KEPT[doc] = _Kept(len(doc))
    return kept
