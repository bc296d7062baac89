"""The analysis stage: the parse shortcut against the full parse; failures that stop nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from spacy.tokens import Doc

from detente.analysis import Analyser, Failure, code_store
from detente.articles.model import Article
from detente.store.articles import Store
from detente.store.coded import uncoded_ids


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


def test_a_failing_article_is_reported_and_the_rest_are_coded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyser = Analyser()
    code = analyser.coder.code

    def fragile(doc: Doc, *args: object) -> list[object]:
        if "Japan" in doc.text:
            raise IndexError("list index out of range")
        return code(doc, *args)

    monkeypatch.setattr(analyser.coder, "code", fragile)
    store = Store.open(str(tmp_path / "coded.db"))
    store.add_articles(_articles())
    failed: list[Failure] = []
    assert code_store(store, analyser, on_failure=failed.append) == 1
    assert failed == [Failure("protest", "IndexError: list index out of range")]
    assert uncoded_ids(store.engine) == ["protest"]
    store.close()
