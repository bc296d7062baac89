"""Which chunks of an article the later stages need parsed: the cheap pass before spaCy.

A chunk is parsed when it names a dictionary actor (the gazetteer automaton) or a person with a
courtesy title ("Mr Glazer", whom only spaCy can name), holds a word the resolver reads as a
reference (he, she, both, counterpart), lies in quote marks or holds a reporting cue (quotes), or
holds a number (claims). Anything else can yield no event, quote or
claim, so it is only tokenised. bench/pipeline.py --compare measures what this loses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from importlib import resources

from detente.actors.dictionary import Dictionary
from detente.actors.gazetteer import Gazetteer
from detente.actors.words import words
from detente.claims.numbers import find_numbers
from detente.language.chunks import Chunk
from detente.language.settings import settings
from detente.quotes.lexicon import cues
from detente.quotes.marks import quoted_stretches

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_HONORIFICS = "actors/data/honorifics.txt"
_VOWELS = frozenset("aeiou")


def inflections(lemma: str) -> set[str]:
    """The regular English forms of a verb: -s, -es, -ed, -d, -ing, -ies, -ied, doubled ends."""
    forms = {lemma, f"{lemma}s", f"{lemma}es", f"{lemma}ed", f"{lemma}d", f"{lemma}ing"}
    if lemma.endswith("e"):
        forms.add(f"{lemma[:-1]}ing")
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {f"{lemma[:-1]}ies", f"{lemma[:-1]}ied"}
    if len(lemma) > 2 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS:
        forms |= {f"{lemma}{lemma[-1]}ed", f"{lemma}{lemma[-1]}ing"}
    return forms


def trigger_words() -> frozenset[str]:
    """Lower-case words that make a chunk worth parsing: references and reporting cues."""
    lists = words()
    found = set(lists.pronouns) | set(lists.numbers)
    found |= {phrase.split()[0] for phrase in lists.counterpart}
    irregular: dict[str, list[str]] = settings()["irregular"]
    lexicon = cues()
    verbs = {lemma for lemma, use in lexicon.lemmas.items() if use == "reported"}
    verbs |= {words_[0] for words_, use in lexicon.phrases.items() if use == "reported"}
    for verb in verbs:
        found |= inflections(verb) | set(irregular.get(verb, ()))
    return frozenset(found)


def _honorific_pattern() -> re.Pattern[str]:
    """A courtesy title before a capitalised word ("Mr Glazer"): a person spaCy may name."""
    text = resources.files("detente").joinpath(_HONORIFICS).read_text("utf-8")
    titles = {line.strip().rstrip(".") for line in text.splitlines()}
    titles = {title for title in titles if title and not title.startswith("#")}
    alternatives = "|".join(sorted(map(re.escape, titles), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\.?\s+[A-Z]")


class Selector:
    """Decides, chunk by chunk, whether an article's text needs spaCy's full pipeline."""

    def __init__(self, dictionary: Dictionary) -> None:
        self._gazetteer = Gazetteer(dictionary)
        self._triggers = trigger_words()
        self._honorific = _honorific_pattern()

    def __call__(self, text: str, chunks: list[Chunk]) -> list[bool]:
        """For each chunk of `text`, whether a later stage can find anything in it."""
        spans = [(hit.start, hit.end) for hit in self._gazetteer.find(text)]
        spans += [(q.open_mark, q.close_end) for q in quoted_stretches(text)]
        spans += [(n.start, n.end) for n in find_numbers(text)]
        spans += [m.span() for m in _WORD.finditer(text) if m[0].lower() in self._triggers]
        spans += [m.span() for m in self._honorific.finditer(text)]
        return _covered(chunks, spans)


def _covered(chunks: list[Chunk], spans: Iterable[tuple[int, int]]) -> list[bool]:
    """Whether each chunk overlaps any of the spans."""
    needed = [False] * len(chunks)
    starts = [chunk.start for chunk in chunks]
    for start, end in spans:
        index = _index(starts, start)
        while index < len(chunks) and chunks[index].start < max(end, start + 1):
            needed[index] = True
            index += 1
    return needed


def _index(starts: list[int], offset: int) -> int:
    """The chunk holding `offset`."""
    return max(0, bisect_right(starts, offset) - 1)
