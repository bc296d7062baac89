"""The word lists the resolver reads around names (data/context.toml), loaded once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Words:
    """Pronouns, gender cues, group nouns, "counterpart", and the cues that mark a place."""

    pronouns: dict[str, str]
    """Pronoun → gender (`m` or `f`)."""
    gender: dict[str, str]
    """Courtesy title or title word → gender."""
    numbers: frozenset[str]
    group_people: tuple[str, ...]
    group_countries: tuple[str, ...]
    counterpart: tuple[str, ...]
    prepositions: frozenset[str]
    directions: frozenset[str]
    movement: frozenset[str]
    visited: frozenset[str]
    attributive: frozenset[str]
    occasions: frozenset[str]
    place_nouns: frozenset[str]
    ignored_nouns: frozenset[str]
    ethnic: frozenset[str]
    former: frozenset[str]
    local_sectors: frozenset[str]
    local_prepositions: frozenset[str]


def _by_gender(table: dict[str, list[str]]) -> dict[str, str]:
    """Word → gender from a table of gender → words."""
    return {word: gender for gender, words in table.items() for word in words}


@cache
def words() -> Words:
    """The packaged word lists."""
    text = resources.files(__package__).joinpath("data", "context.toml").read_text("utf-8")
    data = tomllib.loads(text)
    groups, places, nationality = data["groups"], data["places"], data["nationality"]
    return Words(
        pronouns=_by_gender(data["pronouns"]),
        gender=_by_gender(data["gender"]),
        numbers=frozenset(groups["numbers"]),
        group_people=tuple(sorted(groups["people"], key=len, reverse=True)),
        group_countries=tuple(sorted(groups["countries"], key=len, reverse=True)),
        counterpart=tuple(sorted(data["counterpart"]["words"], key=len, reverse=True)),
        prepositions=frozenset(places["prepositions"]),
        directions=frozenset(places["directions"]),
        movement=frozenset(places["movement"]),
        visited=frozenset(places["visited"]),
        attributive=frozenset(places["attributive"]),
        occasions=frozenset(places["occasions"]),
        place_nouns=frozenset(nationality["places"]),
        ignored_nouns=frozenset(nationality["ignored"]),
        ethnic=frozenset(nationality["ethnic"]),
        former=frozenset(nationality["former"]),
        local_sectors=frozenset(data["local"]["sectors"]),
        local_prepositions=frozenset(data["local"]["prepositions"]),
    )
