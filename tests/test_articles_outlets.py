"""Canonical outlet names and outlets by web host."""

from __future__ import annotations

import pytest

from detente.articles.outlets import known_outlet, outlet_from_url, outlet_name


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("AP News", "AP"),
        ("The Associated Press", "AP"),
        ("WaPo", "The Washington Post"),
        ("NYT", "The New York Times"),
        ("SCMP", "South China Morning Post"),
        ("ISW", "Institute for the Study of War"),
        ("GZERO media", "GZERO Media"),
        ("US Naval Institute", "USNI News"),
        ("Economist", "The Economist"),
        ("(Reuters)", "Reuters"),
        ("politico", "POLITICO"),
    ],
)
def test_known_outlets(written: str, canonical: str) -> None:
    assert known_outlet(written) == canonical


def test_unknown_outlet_keeps_its_name_tidied() -> None:
    assert known_outlet("Harbour Ledger") is None
    assert outlet_name("  Harbour   Ledger, ") == "Harbour Ledger"
    assert outlet_name("Economist") == "The Economist"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.newsweek.com/china-russia-1716060", "Newsweek"),
        ("https://www.straitstimes.com/world/europe/xi-tells-putin", "The Straits Times"),
        ("https://www.politico.eu/article/china-xi/", "POLITICO"),
        ("https://edition.cnn.com/2023/10/18/china/index.html", "CNN"),
        ("https://news.usni.org/2023/08/06/flotilla", "USNI News"),
        ("https://harbourledger.example/world", None),
        ("not a url", None),
        ("http://[::1", None),
    ],
)
def test_outlets_by_host(url: str, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet
