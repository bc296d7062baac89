"""References settled within an article: pronouns, offices, surnames and pairs."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors.model import Mention
from detente.actors.resolver import Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    """The resolver over the packaged dictionaries."""
    return Resolver()


def refs(resolver: Resolver, text: str, day: str = "2023-03-21") -> list[tuple[str, str, str]]:
    """(text, person or code, rule) of each mention settled by coreference."""
    mentions: list[Mention] = resolver.resolve_text(text, date.fromisoformat(day))
    return [
        (m.actor.text, m.actor.person or m.actor.code, m.rule) for m in mentions if m.rule in RULES
    ]


RULES = {
    "pronoun",
    "role-holder",
    "title",
    "counterpart",
    "surname",
    "two-leaders",
    "two-countries",
}


def test_an_object_pronoun_is_not_the_subject_of_its_clause(resolver: Resolver) -> None:
    text = "Mr Xi arrived in Moscow. Hours later, Mr Putin greeted him at the airport."
    assert refs(resolver, text) == [("him", "xi_jinping", "pronoun")]


def test_a_pronoun_prefers_the_subject_of_the_last_sentence(resolver: Resolver) -> None:
    text = "Xi told Putin the plan was sound. He added that trade would grow."
    assert refs(resolver, text) == [("He", "xi_jinping", "pronoun")]


def test_she_skips_men(resolver: Resolver) -> None:
    text = "Annalena Baerbock met Sergey Lavrov. Later she flew home."
    assert refs(resolver, text, "2022-01-18") == [("she", "annalena_baerbock", "pronoun")]


def test_an_office_named_before_is_the_person_named_before(resolver: Resolver) -> None:
    text = "Sergey Lavrov met Wang Yi. The foreign minister said little afterwards."
    assert refs(resolver, text, "2024-05-01") == [("foreign minister", "wang_yi", "role-holder")]


def test_an_office_with_no_single_holder_stays_an_office(resolver: Resolver) -> None:
    text = "Montenegro's prime minister resigned on Friday."
    assert refs(resolver, text, "1990-01-01") == [
        ("Montenegro's prime minister", "MNEGOV", "title")
    ]


def test_the_two_countries_need_two_states_named_first(resolver: Resolver) -> None:
    assert refs(resolver, "The two countries signed a deal.") == []


def test_two_foreign_ministers_are_the_ministers_named(resolver: Resolver) -> None:
    text = (
        "Xi and Putin watched as Wang Yi and Sergey Lavrov spoke. The two foreign ministers left."
    )
    found = refs(resolver, text, "2024-05-16")
    assert [person for _, person, _ in found] == ["wang_yi", "sergey_lavrov"]
