"""Tests of the PETRARCH dictionary reader on small dictionaries written for these tests."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest

from detente.actors import petrarch
from detente.actors.dictionary import DictionaryError, _packaged_tables, load

ACTORS = """\
<!-- A small test dictionary -->
<!--
# a comment block over
# several lines -->
VELDORIA [VLD]  # a made-up state
+VELDORIAN
+THE_VELD_REPUBLIC_

KASSANDRA_HARBOUR
\t[VLDMIL]

QUARN  [QRN]
NEW_ZEALAND [NZE]
ZENTRAL_LEAGUE [IGOZNL]
VELD_RIVER_BRIGADE [VLDREBVRB]
GREY_OWLS [QRNOWL]  # a sector detente does not know
NOBODY_IN_PARTICULAR [---]
MARLOW_TENN # a person with dated codes
+TENN
\t[QRN < 950601]
\t[QRNGOV 19950601 - 19991231]
\t[VLDGOV >20000101]
ODDITY [+++]
"""

AGENTS = """\
<!-- agents -->
!PERSON! = MAN, WOMAN
WARDEN [~COP]
HARBOUR_MASTER {HARBOUR_MASTERS} [~GOV]
LOOKOUT {} [~MIL]
TOWN!PERSON! [~LEG]
FERRY [~BUS]
TROOPS {} [~MIL]  # detente knows it already
STARGAZER [~ZZZ]  # a sector detente does not know
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding the two test dictionaries under PETRARCH-style names."""
    (tmp_path / "test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "test.agents.txt").write_text(AGENTS, encoding="utf-8")
    return tmp_path


def test_actor_entries_keep_synonyms_codes_and_dates() -> None:
    entries = petrarch.read_actors("a.txt", ACTORS)
    first = entries[0]
    assert first.names == ["VELDORIA", "VELDORIAN", "THE VELD REPUBLIC"]
    assert [code.code for code in first.codes] == ["VLD"]
    assert entries[1].names == ["KASSANDRA HARBOUR"] and entries[1].codes[0].code == "VLDMIL"
    tenn = next(entry for entry in entries if entry.names[0] == "MARLOW TENN")
    assert tenn.names == ["MARLOW TENN", "TENN"]
    before, between, after = tenn.codes
    assert (before.start, before.end) == (None, date(1995, 5, 31))
    assert (between.start, between.end) == (date(1995, 6, 1), date(1999, 12, 31))
    assert (after.start, after.end) == (date(2000, 1, 2), None)


def test_agents_get_plurals_and_substitutions() -> None:
    entries = {entry.names[0]: entry for entry in petrarch.read_agents("a.txt", AGENTS)}
    assert entries["WARDEN"].names == ("WARDEN", "WARDENS")
    assert entries["WARDEN"].code == "COP" and not entries["WARDEN"].prefix
    assert entries["HARBOUR MASTER"].names == ("HARBOUR MASTER", "HARBOUR MASTERS")
    assert entries["LOOKOUT"].names == ("LOOKOUT",)
    assert entries["TOWNMAN"].names == ("TOWNMAN", "TOWNWOMAN")
    assert entries["FERRY"].names == ("FERRY", "FERRIES")
    assert petrarch.plural("PRESS") == "PRESSES"


def test_a_folder_of_petrarch_files_loads_into_the_dictionary(folder: Path) -> None:
    dictionary = load([folder])
    veldoria = dictionary.country("VLD")
    assert veldoria is not None
    assert [name.text for name in veldoria.names] == [
        "Veldoria", "Veldorian", "The Veld Republic",
    ]  # fmt: skip
    assert dictionary.metonyms_named("Kassandra Harbour")[0].code == "VLDMIL"
    assert dictionary.organization("IGOZNL").names[0].text == "Zentral League"
    assert dictionary.organization("VLDREBVRB").actor_code == "VLDREB"
    # a sector detente does not know keeps the country only
    assert "Grey Owls" in [name.text for name in dictionary.country("QRN").names]
    # the PETRARCH reading of a name replaces the packaged one
    assert [c.code for c in dictionary.country_named("New Zealand")] == ["NZE"]
    assert dictionary.country_named("nobody in particular") == []


def test_dated_codes_become_spells_of_a_person(folder: Path) -> None:
    dictionary = load([folder])
    (person,) = dictionary.people_named("Marlow Tenn")
    assert dictionary.people_named("Tenn") == [person]
    assert dictionary.person_role(person.id, date(1990, 1, 1)).code[:3] == "QRN"
    assert dictionary.person_role(person.id, date(1997, 1, 1)).code == "QRNGOV"
    assert dictionary.person_role(person.id, date(2005, 1, 1)).code == "VLDGOV"


def test_agent_words_join_detente_s_own(folder: Path) -> None:
    dictionary = load([folder])
    assert dictionary.sector_of("wardens") == "COP"
    assert dictionary.sector_of("harbour masters") == "GOV"
    assert dictionary.sector_of("townwoman") == "LEG"
    assert dictionary.sector_of("troops") == "MIL"
    assert dictionary.sector_of("stargazer") is None


def test_what_cannot_be_represented_is_counted(caplog: pytest.LogCaptureFixture) -> None:
    tables = _packaged_tables().copy()
    with caplog.at_level(logging.WARNING, logger="detente.actors.petrarch"):
        report = petrarch.merge(tables, "x.actors.txt", ACTORS)
    assert report.skipped["actors with no country ([---])"] == 1
    assert report.skipped["codes that are not country codes"] == 1
    assert "x.actors.txt: skipped 2" in caplog.text
    agents = petrarch.merge(tables, "x.agents.txt", AGENTS)
    assert agents.skipped["agents with a sector detente does not know"] == 1
    assert agents.skipped["agent words detente already knows"] == 1
    assert agents.added["agents"] == 5


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("GOOD [VLD]\nBROKEN [VLD\n", 2, "never closed"),
        ("+LONELY\n", 1, "no entry before"),
        ("GOOD [VLD]\nDATED\n\t[VLD <1995]\n", 3, "bad date"),
        ("GOOD [VLD]\nNO_CODE\nNEXT [VLD]\n", 2, "has no code"),
        ("<!-- never closed\nGOOD [VLD]\n", 1, "never closed"),
    ],
)
def test_a_bad_line_names_the_file_and_line(text: str, line: int, reason: str) -> None:
    with pytest.raises(DictionaryError) as raised:
        petrarch.read_actors("bad.actors.txt", text)
    assert raised.value.path == "bad.actors.txt"
    assert raised.value.line == line
    assert reason in raised.value.reason


def test_a_bad_agent_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.agents.txt"
    path.write_text("WARDEN [~COP]\nTOWN!NOBODY! [~LEG]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad\.agents\.txt, line 2: .*!NOBODY!"):
        load([path])
