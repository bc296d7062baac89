"""Tests for detente.sources.web: refusals of private addresses and the download rules.

No test touches the network: addresses are IP literals (or localhost, from /etc/hosts) and
responses come from httpx.MockTransport.
"""

from __future__ import annotations

import httpx
import pytest

from detente.sources.base import ReadError, ReadOptions
from detente.sources.web import Fetched, address_kind, fetch, is_url, refusal

PUBLIC = "http://93.184.216.34"
"""A public IP literal: resolving it needs no DNS."""


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),
        ("100.64.0.1", "non-public"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_kind(address: str, kind: str | None) -> None:
    assert address_kind(address) == kind


def test_refusals() -> None:
    assert "loopback" in (refusal("http://127.0.0.1:8080/admin") or "")
    assert "private" in (refusal("https://10.0.0.5/") or "")
    assert "link-local" in (refusal("http://169.254.169.254/latest/meta-data/") or "")
    assert "loopback" in (refusal("http://localhost/") or "")
    assert "only http and https" in (refusal("ftp://93.184.216.34/file") or "")
    assert "no host" in (refusal("http:///path") or "")
    assert refusal(PUBLIC + "/news") is None
    assert refusal("http://127.0.0.1/", allow_private=True) is None


def test_is_url() -> None:
    assert is_url("HTTPS://example.org/a")
    assert not is_url("http_notes.txt")
    assert not is_url("/data/file.html")


def serve(routes: dict[str, httpx.Response]) -> httpx.MockTransport:
    """A transport answering each path from `routes`, 404 otherwise."""
    return httpx.MockTransport(lambda request: routes.get(request.url.path, httpx.Response(404)))


def test_fetch_body_type_charset_and_final_url() -> None:
    transport = serve(
        {
            "/old": httpx.Response(301, headers={"location": "/story"}),
            "/story": httpx.Response(
                200, content=b"<p>hi</p>", headers={"content-type": "text/html; charset=koi8-r"}
            ),
        }
    )
    result = fetch(PUBLIC + "/old", ReadOptions(), transport)
    assert result == Fetched(PUBLIC + "/story", "text/html", "koi8-r", b"<p>hi</p>")


def test_redirect_to_a_private_address_is_refused() -> None:
    transport = serve({"/go": httpx.Response(302, headers={"location": "http://127.0.0.1/admin"})})
    result = fetch(PUBLIC + "/go", ReadOptions(), transport)
    assert isinstance(result, ReadError)
    assert result.source == PUBLIC + "/go"
    assert "redirect to http://127.0.0.1/admin" in result.reason
    assert "loopback" in result.reason


def test_redirect_loop_gives_up() -> None:
    transport = serve({"/loop": httpx.Response(302, headers={"location": "/loop"})})
    result = fetch(PUBLIC + "/loop", ReadOptions(), transport)
    assert isinstance(result, ReadError)
    assert "redirects" in result.reason


def test_http_errors_and_transport_failures() -> None:
    missing = fetch(PUBLIC + "/nothing", ReadOptions(), serve({}))
    assert isinstance(missing, ReadError)
    assert "HTTP 404" in missing.reason

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    failed = fetch(PUBLIC + "/", ReadOptions(), httpx.MockTransport(refuse))
    assert isinstance(failed, ReadError)
    assert "ConnectError" in failed.reason


def test_size_cap_by_header_and_by_stream() -> None:
    options = ReadOptions(max_bytes=1000)
    declared = serve({"/big": httpx.Response(200, headers={"content-length": "5000"}, content=b"")})
    result = fetch(PUBLIC + "/big", options, declared)
    assert isinstance(result, ReadError)
    assert "5000 bytes" in result.reason

    def chunks() -> object:
        for _ in range(100):
            yield b"x" * 100

    streamed = serve({"/stream": httpx.Response(200, content=chunks())})
    result = fetch(PUBLIC + "/stream", options, streamed)
    assert isinstance(result, ReadError)
    assert "too large" in result.reason


def test_private_hosts_allowed_when_asked() -> None:
    transport = serve({"/": httpx.Response(200, content=b"intranet")})
    result = fetch("http://127.0.0.1/", ReadOptions(allow_private=True), transport)
    assert isinstance(result, Fetched)
    assert result.body == b"intranet"
