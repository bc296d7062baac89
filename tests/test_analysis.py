"""The analysis stage: the parse shortcut finds what the full parse finds on whole articles."""

from __future__ import annotations

from conftest import FIXTURES

from detente.analysis import Analyser
from detente.articles.model import Article


def _articles() -> list[Article]:
    """The engine fixtures as articles."""
    paths = sorted((FIXTURES / "engines").glob("*.txt"))
    return [Article(id=path.stem, source=str(path), text=path.read_text()) for path in paths]


def test_shortcut_loses_no_event_quote_or_claim_on_the_fixtures() -> None:
    full = list(Analyser(shortcut=False).analyse_many(_articles()))
    short = list(Analyser(shortcut=True).analyse_many(_articles()))
    for one, other in zip(full, short, strict=True):
        assert [(e.start, e.cameo, e.actors) for e in one.events] == [
            (e.start, e.cameo, e.actors) for e in other.events
        ]
        assert [q.start for q, _ in one.quotes] == [q.start for q, _ in other.quotes]
        assert [c.value for c in one.claims] == [c.value for c in other.claims]
    assert sum(len(c.events) for c in short) >= 2
