"""A cheap sentence splitter and whole-article Docs parsed only where later stages need a parse.

Chunks partition the text exactly (each keeps its trailing whitespace), so a Doc assembled from
them has the article's text and offsets. A run of chunks that needs a parse goes through the full
spaCy pipeline as one text; any other chunk is only tokenised and gets a flat placeholder tree
(first token the root, no tags, lemmas or entities), one sentence per chunk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from detente.language.settings import settings

_BOUNDARY = re.compile(
    r"\n[ \t]*\n\s*+(?![-•*a-z])"  # a blank line ends a paragraph, unless a list item follows
    r"|(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])"  # end punctuation, space, capital
)
_LAST_WORD = re.compile(r"(\S+)\s*$")
_NO_ROOM = numpy.zeros((0,), dtype="float32")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A stretch of an article's text [start, end) that the splitter takes for a sentence."""

    start: int
    end: int


@cache
def _abbreviation() -> re.Pattern[str]:
    """A word whose full stop may not end a sentence ("Mr.", "U.S.", "Gen.")."""
    short = settings()["abbreviation_letters"]
    return re.compile(rf"^(?:[A-Z][a-z]{{0,{short - 1}}}|[A-Za-z](?:\.[A-Za-z])+)\.$")


def split(text: str) -> list[Chunk]:
    """The text cut into sentence-like chunks that cover it exactly, whitespace kept at the end.

    Errs on the side of too few cuts (after "Mr." or "U.S." there is none): a missed cut only
    parses a little more, a false one could cut a sentence the later stages need whole.
    """
    chunks: list[Chunk] = []
    start = 0
    abbreviation = _abbreviation()
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end >= len(text) or end <= start:
            continue
        before = _LAST_WORD.search(text, start, match.start() + 1)
        if before is not None and "\n" not in match.group() and abbreviation.match(before[1]):
            continue
        chunks.append(Chunk(start, end))
        start = end
    if start < len(text) or not chunks:
        chunks.append(Chunk(start, len(text)))
    return chunks


def runs(chunks: list[Chunk], needed: list[bool]) -> list[tuple[Chunk, bool]]:
    """Neighbouring chunks merged while they agree on needing a parse (an article needed
    whole comes out as one run, parsed as plain `nlp.pipe` would)."""
    merged: list[tuple[Chunk, bool]] = []
    for chunk, need in zip(chunks, needed, strict=True):
        if merged and merged[-1][1] == need:
            merged[-1] = (Chunk(merged[-1][0].start, chunk.end), need)
        else:
            merged.append((chunk, need))
    return merged


def _flat(nlp: Language, text: str) -> Doc:
    """A tokenised chunk with a placeholder tree: one sentence, no tags or entities."""
    doc = nlp.make_doc(text)
    if len(doc) > 1:
        heads = numpy.zeros((len(doc), 2), dtype="uint64")
        dep, root = nlp.vocab.strings.add("dep"), nlp.vocab.strings.add("ROOT")
        heads[:, 0] = numpy.array([0, *range(-1, -len(doc), -1)], dtype="int64").astype("uint64")
        heads[:, 1] = dep
        heads[0, 1] = root
        doc.from_array([HEAD, DEP], heads)
    return doc


def parse_partly(
    nlp: Language,
    texts: Iterable[str],
    select: Callable[[str, list[Chunk]], list[bool]],
    batch_size: int,
) -> Iterator[Doc]:
    """Whole-article Docs where only the runs `select` asks for went through the pipeline."""
    for pieces in _batches(texts, select, batch_size):
        wanted = [text for text, need in (p for article in pieces for p in article) if need]
        parsed = iter(nlp.pipe(wanted, batch_size=batch_size))
        for article in pieces:
            docs = [next(parsed) if need else _flat(nlp, text) for text, need in article]
            for doc in docs:
                doc.tensor = _NO_ROOM
            yield Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]


def _batches(
    texts: Iterable[str], select: Callable[[str, list[Chunk]], list[bool]], size: int
) -> Iterator[list[list[tuple[str, bool]]]]:
    """Articles `size` at a time, each as its runs of text with whether each needs a parse."""
    batch: list[list[tuple[str, bool]]] = []
    for text in texts:
        chunks = split(text)
        merged = runs(chunks, select(text, chunks))
        batch.append([(text[c.start : c.end], need) for c, need in merged])
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
