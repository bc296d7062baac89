"""People in their sentence: titles before names, apposition, former holders, counterparts."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors.model import Mention
from detente.actors.resolver import Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    """The resolver over the packaged dictionaries."""
    return Resolver()


def people(resolver: Resolver, text: str, day: str) -> list[Mention]:
    """The mentions of people (known or not) in a text, places and states left out."""
    mentions = resolver.resolve_text(text, date.fromisoformat(day))
    return [m for m in mentions if m.actor.person or m.rule in PERSON_RULES]


PERSON_RULES = {"title+name", "apposition", "ner+context", "counterpart", "surname"}


def test_an_unknown_person_takes_the_country_and_sector_of_the_title(
    resolver: Resolver,
) -> None:
    (envoy,) = people(resolver, "Czech Defence Minister Ivo Petrak toured the base.", "2022-01-01")
    assert (envoy.actor.name, envoy.actor.code, envoy.actor.role) == (
        "Ivo Petrak",
        "CZEMIL",
        "defence_minister",
    )
    assert envoy.rule == "title+name" and envoy.actor.text == "Czech Defence Minister Ivo Petrak"


def test_a_title_the_parser_left_unattached_still_describes_the_name(resolver: Resolver) -> None:
    text = (
        "ADDIS ABABA, June 3 (Wire) -- Ethiopian Minister of Foreign Affairs "
        "Gedu Andargachew met envoys."
    )
    (minister,) = people(resolver, text, "2019-06-03")
    assert (minister.actor.code, minister.actor.role) == ("ETHGOV", "foreign_minister")


def test_a_counterpart_named_in_apposition_is_one_mention(resolver: Resolver) -> None:
    text = "Chinese President Xi Jinping told his Russian counterpart Vladimir Putin to hold firm."
    found = people(resolver, text, "2022-06-15")
    assert [(m.actor.text, m.actor.person) for m in found] == [
        ("Chinese President Xi Jinping", "xi_jinping"),
        ("his Russian counterpart Vladimir Putin", "vladimir_putin"),
    ]


def test_a_titled_person_out_of_office_keeps_the_title_unless_former(resolver: Resolver) -> None:
    (obama,) = people(resolver, "President Obama welcomed the delegation.", "2000-01-01")
    assert (obama.actor.code, obama.actor.role) == ("USAGOV", "president")
    (former,) = people(resolver, "Former President Obama welcomed the delegation.", "2019-01-01")
    assert former.actor.code == "USAELI"


def test_a_shared_surname_is_the_one_then_in_office(resolver: Resolver) -> None:
    (early,) = people(resolver, "Bush signed the treaty.", "1991-07-31")
    (late,) = people(resolver, "Bush signed the treaty.", "2002-05-24")
    assert (early.actor.person, late.actor.person) == ("george_hw_bush", "george_w_bush")


def test_his_counterpart_without_a_country_says_nothing(resolver: Resolver) -> None:
    found = people(resolver, "Putin spoke with his counterpart on Monday.", "2022-06-15")
    assert [m.rule for m in found] == ["gazetteer:person"]


def test_leaders_of_lebanon_and_of_armed_groups_are_known(resolver: Resolver) -> None:
    lebanon = people(resolver, "The emir of Qatar received Michel Suleiman.", "2010-03-02")
    assert [m.actor.code for m in lebanon][-1] == "LBNGOV"
    qaeda = people(resolver, "Osama bin Laden issued a new threat.", "2001-09-20")
    assert [m.actor.code[:6] for m in qaeda] == ["IMGAQD"]
