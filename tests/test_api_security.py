"""Security headers on every response, no CORS, and the request body cap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from detente.api import create_app
from detente.api.auth import token_hash


def test_headers_on_pages_api_and_errors(tmp_path: Path) -> None:
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'a.db'}"))
    for url in ("/", "/api/events", "/api/events/nope", "/static/style.css"):
        response = client.get(url, headers={"Origin": "https://elsewhere.example"})
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in response.headers


def test_bodies_over_the_cap_get_413(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'a.db'}", token_hash=token_hash("t"), max_body=100)
    client = TestClient(app)
    auth = {"Authorization": "Bearer t"}
    declared = client.post("/api/ingest?name=a.txt", content=b"x" * 101, headers=auth)
    assert declared.status_code == 413 and "100 bytes" in declared.text

    def chunks() -> Iterator[bytes]:
        yield b"x" * 60
        yield b"x" * 60

    streamed = client.post("/api/ingest?name=a.txt", content=chunks(), headers=auth)
    assert streamed.status_code == 413
    assert app.state.store.count("articles") == 0
