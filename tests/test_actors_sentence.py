"""The helpers every sentence reader uses: phrase edges, phrase heads and owners."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from detente.actors import load
from detente.actors.build import Builder, Owner
from detente.actors.gazetteer import Gazetteer
from detente.actors.sentence import Sentence
from detente.actors.units import lay
from detente.actors.words import words
from detente.language import load_nlp


def sentence(text: str) -> Sentence:
    """The first sentence of a text, with its units, ready to read."""
    actors = load()
    doc: Doc = load_nlp()(text)
    units = lay(doc, Gazetteer(actors).find(text), actors)
    by_token = {index: unit for unit in units for index in range(unit.first, unit.last)}
    span = next(iter(doc.sents))
    mine = [unit for unit in units if unit.first < span.end]
    builder = Builder(actors, date(2022, 6, 15))
    return Sentence(doc, span, 0, mine, by_token, builder, words(), text)


def token(s: Sentence, text: str) -> int:
    """The index of the first token written `text`."""
    return next(t.i for t in s.span if t.text == text)


def test_a_phrase_edge_stops_at_a_dash_and_a_line_end() -> None:
    s = sentence("BEIJING AFP - Chinese President Xi Jinping spoke.")
    head = s.doc[token(s, "Jinping")]
    assert s.doc[s.edge(head, token(s, "Xi"))].text == "Chinese"


def test_before_a_name_and_another_name_end_the_phrase() -> None:
    s = sentence("China's Xi and Russia's Putin met in Astana.")
    putin = s.doc[token(s, "Putin")]
    assert s.doc[s.edge(putin, putin.i, person=True)].text == "Russia"


def test_the_phrase_head_of_a_modifier_is_its_noun() -> None:
    s = sentence("Israeli army bulldozers demolished the wall.")
    assert s.phrase_head(s.doc[token(s, "army")]).text == "bulldozers"


def test_owners_keep_the_unit_that_named_them_first() -> None:
    s = sentence("Hungarian and Romanian officials met Hungarian diplomats.")
    owned = s.owned(s.units)
    assert owned.owners == [Owner("HUN"), Owner("ROU")]
    assert [s.text(u.start, u.end) for u in owned.units] == ["Hungarian", "Romanian"]


def test_cues_are_collected_once() -> None:
    s = sentence("Both leaders said he would meet his counterpart.")
    assert [t.text for t in s.numbers] == ["Both"]
    assert [t.text for t in s.cues] == ["he", "his", "counterpart"]
