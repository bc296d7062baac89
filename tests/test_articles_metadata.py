"""One article's head read apart from its text."""

from __future__ import annotations

from datetime import date

from detente.articles.dates import Dated
from detente.articles.metadata import head_date, parse_article

BODY = [
    "The two ministers met in Tashkent on Friday and agreed to meet again in the spring.",
    "Officials from both sides described the talks as constructive and businesslike.",
]


def test_clipped_article_head_and_trailer() -> None:
    lines = [
        "Ministers agree water commission",
        "A deal on the Syr Darya after two years of sparring.",
        "",
        "By Dana Okafor, Harbour Ledger",
        "June 15, 2022",
        "",
        *BODY,
        "more, including links",
        "https://harbourledger.example/water",
    ]
    draft = parse_article(lines)
    assert draft.title == "Ministers agree water commission"
    assert draft.authors == ["Dana Okafor"]
    assert draft.outlet == "Harbour Ledger"
    assert draft.url == "https://harbourledger.example/water"
    assert draft.published == Dated(date(2022, 6, 15), "day", "dateline")
    assert draft.text == "\n\n".join(
        ["A deal on the Syr Darya after two years of sparring.", *BODY]
    )


def test_aggregator_head_with_capture_date_and_age() -> None:
    lines = [
        "date 2022-08-18 ContributorsPublishersAdvertisers",
        "World",
        "",
        "Allies or rivals? A look at the relationship",
        "",
        "By James Bickerton",
        "Newsweek",
        "Newsweek",
        "5 days ago",
        "",
        BODY[0],
        "https://img.particlenews.com/image.php?url=0qnZl0",
        BODY[1],
    ]
    draft = parse_article(lines)
    assert draft.title == "Allies or rivals? A look at the relationship"
    assert (draft.authors, draft.outlet, draft.url) == (["James Bickerton"], "Newsweek", None)
    assert draft.published == Dated(date(2022, 8, 13), "day", "relative")
    assert draft.text == "\n\n".join(BODY)


def test_capture_date_alone_is_an_inferred_date() -> None:
    draft = parse_article(["Title of the story", "retrieved 2022-08-18", *BODY])
    assert draft.published == Dated(date(2022, 8, 18), "day", "inferred")


def test_age_counts_back_from_the_fetch_date() -> None:
    draft = parse_article(["Title of the story", "3 days ago", *BODY], fetched=date(2023, 1, 2))
    assert draft.published == Dated(date(2022, 12, 30), "day", "relative")
    assert parse_article(["Title of the story", "3 days ago", *BODY]).published is None


def test_url_line_in_head_gives_url_and_outlet() -> None:
    lines = [
        "Xi tells Putin China will keep backing Russia",
        "20220615",
        "https://www.straitstimes.com/world/europe/xi-tells-putin",
        *BODY,
    ]
    draft = parse_article(lines)
    assert draft.outlet == "The Straits Times"
    assert draft.published == Dated(date(2022, 6, 15), "day", "dateline")
    assert draft.text == "\n\n".join(BODY)


def test_wire_dateline_gives_outlet_and_drops_tag_lines_above() -> None:
    lines = [
        "China and Russia reaffirm ties",
        "By AP News",
        "Putin has thanked Xi for China's proposals on ending the war in Ukraine, which have been"
        " rejected by Ukraine",
        "China Russia",
        "BEIJING (AP) — Russian President Vladimir Putin thanked Chinese leader Xi Jinping.",
        BODY[0],
    ]
    draft = parse_article(lines)
    assert draft.outlet == "AP"
    assert draft.authors == []
    assert "China Russia" not in draft.text
    assert draft.text.startswith("Putin has thanked Xi")
    assert "BEIJING (AP) — Russian" in draft.text


def test_bare_tag_is_cut_from_the_text() -> None:
    draft = parse_article(
        ["Drills in the Sea of Japan", "(Euronews) Moscow says it sent ships.", *BODY]
    )
    assert draft.outlet == "Euronews"
    assert draft.text.split("\n\n")[0] == "Moscow says it sent ships."


def test_metadata_bar() -> None:
    lines = ["China-Russia relations", "Written by // May 16, 2024 // China, Russia // No comments"]
    draft = parse_article([*lines, *BODY])
    assert draft.title == "China-Russia relations"
    assert draft.published == Dated(date(2024, 5, 16), "day", "dateline")
    assert head_date(lines) == date(2024, 5, 16)


def test_known_title_is_the_only_headline_taken() -> None:
    draft = parse_article(["Putin visits Beijing", "He met Xi."], title="A different title")
    assert draft.title is None
    assert draft.text == "Putin visits Beijing\n\nHe met Xi."
    draft = parse_article(["Putin visits Beijing", *BODY], title="Putin visits Beijing")
    assert draft.title == "Putin visits Beijing"
    assert draft.text == "\n\n".join(BODY)


def test_single_line_is_text_not_title() -> None:
    draft = parse_article(["Russian forces shelled Kharkiv on Monday"])
    assert draft.title is None
    assert draft.text == "Russian forces shelled Kharkiv on Monday"


def test_first_paragraph_is_not_a_title() -> None:
    draft = parse_article(BODY)
    assert draft.title is None
    assert draft.text == "\n\n".join(BODY)


def test_bullets_lose_their_marker() -> None:
    draft = parse_article(["Summary of the talks", "• " + BODY[0], "• " + BODY[1]])
    assert draft.text == "\n\n".join(BODY)
