"""Tests for detente.sources.html: pages decoded with the charset they declare."""

from __future__ import annotations

from conftest import FIXTURES

from detente.sources.base import Document
from detente.sources.html import declared_charset, read_html

PAGE = (
    "<html><head>{meta}</head>"
    "<body><p>Переговоры в Пекине продолжились во вторник.</p></body></html>"
)


def test_declared_charset_forms() -> None:
    assert declared_charset(b'<meta charset="windows-1251">') == "windows-1251"
    assert declared_charset(b"<META CHARSET=gb2312>") == "gb2312"
    content = b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    assert declared_charset(content) == "koi8-r"
    assert declared_charset(b"<p>no declaration</p>") is None


def test_meta_charset_is_honoured() -> None:
    page = PAGE.format(meta='<meta charset="windows-1251">')
    document = read_html("page.html", page.encode("cp1251"))
    assert isinstance(document, Document)
    assert document.is_html
    assert document.content == page


def test_http_charset_wins_over_a_wrong_meta() -> None:
    page = PAGE.format(meta='<meta charset="shift_jis">')
    document = read_html("page.html", page.encode("koi8-r"), declared="koi8-r")
    assert isinstance(document, Document)
    assert document.content == page


def test_meta_that_does_not_decode_falls_back_to_detection() -> None:
    page = PAGE.format(meta='<meta charset="utf-8">')
    document = read_html("page.html", page.encode("cp1251"))
    assert isinstance(document, Document)
    assert "Переговоры" in document.content


def test_truncated_page_still_yields_a_document() -> None:
    path = FIXTURES / "sources" / "truncated.html"
    document = read_html(str(path), path.read_bytes())
    assert isinstance(document, Document)
    assert document.content.rstrip().endswith("a spokesman said")


def test_page_cut_inside_a_character_stays_utf8() -> None:
    page = PAGE.format(meta='<meta charset="utf-8">').encode()
    document = read_html("cut.html", page[: page.index("Пекине".encode()) + 3])
    assert isinstance(document, Document)
    assert document.content.endswith("в П")
