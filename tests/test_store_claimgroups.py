"""Stored claims grouped across articles through the real pipeline, and the endpoint and page
that show them: a running count of Xi–Putin meetings that falls, and two 2023 trade totals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.analysis import Analyser
from detente.api import create_app
from detente.index.dyads import Dyad
from detente.process import run
from detente.store.articles import Store
from detente.store.claimgroups import claim_groups

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "claimgroups" / "articles.jsonl"


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """One analyser (spaCy loaded once) for the module."""
    return Analyser()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, analyser: Analyser) -> Iterator[str]:
    """The URL of a SQLite store holding the fixture articles, ingested and coded."""
    url = f"sqlite:///{tmp_path_factory.mktemp('claimgroups') / 'store.db'}"
    with Store.open(url) as store:
        run([str(ARTICLES)], store, analyser=analyser)
    yield url


@pytest.fixture(scope="module")
def client(built: str) -> Iterator[TestClient]:
    with TestClient(create_app(built, token_hash="")) as opened:
        yield opened


def by_measure(groups: list[dict], measure: str, period: str | None) -> dict:
    """The one group of a measure and period."""
    [group] = [g for g in groups if g["measure"] == measure and g["period"] == period]
    return group


def test_groups_flag_who_said_what(store: Store, analyser: Analyser) -> None:
    run([str(ARTICLES)], store, analyser=analyser)
    with store.engine.connect() as conn:
        groups = claim_groups(conn)
    meetings = by_measure(groups, "times", None)
    assert meetings["running"] and meetings["disagree"]
    assert meetings["participants"] == ["vladimir_putin", "xi_jinping"]
    assert [c["value"] for c in meetings["claims"]] == [40, 38, 42, 43]
    assert [str(c["as_of"]) for c in meetings["claims"]][2:] == ["2024-03-20", "2024-05-14"]
    [fall] = meetings["conflicts"]
    assert fall["reason"] == "the running count falls"
    assert "Lantern Post" in fall["said"] and "more than forty times" in fall["said"]
    assert "Steppe Daily" in fall["said"] and "thirty-eight times" in fall["said"]
    trade = by_measure(groups, "trade", "2023")
    assert trade["disagree"] and trade["countries"] == ["CHN", "RUS"]
    said = {c["outlet"]: c for c in trade["claims"]}
    assert said["Harbor Wire"]["value"] == 240e9 and said["Harbor Wire"]["credited"]
    assert "customs" in said["Harbor Wire"]["credited"].lower()
    assert said["Steppe Daily"]["value"] == 218e9
    assert said["Steppe Daily"]["speaker"] == "Sergey Lavrov"
    assert "$218 billion" in said["Steppe Daily"]["quote"]["text"]
    assert not by_measure(groups, "trade", "2022")["disagree"]
    assert groups[0]["disagree"] and groups[1]["disagree"]


def test_filters(built: str) -> None:
    with Store.open(built) as store, store.engine.connect() as conn:
        assert {g["measure"] for g in claim_groups(conn, subject="TRADE")} == {"trade"}
        disputed = claim_groups(conn, disagree_only=True)
        assert len(disputed) == 2 and all(g["disagree"] for g in disputed)
        assert claim_groups(conn, dyad=Dyad("CHN", "USA")) == []
        assert len(claim_groups(conn, dyad=Dyad("RUS", "CHN"))) >= 3


def test_endpoint_pages_and_filters(client: TestClient) -> None:
    response = client.get("/api/claims/groups?disagree=true&subject=trade&dyad=CHN-RUS")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == 1 and body["items"][0]["period"] == "2023"
    paged = client.get("/api/claims/groups?limit=1&offset=1").json()
    assert paged["total"] >= 3 and len(paged["items"]) == 1
    bad = client.get("/api/claims/groups?dyad=CHINA")
    assert bad.status_code == 422 and "CHINA" in bad.json()["detail"]


def test_dashboard_page_marks_disagreements(client: TestClient) -> None:
    html = client.get("/claims?disagree=true").text
    assert html.count("sources disagree") == 2 and "the running count falls" in html
    assert "thirty-eight times" in html and "said by Sergey Lavrov" in html
    assert "sources disagree" not in client.get("/claims?subject=nothing-like-this").text


def test_the_crediting_source_does_not_set_the_figures_countries(
    tmp_path: Path, analyser: Analyser
) -> None:
    lines = [
        {
            "url": "https://wire.example/trade",
            "outlet": "Harbor Wire",
            "date": "2024-01-15",
            "title": "Trade record",
            "text": "Bilateral trade hit US$240 billion last year, the Chinese customs agency "
            "said on Friday.",
        },
        {
            "url": "https://courier.example/trade",
            "outlet": "Ural Courier",
            "date": "2024-01-16",
            "title": "Trade record",
            "text": "Russian officials said on Tuesday that bilateral trade reached $230 "
            "billion last year.",
        },
    ]
    source = tmp_path / "trade.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    with Store.open(str(tmp_path / "store.db")) as store:
        run([str(source)], store, analyser=analyser)
        with store.engine.connect() as conn:
            [group] = claim_groups(conn)
    assert group["measure"] == "trade" and group["period"] == "2023"
    assert group["disagree"]
    credited = {c["outlet"]: c["credited"] for c in group["claims"]}
    assert "Chinese customs" in credited["Harbor Wire"]
    assert credited["Ural Courier"] == "Russian officials"
