"""Actors built from dictionary records for a given day."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors import Dictionary, load
from detente.actors.build import Builder, Owner


@pytest.fixture(scope="module")
def actors() -> Dictionary:
    """The packaged dictionary."""
    return load()


def test_a_person_is_coded_by_the_office_held_that_day(actors: Dictionary) -> None:
    putin = actors.person("vladimir_putin")
    assert Builder(actors, date(2010, 1, 1)).person(putin, "Putin").role == "prime_minister"
    assert Builder(actors, date(2020, 1, 1)).person(putin, "Putin").role == "president"


def test_out_of_office_people_are_former_officials(actors: Dictionary) -> None:
    biden = actors.person("joe_biden")
    actor = Builder(actors, date(2019, 1, 1)).person(biden, "Biden")
    assert (actor.code, actor.role) == ("USAELI", None)


def test_a_title_in_the_text_picks_the_office_when_none_is_held(actors: Dictionary) -> None:
    obama = actors.person("barack_obama")
    build = Builder(actors, date(2000, 1, 1))
    assert build.titled(obama, "President Obama", "president").role == "president"
    assert build.titled(obama, "former President Obama", "president", former=True).code == "USAELI"


def test_international_officials_take_their_bodys_code(actors: Dictionary) -> None:
    stoltenberg = actors.person("jens_stoltenberg")
    actor = Builder(actors, date(2020, 1, 1)).person(stoltenberg, "Stoltenberg")
    assert (actor.code, actor.country) == ("IGONAT", "IGO")


def test_owned_groups_are_named_for_their_country_or_body(actors: Dictionary) -> None:
    build = Builder(actors, date(2022, 1, 1))
    troops = build.owned(Owner("CHN"), "MIL", "Chinese troops")
    assert (troops.name, troops.code, troops.sector) == ("China", "CHNMIL", "MIL")
    eu = build.owned(build.owner_of("IGOEUR"), "GOV", "EU officials")
    assert (eu.name, eu.code, eu.country) == ("European Union", "IGOEUR", "EUR")
    minister = build.owned(Owner("MNE"), "GOV", "Montenegro's prime minister", "prime_minister")
    assert minister.name == "Montenegro's prime minister" and minister.role == "prime_minister"


def test_metonyms_places_and_unowned_groups(actors: Dictionary) -> None:
    build = Builder(actors, date(2022, 1, 1))
    (kremlin,) = actors.metonyms_named("Kremlin")
    assert build.metonym(kremlin, "the Kremlin").code == "RUSGOV"
    assert build.place("RUS", "CVL", "Kursk", "Kursk").code == "RUSCVL"
    assert build.unowned("REB", "rebels").code == "---REB"
    assert build.owner_of("CHNMILPLA") == Owner("CHN")


def test_leaders_are_known_by_their_spells(actors: Dictionary) -> None:
    build = Builder(actors, date(2022, 1, 1))
    assert build.leads(build.person(actors.person("xi_jinping"), "Xi"))
    assert not build.leads(build.person(actors.person("wang_yi"), "Wang Yi"))
