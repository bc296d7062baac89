"""Tests for event flags read off the parse: negated, hypothetical, future, historical, reported."""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.flags import _CHAIN_LIMIT, Flags, _chain, cues, read
from detente.language import load_nlp


def flags_of(sentence: str, trigger: str, through: bool = True) -> Flags:
    """The flags of the action whose trigger is the first token written `trigger`."""
    return read(token(sentence, trigger), through)


def token(sentence: str, text: str) -> Token:
    """The first token of the parsed sentence written `text`."""
    return next(t for t in load_nlp()(sentence) if t.text == text)


def test_a_plain_report_has_no_flags() -> None:
    found = flags_of("China criticized Russia over the ban.", "criticized")
    assert not (found.negated or found.hypothetical or found.future or found.historical)
    assert not found.hearsay and found.speakers == []
    assert found.past


def test_negation_by_particle_and_by_a_governing_verb() -> None:
    assert flags_of("Beijing did not condemn the attack.", "condemn").negated
    failed = flags_of("Russia and Ukraine failed to reach an agreement.", "reach")
    assert failed.negated and failed.refused
    assert not flags_of("Beijing condemned the attack.", "condemned").negated


def test_a_noun_trigger_takes_the_negation_of_its_own_phrase_only_when_told() -> None:
    assert flags_of("There were no talks between the two sides.", "talks").negated
    condemned = flags_of("Moscow did not condemn the attack on Kyiv.", "attack", through=False)
    assert not condemned.negated


def test_modals_and_conditions_make_hypotheticals() -> None:
    assert flags_of("Any backing from Beijing would damage ties.", "damage").hypothetical
    assert flags_of("China could attack the island.", "attack").hypothetical
    assert flags_of("If Russia invades, the West will respond.", "invades").hypothetical
    assert flags_of("Japan wants to buy more gas.", "buy").hypothetical


def test_obligation_is_recorded_for_the_coder_to_read_as_a_demand() -> None:
    found = flags_of("Russia says Israel must end attacks on Syria.", "end")
    assert found.obliged and found.hypothetical
    assert [t.text for t in found.speakers] == ["Russia"]


def test_future_by_auxiliary_and_by_governing_verb() -> None:
    assert flags_of("Putin will visit Beijing in May.", "visit").future
    assert flags_of("The drills are expected to last a week.", "last").future
    assert flags_of("Moscow plans to hold talks with Beijing.", "hold").future
    assert not flags_of("Putin will visit Beijing in May.", "visit").past


def test_would_after_a_past_verb_of_speech_is_a_shifted_will() -> None:
    found = flags_of("Xi told Putin that China would support Russia.", "support")
    assert found.future and not found.hypothetical


def test_background_is_historical() -> None:
    once = "Once bitter enemies, Beijing and Moscow have stepped up cooperation in recent years."
    assert flags_of(once, "stepped").historical
    assert flags_of("Prior to the invasion, Putin met Xi in Beijing.", "met").historical
    assert not flags_of("Putin met Xi in Beijing on Thursday.", "met").historical


def test_reported_speech_names_its_speaker() -> None:
    said = flags_of("Kyiv said that Russia attacked the port.", "attacked")
    assert [t.text for t in said.speakers] == ["Kyiv"]
    according = flags_of("According to the Kremlin, the drills began.", "began")
    assert [t.text for t in according.speakers] == ["Kremlin"]
    assert flags_of("Russia allegedly denied the blogger entry.", "denied").hearsay


def test_cue_lists_load_from_the_data_file() -> None:
    words = cues()
    assert "would" in words.modals and "will" in words.future_aux
    assert "prior to" in words.past_phrases and "according to" in words.attribution


def test_a_verb_that_alleges_is_told_from_plain_speech() -> None:
    alleged = flags_of("Turkey claimed that Syria had shelled the towns.", "shelled")
    assert alleged.alleged and [t.text for t in alleged.speakers] == ["Turkey"]
    said = flags_of("Turkey said that Syria had shelled the towns.", "shelled")
    assert not said.alleged and [t.text for t in said.speakers] == ["Turkey"]


def test_what_is_asked_for_or_allowed_is_not_done() -> None:
    pressed = flags_of("Kazakhstan faces pressure from Moscow to expel the envoy.", "expel")
    assert pressed.hypothetical
    assert flags_of("Mongolia was pressed by Beijing to close the border.", "close").hypothetical
    granted = flags_of("Chile gave permission to Peru to inspect the ships.", "inspect")
    assert granted.hypothetical
    purpose = flags_of("The minister flew to Hanoi to sign the accord.", "sign")
    assert not purpose.hypothetical
    phoned = flags_of("The premier called Thai leaders to congratulate him.", "congratulate")
    assert not phoned.hypothetical


def test_a_run_on_sentence_reads_a_bounded_chain_of_governors() -> None:
    clauses = ", and ".join(f"{'China' if i % 2 else 'Russia'} met Kenya" for i in range(80))
    doc = load_nlp()(f"Officials said that {clauses}.")
    verbs = [t for t in doc if t.text == "met"]
    chains = [len(_chain(verb)) for verb in verbs]
    assert max(chains) == _CHAIN_LIMIT
    assert min(chains) < _CHAIN_LIMIT
    nearest = read(verbs[1])
    assert not (nearest.negated or nearest.hypothetical)
