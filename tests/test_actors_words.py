"""The packaged word lists around names (data/context.toml)."""

from __future__ import annotations

from detente.actors.words import words


def test_pronouns_have_genders() -> None:
    found = words()
    assert found.pronouns["his"] == "m" and found.pronouns["her"] == "f"
    assert "they" not in found.pronouns


def test_multiword_group_nouns_are_tried_first() -> None:
    nouns = words().group_people
    assert nouns.index("heads of state") < nouns.index("leaders")


def test_place_cues_are_loaded_and_cached() -> None:
    assert "in" in words().prepositions and "fly" in words().movement
    assert "MIL" not in words().local_sectors and "REB" in words().local_sectors
    assert words() is words()
