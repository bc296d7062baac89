"""The shared spaCy pipeline and the sentences the stages read from it."""

from __future__ import annotations

import pytest

from detente.language import load_nlp, model_name, sentences


def test_the_model_name_comes_from_the_argument_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DETENTE_SPACY_MODEL", "en_other")
    assert model_name() == "en_other"
    assert model_name("en_given") == "en_given"


def test_sentences_are_spacys_found_once_per_doc() -> None:
    doc = load_nlp()("Xi met Putin in Moscow. They signed a deal. Talks went on late.")
    found = sentences(doc)
    assert [s.text for s in found] == [s.text for s in doc.sents]
    doc.user_data["detente.sentences"] = (len(doc), [(0, 2)])
    assert [s.text for s in sentences(doc)] == ["Xi met"]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
