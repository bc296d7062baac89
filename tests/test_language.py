"""The shared spaCy pipeline and the sentences the stages read from it."""

from __future__ import annotations

import pytest

from detente.language import doc_text, load_nlp, model_name, sentence_bounds, sentences


def test_the_model_name_comes_from_the_argument_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DETENTE_SPACY_MODEL", "en_other")
    assert model_name() == "en_other"
    assert model_name("en_given") == "en_given"


def test_text_and_sentences_are_spacys_read_once_per_doc() -> None:
    doc = load_nlp()("Xi met Putin in Moscow. They signed a deal. Talks went on late.")
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    assert sentences(doc)[0][0].text == "Xi met"
    assert sentence_bounds(doc, 7) == (doc[7].sent.start, doc[7].sent.end)
