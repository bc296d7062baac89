"""The Dask engine on a 2-worker local cluster finds what the local engine finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES
from sqlalchemy import select

from detente.analysis import Analyser
from detente.engines.dask import DaskEngine
from detente.engines.local import LocalEngine
from detente.process import run
from detente.store.articles import Store
from detente.store.schema import articles, events

pytest.importorskip("dask.distributed")
INPUTS = [str(FIXTURES / "engines")]


def _coded(db: Path, engine: LocalEngine | DaskEngine) -> tuple[set[str], set[tuple[object, ...]]]:
    """Article ids and events (article, offsets, CAMEO, actors) after a run with `engine`."""
    store = Store.open(str(db))
    try:
        summary = run(INPUTS, store, engine=engine)
        assert summary.coded == summary.ingest.articles
        with store.engine.connect() as conn:
            ids = set(conn.execute(select(articles.c.id)).scalars())
            rows = conn.execute(
                select(events.c.article_id, events.c.start, events.c.end, events.c.cameo)
            ).all()
    finally:
        store.close()
        engine.close()
    return ids, {tuple(row) for row in rows}


def test_dask_cluster_codes_like_the_local_engine(tmp_path: Path) -> None:
    analyser = Analyser()
    local_ids, local_events = _coded(tmp_path / "local.db", LocalEngine(analyser))
    dask = DaskEngine(analyser, workers=2, processes=True)
    assert len(dask.client.nthreads()) == 2
    dask_ids, dask_events = _coded(tmp_path / "dask.db", dask)
    assert len(local_ids) == 2
    assert dask_ids == local_ids
    assert local_events
    assert dask_events == local_events


def test_unreachable_scheduler_is_named() -> None:
    with pytest.raises(RuntimeError, match=re.escape("tcp://127.0.0.1:9")):
        DaskEngine(None, scheduler="tcp://127.0.0.1:9")
