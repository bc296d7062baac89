"""From a cue to its speaker and channel over the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.language import load_nlp
from detente.quotes.speakers import attribute, channel_near, phrase_bounds, speaker_kind


def _cue(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _text(doc: Doc, token: Token | None) -> str | None:
    if token is None:
        return None
    start, end = phrase_bounds(token)
    return doc.text[start:end]


def test_reported_as_saying_gives_speaker_and_channel() -> None:
    doc = load_nlp()("Chinese state broadcaster CCTV reported Mr Xi as saying it was fine.")
    found = attribute(_cue(doc, "reported"))
    assert _text(doc, found.speaker) == "Mr Xi"
    assert _text(doc, found.channel) == "Chinese state broadcaster CCTV"


def test_according_to_names_its_object() -> None:
    doc = load_nlp()("Trade grew, according to Chinese Customs data.")
    assert _text(doc, attribute(_cue(doc, "according")).speaker) == "Chinese Customs data"


def test_participle_takes_the_subject_of_its_clause() -> None:
    doc = load_nlp()("Putin came down firmly on the Chinese side, describing the visit as bad.")
    assert _text(doc, attribute(_cue(doc, "describing")).speaker) == "Putin"


def test_channel_beside_a_speaker() -> None:
    doc = load_nlp()("Xi told Putin, according to a Chinese Foreign Ministry readout, it was so.")
    cue = _cue(doc, "told")
    channel = channel_near(cue, attribute(cue).speaker, {t.i for t in doc})
    assert _text(doc, channel) == "a Chinese Foreign Ministry readout"


def test_speaker_span_stops_at_a_dateline_dash() -> None:
    doc = load_nlp()("BEIJING AFP - Chinese President Xi Jinping told his counterpart so.")
    assert _text(doc, attribute(_cue(doc, "told")).speaker) == "Chinese President Xi Jinping"


def test_speaker_kinds() -> None:
    doc = load_nlp()(
        "He said so. The ministry said so. The statement said so. An official said so."
    )
    subjects = [t for t in doc if t.dep_ == "nsubj"]
    assert [speaker_kind(t) for t in subjects] == ["pronoun", "organization", "document", "title"]
