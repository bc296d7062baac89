"""Outlet names: one canonical name for each way an outlet is written, and outlets by web host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from detente.articles.resources import load

_OUTLETS: list[dict[str, object]] = load("outlets")["outlet"]
_PUNCTUATION = re.compile(r"^[\s\"'“”‘’(\[]+|[\s\"'“”‘’)\].,:;—–-]+$")


def _key(name: str) -> str:
    """A lookup key: case folded, surrounding punctuation and a leading 'the' removed."""
    key = " ".join(_PUNCTUATION.sub("", name).replace("’", "'").casefold().split())
    return key.removeprefix("the ")


_BY_NAME = {
    _key(str(alias)): str(outlet["name"])
    for outlet in _OUTLETS
    for alias in [outlet["name"], *outlet["aliases"]]  # type: ignore[misc]
}
_BY_HOST = {
    str(host): str(outlet["name"])
    for outlet in _OUTLETS
    for host in outlet["hosts"]  # type: ignore[attr-defined]
}
ALIASES = sorted(
    {str(alias) for outlet in _OUTLETS for alias in outlet["aliases"]},  # type: ignore[attr-defined]
    key=len,
    reverse=True,
)
"""Every written form of a known outlet, longest first (for building patterns)."""


def known_outlet(name: str) -> str | None:
    """The canonical name of a known outlet written as `name` ("WaPo", "AP News"), else None."""
    return _BY_NAME.get(_key(name))


def outlet_name(name: str) -> str:
    """The canonical name when the outlet is known, else the name as written, tidied."""
    return known_outlet(name) or " ".join(_PUNCTUATION.sub("", name).split())


def outlet_from_url(url: str) -> str | None:
    """The outlet that publishes on the URL's host (newsweek.com is Newsweek), if known."""
    try:
        host = (urlsplit(url.strip()).hostname or "").removeprefix("www.")
    except ValueError:
        return None
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = _BY_HOST.get(".".join(labels[start:]))
        if name:
            return name
    return None
