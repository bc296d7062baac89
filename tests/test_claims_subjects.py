"""What a figure measures and who it is credited to."""

from __future__ import annotations

from spacy.tokens import Span

from detente.claims.subjects import _phrase, source_of, subject_of
from detente.language import load_nlp


def _figure(text: str, written: str) -> Span:
    doc = load_nlp()(text)
    start = text.index(written)
    span = doc.char_span(start, start + len(written), alignment_mode="expand")
    assert span is not None
    return span


def test_subject_of_the_verb_the_figure_completes() -> None:
    text = "Last year, bilateral trade between China and Russia reached a record US$240-billion."
    assert subject_of(_figure(text, "US$240-billion")) == "bilateral trade between China and Russia"


def test_subject_of_a_participle_is_the_noun_it_hangs_from() -> None:
    text = "China’s increased trade with Russia, totaling $240 billion last year, has helped."
    assert subject_of(_figure(text, "$240 billion")) == "China’s increased trade with Russia"


def test_subject_after_with() -> None:
    text = "Beijing is Moscow's largest partner, with trade volumes last year hitting $147 billion."
    assert subject_of(_figure(text, "$147 billion")) == "trade volumes"


def test_a_figure_inside_the_subject_has_no_subject() -> None:
    assert subject_of(_figure("Two Chinese bombers flew over the sea.", "Two")) is None


def test_source_according_to() -> None:
    text = "Trade grew by 29 percent, according to Chinese Customs data."
    assert source_of(_figure(text, "29 percent")) == "Chinese Customs data"


def test_source_is_the_reporting_speaker() -> None:
    text = "Senator Lisa Murkowski said the flotilla included eleven ships."
    assert source_of(_figure(text, "eleven ships")) == "Senator Lisa Murkowski"


def test_a_subject_that_is_only_punctuation_is_none() -> None:
    doc = load_nlp()("The driver's BAC [blood alcohol content] ] was above 50mg.")
    bracket = next(t for t in doc if t.text == "]" and not list(t.children))
    assert _phrase(bracket) is None
