"""Tests for the event coder: actions and parties on the parse, joint events, frames, flags,
dates and evidence, on sentences written for these tests and on the seeds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from detente.articles import extract
from detente.events.coder import CODER_VERSION, code_article, code_text, resolver
from detente.events.model import Event
from detente.language import load_nlp
from detente.sources import read_one

FRIDAY = date(2024, 5, 17)
ARTICLE = FIXTURES / "events" / "article.txt"


def only(text: str, published: date | None = FRIDAY) -> Event:
    """The one event a sentence gives."""
    (event,) = code_text(text, published)
    return event


def codes(actors: list) -> list[str]:
    """The actor codes of a list of actors."""
    return [a.code for a in actors]


def test_a_meeting_is_one_joint_event_with_both_leaders_as_actors() -> None:
    event = only(
        "Russian President Vladimir Putin and Chinese President Xi Jinping met on Thursday."
    )
    assert (event.cameo, event.plover) == ("040", "CONSULT")
    assert codes(event.actors) == ["RUSGOV", "CHNGOV"] and event.recipients == []
    assert (event.date, event.date_precision, event.date_basis) == (
        date(2024, 5, 16),
        "day",
        "relative",
    )


def test_a_one_sided_action_has_a_recipient() -> None:
    event = only("China criticized Russia.")
    assert (event.cameo, event.plover, event.plover_mode) == ("111", "ACCUSE", "disapprove")
    assert codes(event.actors) == ["CHN"] and codes(event.recipients) == ["RUS"]
    assert event.goldstein == -2.0 and event.quad_class == 3 and event.score == -2.0


def test_renewed_ties_are_one_joint_event() -> None:
    renewed = only("China and Vietnam renewed diplomatic ties on Monday.")
    assert renewed.cameo == "054" and codes(renewed.actors) == ["CHN", "VNM"]
    assert renewed.recipients == []


def test_drills_are_joint_when_states_hold_them_together() -> None:
    joint = only("Russia and China held naval drills near Japan.")
    assert joint.cameo == "062" and joint.plover == "COOPERATE"
    assert codes(joint.actors) == ["RUS", "CHN"] and "joint" in joint.rule
    single = only("Russia held naval drills near Japan.")
    assert single.cameo == "150" and single.plover == "MOBILIZE"


def test_frames_combine_with_the_action_they_govern() -> None:
    pledge = only("China pledged to supply weapons to Ukraine.")
    assert (pledge.cameo, pledge.plover) == ("0332", "AGREE")
    assert codes(pledge.recipients) == ["UKR"]
    assert pledge.trigger == "pledged to supply weapons"
    appeal = only("Beijing urged Moscow to withdraw its troops.")
    assert appeal.plover == "REQUEST" and codes(appeal.recipients) == ["RUSGOV"]
    wish = only("Kyiv wants Washington to send more tanks.")
    assert wish.cameo.startswith("02") and codes(wish.recipients) == ["USAGOV"]


def test_a_refusal_with_no_combined_code_is_the_action_negated() -> None:
    event = only("China has refused to condemn the invasion.")
    assert event.cameo == "111" and event.negated and event.flagged
    assert event.trigger == "refused to condemn"


def test_a_cooperation_announced_as_not_happening_is_a_refusal() -> None:
    event = only("Hungary says it will not accept any refugees from Ukraine.")
    assert event.plover == "REJECT" and not event.negated and not event.future


def test_an_obligation_voiced_by_one_state_for_another_is_a_demand() -> None:
    event = only("Russia says Israel must end its attacks on Syria.")
    assert event.plover == "REQUEST" and event.cameo.startswith("10")
    assert codes(event.actors) == ["RUS"] and codes(event.recipients) == ["ISR"]
    assert not event.hypothetical


def test_hosting_puts_the_visitor_first() -> None:
    event = only("Xi hosted Putin in Beijing.")
    assert event.cameo == "043" and event.plover_mode == "visit"
    assert codes(event.actors) == ["RUSGOV"] and codes(event.recipients) == ["CHNGOV"]


def test_several_events_in_one_sentence() -> None:
    events = code_text("China criticized Russia and praised Kazakhstan.", FRIDAY)
    assert [(e.cameo, codes(e.recipients)) for e in events] == [("111", ["RUS"]), ("051", ["KAZ"])]


def test_flags_travel_with_the_event() -> None:
    assert only("Putin will visit Beijing next month.").future
    assert only("Any backing for Russia would damage ties with China.").hypothetical
    told, accused = code_text("Kyiv said Russia attacked the port of Odesa.", FRIDAY)
    assert told.cameo.startswith("19") and told.reported
    assert (accused.cameo, accused.reported) == ("112", False)
    told = only("Xi told Putin that Russia would support China.")
    assert told.future


def test_an_action_a_side_says_it_will_take_is_its_intent() -> None:
    told = only("Xi told Putin that China would support Russia.")
    assert (told.cameo, told.plover, told.future, told.reported) == ("032", "AGREE", False, False)
    assert codes(told.actors) == ["CHN"] and codes(told.recipients) == ["RUS"]
    threat = only("Israel announced it would strike Iran.")
    assert threat.cameo.startswith("13") and codes(threat.recipients) == ["IRN"]
    freed = only("Israel said it will free 150 Palestinian prisoners.")
    assert freed.cameo.startswith("035") and codes(freed.recipients) == ["PSECVL"]


def test_a_hedged_action_to_come_is_a_forecast_not_an_intent() -> None:
    forecast = only("Erdogan said he will probably visit Egypt next month.")
    assert forecast.cameo.startswith("04") and forecast.future


def test_the_object_of_a_framed_action_is_not_its_target() -> None:
    events = code_text("Canada rejected demands to free Iranian prisoners.", FRIDAY)
    assert all("IRN" not in codes(event.recipients) for event in events)


def test_a_weapon_launched_at_a_party_is_an_attack() -> None:
    assert only("North Korea launched missiles at Japan.").cameo == "194"
    assert only("North Korea launched missiles on Monday.").cameo == "150"


def test_people_a_state_moves_are_its_own_and_those_it_frees_are_acted_on() -> None:
    deployed = only("Russia deployed Armenian soldiers.")
    assert deployed.recipients == []
    freed = only("Egypt freed Sudanese prisoners.")
    assert [a.country for a in freed.recipients] == ["SDN"]


def test_a_sentence_without_actors_or_triggers_gives_nothing() -> None:
    assert code_text("The weather in the capital was mild.", FRIDAY) == []
    assert code_text("Russia and China are large countries.", FRIDAY) == []


def test_an_article_is_coded_with_evidence_dates_and_references_back() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    doc = load_nlp()(text)
    events = code_article(doc, resolver().resolve(doc, FRIDAY), FRIDAY)
    for event in events:
        assert text[event.start : event.end] == event.sentence
        assert 0 < event.confidence <= 1 and event.trigger and event.rule
        assert event.coder_version == CODER_VERSION
    summary = [(e.cameo, e.date, e.date_basis) for e in events]
    assert ("040", date(2024, 5, 16), "relative") in summary
    assert ("062", date(2024, 5, 6), "relative") in summary  # "last week": the week's Monday
    ended = [e for e in events if e.sentence.startswith("The exercises ended")]
    assert [(e.cameo, codes(e.actors), e.date) for e in ended] == [
        ("062", ["RUS", "CHN"], date(2024, 5, 12))
    ]
    assert not any("weather" in e.sentence for e in events)


def seed_events(shared: Path, name: str) -> list[Event]:
    """Every event of every article cut from one seed file by the article splitter."""
    events = []
    for document in read_one(str(next((shared / "seeds").glob(f"{name}_*")))):
        for article in extract(document):
            doc = load_nlp()(article.text)
            events += code_article(
                doc, resolver().resolve(doc, article.published), article.published
            )
    return events


def find(events: list[Event], plover: str, *countries: str) -> list[Event]:
    """Events of a type whose parties include all of these countries."""
    return [
        e
        for e in events
        if e.plover == plover and set(countries) <= {a.country for a in e.actors + e.recipients}
    ]


@pytest.mark.shared
def test_seed_the_xi_putin_call_of_15_june_2022(shared: Path) -> None:
    calls = [e for e in find(seed_events(shared, "000"), "CONSULT", "CHN", "RUS")]
    call = next(e for e in calls if e.plover_mode == "phone" and e.date == date(2022, 6, 15))
    assert {a.country for a in call.actors} == {"CHN", "RUS"} and call.recipients == []
    assert call.date_basis == "relative"


@pytest.mark.shared
def test_seed_putins_visit_to_beijing_on_16_may_2024(shared: Path) -> None:
    visits = find(seed_events(shared, "001"), "CONSULT", "RUS")
    assert any(
        e.plover_mode == "visit" and e.date == date(2024, 5, 16) and e.actors[0].country == "RUS"
        for e in visits
    )


@pytest.mark.shared
def test_seed_china_criticizes_russia_in_august_2023(shared: Path) -> None:
    events = seed_events(shared, "001")
    criticism = [e for e in find(events, "ACCUSE", "CHN", "RUS") if e.cameo == "111"]
    assert any(
        [a.country for a in e.actors] == ["CHN"]
        and [a.country for a in e.recipients] == ["RUS"]
        and e.date is not None
        and (e.date.year, e.date.month) == (2023, 8)
        for e in criticism
    )


@pytest.mark.shared
def test_seed_joint_drills_and_the_alaska_flotilla(shared: Path) -> None:
    events = seed_events(shared, "001")
    joint = find(events, "COOPERATE", "RUS", "CHN")
    drills = [e for e in joint if "drills" in e.sentence and "Sea of Japan" in e.sentence]
    assert drills and all(e.cameo == "062" and e.recipients == [] for e in drills)
    july = [e for e in joint if e.date == date(2023, 7, 20)]
    assert july, "the exercises between the 20th and 23rd of July"
    flotilla = [e for e in events if "flotilla sailed" in e.sentence and e.cameo == "062"]
    assert flotilla and flotilla[0].date == date(2023, 7, 31) and flotilla[0].reported


@pytest.mark.shared
def test_seed_flags_on_the_newsweek_page(shared: Path) -> None:
    events = seed_events(shared, "004")
    met = next(e for e in events if e.sentence.startswith("Prior to") and e.plover == "CONSULT")
    assert met.historical and met.date == date(2022, 2, 4)
    lasting = [e for e in events if "expected to last from August 30" in e.sentence]
    assert lasting and all(e.future and e.date == date(2022, 8, 30) for e in lasting)
    refused = [e for e in events if e.trigger == "condemn" and e.cameo == "111"]
    assert refused and all(e.negated for e in refused)
    assert not any("Kim Jong Un" in e.sentence or "Elon Musk" in e.sentence for e in events)


@pytest.mark.shared
def test_seed_refusals_and_warnings_on_the_straits_times_page(shared: Path) -> None:
    events = seed_events(shared, "002")
    refused = next(e for e in events if e.trigger == "refused to condemn")
    assert refused.negated and refused.cameo == "111"
    damage = [e for e in events if "would damage ties" in e.sentence and e.hypothetical]
    assert damage, "the warned-of damage to ties is hypothetical"
    background = [e for e in events if e.sentence.startswith("Once bitter Cold War enemies")]
    assert background and all(e.historical for e in background)


def test_bad_input_is_refused_with_a_reason() -> None:
    assert code_text("", FRIDAY) == []
    unparsed = load_nlp(parse=False)("China criticized Russia.")
    with pytest.raises(ValueError, match="no dependency parse"):
        code_article(unparsed, [], FRIDAY)
    doc = load_nlp()("China criticized Russia.")
    (china, *_) = resolver().resolve(doc, FRIDAY)
    stray = replace(china, start=90, end=95)
    with pytest.raises(ValueError, match="'China' at 90-95 lies outside"):
        code_article(doc, [stray], FRIDAY)


def test_a_conflict_a_party_alleges_is_its_accusation_of_the_doer() -> None:
    event = only("Turkey claimed that Syria had shelled its border towns.")
    assert (event.cameo, event.plover) == ("112", "ACCUSE") and "alleged" in event.rule
    assert codes(event.actors) == ["TUR"] and codes(event.recipients) == ["SYR"]
    assert not event.reported


def test_a_conflict_a_party_alleges_of_itself_is_a_claim_of_responsibility() -> None:
    event = only("Hamas claimed that it had attacked Israel.")
    assert event.cameo == "015" and codes(event.recipients) == ["ISR"]


def test_cooperation_and_plain_reports_are_not_allegations() -> None:
    assert only("Japan claimed that China had praised Russia.").cameo == "051"
    reported, accused = code_text("China said that Japan had attacked Vietnam.", FRIDAY)
    assert reported.cameo == "190" and reported.reported
    assert accused.cameo == "112" and codes(accused.recipients) == ["JPN"]


def test_a_one_sided_act_on_another_states_soil_targets_that_state() -> None:
    event = only("Iran is conducting naval exercises in Oman.")
    assert event.cameo == "150" and codes(event.recipients) == ["OMN"]
    assert only("Iran is conducting naval exercises in Iran.").recipients == []


def test_one_side_meeting_abroad_is_a_visit_to_that_state() -> None:
    event = only("Modi will attend a summit in Brazil.")
    assert (event.cameo, event.plover_mode) == ("042", "visit") and "abroad" in event.rule
    assert codes(event.actors) == ["INDGOV"] and codes(event.recipients) == ["BRA"]


def test_a_wish_that_another_party_acts_is_an_appeal_to_it() -> None:
    event = only("Xi wants Putin to invade Ukraine.")
    assert event.cameo == "020" and not event.negated
    assert codes(event.actors) == ["CHNGOV"] and codes(event.recipients) == ["RUSGOV"]


def test_an_event_in_a_clause_set_before_another_takes_its_date_and_is_background() -> None:
    events = code_text(
        "At a meeting in February 2022, days before Russia invaded Ukraine, Chinese President "
        "Xi Jinping and Russian President Vladimir Putin said their partnership had no limits.",
        date(2022, 6, 14),
    )
    invasion = next(e for e in events if e.plover == "ASSAULT")
    assert codes(invasion.actors) == ["RUS"] and codes(invasion.recipients) == ["UKR"]
    assert (invasion.date, invasion.date_precision, invasion.date_basis) == (
        date(2022, 2, 1),
        "month",
        "clause",
    )
    assert invasion.historical
    meeting = next(e for e in events if e.plover == "CONSULT")
    assert {a.country for a in meeting.actors} == {"CHN", "RUS"} and meeting.historical


def test_a_date_on_an_adverbial_noun_dates_the_verb() -> None:
    event = only(
        "Xi and Putin have a close relationship, having met more than forty times since 2012.",
        date(2022, 6, 14),
    )
    assert event.plover == "CONSULT" and event.date == date(2012, 1, 1) and event.historical


def test_a_generic_event_noun_is_no_event_of_the_clause() -> None:
    assert (
        code_text(
            "Russia and China share one objective: achieving dominance in future wars.", FRIDAY
        )
        == []
    )


def test_a_noun_summing_up_the_sentence_is_not_a_second_event() -> None:
    events = code_text(
        "China criticized Russia after Russian guards turned back a Chinese blogger, a rare "
        "clash between the two countries.",
        FRIDAY,
    )
    assert "ASSAULT" not in {e.plover for e in events}
    assert any(e.cameo == "111" and codes(e.recipients) == ["RUS"] for e in events)


def test_a_cooperation_not_done_so_far_is_no_refusal_but_one_declined_is() -> None:
    (event,) = code_text("China hasn't defended Russia on the battlefield.", FRIDAY)
    assert event.negated and event.plover == "SUPPORT"
    (event,) = code_text("China refused to defend Russia on the battlefield.", FRIDAY)
    assert event.plover == "REJECT" and not event.negated


def test_a_place_is_never_a_party_of_a_joint_action() -> None:
    (event,) = code_text("Russian and Chinese bombers patrolled jointly over Alaska.", FRIDAY)
    assert event.cameo == "062" and event.recipients == []
    assert {a.country for a in event.actors} == {"RUS", "CHN"}


def test_a_thing_received_makes_the_giver_the_source() -> None:
    (armed,) = code_text("Armenian rebels received weapons from the Iranian government.")
    assert armed.cameo.startswith("072")
    assert [a.country for a in armed.actors] == ["IRN"]
    assert [a.country for a in armed.recipients] == ["ARM"]
    (faced,) = code_text("Norway faced criticism from Denmark over the fishing quotas.")
    assert faced.cameo == "111"
    assert [a.country for a in faced.actors] == ["DNK"]
    assert [a.country for a in faced.recipients] == ["NOR"]


def test_a_visitor_received_is_still_a_hosting() -> None:
    (hosted,) = code_text("Erdogan received Aliyev in Ankara.")
    assert hosted.cameo == "043"


def test_broken_relations_and_a_postponed_meeting() -> None:
    (broken,) = code_text("Ecuador has broken relations with Mexico.")
    assert broken.cameo == "161"
    assert [a.country for a in broken.recipients] == ["MEX"]
    (delayed,) = code_text("Serbia and Croatia have delayed their meeting.")
    assert delayed.cameo.startswith("12") and not delayed.negated


def triples(text: str, published: date | None = FRIDAY) -> set[tuple[str, tuple, tuple, bool]]:
    """(CAMEO code, actor codes, recipient codes, reported) of each event of a sentence."""
    return {
        (e.cameo, tuple(codes(e.actors)), tuple(codes(e.recipients)), e.reported)
        for e in code_text(text, published)
    }


def test_a_state_telling_of_anothers_attack_accuses_it() -> None:
    found = triples("Azerbaijan said shells were fired from Armenia at its positions on Sunday.")
    assert ("112", ("AZE",), ("ARM",), False) in found
    assert any(code.startswith("19") and reported for code, _, _, reported in found)


def test_an_attribution_after_the_fact_is_no_accusation() -> None:
    found = triples("Rebels shelled Goma overnight, Congolese state radio reported.")
    assert not any(code == "112" for code, *_ in found)


def test_a_state_telling_of_its_own_organs_accuses_nobody() -> None:
    found = triples("A court in Kenya jailed two Somali men, a Kenyan police officer said.")
    assert not any(code == "112" for code, *_ in found)


def test_a_report_acts_for_where_it_was_released() -> None:
    found = triples(
        "A study published on Monday in the Ukrainian capital alleged that Russia knew of "
        "the preparations."
    )
    assert ("112", ("UKRCVL",), ("RUS",), False) in found


def test_a_passive_conjunct_acts_on_the_shared_subject() -> None:
    event = next(
        e
        for e in code_text("The activists were detained in May and released by Russia in June.")
        if e.cameo.startswith("084")
    )
    assert codes(event.actors) == ["RUS"] and codes(event.recipients) == ["---CVL"]


def test_holding_talks_is_negotiation() -> None:
    assert only("Wang Yi held talks with Sergei Lavrov in Beijing on Friday.").cameo == "046"


def test_a_meeting_in_a_third_state_is_044_and_a_visit_by_each_party() -> None:
    found = triples("Xi Jinping and Vladimir Putin met in Geneva on Thursday.")
    assert ("044", ("CHNGOV", "RUSGOV"), (), False) in found
    visits = {(actors, recipients) for code, actors, recipients, _ in found if code == "042"}
    assert visits == {(("CHNGOV",), ("CHECVL",)), (("RUSGOV",), ("CHECVL",))}


def test_attending_another_states_games_is_a_visit_there() -> None:
    event = only("Emmanuel Macron attended the Tokyo Olympics.", date(2021, 7, 24))
    assert event.cameo == "042" and codes(event.recipients) == ["JPNCVL"]


def test_property_wrecked_by_protesters_is_a_violent_protest() -> None:
    event = only("Iraqi protesters destroyed a Turkish trade office.")
    assert (event.cameo, event.plover) == ("145", "PROTEST")


def test_the_grounds_of_a_sentence_are_no_event_of_their_own() -> None:
    found = triples("A French court jailed a Belgian man for helping Syrian smugglers.")
    assert {code for code, *_ in found} == {"173"}


def test_a_claim_of_responsibility_targets_the_state_attacked() -> None:
    event = only("The Pakistani Taliban claimed responsibility for a bombing at a market in Iran.")
    assert event.cameo == "015" and codes(event.recipients) == ["IRN"]


def test_a_weapon_named_as_the_means_codes_the_attack_and_its_firers_act() -> None:
    event = only("An Indian cargo ship was struck by a rocket launched by rebels.")
    assert event.cameo == "194" and codes(event.actors) == ["---REB"]


def test_a_topic_is_no_second_target() -> None:
    event = only("China criticized the United States over Taiwan.")
    assert codes(event.recipients) == ["USA"]


def test_a_brokering_party_is_no_party_of_the_ceasefire() -> None:
    found = triples("The Egyptian-mediated truce between Israel and Hamas took effect on Friday.")
    assert not any("EGY" in actors for _, actors, _, _ in found)
