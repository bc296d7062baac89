"""Every read endpoint and filter of the API, against the desk fixture store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from fixtures.desk.store import DeskStore, build

from detente.api import create_app


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskStore]:
    built = build(tmp_path_factory.mktemp("api"))
    yield built
    built.store.close()


@pytest.fixture(scope="module")
def client(desk: DeskStore) -> Iterator[TestClient]:
    with TestClient(create_app(desk.url, token_hash="")) as opened:
        yield opened


def items(client: TestClient, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_articles_list_filters_and_pages(client: TestClient, desk: DeskStore) -> None:
    assert len(items(client, "/api/articles")) == 7
    assert {a["outlet"] for a in items(client, "/api/articles?outlet=Ledger")} == {"Ledger"}
    dated = items(client, "/api/articles?date_from=2024-02-01&date_to=2024-02-28")
    assert {a["id"] for a in dated} == {desk.articles["dispute"], desk.articles["weather"]}
    assert len(items(client, "/api/articles?dyad=USA-RUS")) == 1
    page = client.get("/api/articles?limit=2&offset=6").json()
    assert (page["total"], len(page["items"]), page["offset"]) == (7, 1, 6)
    assert "text" not in page["items"][0]


def test_article_detail_has_text_and_records(client: TestClient, desk: DeskStore) -> None:
    record = client.get(f"/api/articles/{desk.articles['call']}").json()
    assert record["text"].startswith("Beijing, Jan 3.")
    assert len(record["events"]) == 1 and len(record["quotes"]) == 1 and len(record["claims"]) == 1
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_events_filters(client: TestClient, desk: DeskStore) -> None:
    assert len(items(client, "/api/events")) == 7
    assert len(items(client, "/api/events?dyad=CHN-RUS")) == 6
    assert len(items(client, "/api/events?dyad=rus-chn&include_flagged=false")) == 5
    assert [e["plover"] for e in items(client, "/api/events?plover=accuse")] == ["ACCUSE"]
    assert {e["cameo"] for e in items(client, "/api/events?cameo=11")} == {"111", "112"}
    assert len(items(client, "/api/events?outlet=Harbor%20Wire")) == 4
    feb = items(client, "/api/events?date_from=2024-02-01&date_to=2024-02-29")
    assert {e["id"] for e in feb} == {desk.events["dispute-1"], desk.events["dispute-2"]}
    first = items(client, "/api/events?limit=1")[0]
    assert first["evidence"]["sentence"] and first["counted_on"] == "2024-01-02"


def test_event_detail_lists_other_reports_and_story(client: TestClient, desk: DeskStore) -> None:
    record = client.get(f"/api/events/{desk.events['call-1']}").json()
    assert [r["id"] for r in record["reports"]] == [desk.events["call-2"]]
    assert record["story"]["id"] == "story-call" and len(record["story"]["articles"]) == 2
    assert client.get("/api/events/nope").status_code == 404


def test_quotes_and_speaker_filter(client: TestClient) -> None:
    assert len(items(client, "/api/quotes")) == 2
    assert [q["speaker_text"] for q in items(client, "/api/quotes?speaker=china")] == ["Xi"]
    assert [q["cue"] for q in items(client, "/api/quotes?speaker=ANALYST")] == ["said"]
    assert items(client, "/api/quotes?speaker=%25") == []  # a LIKE wildcard is a plain character
    assert len(items(client, "/api/quotes?outlet=Lantern%20Post")) == 1


def test_claims_filters(client: TestClient) -> None:
    assert {c["value"] for c in items(client, "/api/claims")} == {240e9, 230e9}
    assert len(items(client, "/api/claims?date_from=2024-01-10")) == 1
    assert len(items(client, "/api/claims?dyad=USA-RUS")) == 0


def test_stories(client: TestClient) -> None:
    assert [s["id"] for s in items(client, "/api/stories")] == [
        "story-call",
        "story-drills",
        "story-dispute",
    ]
    assert [s["id"] for s in items(client, "/api/stories?date_from=2024-02-01")] == [
        "story-dispute"
    ]
    assert [s["id"] for s in items(client, "/api/stories?outlet=Steppe%20Daily")] == ["story-call"]
    assert len(items(client, "/api/stories?dyad=USA-RUS")) == 0
    assert client.get("/api/stories/story-call").json()["n_articles"] == 2
    assert client.get("/api/stories/nope").status_code == 404


def test_actors_and_dyads(client: TestClient) -> None:
    actors = {a["code"]: a for a in items(client, "/api/actors")}
    assert actors["RUS"]["mentions"] == 7 and actors["USA"]["articles"] == 1
    assert {a["code"] for a in items(client, "/api/actors?outlet=Ledger")} == set()
    dyads = items(client, "/api/dyads")
    assert dyads[0] == {"dyad": "CHN-RUS", "mentions": 6, "events": 5}
    assert items(client, "/api/dyads?include_flagged=false")[0]["events"] == 4


def test_index_endpoint(client: TestClient) -> None:
    series = client.get("/api/index?dyad=CHN-RUS&freq=month&direction=both").json()
    assert [p["n_events"] for p in series["points"]] == [3, 1]
    directed = client.get("/api/index?dyad=RUS-CHN&freq=week&direction=directed").json()
    assert sum(p["n_events"] for p in directed["points"]) == 2
    flagged = client.get("/api/index?dyad=CHN-RUS&include_flagged=true").json()
    assert flagged["points"][1]["n_events"] == 2


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/events?limit=501", "less than or equal to 500"),
        ("/api/events?limit=0", "greater than or equal to 1"),
        ("/api/events?offset=-1", "greater than or equal to 0"),
        ("/api/events?dyad=CHINA", "ISO-3"),
        ("/api/events?date_from=2024-13-01", "date"),
        ("/api/events?date_from=2024-03-01&date_to=2024-01-01", "is after"),
        ("/api/events?cameo=0%25", "digits"),
        ("/api/index?dyad=CHN-RUS&freq=year", "freq"),
        ("/api/index", "dyad"),
        ("/api/search?q=", "at least 1"),
    ],
)
def test_bad_parameters_get_clear_422s(client: TestClient, url: str, words: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert words in response.text


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
        "/api/quotes", "/api/claims", "/api/stories", "/api/actors", "/api/dyads", "/api/index",
        "/api/search", "/api/ingest",
    ):  # fmt: skip
        assert path in paths
    assert "/" not in paths  # dashboard pages stay out of the API schema
