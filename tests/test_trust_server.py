"""The server under attack: injection in every filter, page limits, CORS, headers, escaping,
hashed tokens compared in constant time, and a read-only mode."""

from __future__ import annotations

import hmac
import inspect
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from fixtures.desk.store import DeskStore, build

from detente.api import auth, create_app
from detente.api.auth import token_hash
from detente.api.security import HEADERS
from detente.store.schema import TABLES

TOKEN = "trust-token-0123456789"
INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE articles; --",
    '" OR 1=1 --',
    "') UNION SELECT sql, sql, sql, sql, sql, sql, sql FROM sqlite_master --",
    "%",
    "_",
    "\\",
    "%' AND 1=1 --",
    "CHN-RUS' --",
    "0x27",
    "\x00",
    "é' OR 'x'='x",
]
LIST_ENDPOINTS = [
    "/api/articles",
    "/api/events",
    "/api/quotes",
    "/api/claims",
    "/api/stories",
    "/api/actors",
    "/api/dyads",
    "/timeline",
    "/quotes",
    "/claims",
]
FILTERS = [
    "dyad",
    "date_from",
    "date_to",
    "plover",
    "cameo",
    "outlet",
    "speaker",
    "include_flagged",
]
LEAKS = ("sqlite_master", "CREATE TABLE", "Traceback", "OperationalError", "syntax error")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskStore]:
    built = build(tmp_path_factory.mktemp("trust"))
    yield built
    built.store.close()


@pytest.fixture(scope="module")
def client(desk: DeskStore) -> Iterator[TestClient]:
    app = create_app(desk.url, token_hash=token_hash(TOKEN))
    with TestClient(app, raise_server_exceptions=False) as opened:
        yield opened


def row_counts(desk: DeskStore) -> dict[str, int]:
    """Rows in every table of the store."""
    return {name: desk.store.count(name) for name in TABLES}


def leaked(body: str, attack: str) -> list[str]:
    """Signs of the database's insides in a response that the attack itself did not contain."""
    return [leak for leak in LEAKS if leak in body and leak not in attack]


def assert_safe(status: int, body: str, attack: str) -> None:
    """A 200 or a 422 (400 for a NUL), and nothing of the database's insides in the body."""
    assert status in ((400,) if "\x00" in attack else (200, 422)), (attack, status, body[:300])
    assert not leaked(body, attack), (attack, body[:300])


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
def test_every_filter_with_injection_strings(
    client: TestClient, desk: DeskStore, endpoint: str
) -> None:
    before = row_counts(desk)
    for name in FILTERS:
        benign = answer(client, endpoint, {name: "nothing-matches-this"})
        for attack in INJECTIONS:
            response = client.get(endpoint, params={name: attack})
            if "\x00" in attack:  # SQLite would cut the string there: refused up front
                assert response.status_code == 400 and "NUL" in response.text
                continue
            assert_safe(response.status_code, response.text, attack)
            # An attack string is just another value that matches nothing.
            assert answer(client, endpoint, {name: attack}) == benign, (endpoint, name, attack)
    assert row_counts(desk) == before


def answer(client: TestClient, endpoint: str, params: dict[str, str]) -> tuple[int, int | None]:
    """The status of a list request and, for the JSON API, how many rows it matched."""
    response = client.get(endpoint, params=params)
    total = response.json().get("total") if endpoint.startswith("/api/") else None
    return response.status_code, total if response.status_code == 200 else None


def test_wildcards_in_text_filters_match_only_themselves(client: TestClient) -> None:
    assert client.get("/api/quotes").json()["total"] > 0
    for wildcard in ("%", "_", "%%"):
        assert client.get("/api/quotes", params={"speaker": wildcard}).json()["total"] == 0
        assert client.get("/api/events", params={"cameo": wildcard}).status_code == 422


@pytest.mark.parametrize(
    "url",
    [
        "/api/search",
        "/search",
    ],
)
def test_search_with_injection_and_fts_operators(
    client: TestClient, desk: DeskStore, url: str
) -> None:
    before = row_counts(desk)
    attacks = [
        *INJECTIONS,
        'blogger" OR "x',
        "NEAR(a b)",
        "a* OR b*",
        "text:x",
        "-x",
        "^x",
        "x" * 500,
    ]
    for attack in attacks:
        response = client.get(url, params={"q": attack})
        assert_safe(response.status_code, response.text, attack)
    assert client.get(url, params={"q": "x" * 501}).status_code == 422
    assert row_counts(desk) == before


