"""The local engine: one process or a pool, the same coded records either way."""

from __future__ import annotations

import sys
import threading

import pytest
from conftest import FIXTURES

from detente.analysis import Analyser
from detente.articles.model import Article
from detente.engines.local import LocalEngine, _start_method


def _batches() -> list[list[Article]]:
    """The two fixture articles, one batch each."""
    texts = sorted((FIXTURES / "engines").glob("*.txt"))
    return [[Article(id=path.stem, source=str(path), text=path.read_text())] for path in texts]


def test_pool_codes_like_one_process() -> None:
    analyser = Analyser()
    alone = list(LocalEngine(analyser).analyse(_batches()))
    pooled = list(LocalEngine(analyser, processes=2).analyse(_batches()))
    assert [c.article_id for batch in pooled for c in batch] == ["protest", "talks"]
    for one, other in zip(alone, pooled, strict=True):
        assert [(e.start, e.cameo) for e in one[0].events] == [
            (e.start, e.cameo) for e in other[0].events
        ]
        assert len(one[0].claims) == len(other[0].claims)
    assert any(batch[0].events for batch in alone)


def test_processes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        LocalEngine(None, processes=0)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork only on Linux")
def test_workers_fork_only_from_a_single_thread() -> None:
    if threading.active_count() == 1:
        assert _start_method().get_start_method() == "fork"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert _start_method().get_start_method() == "spawn"
    finally:
        release.set()
        other.join()
