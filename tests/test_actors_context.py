"""Names read in their sentence: agents with countries, places, datelines and nationality words."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors.model import Mention
from detente.actors.resolver import Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    """The resolver over the packaged dictionaries."""
    return Resolver()


def read(resolver: Resolver, text: str) -> list[tuple[str, str, str]]:
    """(text, code, rule) of each mention of a text dated 2022-06-15."""
    mentions: list[Mention] = resolver.resolve_text(text, date(2022, 6, 15))
    return [(m.actor.text, m.actor.code, m.rule) for m in mentions]


def test_coordinated_countries_give_one_span_each(resolver: Resolver) -> None:
    assert read(resolver, "Senior Hungarian and Romanian officials met on Friday.") == [
        ("Hungarian and Romanian officials", "HUNGOV", "adjective+agent"),
        ("Romanian officials", "ROUGOV", "adjective+agent"),
    ]


def test_a_country_word_before_a_compound_reaches_the_agent(resolver: Resolver) -> None:
    found = read(resolver, "Israeli army bulldozers and Algerian government forces moved in.")
    assert ("Israeli army", "ISRMIL", "adjective+agent") in found
    assert ("Algerian government forces", "DZAMIL", "adjective+agent") in found


def test_rebels_take_the_country_they_are_in_but_troops_do_not(resolver: Resolver) -> None:
    found = read(resolver, "Rebels in Darfur attacked troops in Chad.")
    assert ("Rebels in Darfur", "SDNREB", "place+agent") in found
    assert ("troops", "---MIL", "agent") in found


def test_a_dateline_names_a_place(resolver: Resolver) -> None:
    found = read(resolver, "KABUL (Reuters) -- Pakistani officials met the Taliban.")
    assert found[0] == ("KABUL", "AFGCVL", "place")
    assert ("Reuters", "GBRMED", "organization") not in found


def test_capitals_that_describe_other_things_are_skipped(resolver: Resolver) -> None:
    found = read(resolver, "The Beijing Olympics drew a Moscow-based crowd.")
    assert found == [("Beijing", "CHNCVL", "place")]  # where the Games are, not who


def test_a_hyphenated_word_is_no_dateline(resolver: Resolver) -> None:
    found = read(resolver, "The Norwegian Refugee Council, an Oslo-based group, counted them.")
    assert ("Norwegian", "NOR", "adjective") in found


def test_a_nationality_standing_for_its_side(resolver: Resolver) -> None:
    found = read(resolver, "The talks with the Iranian ended without a deal.")
    assert ("Iranian", "IRN", "country") in found


def test_a_people_with_where_they_live_are_its_civilians(resolver: Resolver) -> None:
    assert ("Russians", "RUSCVL", "demonym") in read(resolver, "Russians in Latvia voted.")
    assert ("Russians", "RUS", "demonym") in read(resolver, "Russians voted.")


def test_a_capital_usually_a_place_is_an_actor_only_as_subject(resolver: Resolver) -> None:
    assert read(resolver, "Paris objected to the plan.") == [("Paris", "FRAGOV", "metonym")]
    assert read(resolver, "Farmers blockaded Paris.")[-1] == ("Paris", "FRACVL", "place")


def test_nationality_words_before_other_nouns(resolver: Resolver) -> None:
    found = read(resolver, "Serbia rejected an Australian ultimatum about the Russian language.")
    assert ("Australian", "AUS", "adjective") in found
    assert all(text != "Russian" for text, _, _ in found)
    city = read(resolver, "Drones struck the Russian city of Belgorod.")
    assert ("Russian", "RUSCVL", "place") in city


def test_ethnic_groups_are_not_their_namesake_state(resolver: Resolver) -> None:
    found = read(resolver, "Ethnic Albanians demonstrated while Bosnian Serbs stayed home.")
    assert ("Serbs", "BIH", "demonym") in found
    assert all(code != "ALB" for _, code, _ in found)


def test_plural_titles_are_groups_and_an_unowned_title_needs_someone_named(
    resolver: Resolver,
) -> None:
    found = read(resolver, "Chinese ministers arrived. The president was absent.")
    assert found == [("Chinese ministers", "CHNGOV", "title")]


def test_a_dateline_after_a_byline_is_still_a_place(resolver: Resolver) -> None:
    text = "By Ada Lind, The Harbour Ledger\n2023-09-19\n\nMOSCOW — Kremlin aides met reporters."
    found = read(resolver, text)
    assert found == [
        ("Ada Lind", "---", "ner"),
        ("MOSCOW", "RUSCVL", "place"),
        ("Kremlin aides", "RUSGOV", "title"),
        ("reporters", "---MED", "agent"),
    ]


def test_a_shared_body_name_takes_the_country_before_it(resolver: Resolver) -> None:
    found = read(resolver, "The secretary of Russia's Security Council flew home.")
    assert ("Russia's Security Council", "RUSGOV", "country+organization") in found
    assert all(code != "IGOUNOSEC" for _, code, _ in found)


def test_a_court_takes_its_country_from_where_it_sits(resolver: Resolver) -> None:
    found = read(resolver, "A court in Ecuador sentenced two Peruvian smugglers.")
    assert [code for _, code, _ in found][:1] == ["ECUJUD"]
