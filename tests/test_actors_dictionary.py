"""Tests for the actor dictionaries: roles over time, metonyms, names, codes and user files."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from detente.actors import Dictionary, DictionaryError, load

USER = FIXTURES / "actors" / "user"
EXTRAS = {"TWN", "XKX", "PSE", "VAT"}


@pytest.fixture(scope="module")
def actors() -> Dictionary:
    """The packaged dictionary."""
    return load()


def role_on(actors: Dictionary, person: str, day: str) -> tuple[str, str] | None:
    """(role id, actor code) a person held on an ISO day, or None."""
    role = actors.person_role(person, date.fromisoformat(day))
    return (role.role, role.code) if role else None


@pytest.mark.parametrize(
    ("person", "day", "expected"),
    [
        ("vladimir_putin", "2009-06-01", ("prime_minister", "RUSGOV")),
        ("vladimir_putin", "2022-06-15", ("president", "RUSGOV")),
        ("vladimir_putin", "2004-01-01", ("president", "RUSGOV")),
        ("xi_jinping", "2012-06-01", ("vice_president", "CHNGOV")),
        ("xi_jinping", "2022-06-15", ("president", "CHNGOV")),
        ("joe_biden", "2012-06-01", ("vice_president", "USAGOV")),
        ("joe_biden", "2022-06-15", ("president", "USAGOV")),
        ("joe_biden", "2018-06-01", None),
        ("wang_yi", "2023-09-01", ("foreign_minister", "CHNGOV")),
        ("sergei_shoigu", "2020-01-01", ("defence_minister", "RUSMIL")),
        ("sergei_shoigu", "2024-08-01", ("security_chief", "RUSGOV")),
        ("nancy_pelosi", "2010-01-01", ("speaker", "USALEG")),
        ("nancy_pelosi", "2020-01-01", ("speaker", "USALEG")),
        ("jens_stoltenberg", "2020-01-01", ("secretary_general", "IGONAT")),
        ("antonio_guterres", "2022-01-01", ("secretary_general", "IGOUNO")),
    ],
)
def test_roles_change_over_time(
    actors: Dictionary, person: str, day: str, expected: object
) -> None:
    assert role_on(actors, person, day) == expected


def test_wang_yi_was_not_foreign_minister_while_qin_gang_was(actors: Dictionary) -> None:
    march = date(2023, 3, 15)
    assert actors.person_role("wang_yi", march).role != "foreign_minister"
    holders = actors.holders("CHN", "foreign_minister", march)
    assert [role.person for role in holders] == ["qin_gang"]


def test_pelosi_was_not_speaker_between_her_terms(actors: Dictionary) -> None:
    assert actors.person_role("nancy_pelosi", date(2015, 6, 1)) is None


def test_patrushev_handed_the_security_council_to_shoigu(actors: Dictionary) -> None:
    holders = actors.holders("RUS", "security_chief", date(2024, 6, 1))
    assert [role.person for role in holders] == ["sergei_shoigu"]


@pytest.mark.parametrize(
    ("country", "day", "person"),
    [
        ("RUS", "2010-03-15", "dmitry_medvedev"),
        ("RUS", "2022-06-15", "vladimir_putin"),
        ("IRN", "2023-01-01", "ali_khamenei"),
        ("GBR", "2023-01-01", "rishi_sunak"),
    ],
)
def test_the_leader_is_the_spell_marked_leader(
    actors: Dictionary, country: str, day: str, person: str
) -> None:
    holders = actors.holders(country, "leader", date.fromisoformat(day))
    assert {role.person for role in holders} == {person}


def test_every_un_member_and_the_four_others_are_present(actors: Dictionary) -> None:
    members = [country for country in actors.countries() if country.status == "member"]
    assert len(members) == 193
    assert {country.code for country in actors.countries()} >= EXTRAS
    assert actors.country("RUS").name == "Russia"


def test_every_member_has_a_capital(actors: Dictionary) -> None:
    missing = [c.code for c in actors.countries() if c.status == "member" and not c.capitals]
    assert missing == []
    assert actors.country("UKR").capitals == ("Kyiv",)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Kremlin", "RUSGOV"),
        ("Kremlin", "RUSGOV"),
        ("Beijing", "CHNGOV"),
        ("Zhongnanhai", "CHNGOV"),
        ("Moscow", "RUSGOV"),
        ("Washington", "USAGOV"),
        ("the White House", "USAGOV"),
        ("the Pentagon", "USAMIL"),
        ("Capitol Hill", "USALEG"),
        ("Kiev", "UKRGOV"),
        ("Downing Street", "GBRGOV"),
        ("Brussels", "IGOEUR"),
        ("Taipei", "TWNGOV"),
    ],
)
def test_metonyms_stand_for_actors(actors: Dictionary, text: str, code: str) -> None:
    assert [metonym.code for metonym in actors.metonyms_named(text)] == [code]


def test_brussels_is_the_eu_and_belgiums_capital(actors: Dictionary) -> None:
    (brussels,) = actors.metonyms_named("Brussels")
    assert brussels.capital_of == "BEL" and brussels.metonymic
    assert actors.organization(brussels.code).country == "EUR"


def test_some_capitals_are_usually_just_places(actors: Dictionary) -> None:
    assert not actors.metonyms_named("Paris")[0].metonymic
    assert actors.metonyms_named("Beijing")[0].metonymic


def test_capitalised_short_forms_match_only_in_capitals(actors: Dictionary) -> None:
    assert [c.code for c in actors.country_named("US")] == ["USA"]
    assert actors.country_named("us") == []
    assert actors.country_named("turkey") == []
    assert [c.code for c in actors.country_named("the United States")] == ["USA"]
    assert [c.code for c in actors.country_named("RUSSIA")] == ["RUS"]


def test_shared_country_names_are_marked_ambiguous(actors: Dictionary) -> None:
    targets: dict[str, set[str]] = defaultdict(set)
    marked: dict[str, bool] = defaultdict(lambda: True)
    for surface, entry in actors.patterns():
        if entry.kind in {"country", "adjective", "demonym"}:
            targets[surface.casefold()].add(entry.target)
            marked[surface.casefold()] &= entry.ambiguous
    shared = {surface for surface, codes in targets.items() if len(codes) > 1}
    assert {"congo", "korea", "dominican"} <= shared
    assert [surface for surface in shared if not marked[surface]] == []


def test_codes_are_well_formed(actors: Dictionary) -> None:
    countries = {country.code for country in actors.countries()}
    sectors = {sector.code for sector in actors.sectors()}
    orgs = {org.code for org in actors.organizations()}
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in countries | sectors)
    for org in actors.organizations():
        assert re.fullmatch(
            r"(IGO|NGO|IMG|ISM|MNC)([A-Z0-9]{3}){1,3}|[A-Z]{6}[A-Z0-9]{3}", org.code
        )
        assert org.actor_code in orgs or (
            org.actor_code[:3] in countries and org.actor_code[3:] in sectors
        )
    for surface, entry in actors.patterns():
        code = entry.target
        if entry.kind == "metonym":
            assert code in orgs or (code[:3] in countries and code[3:] in sectors), surface
    for person in actors.people():
        for role in person.roles:
            assert role.country in countries | orgs and role.sector in sectors
            assert role.end is None or role.start <= role.end


def test_people_are_found_by_alias_and_courtesy_title(actors: Dictionary) -> None:
    for alias in ("Vladimir Putin", "Vladimir V. Putin", "Putin", "Mr Putin", "Mr. Putin"):
        assert [person.id for person in actors.people_named(alias)] == ["vladimir_putin"]
    assert {person.id for person in actors.people_named("Wang")} >= {"wang_yi", "wang_wenbin"}
    assert actors.people_named("Mr Nobody") == []


def test_shared_surnames_are_ambiguous_patterns(actors: Dictionary) -> None:
    entries = [entry for surface, entry in actors.patterns() if surface == "Wang"]
    assert len(entries) >= 2 and all(entry.ambiguous for entry in entries)
    (lavrov,) = [entry for surface, entry in actors.patterns() if surface == "Lavrov"]
    assert not lavrov.ambiguous and lavrov.target == "sergey_lavrov"


@pytest.mark.parametrize(
    ("words", "sector"),
    [
        ("troops", "MIL"),
        ("warships", "MIL"),
        ("Defence Ministry", "MIL"),
        ("lawmakers", "LEG"),
        ("state broadcaster", "MED"),
        ("customs", "GOV"),
        ("border authorities", "GOV"),
        ("spokesman", "GOV"),
        ("think tank", "EDU"),
        ("separatists", "REB"),
        ("protesters", "CVL"),
        ("teapots", None),
    ],
)
def test_agent_words_imply_sectors(actors: Dictionary, words: str, sector: str | None) -> None:
    assert actors.sector_of(words) == sector


def test_titles_are_named_by_their_variants(actors: Dictionary) -> None:
    assert actors.title_named("Defense Secretary").id == "defence_minister"
    assert actors.title_named("top diplomat").id == "foreign_minister"
    assert actors.title("defence_minister").sector == "MIL"


def test_patterns_trace_to_their_row_and_cover_curly_apostrophes(actors: Dictionary) -> None:
    patterns = dict(actors.patterns())
    assert patterns["Kremlin"].source.startswith("actors/data/metonyms.tsv:")
    assert patterns["People’s Liberation Army"].target == "CHNMILPLA"
    assert patterns["US"].exact and patterns["US"].target == "USA"


def test_packaged_dictionary_is_cached() -> None:
    assert load() is load()


def test_user_files_override_and_extend() -> None:
    merged = load([USER])
    successor = merged.holders("RUS", "foreign_minister", date(2030, 6, 1))
    assert [role.person for role in successor] == ["anna_example"]
    assert merged.person("sergey_lavrov").roles[-1].end == date(2029, 12, 31)
    assert [m.code for m in merged.metonyms_named("Novo-Ogaryovo")] == ["RUSGOV"]
    assert load().person("sergey_lavrov").roles[-1].end is None
    assert load().metonyms_named("Novo-Ogaryovo") == []


HEADERS = {
    "people": "person\tnames\tcountry\trole\tstart\tend",
    "agents": "names\tsector",
    "organizations": "code\tname",
    "metonyms": "names\tcode\tmetonymic",
    "countries": "code\tname\tstatus\taliases",
}


@pytest.mark.parametrize(
    ("kind", "row", "reason"),
    [
        ("people", "jo_doe\tJo Doe\tRUS\tforeign_minister\t2020-13-01\t", "bad start date"),
        ("people", "jo_doe\tJo Doe\tRUS\tforeign_minister\t2020\t2019", "before start"),
        ("people", "jo_doe\tJo Doe\tXYZ\tforeign_minister\t2020\t", "unknown country code"),
        ("people", "jo_doe\tJo Doe\tRUS\tjester\t2020\t", "unknown role"),
        ("people", "Jo Doe\tJo Doe\tRUS\tforeign_minister\t2020\t", "bad person id"),
        ("people", "jo_doe\t\tRUS\tforeign_minister\t2020\t", "no names"),
        ("agents", "jesters\tABC", "unknown sector"),
        ("organizations", "UN\tUnited Nations", "bad organisation code"),
        ("metonyms", "Kremlin Hill\tRUSXYZ\tyes", "bad actor code"),
        ("metonyms", "Kremlin Hill\tRUSGOV\tperhaps", "yes or no"),
        ("countries", "ZZZ\tZedland\tmember\tRussia", "mark it ambiguous"),
        ("countries", "ZZZ\tZedland\tnation\t", "unknown status"),
        ("countries", "ZZZ\tZedland\tmember\t\textra", "cells but the header"),
    ],
)
def test_invalid_rows_are_refused_with_their_line(
    tmp_path: Path, kind: str, row: str, reason: str
) -> None:
    path = tmp_path / f"{kind}.tsv"
    path.write_text(f"# made-up rows\n{HEADERS[kind]}\n{row}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=reason) as caught:
        load([path])
    assert caught.value.path == str(path)
    assert caught.value.line == 3


def test_missing_column_is_refused_on_the_header_line(tmp_path: Path) -> None:
    path = tmp_path / "countries.tsv"
    path.write_text("code\tname\nZZZ\tZedland\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="missing column 'status'") as caught:
        load([path])
    assert caught.value.line == 1


def test_duplicate_key_in_one_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "countries.tsv"
    path.write_text("code\tname\tstatus\nZZZ\tZedland\tmember\nZZZ\tZed\tmember\n", "utf-8")
    with pytest.raises(DictionaryError, match="already defined at line 2"):
        load([path])


def test_file_of_unknown_kind_or_missing_path_is_refused(tmp_path: Path) -> None:
    odd = tmp_path / "mine.tsv"
    odd.write_text("code\tname\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="cannot tell its kind"):
        load([odd])
    with pytest.raises(DictionaryError, match="no such file"):
        load([tmp_path / "absent.tsv"])
