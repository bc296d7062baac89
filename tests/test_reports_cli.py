"""The `detente report` command as a user runs it: files written, bad input refused with code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.reports.store import build
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build(tmp_path_factory.mktemp("cli"))


def test_report_writes_html_and_pdf_into_a_folder(db: str, tmp_path: Path) -> None:
    args = ["report", "--dyad", "CHN-RUS", "--from", "2024-03-01", "--to", "2024-05-31"]
    result = runner.invoke(app, [*args, "--db", db, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    base = tmp_path / "brief-CHN-RUS-2024-03-01-2024-05-31"
    html = base.with_suffix(".html").read_text("utf-8")
    assert "Xi and Putin speak by phone" in html
    assert base.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_report_to_a_base_path_and_for_an_empty_period(db: str, tmp_path: Path) -> None:
    args = ["report", "--dyad", "chn-usa", "--from", "2024-03-01", "--to", "2024-03-31"]
    result = runner.invoke(app, [*args, "--db", db, "--out-base", str(tmp_path / "usa")])
    assert result.exit_code == 0, result.output
    assert "Nothing between CHN and USA" in (tmp_path / "usa.html").read_text("utf-8")
    assert (tmp_path / "usa.pdf").is_file()


@pytest.mark.parametrize(
    ("dyad", "start", "end", "message"),
    [
        ("CHINA", "2024-03-01", "2024-03-31", "two ISO-3 country codes"),
        ("CHN-RUS", "2024-03-32", "2024-03-31", "--from '2024-03-32' is not a date"),
        ("CHN-RUS", "2024-04-01", "2024-03-31", "is after --to"),
    ],
)
def test_bad_dyad_or_dates_exit_2_saying_why(
    db: str, tmp_path: Path, dyad: str, start: str, end: str, message: str
) -> None:
    args = ["report", "--dyad", dyad, "--from", start, "--to", end, "--db", db]
    result = runner.invoke(app, [*args, "-o", str(tmp_path)])
    assert result.exit_code == 2 and message in result.output
    assert list(tmp_path.iterdir()) == []
