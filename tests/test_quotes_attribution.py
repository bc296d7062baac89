"""find_quotes over whole articles: a fixture written for these tests, and the seeds."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import FIXTURES
from fixtures.run_on import LONG, SHORT, cpu_seconds, run_on

from detente.language import load_nlp
from detente.quotes import Quote, find_quotes


@cache
def _quotes(path: Path) -> tuple[str, list[Quote]]:
    text = path.read_text(encoding="utf-8")
    return text, find_quotes(load_nlp()(text))


def _direct(path: Path, words: str) -> Quote:
    _, quotes = _quotes(path)
    return next(q for q in quotes if q.kind == "direct" and words in q.text)


def _seed(shared: Path, prefix: str) -> Path:
    return next((shared / "seeds").glob(f"{prefix}_*.txt"))


ARTICLE = FIXTURES / "quotes" / "article.txt"


def test_offsets_point_at_the_quoted_words() -> None:
    text, quotes = _quotes(ARTICLE)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text


def test_second_sentence_of_a_quote_keeps_its_speaker() -> None:
    quote = _direct(ARTICLE, "Our cooperation is not directed")
    assert (quote.speaker_text, quote.cue) == ("Foreign Minister Anna Petrova", "said")


def test_quoted_as_saying_by_a_broadcaster() -> None:
    quote = _direct(ARTICLE, "The corridor will carry")
    assert quote.speaker_text == "the deputy minister"
    assert quote.speaker_kind == "title"
    assert quote.channel == "the state broadcaster KTV"


def test_inverted_said_and_partial_quote() -> None:
    assert _direct(ARTICLE, "Trade is growing").speaker_text == "Marat Oskenov"
    partial = _direct(ARTICLE, "long overdue step")
    assert (partial.speaker_text, partial.cue) == ("Oskenov", "described")


def test_colon_line_and_indirect_speech() -> None:
    _, quotes = _quotes(ARTICLE)
    assert _direct(ARTICLE, "The summit showed").speaker_text == "Lena Ruiz"
    indirect = next(q for q in quotes if q.kind == "indirect" and q.cue == "told")
    assert indirect.text == "the two governments would sign a transport agreement in June"


def test_quote_running_over_two_paragraphs() -> None:
    quote = _direct(ARTICLE, "There is no plan")
    assert "Nor will there be one" in quote.text
    assert quote.speaker_text == "the spokesman"


@pytest.mark.shared
def test_seed_000_xi_and_thornton(shared: Path) -> None:
    seed = _seed(shared, "000")
    quote = _direct(seed, "China stands ready to promote the stable")
    assert (quote.speaker_text, quote.cue) == ("Xi", "told")
    assert quote.channel == "a Chinese Foreign Ministry readout"
    cctv = _direct(seed, "China is willing to push")
    assert (cctv.speaker_text, cctv.channel) == ("Xi", "CCTV")
    assert "Thornton" in _direct(seed, "natural alliance").speaker_text
    assert "Thornton" in _direct(seed, "The deterioration of relations").speaker_text


@pytest.mark.shared
def test_seed_001_korolev_putin_and_bremmer(shared: Path) -> None:
    seed = _seed(shared, "001")
    assert _direct(seed, "continuation of a long-term trend").speaker_text == "Alexander Korolev"
    assert _direct(seed, "Putin’s visit is a demonstration").speaker_text == "Alexander Korolev"
    putin = _direct(seed, "We are positive in our assessment")
    assert putin.speaker_text == "Putin"
    assert _direct(seed, "they truly understand").speaker_text == "Putin"
    assert _direct(seed, "Let us promote it together").speaker_text == "Mr Xi"
    bremmer = _direct(seed, "The relationship is certainly becoming")
    assert (bremmer.speaker_text, bremmer.speaker_kind) == ("Ian Bremmer", "name")


@pytest.mark.shared
def test_seed_003_marks_never_mispair(shared: Path) -> None:
    seed = _seed(shared, "003")
    xi = _direct(seed, "I and President Putin agree")
    assert xi.speaker_text == "Xi"
    assert xi.text.startswith("I and President Putin agree")
    assert _direct(seed, "Both sides want to show").speaker_text == "Hoo Tiang Boon"
    aukus = _direct(seed, "Both sides expressed serious concern")
    assert aukus.text.endswith("by AUKUS,")
    assert _direct(seed, "We are open to a dialogue").speaker_text == "Putin"
    _, quotes = _quotes(seed)
    assert not any(q.speaker_text and "I and President" in q.speaker_text for q in quotes)


@pytest.mark.shared
def test_seed_004_partial_quote_is_putins(shared: Path) -> None:
    quote = _direct(_seed(shared, "004"), "thoroughly planned provocation")
    assert (quote.speaker_text, quote.cue) == ("Putin", "describing")


def test_a_run_on_sentence_ten_times_longer_takes_about_ten_times_as_long() -> None:
    short, long = run_on(SHORT), run_on(LONG)
    assert len(list(long.sents)) == 1
    assert len(find_quotes(long)) >= 9 * len(find_quotes(short)) > 0
    ratio = cpu_seconds(find_quotes, long, 2) / cpu_seconds(find_quotes, short, 5)
    assert ratio < 40  # linear: 11-22 measured; reading the whole sentence per quote: 290
