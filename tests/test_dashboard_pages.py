"""Dashboard pages render from the desk store, escape what articles contain, link onward."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from fixtures.desk.store import DeskStore, build

from detente.api import create_app


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskStore]:
    built = build(tmp_path_factory.mktemp("pages"))
    yield built
    built.store.close()


@pytest.fixture(scope="module")
def client(desk: DeskStore) -> Iterator[TestClient]:
    with TestClient(create_app(desk.url)) as opened:
        yield opened


def page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_home_links_each_dyad(client: TestClient) -> None:
    html = page(client, "/")
    assert 'href="/dyad/CHN-RUS"' in html and 'href="/dyad/RUS-USA"' in html


def test_dyad_page_draws_the_chart_and_links_spikes(client: TestClient, desk: DeskStore) -> None:
    html = page(client, "/dyad/CHN-RUS?freq=month")
    assert '<svg id="index-chart"' in html and 'class="line"' in html and 'class="band"' in html
    assert f'href="/events/{desk.events["dispute-1"]}"' in html  # the dip is a spike
    assert 'class="point spike"' in html
    assert client.get("/dyad/CHINA").status_code == 422
    assert "No events" in page(client, "/dyad/CHN-USA")


def test_script_in_an_article_shows_as_text(client: TestClient, desk: DeskStore) -> None:
    for url in (
        f"/articles/{desk.articles['dispute']}",
        f"/events/{desk.events['dispute-1']}",
        "/timeline",
        "/search?q=blogger",
        "/dyad/CHN-RUS",
    ):
        html = page(client, url)
        assert "<script>" not in html, url
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page(
        client, f"/articles/{desk.articles['dispute']}"
    )


def test_event_page_highlights_evidence_and_lists_other_reports(
    client: TestClient, desk: DeskStore
) -> None:
    html = page(client, f"/events/{desk.events['call-1']}")
    assert (
        '<mark id="evidence">Chinese leader Xi Jinping and Russian President Vladimir Putin'
        " spoke by phone on Tuesday.</mark>" in html
    )
    assert f'href="/events/{desk.events["call-2"]}"' in html
    assert "Story: Xi and Putin speak by phone" in html
    assert client.get("/events/nope").status_code == 404


def test_timeline_quotes_claims_and_search(client: TestClient) -> None:
    timeline = page(client, "/timeline")
    assert timeline.index("story-call") < timeline.index("story-drills")
    assert "We will deepen our ties," in timeline and "240 billion dollars" in timeline
    quotes = page(client, "/quotes?speaker=china")
    assert "China" in quotes and "one analyst" not in quotes
    claims = page(client, "/claims")
    assert "sources disagree" in claims and "240,000,000,000" in claims
    assert "1 result(s)" in page(client, "/search?q=blogger")
    assert "result(s)" not in page(client, "/search")
