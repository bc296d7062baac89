"""Bylines: authors and outlets."""

from __future__ import annotations

import pytest

from detente.articles.bylines import Byline, parse_byline, person_name


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("By John Feng, Newsweek", ("John Feng",), "Newsweek"),
        (
            "By Lindsay Maizland, Council on Foreign Relations",
            ("Lindsay Maizland",),
            "Council on Foreign Relations",
        ),
        ("By Clara Fong and Lindsay Maizland", ("Clara Fong", "Lindsay Maizland"), None),
        ("By AP News", (), "AP"),
        ("BY JOHN FENG", ("John Feng",), None),
        ("By Jane Doe in Moscow and Ivan Petrov in Kyiv", ("Jane Doe", "Ivan Petrov"), None),
        ("By Jane Doe, Staff Writer", ("Jane Doe",), None),
        ("By Jane Doe, Harbour Ledger", ("Jane Doe",), "Harbour Ledger"),
        ("By Jonas Petraitis, LRT", ("Jonas Petraitis",), "LRT"),
        ("By Nino Beridze, Civil Georgia", ("Nino Beridze",), "Civil Georgia"),
        (
            "By Ann Lee, John Roe and Max Moe, Reuters",
            ("Ann Lee", "John Roe", "Max Moe"),
            "Reuters",
        ),
        ("By Ann Lee, John Roe and Max Moe", ("Ann Lee", "John Roe", "Max Moe"), None),
        ("Written by: Charles de Gaulle", ("Charles de Gaulle",), None),
        ("James Griffiths, Asia correspondent", ("James Griffiths",), None),
        (
            "David Morris, senior fellow at the Centre for China and Globalisation, and a research "
            "fellow at the Corvinus University of Budapest.",
            ("David Morris",),
            None,
        ),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...], outlet: str | None) -> None:
    assert parse_byline(line) == Byline(authors, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "Written by",
        "By Monday, talks had stalled.",
        "by Merrill Lynch Capital Markets and Salomon Brothers",
        "Merle Kilgore, co-writer of the hit Ring of Fire, has died aged 70.",
        "Taha Idris, director of the council, said his group contacted police.",
        "International Minerals and Chemical Corp said it bought a unit, a producer of drugs.",
        "China and Russia: Exploring Ties Between Two Authoritarian Powers",
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_person_names() -> None:
    assert person_name("Mary Ilyushina") == "Mary Ilyushina"
    assert person_name("Jean-Luc O'Brien") == "Jean-Luc O'Brien"
    assert person_name("The Numbers") is None
    assert person_name("Putin") is None
    assert person_name("AP News") is None
    assert person_name("John 3rd") is None
