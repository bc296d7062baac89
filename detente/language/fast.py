"""Faster stand-ins for two spaCy components that give exactly their output.

spaCy's attribute ruler runs a Matcher over every token, and the English lemmatizer caches only
the words it inflects; together they take about a fifth of en_core_web_sm's time on news text.
Here the ruler's one-token rules are decided once per (tag, lower, dep, is-space) key and the
lemmatizer's answer once per (word, POS, morphology); rules over several tokens still go through
a Matcher of their own. tests/test_language_fast.py and bench/pipeline.py check the outputs
are identical to the stock components'.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

Key = tuple[str, str, str, bool]
Rule = tuple[int, Callable[[Key], bool]]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
MEMO = 500_000
"""Entries each memo holds before it starts again (about 100 MB at most): BBC's 2,225
articles make about 60,000 distinct token keys."""


class Unsupported(ValueError):
    """A ruler pattern uses a token attribute or operator this stand-in does not read."""


def _test(value: Any) -> Callable[[Any], bool]:
    """A predicate for one token attribute, as the Matcher reads a pattern value."""
    if not isinstance(value, dict):
        return lambda found: found == value
    if len(value) != 1:
        raise Unsupported(f"pattern value {value!r}")
    ((operator, argument),) = value.items()
    if operator == "IN":
        allowed = frozenset(argument)
        return lambda found: found in allowed
    if operator == "NOT_IN":
        banned = frozenset(argument)
        return lambda found: found not in banned
    if operator == "REGEX":
        pattern = re.compile(argument)
        return lambda found: bool(pattern.search(found))
    raise Unsupported(f"pattern operator {operator!r}")


def _compile(token: dict[str, Any]) -> Callable[[Key], bool]:
    """A predicate over a token key for one token of a pattern."""
    tests = []
    for attribute, value in token.items():
        if attribute not in _FIELDS:
            raise Unsupported(f"pattern attribute {attribute!r}")
        tests.append((_FIELDS[attribute], _test(value)))
    return lambda key: all(test(key[field]) for field, test in tests)


class FastAttributes:
    """The attribute ruler's rules with one-token rules decided once per token key."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.vocab = ruler.vocab
        self.by_lower: dict[str, list[Rule]] = defaultdict(list)
        """One-token rules that name the word (LOWER equal to or in a list), by that word."""
        self.by_shape: list[Rule] = []
        """One-token rules that do not read the word: decided once per (tag, dep, is-space)."""
        self.other: list[Rule] = []
        self.multi = Matcher(ruler.vocab)
        for attr_id in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(attr_id))
            for pattern in patterns:
                if len(pattern) == 1:
                    self._index(attr_id, pattern[0])
                else:
                    for token in pattern:
                        _compile(token)  # the Matcher reads it, but only what we know
                    self.multi.add(str(attr_id), [pattern])
        self._memo: dict[Key, tuple[tuple[int, ...], dict[Any, Any]]] = {}
        self._shapes: dict[tuple[str, str, bool], set[int]] = {}

    def _index(self, attr_id: int, token: dict[str, Any]) -> None:
        """File a one-token rule where its matches will be looked for."""
        rule = (attr_id, _compile(token))
        lower = token.get("LOWER")
        if lower is None:
            self.by_shape.append(rule)
        elif isinstance(lower, str):
            self.by_lower[lower].append(rule)
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            for word in lower["IN"]:
                self.by_lower[word].append(rule)
        else:
            self.other.append(rule)

    def _decide(self, key: Key) -> tuple[tuple[int, ...], dict[Any, Any]]:
        """The one-token rules that match a key, and their attributes merged in rule order."""
        found = self._memo.get(key)
        if found is None:
            shape = (key[0], key[2], key[3])
            if shape not in self._shapes:
                self._shapes[shape] = {a for a, test in self.by_shape if test(key)}
            ids = set(self._shapes[shape])
            ids.update(a for a, test in self.by_lower.get(key[1], ()) if test(key))
            ids.update(a for a, test in self.other if test(key))
            merged: dict[Any, Any] = {}
            for attr_id in sorted(ids):
                merged.update(self.attrs[attr_id])
            if len(self._memo) >= MEMO:
                self._memo.clear()
            found = self._memo[key] = (tuple(sorted(ids)), merged)
        return found

    def __call__(self, doc: Doc) -> Doc:
        """Set POS, morphology, lemma exceptions and the rest, as the attribute ruler does."""
        decided = [self._decide((t.tag_, t.lower_, t.dep_, t.is_space)) for t in doc]
        extra: dict[int, list[int]] = defaultdict(list)
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True):
                attr_id = int(self.vocab.strings[match_id])
                index = self.indices[attr_id]
                extra[(start if index >= 0 else end) + index].append(attr_id)
        for token, (ids, merged) in zip(doc, decided, strict=True):
            if token.i in extra:
                for attr_id in sorted({*ids, *extra[token.i]}):
                    set_token_attrs(token, self.attrs[attr_id])
            elif merged:
                set_token_attrs(token, merged)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Each doc in turn."""
        for doc in docs:
            yield self(doc)


class _Index(list[str]):
    """A part of speech's list of known base forms that answers `in` from a set, not a scan."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self._known = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._known


class FastLemmas:
    """The rule lemmatizer run as one pass over a doc's arrays, its answer memoised per
    (word, POS, morphology), the whole key its rules read.

    The stock rules test each candidate form against a list of up to 57,000 nouns; the
    lemmatizer it takes over (no longer in the pipeline) gets those lists as _Index instead.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos, words in list(index.items()):
            index[pos] = _Index(words)
        self.lemmatize = lemmatizer.lemmatize
        self.overwrite = lemmatizer.overwrite
        self.strings = lemmatizer.vocab.strings
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set each token's lemma, as the stock component does (unset ones only, unless it
        overwrites)."""
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        memo = self._memo
        lemmas = rows[:, 3].tolist()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                if len(memo) >= MEMO:
                    memo.clear()
                found = memo[key] = self.strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        rows[:, 3] = lemmas
        doc.from_array([LEMMA], rows[:, 3:])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Each doc in turn."""
        for doc in docs:
            yield self(doc)


@Language.factory("detente_attributes")
def make_attributes(nlp: Language, name: str) -> FastAttributes:
    """The stand-in for the pipeline's attribute_ruler (which must be there when it is added)."""
    return FastAttributes(nlp.get_pipe("attribute_ruler"))


@Language.factory("detente_lemmas")
def make_lemmas(nlp: Language, name: str) -> FastLemmas:
    """The stand-in for the pipeline's rule lemmatizer (which must be there when it is added)."""
    return FastLemmas(nlp.get_pipe("lemmatizer"))


def accelerate(nlp: Language) -> Language:
    """Swap in the stand-ins where the pipeline has the stock components; same output."""
    if "attribute_ruler" in nlp.pipe_names:
        try:
            nlp.add_pipe("detente_attributes", before="attribute_ruler")
        except Unsupported:
            pass  # a pipeline with rules we do not read keeps its own ruler
        else:
            nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
            nlp.add_pipe("detente_lemmas", before="lemmatizer")
            nlp.remove_pipe("lemmatizer")
    return nlp
