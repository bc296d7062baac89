"""POST /api/ingest: disabled without a token hash, 401 without the token, stores and codes
uploads."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from detente.api import create_app
from detente.api.auth import token_hash
from detente.api.ingest import safe_name

TOKEN = "desk-token"
STORY = b"Moscow, May 2. Russian and Chinese diplomats met in Moscow on Tuesday to talk trade.\n"


def test_writes_are_disabled_without_a_configured_hash(tmp_path: Path) -> None:
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'a.db'}", token_hash=""))
    response = client.post("/api/ingest?name=a.txt", content=STORY)
    assert response.status_code == 403 and "DETENTE_TOKEN_HASH" in response.text


def test_upload_needs_the_token_and_is_stored_once(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'a.db'}", token_hash=token_hash(TOKEN))
    client = TestClient(app)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        response = client.post("/api/ingest?name=a.txt", content=STORY, headers=headers)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/ingest?name=../../etc/a.txt", content=STORY, headers=auth).json()
    assert (first["articles"], first["coded"], first["errors"]) == (1, 1, [])
    assert first["stories_opened"] == 1
    again = client.post("/api/ingest?name=a.txt", content=STORY, headers=auth).json()
    assert (again["articles"], again["duplicates"], again["coded"]) == (0, 1, 0)
    stored = client.get("/api/articles").json()["items"]
    assert len(stored) == 1
    assert app.state.store.count("articles") == 1
    assert client.post("/api/ingest", content=b"", headers=auth).status_code == 422


def test_url_ingest_refuses_private_addresses_and_other_schemes(tmp_path: Path) -> None:
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'a.db'}", token_hash=token_hash(TOKEN)))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    local = client.post("/api/ingest", params={"url": "http://127.0.0.1:9/x"}, headers=auth)
    assert local.status_code == 200
    assert local.json()["articles"] == 0 and "127.0.0.1" in local.json()["errors"][0]
    other = client.post("/api/ingest", params={"url": "file:///etc/passwd"}, headers=auth)
    assert other.status_code == 422


def test_safe_name_keeps_only_the_base_name() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("my page (1).html") == "my_page_1_.html"
    assert safe_name("..") == "upload.txt"


def test_an_upload_is_coded_unless_told_not_to(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'a.db'}", token_hash=token_hash(TOKEN))
    client = TestClient(app)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    stored = client.post("/api/ingest?name=a.txt&code=false", content=STORY, headers=auth).json()
    assert (stored["articles"], stored["coded"]) == (1, 0)
    assert app.state.store.count("events") == 0
    other = b"Paris, May 3. French and German ministers met in Berlin on Wednesday.\n"
    coded = client.post("/api/ingest?name=b.txt", content=other, headers=auth).json()
    assert coded["coded"] == 2  # the new article and the one stored uncoded before
    assert app.state.store.count("events") >= 2
