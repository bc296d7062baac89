"""Timeline posts: dated headings over stories from several outlets."""

from __future__ import annotations

from datetime import date

from conftest import FIXTURES

from detente.articles.dates import Dated
from detente.articles.lines import clean_lines
from detente.articles.metadata import parse_article
from detente.articles.timeline import split_stories, split_timeline

PARAGRAPH = "The ministers met in Riga on Saturday and agreed to buy ammunition together for years."


def _stories() -> list[tuple[list[str], Dated | None]]:
    text = (FIXTURES / "articles" / "timeline.txt").read_text(encoding="utf-8")
    return split_timeline(clean_lines(text), None)


def test_stories_titles_outlets_and_dates() -> None:
    found = []
    for lines, dated in _stories():
        draft = parse_article(lines)
        found.append((draft.title, draft.outlet, draft.authors, dated.value if dated else None))
    assert found == [
        ("Estonia and Latvia agree joint ammunition purchase", "Reuters", [], date(2024, 3, 2)),
        ("Lithuania opens new border guard station", None, ["Jane Kask"], date(2024, 3, 2)),
        ("Finland and Estonia test undersea cable links", "CNN", [], date(2024, 3, 2)),
        (
            "Latvia to reinstate conscription for men aged 18 to 27",
            "LSM",
            ["Anna Berzina", "Peteris Ozols"],
            date(2024, 2, 28),
        ),
        ("Parliament debates defence budget", None, [], date(2024, 2, 28)),
        ("Nordic and Baltic leaders meet in Helsinki", "AP", [], date(2023, 12, 15)),
    ]
    assert all(dated is not None and dated.basis == "heading" for _, dated in _stories())


def test_texts_lose_tags_glued_headings_preface_and_comments() -> None:
    texts = [parse_article(lines).text for lines, _ in _stories()]
    assert texts[0].startswith("Estonia and Latvia agreed on Saturday")
    assert texts[2].startswith("Operators say repairs")
    assert texts[2].endswith("at least until the end of the year.")
    assert texts[4] == "Opposition calls for a larger share for air defence"
    joined = "\n".join(texts)
    for junk in ("(Reuters)", "CNN —", "28 February", "Amber and Iron", "Leave a Comment", "nice"):
        assert junk not in joined


def test_post_date_can_come_from_metadata() -> None:
    lines = [
        "3 May",
        "Ministers meet in Riga",
        PARAGRAPH,
        "",
        "20 December",
        "Talks in Vilnius",
        PARAGRAPH,
    ]
    dates = [dated.value if dated else None for _, dated in split_timeline(lines, date(2024, 5, 9))]
    assert dates == [date(2024, 5, 3), date(2023, 12, 20)]
    assert [dated for _, dated in split_timeline(lines, None)] == [None, None]


def test_one_dated_line_is_not_a_timeline() -> None:
    assert split_timeline(["Ministers meet in Riga", "3 May", PARAGRAPH], None) == []


def test_date_lines_under_bylines_are_not_headings() -> None:
    lines = [
        "Talks in Riga",
        "By Jane Kask",
        "3 May",
        PARAGRAPH,
        "Talks in Vilnius",
        "By Jane Kask",
        "4 May",
        PARAGRAPH,
    ]
    assert split_timeline(lines, None) == []


def test_story_heads_are_found_after_a_paragraph() -> None:
    lines = [
        "First title",
        "(AP) — " + PARAGRAPH,
        PARAGRAPH,
        "Second title",
        "A dek",
        "(Reuters) — " + PARAGRAPH,
    ]
    assert split_stories(lines) == [lines[:3], lines[3:]]


def test_section_without_tags_is_one_story() -> None:
    lines = ["Only title", PARAGRAPH, PARAGRAPH]
    assert split_stories(lines) == [lines]
    assert split_stories(["", ""]) == []
