"""Tests for action arguments: mentions by token, agents, patients, coordination, noun roles."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from detente.actors.model import PLACE, Actor, Mention
from detente.events.arguments import (
    MentionIndex,
    actors_at,
    agents_of,
    clause_subjects,
    crosses_clause,
    distinct,
    generic,
    grounds,
    issuers_of,
    noun_roles,
    origins_of,
    passive,
    patients_of,
    stray_subject,
    summary,
    wielders,
    words,
)
from detente.language import load_nlp

CODES = {
    "Putin": ("RUS", "GOV"),
    "Xi": ("CHN", "GOV"),
    "Russia": ("RUS", None),
    "China": ("CHN", None),
    "Ukraine": ("UKR", None),
    "Russian": ("RUS", None),
    "Chinese": ("CHN", None),
    "Beijing": ("CHN", "GOV"),
}


def parsed(sentence: str) -> tuple[Doc, MentionIndex]:
    """The parse of a sentence with a mention for each word in CODES (Beijing as a place)."""
    doc = load_nlp()(sentence)
    found = []
    for t in doc:
        if t.text in CODES:
            country, sector = CODES[t.text]
            actor = Actor(t.text, country + (sector or ""), country, sector, t.text)
            rule = PLACE if t.text == "Beijing" else "test"
            found.append(Mention(t.idx, t.idx + len(t.text), actor, rule))
    return doc, MentionIndex(doc, found)


def word(doc: Doc, text: str) -> Token:
    """The first token written `text`."""
    return next(t for t in doc if t.text == text)


def named(tokens: list[Token], index: MentionIndex, places: bool = False) -> list[str]:
    """The actor codes the tokens name."""
    return [m.actor.code for t in tokens for m in actors_at(t, index, places)]


def test_mentions_are_found_by_token_and_places_are_kept_apart() -> None:
    doc, index = parsed("Putin flew to Beijing.")
    assert [m.actor.code for m in index.at(word(doc, "Putin"))] == ["RUSGOV"]
    assert index.at(word(doc, "Beijing")) == ()
    assert [m.actor.code for m in index.at(word(doc, "Beijing"), places=True)] == ["CHNGOV"]
    assert index.any_between(0, 1) and not index.any_between(1, 3)
    assert [m.actor.code for m in index.between(0, len(doc))] == ["RUSGOV"]


def test_one_span_may_name_several_actors() -> None:
    doc = load_nlp()("The two leaders met.")
    span = doc[0:3]
    pair = [
        Mention(span.start_char, span.end_char, Actor(n, c, c[:3], "GOV", span.text), "pair")
        for n, c in (("Xi", "CHNGOV"), ("Putin", "RUSGOV"))
    ]
    index = MentionIndex(doc, pair)
    assert [m.actor.code for m in index.at(doc[1])] == ["CHNGOV", "RUSGOV"]
    assert list(index.span_of(doc[2])) == [0, 1, 2]


def test_coordinated_subjects_are_all_agents() -> None:
    doc, index = parsed("Putin and Xi met in Beijing.")
    agents, inherited = agents_of(word(doc, "met"))
    assert named(agents, index) == ["RUSGOV", "CHNGOV"] and not inherited


def test_coordinated_adjectives_name_both_states() -> None:
    doc, index = parsed("Russian and Chinese bombers flew over the sea.")
    agents, _ = agents_of(word(doc, "flew"))
    assert named(agents, index) == ["RUS", "CHN"]


def test_an_infinitive_inherits_its_subject_or_its_governor_object() -> None:
    doc, index = parsed("Putin agreed to meet Xi.")
    agents, inherited = agents_of(word(doc, "meet"))
    assert named(agents, index) == ["RUSGOV"] and inherited
    doc, index = parsed("China urged Russia to withdraw its troops.")
    agents, _ = agents_of(word(doc, "withdraw"))
    assert named(agents, index) == ["RUS"]


@pytest.mark.parametrize(
    ("sentence", "verb", "agent"),
    [
        ("China praised Russia for helping Ukraine.", "helping", "RUS"),
        ("Russia was accused of shelling Ukraine.", "shelling", "RUS"),
        ("China won praise for helping Ukraine.", "helping", "CHN"),
    ],
)
def test_a_reason_for_judging_someone_is_done_by_the_one_judged(
    sentence: str, verb: str, agent: str
) -> None:
    doc, index = parsed(sentence)
    assert named(agents_of(word(doc, verb))[0], index) == [agent]


def test_the_agent_of_a_passive_is_its_by_phrase() -> None:
    doc, index = parsed("Ukraine was attacked by Russia.")
    verb = word(doc, "attacked")
    assert passive(verb)
    agents, _ = agents_of(verb)
    assert named(agents, index) == ["RUS"]
    assert named(patients_of(verb, []), index) == ["UKR"]


def test_patients_include_objects_prepositions_and_owners() -> None:
    doc, index = parsed("China criticized Russia.")
    assert named(patients_of(word(doc, "criticized"), []), index) == ["RUS"]
    doc, index = parsed("Putin met with Xi.")
    assert named(patients_of(word(doc, "met"), []), index) == ["CHNGOV"]
    doc, index = parsed("China condemned Russia's invasion.")
    assert named(patients_of(word(doc, "condemned"), []), index) == ["RUS"]
    doc, index = parsed("China imposed sanctions on Russia.")
    sanctions = word(doc, "sanctions")
    assert named(patients_of(word(doc, "imposed"), [sanctions]), index) == ["RUS"]
    doc, index = parsed("China welcomed the resumption of talks with Russia.")
    assert named(patients_of(word(doc, "welcomed"), []), index) == ["RUS"]


def test_places_receive_only_when_asked() -> None:
    doc, index = parsed("Putin flew to Beijing.")
    patients = patients_of(word(doc, "flew"), [])
    assert named(patients, index) == []
    assert named(patients, index, places=True) == ["CHNGOV"]


def test_a_bare_state_gives_way_to_its_own_branch() -> None:
    russia = Actor("Russia", "RUS", "RUS", None, "Russia")
    putin = Actor("Vladimir Putin", "RUSGOV", "RUS", "GOV", "Putin")
    china = Actor("China", "CHN", "CHN", None, "China")
    assert [a.code for a in distinct([russia, putin, china, putin])] == ["RUSGOV", "CHN"]


def test_noun_roles_read_the_phrase_and_the_clause() -> None:
    doc, index = parsed("Putin's visit to Ukraine was short.")
    roles = noun_roles(word(doc, "visit"), set())
    assert named(roles.agents, index) == ["RUSGOV"]
    assert named(roles.patients, index) == ["UKR"]
    doc, index = parsed("Russia held talks with China.")
    roles = noun_roles(word(doc, "talks"), set())
    assert roles.verb is not None and roles.verb.lemma_ == "hold"
    assert named(roles.clause_agents, index) == ["RUS"]
    assert named(roles.clause_patients, index) == ["CHN"]
    doc, index = parsed("Russia began a new round of exercises.")
    roles = noun_roles(word(doc, "exercises"), set())
    assert roles.verb is not None and roles.verb.lemma_ == "begin"


def test_word_lists_load_from_the_data_file() -> None:
    lists = words()
    assert "with" in lists.target_preps and "urge" in lists.object_control
    assert "hold" in lists.light_verbs and "the" in lists.anaphoric


def test_a_passive_without_a_by_phrase_takes_its_agent_from_the_means() -> None:
    doc, index = parsed("The port was shelled in a Russian artillery attack.")
    agents, _ = agents_of(word(doc, "shelled"))
    assert named(agents, index) == ["RUS"]


def test_a_subject_hung_on_a_fronted_clause_is_given_back_to_the_main_verb() -> None:
    doc, index = parsed(
        "At a meeting in February 2022, days before Russia invaded Ukraine, Chinese President "
        "Xi Jinping and Russian President Vladimir Putin said their partnership had no limits."
    )
    said = word(doc, "said")
    stray = stray_subject(said)
    assert stray is not None and crosses_clause(stray)
    assert named(agents_of(said)[0], index) == ["CHNGOV", "RUSGOV"]
    assert named([word(doc, "Ukraine")], index) == ["UKR"]


def test_a_list_of_objects_in_one_clause_stays_together() -> None:
    doc, index = parsed("Putin called Xi, Russia and Ukraine.")
    assert not any(crosses_clause(t) for t in doc)
    assert named([word(doc, "Xi")], index) == ["CHNGOV", "RUS", "UKR"]


def test_a_coordinated_modifier_keeps_both_countries_on_the_head() -> None:
    doc = load_nlp()("A joint Russian and Chinese flotilla sailed near Alaska.")
    start = doc.text.index("Russian")
    chinese = doc.text.index("Chinese")
    end = doc.text.index(" sailed")
    both = Actor("Russian", "RUSMIL", "RUS", "MIL", doc.text[start:end])
    one = Actor("Chinese", "CHNMIL", "CHN", "MIL", doc.text[chinese:end])
    index = MentionIndex(doc, [Mention(start, end, both, "t"), Mention(chinese, end, one, "t")])
    assert [m.actor.code for m in index.at(word(doc, "flotilla"))] == ["RUSMIL", "CHNMIL"]


def test_a_bare_plural_event_noun_is_generic() -> None:
    doc = load_nlp()("Russia seeks dominance in future wars, not in the war in Ukraine.")
    wars, war = (t for t in doc if t.lemma_ == "war")
    assert generic(wars) and not generic(war)


def test_a_noun_phrase_closing_a_sentence_after_a_comma_sums_it_up() -> None:
    doc = load_nlp()(
        "China criticized Russia after it turned back a blogger, a rare clash between them.\n\n"
    )
    assert summary(word(doc, "clash"))
    doc = load_nlp()("A clash between the two armies broke out, officials said.")
    assert not summary(word(doc, "clash"))


def test_a_passive_act_with_no_agent_came_from_where_it_was_done_from() -> None:
    doc, _ = parsed("Rockets were fired at Israel from Ukraine.")
    assert [t.text for t in origins_of(word(doc, "fired"))] == ["Ukraine"]
    doc, _ = parsed("Rockets were fired at Israel by Russia from Ukraine.")
    assert origins_of(word(doc, "fired")) == []


def test_a_document_acts_for_whoever_issued_it() -> None:
    doc, _ = parsed("A study published in Ukraine claimed that Russia lied.")
    assert [t.text for t in issuers_of(word(doc, "study"))] == ["Ukraine"]
    assert [t.text for t in clause_subjects(word(doc, "claimed"))] == ["Russia"]
    doc, _ = parsed("A soldier trained in Ukraine said that Russia lied.")
    assert issuers_of(word(doc, "soldier")) == []


def test_a_means_named_as_the_doer_is_used_by_whoever_fired_it() -> None:
    doc, _ = parsed("The jet was hit by a rocket launched by Russian rebels.")
    assert [t.text for t in wielders(word(doc, "rocket"))] == ["rebels"]


def test_the_grounds_of_a_judgment_reach_through_nested_clauses() -> None:
    doc, _ = parsed("China accused Russia of making threats by attacking Ukraine.")
    assert grounds(word(doc, "making")) and grounds(word(doc, "attacking"))
    doc, _ = parsed("China stopped Russia from attacking Ukraine.")
    assert not grounds(word(doc, "attacking"))


def test_a_brokering_party_is_no_agent_of_the_event_noun() -> None:
    doc, _ = parsed("The Russian-brokered ceasefire held.")
    assert noun_roles(word(doc, "ceasefire"), set()).agents == []
    doc, _ = parsed("The Russian-led exercises ended.")
    assert [t.text for t in noun_roles(word(doc, "exercises"), set()).agents] == ["led"]
