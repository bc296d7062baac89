"""Hits laid on tokens: ambiguous names settled by the article, and people spaCy names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.actors import Dictionary, load
from detente.actors.gazetteer import Gazetteer
from detente.actors.units import NAME, Unit, lay
from detente.language import load_nlp


@pytest.fixture(scope="module")
def actors() -> Dictionary:
    """The packaged dictionary."""
    return load()


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The spaCy pipeline."""
    return load_nlp()


def units(nlp: Language, actors: Dictionary, text: str) -> list[tuple[str, str, str]]:
    """(text, kind, first target) of each unit."""
    doc = nlp(text)
    laid: list[Unit] = lay(doc, Gazetteer(actors).find(text), actors)
    return [(text[u.start : u.end], u.kind, u.entry.target if u.entries else "") for u in laid]


def test_an_ambiguous_country_needs_the_article_or_spacy_behind_it(
    nlp: Language, actors: Dictionary
) -> None:
    assert ("Georgia", "country", "GEO") in units(
        nlp, actors, "Georgia and Russia fought in 2008. Tbilisi lost control of two regions."
    )
    assert [
        u for u in units(nlp, actors, "Michael Jordan retired again.") if u[1] == "country"
    ] == []


def test_one_word_names_inside_longer_names_are_not_people(
    nlp: Language, actors: Dictionary
) -> None:
    found = units(nlp, actors, "The actor Dwayne Johnson spoke on Monday.")
    assert ("Dwayne Johnson", NAME, "") in found
    assert all(kind != "person" for _, kind, _ in found)


def test_a_shared_surname_takes_the_person_named_in_full_elsewhere(
    nlp: Language, actors: Dictionary
) -> None:
    found = units(nlp, actors, "Wang Yi arrived in Moscow. Wang then met Lavrov.")
    assert ("Wang", "person", "wang_yi") in found


def test_spacy_people_are_trimmed_of_titles_and_courtesy_words(
    nlp: Language, actors: Dictionary
) -> None:
    found = units(nlp, actors, "Mr. Ivo Petrak, the Czech envoy, met Ms Ada Lind in Oslo.")
    names = [text for text, kind, _ in found if kind == NAME]
    assert names == ["Ivo Petrak", "Ada Lind"]


def test_a_surname_spacy_missed_is_found_after_the_full_name(
    nlp: Language, actors: Dictionary
) -> None:
    text = (
        '"Nothing has changed," said Pavel Orlov, a senior lecturer in history at the '
        "University of New South Wales in Sydney. Orlov expects more visits."
    )
    names = [t for t, kind, _ in units(nlp, actors, text) if kind == NAME]
    assert names == ["Pavel Orlov", "Orlov"]


def test_a_name_ending_in_an_article_is_cut_before_it(nlp: Language, actors: Dictionary) -> None:
    text = (
        "The producer of the hit show Jerry Springer - The Opera is adapting a 1946 film. "
        "The Greatest Gift, a story by Philip van Doren Stern, inspired the film."
    )
    found = units(nlp, actors, text)
    assert all(not part.endswith("The") for part, kind, _ in found if kind == NAME)
    assert ("The", NAME, "") not in found
