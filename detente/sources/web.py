"""HTTP(S) downloads with a size cap, time limits and a refusal of private addresses (SSRF)."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from detente.sources.base import ReadError, ReadOptions

MAX_REDIRECTS = 10
"""Redirects followed before giving up (browsers allow about 20; news sites use 1-3)."""
USER_AGENT = "detente/0.1"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SCHEMES = frozenset({"http", "https"})


@dataclass(slots=True, frozen=True)
class _Redirect:
    """Where a response sent the request on to."""

    location: str


@dataclass(slots=True, frozen=True)
class Fetched:
    """A downloaded body with the final URL and what the server said it is."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


def is_url(source: str) -> bool:
    """Whether a source names an http:// or https:// URL rather than a file."""
    return source.lower().startswith(("http://", "https://"))


def refusal(url: str, allow_private: bool = False) -> str | None:
    """Why `url` must not be fetched (scheme, host, or an address that is not public), or None."""
    return checked(url, allow_private)[0]


def checked(url: str, allow_private: bool = False) -> tuple[str | None, str | None]:
    """(why `url` is refused, or None; the public address its host resolved to, when checked).

    The request then goes to that address, so a name that resolves to a public address for the
    check and to a private one for the connection (DNS rebinding) reaches nothing private.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        return f"refused: only http and https URLs are fetched, not {parts.scheme or 'none'}", None
    if not parts.hostname:
        return "refused: the URL names no host", None
    if allow_private:
        return None, None
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError, UnicodeError) as error:
        return f"cannot resolve host {parts.hostname!r}: {error}", None
    for info in infos:
        address = str(info[4][0])
        kind = address_kind(address)
        if kind is not None:
            return (
                f"refused: {parts.hostname} resolves to {address}, a {kind} address "
                "(set allow_private to fetch it)"
            ), None
    return None, str(infos[0][4][0]) if infos else None


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """The request for `url` sent to `address`: its URL, Host header and TLS server name."""
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    name = parts.hostname or ""
    header = name if parts.port is None else f"{name}:{parts.port}"
    return parts._replace(netloc=netloc).geturl(), {"Host": header}, {"sni_hostname": name}


def address_kind(address: str) -> str | None:
    """What makes an IP address off limits (loopback, private, ...), or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (  # the narrow names first: is_private also covers link-local and unspecified
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)


def fetch(
    url: str, options: ReadOptions, transport: httpx.BaseTransport | None = None
) -> Fetched | ReadError:
    """Download `url`, checking every redirect target again; never raises on network trouble."""
    headers = {"User-Agent": USER_AGENT}
    with httpx.Client(transport=transport, timeout=options.timeout, headers=headers) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            reason, address = checked(current, options.allow_private)
            if reason is not None:
                where = "" if current == url else f"redirect to {current}: "
                return ReadError(url, where + reason)
            try:
                result = _get(client, url, current, options, address)
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as error:
                return ReadError(url, f"download failed: {type(error).__name__}: {error}")
            if not isinstance(result, _Redirect):
                return result
            current = urljoin(current, result.location)
    return ReadError(url, f"more than {MAX_REDIRECTS} redirects")


def _get(
    client: httpx.Client, source: str, url: str, options: ReadOptions, address: str | None
) -> Fetched | ReadError | _Redirect:
    """One request for `url` (on the way to `source`), sent to the checked `address` when one
    is given: the body, a failure, or a redirect."""
    deadline = time.monotonic() + options.timeout
    target, headers, extensions = pinned(url, address) if address else (url, {}, {})
    with client.stream("GET", target, headers=headers, extensions=extensions) as response:
        location = response.headers.get("location")
        if response.status_code in _REDIRECTS and location:
            return _Redirect(location)
        if response.status_code != 200:
            return ReadError(source, f"HTTP {response.status_code} {response.reason_phrase}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > options.max_bytes:
            return ReadError(source, _too_big(f"{declared} bytes", options))
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > options.max_bytes:
                return ReadError(source, _too_big("the body", options))
            if time.monotonic() > deadline:
                return ReadError(source, f"download took longer than {options.timeout:g} s")
            chunks.append(chunk)
        content_type = response.headers.get("content-type", "")
        return Fetched(
            url=url,
            content_type=content_type.split(";")[0].strip().lower(),
            charset=response.charset_encoding,
            body=b"".join(chunks),
        )


def _too_big(what: str, options: ReadOptions) -> str:
    """The reason given for a download over the size cap."""
    return f"too large: {what} is over the limit of {options.max_bytes} bytes (max_bytes)"
