"""Tests for detente.sources.text: a plain file is one plain document."""

from __future__ import annotations

from conftest import FIXTURES

from detente.sources.base import Document, ReadError
from detente.sources.text import read_text


def test_text_file_is_one_plain_document() -> None:
    path = FIXTURES / "sources" / "note.txt"
    document = read_text(str(path), path.read_bytes())
    assert isinstance(document, Document)
    assert not document.is_html
    assert document.source == str(path)
    assert document.content.startswith("Ministers from both countries")


def test_declared_charset_is_passed_on() -> None:
    document = read_text("x.txt", "Пекин".encode("cp1251"), declared="windows-1251")
    assert isinstance(document, Document)
    assert document.content == "Пекин"


def test_binary_is_a_read_error() -> None:
    error = read_text("logo.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    assert isinstance(error, ReadError)
    assert error.source == "logo.txt"
