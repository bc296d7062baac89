"""What the quote and claim code reads of a Doc: kept text, sentence bounds, bounded reach."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.language import doc_text, load_nlp, sentence_bounds
from detente.quotes.reading import (
    ancestors,
    around,
    governs,
    limits,
    parse_reach,
    sentence_of,
    span_text,
)

TEXT = "Lavrov said trade grew. Xi told reporters “we will build ships” on Monday.\n\nIt rained."


def _chain(length: int) -> Doc:
    """A one-sentence Doc whose every word hangs from the next: a tree `length` deep."""
    heads = [min(i + 1, length - 1) for i in range(length)]
    deps = ["dep"] * (length - 1) + ["ROOT"]
    return Doc(Vocab(), words=["w"] * length, heads=heads, deps=deps)


def test_text_is_kept_and_sliced_like_spacy() -> None:
    doc = load_nlp()(TEXT)
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # joined once
    for span in [doc[2:5], doc[8:14], *doc.sents]:
        assert span_text(span) == span.text


def test_sentence_bounds_are_those_of_token_sent() -> None:
    doc = load_nlp()(TEXT)
    assert len(list(doc.sents)) >= 3
    for token in doc:
        assert sentence_bounds(doc, token.i) == (token.sent.start, token.sent.end)
        assert sentence_of(token) == token.sent


def test_around_reads_whole_short_sentences_and_cuts_long_ones() -> None:
    doc = load_nlp()(TEXT)
    second = doc[6].sent
    assert around(doc, second.start + 2, second.start + 3) == second
    reach = limits().reach
    long = _chain(4 * reach)
    middle = around(long, 2 * reach, 2 * reach + 1)
    assert (middle.start, middle.end) == (reach, 3 * reach + 2)
    assert (around(long, 0, 3).start, around(long, 0, 3).end) == (0, reach + 4)


def test_ancestors_stop_after_climb_steps() -> None:
    climb = limits().climb
    doc = _chain(climb + 10)
    assert [t.i for t in ancestors(doc[0])] == list(range(1, climb + 1))
    assert len(list(ancestors(doc[climb + 5]))) == 4
    assert governs(doc[climb], doc[0]) and governs(doc[3], doc[3])
    assert not governs(doc[climb + 1], doc[0]) and not governs(doc[0], doc[3])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("reach = ", "not valid TOML"),
        ("reach = 10", "missing setting 'climb'"),
        ("reach = 0\nclimb = 5", "positive integers"),
        ("reach = 10\nclimb = true", "positive integers"),
    ],
)
def test_bad_reach_settings_are_named(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem) as raised:
        parse_reach(text, "reach.toml")
    assert str(raised.value).startswith("reach.toml: ")
