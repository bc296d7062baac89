"""The words and the names of an article that story clustering compares."""

from __future__ import annotations

import re
from itertools import pairwise

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_POSSESSIVES = ("'s", "’s")
_YEAR = re.compile(r"(?:19|20)\d\d")
STOP_WORDS = ENGLISH_STOP_WORDS | {"said", "says", "told", "mr", "ms", "mrs"}
"""Words too common in news to tell happenings apart (scikit-learn's list plus reporting verbs)."""


def tokens(text: str) -> list[str]:
    """The words and numbers of a text as written, possessive endings removed."""
    return [t[:-2] if t.endswith(_POSSESSIVES) else t for t in _TOKEN.findall(text)]


def words(found: list[str]) -> list[str]:
    """Lower-cased content words and numbers of the tokens: what TF-IDF weighs."""
    out = []
    for token in found:
        word = token.lower()
        if len(word) > 1 and word not in STOP_WORDS:
            out.append(word)
    return out


def names(found: list[str]) -> list[str]:
    """Lower-cased capitalised tokens never written in lower case among them, and years.

    A cheap stand-in for named entities (people, places, bodies, ships, operations) that costs
    no parse: "Xi", "Astana", "Vostok-2022" count; "The" at a sentence start does not, nor does
    "Talks" when "talks" also occurs.
    """
    lower = {token for token in found if token[0].islower()}
    out = []
    for token in found:
        word = token.lower()
        if token[0].isupper() and word not in lower and word not in STOP_WORDS:
            out.append(word)
        elif _YEAR.fullmatch(token):
            out.append(token)
    return out


def terms(text: str) -> tuple[list[str], list[str]]:
    """What a text is compared by: its words with each neighbouring pair ("joint statement"),
    and its names."""
    found = tokens(text)
    content = words(found)
    return content + [f"{a} {b}" for a, b in pairwise(content)], names(found)
