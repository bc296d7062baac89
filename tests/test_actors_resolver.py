"""The resolver end to end: roles over time, metonymy, titles, coreference and the seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from detente.actors import DictionaryError
from detente.actors.model import Mention, to_record
from detente.actors.resolver import ACTORS_ENV, Resolver

USER = FIXTURES / "actors" / "resolver"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    """The resolver over the packaged dictionaries."""
    return Resolver()


def resolve(resolver: Resolver, text: str, day: str) -> list[Mention]:
    """The mentions of a text dated on an ISO day."""
    return resolver.resolve_text(text, date.fromisoformat(day))


def actor_at(mentions: list[Mention], text: str) -> list[tuple[str, str | None, str]]:
    """(code, person, rule) of each mention whose text as written is `text`."""
    return [(m.actor.code, m.actor.person, m.rule) for m in mentions if m.actor.text == text]


@pytest.mark.parametrize(
    ("day", "code", "role"),
    [
        ("2009-03-01", "RUSGOV", "prime_minister"),
        ("2022-03-01", "RUSGOV", "president"),
        ("2005-03-01", "RUSGOV", "president"),
    ],
)
def test_putin_is_coded_by_the_office_he_held_that_day(
    resolver: Resolver, day: str, code: str, role: str
) -> None:
    (putin,) = resolve(resolver, "Putin chaired a meeting on energy prices.", day)
    assert (putin.actor.code, putin.actor.role, putin.actor.person) == (
        code,
        role,
        "vladimir_putin",
    )


def test_xi_was_vice_president_in_2012_and_president_in_2022(resolver: Resolver) -> None:
    text = "Xi Jinping opened the conference."
    (before,) = resolve(resolver, text, "2012-05-01")
    (after,) = resolve(resolver, text, "2022-05-01")
    assert before.actor.role == "vice_president" and after.actor.role == "president"
    assert before.actor.code == after.actor.code == "CHNGOV"


@pytest.mark.parametrize(
    ("text", "said", "code"),
    [
        ("Beijing said the sanctions were unlawful.", "Beijing", "CHNGOV"),
        ("The Kremlin said the talks had gone well.", "Kremlin", "RUSGOV"),
        ("Washington warned that it would respond.", "Washington", "USAGOV"),
        ("Brussels proposed new tariffs.", "Brussels", "IGOEUR"),
    ],
)
def test_capitals_and_seats_of_power_stand_for_governments(
    resolver: Resolver, text: str, said: str, code: str
) -> None:
    mentions = resolve(resolver, text, "2022-06-15")
    assert actor_at(mentions, said) == [(code, None, "metonym")]


def test_moscow_and_beijing_are_both_actors(resolver: Resolver) -> None:
    mentions = resolve(resolver, "Moscow and Beijing signed a gas contract.", "2022-06-15")
    assert [(m.actor.code, m.rule) for m in mentions] == [
        ("RUSGOV", "metonym"),
        ("CHNGOV", "metonym"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The delegation flew to Moscow on Monday.",
        "Talks were held in Beijing last week.",
        "The minister visited Moscow twice this year.",
    ],
)
def test_a_capital_used_as_a_place_is_not_a_government(resolver: Resolver, text: str) -> None:
    places = [
        m for m in resolve(resolver, text, "2022-06-15") if m.actor.text in ("Moscow", "Beijing")
    ]
    assert len(places) == 1 and places[0].place
    assert places[0].actor.sector == "CVL" and not places[0].actor.code.endswith("GOV")


def test_his_russian_counterpart_is_the_russian_president_of_the_day(resolver: Resolver) -> None:
    text = "Chinese President Xi Jinping spoke by phone with his Russian counterpart on Wednesday."
    mentions = resolve(resolver, text, "2022-06-15")
    assert actor_at(mentions, "his Russian counterpart") == [
        ("RUSGOV", "vladimir_putin", "counterpart")
    ]
    earlier = resolve(resolver, text.replace("Xi Jinping", "Hu Jintao"), "2009-06-15")
    assert actor_at(earlier, "his Russian counterpart")[0][1] == "dmitry_medvedev"


def test_the_russian_leader_is_putin(resolver: Resolver) -> None:
    mentions = resolve(resolver, "The Russian leader spoke for two hours.", "2022-06-15")
    assert actor_at(mentions, "Russian leader") == [("RUSGOV", "vladimir_putin", "role-holder")]


def test_the_two_leaders_are_one_mention_each_at_the_same_span(resolver: Resolver) -> None:
    text = "Xi met Putin in Moscow. The two leaders signed a joint statement."
    group = [m for m in resolve(resolver, text, "2023-03-21") if m.rule == "two-leaders"]
    assert [m.actor.person for m in group] == ["xi_jinping", "vladimir_putin"]
    assert len({(m.start, m.end) for m in group}) == 1


def test_both_sides_are_the_two_states_whose_leaders_met(resolver: Resolver) -> None:
    text = "Xi met Putin as Ukraine came under attack. Both sides pledged closer ties."
    group = [m for m in resolve(resolver, text, "2023-03-21") if m.actor.text == "Both sides"]
    assert {m.actor.code for m in group} == {"CHN", "RUS"}


def test_mr_xi_and_xi_alone_are_xi(resolver: Resolver) -> None:
    text = "Mr Xi praised the partnership. Xi later left for Kazakhstan."
    people = [m for m in resolve(resolver, text, "2022-09-14") if m.actor.person]
    assert [(m.actor.text, m.actor.person) for m in people] == [
        ("Mr Xi", "xi_jinping"),
        ("Xi", "xi_jinping"),
    ]


def test_he_is_the_last_compatible_person(resolver: Resolver) -> None:
    text = "Nancy Pelosi met Joe Biden. She said he had agreed. He did not comment."
    pronouns = [m for m in resolve(resolver, text, "2022-08-01") if m.rule == "pronoun"]
    assert [(m.actor.text, m.actor.person) for m in pronouns] == [
        ("She", "nancy_pelosi"),
        ("he", "joe_biden"),
        ("He", "joe_biden"),
    ]


def test_chinese_troops_are_chinas_military(resolver: Resolver) -> None:
    mentions = resolve(resolver, "Chinese troops will join the exercise.", "2022-08-18")
    assert actor_at(mentions, "Chinese troops") == [("CHNMIL", None, "adjective+agent")]


def test_foreign_minister_in_apposition(resolver: Resolver) -> None:
    text = "The remarks followed praise from Russia's foreign minister, Sergey Lavrov, last week."
    (lavrov,) = [m for m in resolve(resolver, text, "2022-06-15") if m.actor.person]
    assert lavrov.actor.text == "Russia's foreign minister, Sergey Lavrov"
    assert (lavrov.actor.code, lavrov.actor.person) == ("RUSGOV", "sergey_lavrov")


def test_an_unknown_scholar_keeps_his_name_and_gets_his_context(resolver: Resolver) -> None:
    text = (
        '"Nothing has changed," said Pavel Orlov, a senior lecturer in history at the '
        "University of New South Wales in Sydney. Orlov expects more visits."
    )
    people = [m for m in resolve(resolver, text, "2024-05-16") if m.actor.name == "Pavel Orlov"]
    assert [(m.actor.text, m.actor.code, m.rule) for m in people] == [
        ("Pavel Orlov", "AUSEDU", "apposition"),
        ("Orlov", "AUSEDU", "surname"),
    ]


def test_house_speaker_pelosi_is_the_legislature(resolver: Resolver) -> None:
    text = "U.S. House Speaker Nancy Pelosi landed in Taipei on Tuesday."
    (pelosi,) = [m for m in resolve(resolver, text, "2022-08-02") if m.actor.person]
    assert (pelosi.actor.code, pelosi.actor.role) == ("USALEG", "speaker")
    assert pelosi.actor.text == "U.S. House Speaker Nancy Pelosi"


def test_turkey_the_bird_and_us_the_pronoun_are_not_countries(resolver: Resolver) -> None:
    text = "We roasted a turkey for us all. Turkey closed its airspace and the US objected."
    codes = [(m.actor.text, m.actor.code) for m in resolve(resolver, text, "2022-06-15")]
    assert codes == [("Turkey", "TUR"), ("US", "USA")]


def test_chinas_xi_is_xi(resolver: Resolver) -> None:
    (xi,) = resolve(resolver, "China's Xi renewed the pledge.", "2022-06-15")
    assert (xi.actor.person, xi.actor.text) == ("xi_jinping", "China's Xi")


def test_every_mention_keeps_its_text_offsets_and_rule(resolver: Resolver) -> None:
    text = "On Monday the Kremlin said Chinese warships had arrived."
    for mention in resolve(resolver, text, "2022-06-15"):
        assert text[mention.start : mention.end] == mention.actor.text
        assert mention.rule


def test_to_record_has_the_schema_keys(resolver: Resolver) -> None:
    (kremlin,) = resolve(resolver, "The Kremlin said no.", "2022-06-15")
    assert to_record(kremlin.actor) == {
        "name": "Russia",
        "code": "RUSGOV",
        "country": "RUS",
        "sector": "GOV",
        "text": "Kremlin",
    }


def test_user_files_override_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ACTORS_ENV, raising=False)
    resolver = Resolver.from_paths([USER / "good"])
    mentions = resolve(resolver, "Ivan Sample met officials in Zelenograd.", "2031-01-01")
    assert [(m.actor.person, m.actor.code) for m in mentions if m.actor.person] == [
        ("ivan_sample", "RUSGOV")
    ]
    assert [m.actor.code for m in mentions if m.place] == ["RUSCVL"]


def test_a_configured_folder_is_read_and_paths_come_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ACTORS_ENV, str(USER / "good"))
    assert Resolver.from_paths().dictionary.person("ivan_sample") is not None
    monkeypatch.setenv(ACTORS_ENV, str(USER / "absent"))
    with pytest.raises(DictionaryError, match=ACTORS_ENV):
        Resolver.from_paths()


def test_an_invalid_user_file_is_refused_with_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ACTORS_ENV, raising=False)
    bad = USER / "bad" / "places.tsv"
    with pytest.raises(DictionaryError, match="unknown country code 'ZZZ'") as caught:
        Resolver.from_paths([bad])
    assert (caught.value.path, caught.value.line) == (str(bad), 3)


SEEDS = {
    "002_dc36aca051bd0ce3.txt": (
        "2022-06-15",
        {"xi_jinping", "vladimir_putin"},
        {"CHNGOV", "RUSGOV", "CHNMED"},
    ),
    "003_ee2306cd912fe6c5.txt": (
        "2024-05-16",
        {"xi_jinping", "vladimir_putin"},
        {"RUSGOV", "CHNGOV", "SGPEDU"},
    ),
    "004_bd47e933c52d98c4.txt": (
        "2022-08-18",
        {"xi_jinping", "vladimir_putin", "nancy_pelosi", "joe_biden"},
        {"CHNMIL", "RUSMIL", "USALEG", "CHNGOV", "RUSGOV"},
    ),
    "001_84fde4cf9e454c8b.txt": (
        "2024-05-16",
        {"xi_jinping", "vladimir_putin", "olaf_scholz"},
        {"AUSEDU", "RUSGOV", "CHNGOV", "CHNLEG"},
    ),
}


_PARSED: dict[str, tuple[str, list[Mention]]] = {}


def seed(resolver: Resolver, shared: Path, name: str) -> tuple[str, list[Mention]]:
    """A seed's raw text and its mentions, resolved once for the module."""
    if name not in _PARSED:
        text = (shared / "seeds" / name).read_text(encoding="utf-8")
        _PARSED[name] = (text, resolve(resolver, text, SEEDS[name][0]))
    return _PARSED[name]


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seeds_yield_their_key_actors(resolver: Resolver, shared: Path, name: str) -> None:
    _, people, codes = SEEDS[name]
    text, mentions = seed(resolver, shared, name)
    assert people <= {m.actor.person for m in mentions}
    assert codes <= {m.actor.code for m in mentions}
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.actor.text


@pytest.mark.shared
def test_korolev_in_the_seed_is_australian_academia(resolver: Resolver, shared: Path) -> None:
    _, mentions = seed(resolver, shared, "001_84fde4cf9e454c8b.txt")
    found = [m for m in mentions if "Korolev" in m.actor.name]
    assert found and {m.actor.code for m in found} == {"AUSEDU"}