def test_path_ids_and_index_parameters_with_injection(client: TestClient, desk: DeskStore) -> None:
    before = row_counts(desk)
    for attack in INJECTIONS:
        for base in ("/api/articles/", "/api/events/", "/api/stories/", "/articles/", "/events/"):
            response = client.get(base + quote(attack, safe=""))
            assert response.status_code in (400, 404, 422), (base, attack, response.status_code)
            assert not leaked(response.text, attack)
        for name in ("dyad", "freq", "direction", "date_from"):
            params = {"dyad": "CHN-RUS", name: attack}
            response = client.get("/api/index", params=params)
            assert_safe(response.status_code, response.text, attack)
        response = client.get("/dyad/" + quote(attack, safe=""))
        assert response.status_code in (400, 404, 422), attack
    assert row_counts(desk) == before


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"limit": 500}, 200),
        ({"limit": 501}, 422),
        ({"limit": 0}, 422),
        ({"limit": -1}, 422),
        ({"limit": "99999999999999999999999"}, 422),
        ({"limit": "1e3"}, 422),
        ({"offset": -1}, 422),
        ({"offset": "99999999999999999999999"}, 422),
        ({"offset": 10**9}, 200),
    ],
)
def test_page_size_limits(client: TestClient, params: dict[str, object], status: int) -> None:
    for endpoint, extra in (
        ("/api/articles", {}),
        ("/api/events", {}),
        ("/api/search", {"q": "x"}),
    ):
        response = client.get(endpoint, params={**extra, **params})
        assert response.status_code == status, (endpoint, params, response.text[:200])
        if status == 200:
            assert len(response.json()["items"]) <= 500


def test_cors_is_off_by_default(client: TestClient) -> None:
    origin = {"Origin": "https://evil.example"}
    preflight = client.options(
        "/api/ingest",
        headers={**origin, "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code in (405, 404)
    for response in (
        preflight,
        client.get("/api/articles", headers=origin),
        client.post("/api/ingest", headers=origin, content=b"x"),
    ):
        assert not [name for name in response.headers if name.startswith("access-control-")]


def test_security_headers_on_every_kind_of_answer(client: TestClient) -> None:
    answers = [
        client.get("/api/articles"),
        client.get("/api/articles/nope"),
        client.get("/api/articles?limit=0"),
        client.delete("/api/articles"),
        client.post("/api/ingest", content=b"x"),
        client.get("/timeline"),
        client.get("/openapi.json"),
        client.get("/no/such/page"),
        client.get("/api/quotes?speaker=%00"),
    ]
    for response in answers:
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, (response.url, name)
    statuses = [response.status_code for response in answers]
    assert statuses == [200, 404, 422, 405, 401, 200, 200, 404, 400]


def test_an_ingested_script_tag_shows_as_text(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'a.db'}", token_hash=token_hash(TOKEN))
    client = TestClient(app)
    story = (
        "Ministers met in Moscow\n\n"
        "Russian and Chinese ministers met in Moscow on Tuesday. "
        "<script>alert('pwned')</script> <img src=x onerror=alert(2)> was posted below it.\n"
    )
    auth_header = {"Authorization": f"Bearer {TOKEN}"}
    done = client.post("/api/ingest?name=story.txt", content=story.encode(), headers=auth_header)
    assert done.json()["articles"] == 1, done.text
    (item,) = client.get("/api/articles").json()["items"]
    api = client.get(f"/api/articles/{item['id']}")
    assert api.headers["content-type"] == "application/json"
    assert "<script>alert('pwned')</script>" in api.json()["text"]
    page = client.get(f"/articles/{item['id']}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    search = client.get("/search", params={"q": "pwned"}).text
    assert "<script>alert" not in search and "&lt;script&gt;" in search


def test_tokens_are_kept_hashed_and_compared_in_constant_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "hmac.compare_digest(" in inspect.getsource(auth.require_writer)
    app = create_app(f"sqlite:///{tmp_path / 'a.db'}", token_hash=token_hash(TOKEN))
    assert TOKEN not in repr(vars(app.state))
    assert app.state.token_hash == token_hash(TOKEN)
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def recording(given: bytes, expected: bytes) -> bool:
        compared.append((given, expected))
        return real(given, expected)

    monkeypatch.setattr(auth.hmac, "compare_digest", recording)
    client = TestClient(app)
    wrong = [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Bearer {TOKEN.upper()}"},
        {"Authorization": f"Token {TOKEN}"},
        {"Authorization": f"Bearer {token_hash(TOKEN)}"},  # the hash itself is no password
    ]
    for headers in wrong:
        response = client.post("/api/ingest?name=a.txt", content=b"Talks went on.", headers=headers)
        assert response.status_code == 401, headers
        assert TOKEN not in response.text and token_hash(TOKEN) not in response.text
    assert len(compared) == len(wrong)
    assert all(
        len(given) in (0, 64) and expected == token_hash(TOKEN).encode()
        for given, expected in compared
    )
    right = client.post(
        "/api/ingest?name=a.txt",
        content=b"Ministers met in Moscow on Tuesday to talk about trade.",
        headers={"Authorization": f"bearer  {TOKEN} "},
    )
    assert right.status_code == 200 and right.json()["articles"] == 1


def test_read_only_mode_refuses_every_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(auth.TOKEN_HASH_ENV, raising=False)
    app = create_app(f"sqlite:///{tmp_path / 'a.db'}")
    client = TestClient(app)
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        refused = client.post("/api/ingest?name=a.txt", content=b"Talks.", headers=headers)
        assert refused.status_code == 403 and "writes are disabled" in refused.text
        by_url = client.post("/api/ingest", params={"url": "https://example.org/"}, headers=headers)
        assert by_url.status_code == 403
    for method in ("put", "patch", "delete"):
        for url in ("/api/ingest", "/api/articles", "/api/events", "/timeline"):
            assert getattr(client, method)(url).status_code == 405, (method, url)
    assert client.get("/api/articles").status_code == 200
    assert app.state.store.count("articles") == 0
