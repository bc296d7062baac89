"""What the quote and claim code reads of a spaCy Doc, at a cost that stays linear in its length.

`Doc.text`, `Span.text` and `Token.sent` walk every token of the doc or sentence on each call,
and a run-on sentence can have thousands of tokens and a dependency tree thousands deep. So the
text and the sentence starts are built once per Doc (kept while it lives), a quote or figure
reads its sentence only so many tokens either side, and climbs its tree only so many steps
(data/reach.toml).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import islice

from spacy.tokens import Doc, Span, Token

from detente.language import doc_text, sentence_bounds


@dataclass(frozen=True, slots=True)
class Reach:
    """How far to read: tokens on either side within a sentence, steps up the tree."""

    reach: int
    climb: int


@cache
def limits() -> Reach:
    """The packaged bounds of data/reach.toml."""
    path = files("detente.quotes") / "data" / "reach.toml"
    return parse_reach(path.read_text(encoding="utf-8"), str(path))


def parse_reach(text: str, where: str) -> Reach:
    """Bounds from TOML text; ValueError naming `where` and the problem when malformed."""
    try:
        data = tomllib.loads(text)
        reach, climb = data["reach"], data["climb"]
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{where}: not valid TOML ({error})") from error
    except KeyError as error:
        raise ValueError(f"{where}: missing setting {error}") from error
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in (reach, climb)):
        raise ValueError(f"{where}: reach and climb must be positive integers")
    return Reach(reach, climb)


def span_text(span: Span) -> str:
    """The text of `span`, sliced from its Doc's kept text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentence_of(token: Token) -> Span:
    """The sentence holding `token`, as `Token.sent` gives it."""
    start, end = sentence_bounds(token.doc, token.i)
    return token.doc[start:end]


def around(doc: Doc, first: int, last: int) -> Span:
    """The sentences holding tokens `first` to `last`, cut `reach` tokens beyond either end."""
    reach = limits().reach
    start = max(sentence_bounds(doc, first)[0], first - reach)
    end = min(sentence_bounds(doc, last)[1], last + 1 + reach)
    return doc[start:end]


def ancestors(token: Token) -> Iterator[Token]:
    """The ancestors of `token`, nearest first, at most `climb` of them."""
    return islice(token.ancestors, limits().climb)


def governs(head: Token, token: Token) -> bool:
    """Whether `head` is `token` or one of its first `climb` ancestors."""
    return head.i == token.i or any(a.i == head.i for a in ancestors(token))
