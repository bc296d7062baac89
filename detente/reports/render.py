"""The brief as a self-contained HTML page (Jinja) and as a PDF (WeasyPrint)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from detente import __version__
from detente.dashboard.chart import Chart, build_chart
from detente.reports.brief import Brief

HERE = Path(__file__).resolve().parent
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
"""Large figures are written with a word ("240 billion"), as the news writes them."""


def figure(value: float, unit: str | None) -> str:
    """A claimed figure for reading: "240 billion USD", "12.5%", "3 warships"."""
    if unit == "percent":
        return f"{value:g}%"
    text = f"{value:,.10g}"
    for size, word in SCALES:
        if abs(value) >= size:
            text = f"{value / size:,.10g} {word}"
            break
    return f"{text} {unit}" if unit else text


templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
)
templates.filters["figure"] = figure


def brief_chart(brief: Brief) -> Chart:
    """The index chart, its dots linking to the events listed in the brief (not the dashboard)."""
    chart = build_chart(brief.series)
    listed = {event.id for story in brief.stories for event in story.events}
    for marker in chart.markers:
        event_id = (marker.href or "").removeprefix("/events/")
        marker.href = f"#event-{event_id}" if event_id in listed else None
    return chart


def render_html(brief: Brief, generated: datetime | None = None) -> str:
    """The brief as one HTML page with its styles inside: it opens anywhere, offline."""
    first, second = brief.dyad.split("-")
    moment = generated or datetime.now(UTC)
    return templates.get_template("brief.html").render(
        brief=brief,
        chart=brief_chart(brief),
        first=first,
        second=second,
        generated=moment.strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
    )


def render_pdf(html: str) -> bytes:
    """The HTML page printed to PDF."""
    from weasyprint import HTML  # slow to import; only the PDF needs it

    return HTML(string=html, base_url=str(HERE)).write_pdf()


def output_paths(base: Path) -> tuple[Path, Path]:
    """The HTML and PDF files of a brief written to `base` (any suffix replaced)."""
    return base.with_suffix(".html"), base.with_suffix(".pdf")


def default_base(folder: Path, brief: Brief) -> Path:
    """Where a brief goes in `folder`: brief-CHN-RUS-2024-01-01-2024-03-31."""
    return folder / f"brief-{brief.dyad}-{brief.date_from}-{brief.date_to}"


def write_report(brief: Brief, base: Path, generated: datetime | None = None) -> tuple[Path, Path]:
    """Write the brief's HTML and PDF beside `base`, each whole or not at all; return both paths."""
    if not base.parent.is_dir():
        raise ValueError(f"cannot write the brief {base}: folder {base.parent} does not exist")
    html = render_html(brief, generated)
    pdf = render_pdf(html)
    paths = output_paths(base)
    for path, data in zip(paths, (html.encode("utf-8"), pdf), strict=True):
        part = path.with_name(f".{path.name}.part")
        try:
            part.write_bytes(data)
            os.replace(part, path)
        finally:
            part.unlink(missing_ok=True)
    return paths
