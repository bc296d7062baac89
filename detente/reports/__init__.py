"""Dated briefs on a dyad: key stories with their sources, the index chart, quotes and figures."""

from detente.reports.brief import Brief, gather
from detente.reports.render import default_base, render_html, write_report

__all__ = ["Brief", "default_base", "gather", "render_html", "write_report"]
