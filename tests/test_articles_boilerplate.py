"""Boilerplate out of article lines: cut-off junk, junk lines, disclaimers."""

from __future__ import annotations

from detente.articles.boilerplate import remove_boilerplate

BODY = "The two ministers met in Tashkent on Friday and agreed to meet again in the spring."


def test_related_block_and_everything_under_it_go() -> None:
    lines = [BODY, "", "Comments / 0", "", "Related", "The Independent", "Putin story"]
    assert remove_boilerplate(lines) == [BODY, ""]


def test_cut_marker_above_any_paragraph_only_drops_itself() -> None:
    lines = ["Related", "Ministers meet", BODY]
    assert remove_boilerplate(lines) == ["Ministers meet", BODY]


def test_promos_share_bars_and_credits_are_dropped() -> None:
    junk = [
        "Sign up for Investing Intel Newsletter",
        "Share this article",
        "Facebook | Twitter | Email",
        "Follow us on Twitter for the latest news.",
        "Advertisement",
        "Reporting by Minh Tran in Hanoi; Editing by Tom Hale",
        "© 2023 The Harbour Ledger. All rights reserved.",
        "| Home | Archive |",
        "4 min read",
        "Reuter",
    ]
    assert remove_boilerplate([BODY, *junk, BODY]) == [BODY, BODY]


def test_disclaimer_paragraphs_are_dropped() -> None:
    lines = [
        BODY,
        "This article does not provide any financial advice and is not a recommendation to "
        "deal in any securities.",
        "Originally published by Associated Press, the publisher is not responsible for it.",
    ]
    assert remove_boilerplate(lines) == [BODY]


def test_news_lines_that_look_alike_stay() -> None:
    lines = [
        BODY,
        "Share prices in Moscow fell by 3 percent after the announcement on Monday.",
        "Related talks are due to start in Geneva next week, officials said.",
        "(C) - Sales made on exporters' own account.",
        "Sign up for the draft, the ministry told young men in a televised address on Sunday "
        "evening, warning that those who fail to register within a month will face fines.",
    ]
    assert remove_boilerplate(lines) == lines


def test_leave_a_comment_ends_a_blog_post() -> None:
    lines = [BODY, "", "Leave a Comment", "", "comm comm comm"]
    assert remove_boilerplate(lines) == [BODY, ""]
