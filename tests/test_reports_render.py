"""Tests for detente.reports.render: the brief as HTML and as a real PDF, written whole."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from fixtures.reports.store import build
from pypdf import PdfReader
from sqlalchemy import Engine

from detente.reports.brief import Brief, gather
from detente.reports.render import (
    brief_chart,
    default_base,
    figure,
    render_html,
    render_pdf,
    write_report,
)
from detente.store.articles import Store

MADE = datetime(2024, 6, 1, 8, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    with Store.open(build(tmp_path_factory.mktemp("render"))) as store:
        yield store.engine


@pytest.fixture
def brief(engine: Engine) -> Brief:
    return gather(engine, "CHN-RUS", "2024-03-01", "2024-05-31")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_figures_read_as_the_news_writes_them() -> None:
    assert figure(240e9, "USD") == "240 billion USD"
    assert figure(2.5e6, None) == "2.5 million"
    assert figure(12.5, "percent") == "12.5%"
    assert figure(1500, "troops") == "1,500 troops"


def test_html_holds_stories_sources_chart_quotes_and_figures(brief: Brief) -> None:
    html = render_html(brief, MADE)
    assert "<h1>CHN-RUS: 2024-03-01 to 2024-05-31</h1>" in html and "2024-06-01 08:30 UTC" in html
    stories = html[html.index('<section id="stories">') :]
    assert stories.index("1. Xi and Putin speak by phone") < stories.index("2. Navies open joint")
    assert 'href="https://steppe.example/call"' in html and 'id="source-1"' in html
    assert '<svg id="index-chart"' in html and '<path class="line"' in html
    assert "“Our partnership has no limits,”" in html and "<strong>Xi Jinping</strong>" in html
    assert "240 billion USD" in html and "sources disagree" in html
    assert "<script" not in html.lower() and "http://" not in html.replace('"http://www.w3', "")


def test_chart_dots_link_to_events_in_the_brief_not_the_dashboard(brief: Brief) -> None:
    chart = brief_chart(brief)
    listed = {f"#event-{e.id}" for story in brief.stories for e in story.events}
    assert chart.markers and {m.href for m in chart.markers} <= listed | {None}
    assert any(m.href for m in chart.markers)
    html = render_html(brief, MADE)
    assert all(f'id="{href[1:]}"' in html for href in {m.href for m in chart.markers} - {None})


def test_text_from_articles_is_escaped(brief: Brief) -> None:
    brief.stories[0].title = "Row <script>alert('x')</script>"
    html = render_html(brief, MADE)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_pdf_is_a_real_pdf_with_the_story_titles(brief: Brief) -> None:
    data = render_pdf(render_html(brief, MADE))
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Xi and Putin speak by phone" in text and "Key figures" in text


def test_an_empty_brief_says_there_is_nothing(engine: Engine, tmp_path: Path) -> None:
    empty = gather(engine, "CHN-USA", "2024-03-01", "2024-05-31")
    html_path, pdf_path = write_report(empty, default_base(tmp_path, empty), MADE)
    assert html_path.name == "brief-CHN-USA-2024-03-01-2024-05-31.html"
    assert "Nothing between CHN and USA is dated in this period" in html_path.read_text("utf-8")
    assert "Nothing between CHN and USA" in pdf_text(pdf_path.read_bytes())


def test_write_report_replaces_whole_files_and_names_a_missing_folder(
    brief: Brief, tmp_path: Path
) -> None:
    html_path, pdf_path = write_report(brief, tmp_path / "march.brief", MADE)
    assert (html_path.name, pdf_path.name) == ("march.html", "march.pdf")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["march.html", "march.pdf"]
    with pytest.raises(ValueError, match=r"folder .*missing does not exist"):
        write_report(brief, tmp_path / "missing" / "brief", MADE)
