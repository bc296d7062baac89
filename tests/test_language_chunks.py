"""The cheap splitter and Docs parsed only where asked, with the article's text intact."""

from __future__ import annotations

from detente.language import load_nlp
from detente.language.chunks import Chunk, parse_partly, runs, split

TEXT = (
    "Talks in Moscow\n\nMr. Putin met Xi on Tuesday. The weather was mild. "
    'Crowds waited (quietly). "We agree," he said.\n'
)


def test_split_covers_the_text_and_spares_abbreviations() -> None:
    chunks = split(TEXT)
    assert "".join(TEXT[c.start : c.end] for c in chunks) == TEXT
    pieces = [TEXT[c.start : c.end].strip() for c in chunks]
    assert pieces[:3] == [
        "Talks in Moscow",
        "Mr. Putin met Xi on Tuesday.",
        "The weather was mild.",
    ]
    assert split("") == [Chunk(0, 0)]


def test_list_items_stay_with_their_lead_in() -> None:
    text = "He has announced:\n\n- Duty cuts\n\n\n- Lower taxes\n\nThe end."
    pieces = [text[c.start : c.end] for c in split(text)]
    assert pieces == ["He has announced:\n\n- Duty cuts\n\n\n- Lower taxes\n\n", "The end."]


def test_runs_merge_neighbours_that_agree() -> None:
    chunks = [Chunk(0, 5), Chunk(5, 9), Chunk(9, 12)]
    assert runs(chunks, [True, True, False]) == [(Chunk(0, 9), True), (Chunk(9, 12), False)]


def test_parse_partly_keeps_offsets_and_skips_what_is_not_asked() -> None:
    nlp = load_nlp()

    def weather_only_skipped(text: str, chunks: list[Chunk]) -> list[bool]:
        return ["weather" not in text[c.start : c.end] for c in chunks]

    (doc,) = parse_partly(nlp, [TEXT], weather_only_skipped, batch_size=8)
    assert doc.text == TEXT
    skipped = TEXT.index("The weather")
    sentence = next(s for s in doc.sents if s.start_char == skipped)
    assert sentence.text.strip() == "The weather was mild."
    assert all(not token.lemma_ and not token.ent_type_ for token in sentence)
    putin = next(token for token in doc if token.text == "met")
    assert putin.lemma_ == "meet" and putin.dep_ == "ROOT"
    assert {ent.text for ent in doc.ents} >= {"Putin", "Tuesday"}


def test_parse_partly_whole_article_is_a_plain_parse() -> None:
    nlp = load_nlp()
    (doc,) = parse_partly(nlp, [TEXT], lambda _, chunks: [True] * len(chunks), batch_size=8)
    plain = nlp(TEXT)
    assert [(t.dep_, t.head.i, t.ent_type_) for t in doc] == [
        (t.dep_, t.head.i, t.ent_type_) for t in plain
    ]
