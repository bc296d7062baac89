"""Speakers found without a plain subject, and quoted titles."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.language import load_nlp
from detente.quotes.fallbacks import adjacent_speaker, colon_speaker, signature, title_like
from detente.quotes.marks import quoted_stretches


def _frame(doc: Doc) -> set[int]:
    inside = set()
    for quoted in quoted_stretches(doc.text):
        span = doc.char_span(quoted.open_mark, quoted.close_end, alignment_mode="expand")
        assert span is not None
        inside.update(range(span.start, span.end))
    return {t.i for t in doc if t.i not in inside}


def _word(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def test_noun_phrase_after_an_inverted_cue() -> None:
    doc = load_nlp()('"It is done," said retired judge Ann Moss, who ran the count.')
    speaker = adjacent_speaker(_word(doc, "said"), _frame(doc))
    assert speaker is not None and speaker.text == "Moss"


def test_dates_after_a_cue_are_not_speakers() -> None:
    doc = load_nlp()("Trump, in Kentucky, said Tuesday that he would win.")
    speaker = adjacent_speaker(_word(doc, "said"), _frame(doc))
    assert speaker is None or speaker.text != "Tuesday"


def test_colon_after_a_verb_gives_its_subject() -> None:
    doc = load_nlp()("Fallon fired back: “We know you are rooting for her.”")
    (quoted,) = quoted_stretches(doc.text)
    found = colon_speaker(doc, quoted, _frame(doc))
    assert found is not None and found[1].text == "Fallon"


def test_signature_after_a_dash() -> None:
    doc = load_nlp()("“Maybe we can build a wall around him.” ― Steve Quinlan\nNext line.")
    (quoted,) = quoted_stretches(doc.text)
    name = signature(doc, quoted)
    assert name is not None and name.text in ("Steve", "Quinlan")


def test_titles_are_recognised() -> None:
    doc = load_nlp()('He spoke on "Meet the Press" and said "we are ready to talk."')
    first, second = (
        doc.char_span(q.start, q.end, alignment_mode="expand") for q in quoted_stretches(doc.text)
    )
    assert title_like(first) and not title_like(second)
