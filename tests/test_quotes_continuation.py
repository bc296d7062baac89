"""Stand-alone quotes continue the quote they follow, or take the cue around them."""

from __future__ import annotations

from detente.language import load_nlp
from detente.quotes import find_quotes


def _speakers(text: str) -> list[tuple[str, str | None]]:
    quotes = find_quotes(load_nlp()(text))
    return [(q.text, q.speaker_text) for q in quotes if q.kind == "direct"]


def test_next_sentence_of_the_paragraph_keeps_the_speaker() -> None:
    text = '"We are ready," the minister said. "The talks start today."\n'
    assert _speakers(text)[1] == ("The talks start today.", "the minister")


def test_colon_ending_the_paragraph_before() -> None:
    text = "The ministry issued the following statement:\n\n“Both sides will keep talking.”\n"
    assert _speakers(text) == [("Both sides will keep talking.", "The ministry")]


def test_next_paragraph_continues_the_last_quote() -> None:
    text = '"The first point is settled," Ms. Lee said.\n\n"The second point is not."\n'
    assert _speakers(text)[1] == ("The second point is not.", "Ms. Lee")


def test_previous_speaker_beats_the_next_sentence() -> None:
    text = (
        '"I think it went badly," the senator said. "It shows a lack of care." '
        "Reid said the vote would wait.\n"
    )
    assert _speakers(text)[1] == ("It shows a lack of care.", "the senator")
