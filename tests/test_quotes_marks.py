"""Quote marks pairing: curly and straight, doubled, across paragraphs, never crossed."""

from __future__ import annotations

from conftest import FIXTURES

from detente.quotes.marks import quoted_stretches


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quoted_stretches(text)]


def test_mixed_curly_open_and_straight_close_pair() -> None:
    text = '“Both sides agreed," the statement said, and “I and my colleague agree,” he said.'
    assert _quoted(text) == ["Both sides agreed,", "I and my colleague agree,"]


def test_doubled_apostrophes_are_double_quotes() -> None:
    text = "''Things went well,'' Mr. Ruiz said. ''We'll see.''"
    assert _quoted(text) == ["Things went well,", "We'll see."]


def test_quote_reopened_in_next_paragraph_runs_over_both() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    (quote,) = quoted_stretches(text)
    assert quote.paragraphs == 2
    assert text[quote.start : quote.end].endswith("Second paragraph,")


def test_unclosed_mark_is_dropped_at_paragraph_end() -> None:
    text = "He said “never closed.\nLater “a new one” came."
    assert _quoted(text) == ["a new one"]


def test_wrapped_line_keeps_quote_open() -> None:
    text = "“A long quote that wraps\nonto the next line,” he said."
    assert _quoted(text) == ["A long quote that wraps\nonto the next line,"]


def test_apostrophes_and_plural_possessives_are_not_marks() -> None:
    text = "He said ‘we are ready,’ and left; the countries’ ministers stayed."
    assert _quoted(text) == ["we are ready,"]


def test_single_quotes_inside_double_quotes_stay_inside() -> None:
    text = "“She said ‘no’ twice,” he recalled."
    assert _quoted(text) == ["She said ‘no’ twice,"]


def test_markup_attribute_values_are_not_quotes() -> None:
    assert _quoted('<tweet author="someone" id="12">Posted</tweet>') == []


def test_fixture_pairs_every_closed_quote() -> None:
    text = (FIXTURES / "quotes" / "marks.txt").read_text(encoding="utf-8")
    quoted = _quoted(text)
    assert quoted[:3] == ["Both sides agreed on the text,", "final.", "we are ready,"]
    assert "something else" in quoted
    assert not any("never closed" in q for q in quoted)


def test_single_quotes_crossing_double_quotes_are_dropped() -> None:
    assert _quoted("‘“›”") == ["›"]
    text = "And how ‘bout this headline: “Surge alters residents’ routines.” The end."
    assert _quoted(text) == ["Surge alters residents’ routines."]


def test_single_quotes_around_whole_double_quotes_are_kept() -> None:
    text = "He wrote ‘they called it a “red line” today’ and stopped."
    assert _quoted(text) == ["they called it a “red line” today", "red line"]
