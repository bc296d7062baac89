"""Tests for actions: frames combined with the actions they govern, the rest left alone."""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.actions import Action, actions, complements, controller, depth
from detente.events.tables import load_tables
from detente.events.triggers import match
from detente.language import load_nlp


def coded(sentence: str, other_side: bool = False) -> list[Action]:
    """The actions of a sentence; `other_side` answers whether a controller is another party."""
    sent = next(load_nlp()(sentence).sents)
    tables = load_tables()
    found = [m for t in sent if (m := match(t, tables.lexicon, set())) is not None]
    return actions(found, tables, lambda frame, doer: other_side)


def summary(sentence: str, other_side: bool = False) -> list[tuple[str, str, bool]]:
    """(code, rule, negated) of each action."""
    return [(a.code, a.rule, a.negated) for a in coded(sentence, other_side)]


def word(sentence: str, text: str) -> Token:
    """The first token written `text`."""
    return next(t for t in load_nlp()(sentence) if t.text == text)


def test_an_intent_combines_with_the_action_it_promises() -> None:
    (pledge,) = coded("China pledged to supply weapons to Ukraine.")
    assert (pledge.code, pledge.kind, pledge.head.text) == ("0332", "composed", "pledged")
    assert [t.text for t in pledge.words] == ["pledged", "supply", "weapons"]


def test_a_refusal_without_a_combined_code_leaves_the_action_negated() -> None:
    refused = summary("China refused to condemn the invasion.")
    assert refused[0] == ("111", "refuse + condemn: refused", True)
    assert summary("Russia refused to hold talks.")[0][:1] == ("125",)


def test_an_appeal_is_made_to_the_one_who_is_to_act() -> None:
    (appeal,) = coded("Beijing urged Moscow to withdraw its troops.")
    assert appeal.code == "0256" and [t.text for t in appeal.addressees] == ["Moscow"]


def test_a_wish_that_another_party_acts_is_an_appeal() -> None:
    (wish,) = coded("Xi wants Putin to invade Ukraine.", other_side=True)
    assert wish.code == "020" and not wish.negated
    assert [t.text for t in wish.addressees] == ["Putin"]
    (own,) = coded("Xi wants to invade Taiwan.")
    assert own.code.startswith("13")  # a wish to harm is a threat


def test_a_threat_about_another_partys_act_does_not_combine() -> None:
    warned = "Washington warned that any backing from Beijing would damage ties."
    assert [code for code, _, _ in summary(warned, other_side=True)] == ["130", "160"]


def test_matches_that_govern_nothing_stay_alone() -> None:
    kinds = [(a.code, a.kind) for a in coded("China criticized Russia and praised Kazakhstan.")]
    assert kinds == [("111", "verb"), ("051", "verb")]


def test_complements_controllers_and_depth_on_the_parse() -> None:
    sentence = "China is ready to deepen cooperation."
    tables = load_tables()
    doc = load_nlp()(sentence)
    by_token = {m.token.i: m for t in doc if (m := match(t, tables.lexicon, set())) is not None}
    ready = next(t for t in doc if t.text == "is")
    assert [m.token.text for m in complements(ready, by_token)] == ["deepen"]
    urged = word("Beijing urged Moscow to withdraw.", "urged")
    withdraw = next(t for t in urged.doc if t.text == "withdraw")
    doer = controller(urged, withdraw)
    assert doer is not None and doer.text == "Moscow"
    assert depth(urged) == 0 and depth(withdraw) == 1
