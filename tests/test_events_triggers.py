"""Tests for triggers: verbs and nouns matched against the lexicon with their dependents."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from detente.events.tables import lexicon
from detente.events.triggers import Match, fired_weapon, is_verb, match
from detente.events.when import attachments, find_dates
from detente.language import load_nlp


def matched(sentence: str, text: str) -> Match | None:
    """The match of the first token written `text`, date words excluded as the coder does."""
    sent = next(load_nlp()(sentence).sents)
    dates = {i for _, _, inside in attachments(sent, find_dates(sent.text)) for i in inside}
    return match(word(sent, text), lexicon(), dates)


def word(tokens: Iterable[Token], text: str) -> Token:
    """The first token written `text`."""
    return next(t for t in tokens if t.text == text)


def pattern(sentence: str, text: str) -> str | None:
    """The lexicon pattern the token triggers, as text."""
    found = matched(sentence, text)
    return str(found.entry.pattern) if found else None


def test_a_verb_with_its_object_and_the_words_it_used() -> None:
    found = matched("The EU imposed new sanctions on Russia.", "imposed")
    assert found is not None and str(found.entry.pattern) == "impose +sanction"
    assert [t.text for t in found.objects] == ["sanctions"]
    assert [t.text for t in found.words] == ["imposed", "sanctions"]
    assert not found.noun


def test_a_date_after_a_preposition_is_no_particle() -> None:
    assert pattern("Xi called Putin on Wednesday.", "called") == "call"
    assert pattern("China called on Russia to show restraint.", "called") == "call on"


def test_the_most_specific_pattern_wins_through_nested_modifiers() -> None:
    assert pattern("Russia and China held joint war drills.", "held") == "hold +joint drill"
    assert pattern("Russia held war drills near Japan.", "held") == "hold +drill"


def test_noun_triggers_and_their_modifiers() -> None:
    assert pattern("The leaders spoke in a phone call.", "call") == "n:phone call"
    assert pattern("Putin's state visit began.", "visit") == "n:state visit"
    assert pattern("Russia held war drills near Japan.", "war") is None  # a modifier only


def test_a_copula_with_its_complement_is_a_verb() -> None:
    sentence = "China is ready to deepen cooperation."
    assert is_verb(word(load_nlp()(sentence), "is"))
    assert pattern(sentence, "is") == "be +ready"


def test_unknown_words_match_nothing() -> None:
    assert pattern("The weather in Beijing was mild.", "weather") is None
    assert pattern("The markets were quiet.", "were") is None


def test_a_hyphenated_word_matches_its_joined_lexicon_form() -> None:
    found = matched("The rebels announced a cease-fire on Sunday.", "announced")
    assert found is not None and str(found.entry.pattern) == "announce +ceasefire"
    assert [t.text for t in found.words] == ["announced", "cease", "-", "fire"]


def test_a_passive_verb_done_by_a_weapon_codes_firing_it() -> None:
    assert pattern("The tanker was set ablaze by a rocket.", "set") == "fire +rocket"
    assert pattern("The tanker was set ablaze by the crew.", "set") is None


def test_only_a_word_the_lexicon_fires_is_a_weapon() -> None:
    doc = load_nlp()("A U.S.-made rocket and a pre-war shell.")
    found = {t.text: fired_weapon(t, lexicon()) for t in doc}
    assert str(found["rocket"].pattern) == "fire +rocket" and found["shell"] is not None
    assert found["-"] is None and found["A"] is None and found["."] is None
