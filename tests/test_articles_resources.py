"""The articles package's data files: present, well formed, and free of contradictions."""

from __future__ import annotations

import re

import pytest

from detente.articles.outlets import _key
from detente.articles.resources import load


def test_every_outlet_has_a_name_aliases_and_hosts() -> None:
    for outlet in load("outlets")["outlet"]:
        assert set(outlet) == {"name", "aliases", "hosts"}, outlet
        assert outlet["name"] and isinstance(outlet["aliases"], list)


def test_no_alias_or_host_names_two_outlets() -> None:
    seen: dict[str, str] = {}
    for outlet in load("outlets")["outlet"]:
        for key in [_key(a) for a in [outlet["name"], *outlet["aliases"]]] + outlet["hosts"]:
            assert seen.setdefault(key, outlet["name"]) == outlet["name"], key


@pytest.mark.parametrize("kind", ["cut", "drop", "paragraph"])
def test_boilerplate_patterns_compile(kind: str) -> None:
    for pattern in load("boilerplate")[kind]:
        re.compile(pattern)


def test_month_table_covers_twelve_months() -> None:
    assert set(load("dates")["months"].values()) == set(range(1, 13))


def test_loading_is_cached() -> None:
    assert load("layout") is load("layout")
