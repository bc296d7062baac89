"""The entity recogniser run only on the sentences where a name can be found.

The stages read entity labels for names (PERSON, ORG, NORP, GPE, FAC, LOC: actors/units.py,
actors/context.py, quotes/speakers.py) and for dates after a reporting verb
(quotes/fallbacks.py). A sentence with no proper noun and no capital after its first word holds
no name, so the recogniser skips it and its tokens are marked outside any entity; on BBC news
that is about 15% of the tokens, and the recogniser is over half of the parse's cost. A doc
whose every sentence is needed goes through whole, as the stock component would see it; any
other doc is read as one shorter doc of its needed sentences.
bench/pipeline.py --compare N measures what this changes against the stock recogniser.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import NORM
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from detente.language.docs import sentences


def _named(sentence: Span) -> bool:
    """Whether a sentence may hold a name: a proper noun, or a capital after its first word."""
    first = sentence.start
    return any(t.pos_ == "PROPN" or (t.i > first and t.text[:1].isupper()) for t in sentence)


def needed_runs(doc: Doc) -> list[tuple[int, int]] | None:
    """Token ranges of the runs of neighbouring sentences that may hold names; None when that
    is the whole doc."""
    if not doc.has_annotation("SENT_START"):
        return None
    runs: list[tuple[int, int]] = []
    skipped = False
    for sentence in sentences(doc):
        if not _named(sentence):
            skipped = True
        elif runs and runs[-1][1] == sentence.start:
            runs[-1] = (runs[-1][0], sentence.end)
        else:
            runs.append((sentence.start, sentence.end))
    return runs if skipped else None


class SelectiveEntities:
    """The pipeline's entity recogniser, fed only the sentence runs `needed_runs` picks."""

    def __init__(self, ner: EntityRecognizer) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        """Entities of one doc."""
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Entities of each doc: a doc that needs only some sentences is read as one shorter
        doc of those sentences (one doc each keeps the recogniser's batches full)."""
        for batch in minibatch(docs, batch_size):
            plans = [(doc, needed_runs(doc)) for doc in batch]
            shorter = [(doc, *_kept_tokens(doc, runs)) for doc, runs in plans if runs is not None]
            fed = [doc for doc, runs in plans if runs is None] + [part for _, part, _ in shorter]
            for _ in self.ner.pipe(fed, batch_size=batch_size):
                pass
            for doc, part, index in shorter:
                doc.set_ents(list(_placed(doc, part, index)), default="outside")
            yield from batch


def _kept_tokens(doc: Doc, runs: list[tuple[int, int]]) -> tuple[Doc, list[int]]:
    """A doc of the tokens in `runs` (same words, spaces, norms) and their indices in `doc`."""
    index = [i for start, end in runs for i in range(start, end)]
    part = Doc(
        doc.vocab,
        words=[doc[i].text for i in index],
        spaces=[bool(doc[i].whitespace_) for i in index],
    )
    part.from_array([NORM], doc.to_array([NORM])[index])
    return part, index


def _placed(doc: Doc, part: Doc, index: list[int]) -> Iterator[Span]:
    """The part's entities as spans of `doc`; one that straddles two runs is dropped."""
    for entity in part.ents:
        first, last = index[entity.start], index[entity.end - 1]
        if last - first == entity.end - entity.start - 1:
            yield Span(doc, first, last + 1, label=entity.label)


@Language.factory("detente_entities")
def make_entities(nlp: Language, name: str) -> SelectiveEntities:
    """The stand-in for the pipeline's ner (which must be there when it is added)."""
    return SelectiveEntities(nlp.get_pipe("ner"))


def select_entities(nlp: Language) -> Language:
    """Put the selective recogniser in the stock one's place."""
    if "ner" in nlp.pipe_names:
        ner = nlp.get_pipe("ner")
        if isinstance(ner, EntityRecognizer):
            nlp.add_pipe("detente_entities", before="ner")
            nlp.remove_pipe("ner")
    return nlp
