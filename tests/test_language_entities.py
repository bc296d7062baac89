"""The entity recogniser skips sentences without names and keeps the stock labels elsewhere."""

from __future__ import annotations

from spacy.tokens import Doc

from detente.language import load_nlp
from detente.language.entities import needed_runs

MIXED = (
    "Xi Jinping met Vladimir Putin in Moscow on Tuesday. "
    "prices rose by 5% last week and nobody was surprised. "
    "The talks went on late, and officials from Gazprom joined them."
)


def _entities(doc: Doc) -> list[tuple[int, int, str]]:
    """A doc's entities as token ranges with labels."""
    return [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_pipeline_carries_the_selective_recogniser() -> None:
    assert "detente_entities" in load_nlp().pipe_names
    assert "ner" not in load_nlp().pipe_names
    assert "ner" in load_nlp(every_sentence=True).pipe_names


def test_a_sentence_without_names_is_left_out() -> None:
    doc = load_nlp()(MIXED)
    runs = needed_runs(doc)
    sentences = list(doc.sents)
    assert runs == [
        (sentences[0].start, sentences[0].end),
        (sentences[2].start, sentences[2].end),
    ]
    middle = sentences[1]
    assert all(token.ent_iob_ == "O" for token in middle)
    stock = load_nlp(every_sentence=True)(MIXED)
    assert any(token.ent_type_ == "PERCENT" for token in stock[middle.start : middle.end])


def test_named_sentences_get_the_stock_entities() -> None:
    ours, stock = load_nlp()(MIXED), load_nlp(every_sentence=True)(MIXED)
    middle = list(ours.sents)[1]
    kept = [e for e in _entities(stock) if not middle.start <= e[0] < middle.end]
    assert _entities(ours) == kept
    assert "Gazprom" in {e.text for e in ours.ents}  # a name after the skipped sentence


def test_a_doc_named_throughout_goes_whole() -> None:
    text = "Xi met Putin. Russia and China signed a deal in Beijing."
    doc = load_nlp()(text)
    assert needed_runs(doc) is None
    assert _entities(doc) == _entities(load_nlp(every_sentence=True)(text))


def test_a_doc_without_names_has_no_entities_and_no_runs() -> None:
    doc = load_nlp()("prices rose by 5% last week. they fell again the next day.")
    assert needed_runs(doc) == []
    assert not doc.ents
    assert [len(d) for d in load_nlp().pipe(["", "no names here.", "Xi met Putin."])] == [0, 4, 4]
