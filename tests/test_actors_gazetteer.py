"""The gazetteer pass: word boundaries, case rules, longest matches and offsets."""

from __future__ import annotations

import pytest

from detente.actors import load
from detente.actors.gazetteer import Gazetteer, Hit


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The automaton over the packaged dictionaries."""
    return Gazetteer(load())


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, set[str]]]:
    """(text, kinds) of every hit."""
    return [(hit.text, {entry.kind for entry in hit.entries}) for hit in gazetteer.find(text)]


def test_longest_leftmost_match_wins(gazetteer: Gazetteer) -> None:
    hits = gazetteer.find("The Russian Foreign Ministry and the University of New South Wales")
    assert [hit.text for hit in hits] == [
        "Russian",
        "Foreign Ministry",
        "University",
        "New South Wales",
    ]


def test_names_end_on_word_boundaries(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "Chadli met Irania at Omanisa") == []
    assert [text for text, _ in found(gazetteer, "Sino-Russian and Russia-China ties")] == [
        "Sino",
        "Russian",
        "Russia",
        "China",
    ]


def test_exact_names_keep_their_case(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "tell us, turkey") == []
    assert found(gazetteer, "the US and Turkey") == [("US", {"country"}), ("Turkey", {"country"})]


def test_capitalised_names_are_not_found_in_lower_case(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "fine china from putin's shop") == []
    assert [text for text, _ in found(gazetteer, "RUSSIA and the KREMLIN")] == ["RUSSIA", "KREMLIN"]


def test_offsets_point_into_the_original_text_with_curly_apostrophes(
    gazetteer: Gazetteer,
) -> None:
    text = "Hello\nthe People’s Liberation Army"
    (hit,) = gazetteer.find(text)
    assert isinstance(hit, Hit) and text[hit.start : hit.end] == "People’s Liberation Army"
    assert hit.entries[0].target == "CHNMILPLA"


def test_attitudes_are_not_nationalities(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "anti-Russian and pro-Iranian protests") == []


def test_currency_prefixes_are_not_countries(gazetteer: Gazetteer) -> None:
    assert found(gazetteer, "worth US$147 billion") == []
