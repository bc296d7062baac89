"""Outlet tags and wire datelines opening a paragraph."""

from __future__ import annotations

import pytest

from detente.articles.openings import opening


@pytest.mark.parametrize(
    ("line", "outlet", "text"),
    [
        (
            "(AP) — Russian President Vladimir Putin spoke.",
            "AP",
            "Russian President Vladimir Putin spoke.",
        ),
        ("(Reuters) – Putin's visit is likely.", "Reuters", "Putin's visit is likely."),
        ("(The Economist) IN MARCH LAST year", "The Economist", "IN MARCH LAST year"),
        (
            "(GZERO media) Ian Bremmer: The relationship",
            "GZERO Media",
            "Ian Bremmer: The relationship",
        ),
        (
            "(Internationale Politik) “Brother in Spirit”",
            "Internationale Politik",
            "“Brother in Spirit”",
        ),
        ("CNN — A two-day global gathering", "CNN", "A two-day global gathering"),
        (
            "(WaPo) Russian and Chinese executives",
            "The Washington Post",
            "Russian and Chinese executives",
        ),
    ],
)
def test_bare_tags_are_cut_off(line: str, outlet: str, text: str) -> None:
    found = opening(line)
    assert found is not None
    assert (found.outlet, found.text) == (outlet, text)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("BEIJING (AP) — Russian President Vladimir Putin thanked Xi.", "AP"),
        ("WASHINGTON, June 15 (Reuters) - The Senate voted.", "Reuters"),
        ("BEIJING AFP - Chinese President Xi Jinping told Putin.", "AFP"),
        ("NEW YORK AP - Markets fell.", "AP"),
    ],
)
def test_datelines_stay_in_the_text(line: str, outlet: str) -> None:
    found = opening(line)
    assert found is not None
    assert (found.outlet, found.text) == (outlet, line)


@pytest.mark.parametrize(
    "line",
    [
        "(FDIC) said three troubled banks were merged.",
        "(Photo: Jane Doe) The summit opened.",
        "BEIJING (AP) Russian President Vladimir Putin thanked Xi.",
        "BEIJING — Chinese officials said on Monday.",
        "The Kremlin said (Reuters) nothing.",
    ],
)
def test_lines_without_an_opening(line: str) -> None:
    assert opening(line) is None
