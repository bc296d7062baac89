"""Tests for detente.sources.tabular: JSON Lines, JSON and CSV records become documents."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES

from detente.sources.base import Document, ReadError
from detente.sources.tabular import read_csv, read_json, read_jsonl, record_document

MAX_BYTES = 20_000_000


def split(items: list[Document | ReadError]) -> tuple[list[Document], list[ReadError]]:
    """Documents and errors, each in order."""
    documents = [item for item in items if isinstance(item, Document)]
    return documents, [item for item in items if isinstance(item, ReadError)]


def test_jsonl_records_and_bad_lines() -> None:
    path = FIXTURES / "sources" / "records.jsonl"
    documents, errors = split(list(read_jsonl(str(path), path.read_bytes())))
    first, second, third = documents
    assert first.source == str(path)
    assert first.source_id == "r1"
    assert first.meta == {
        "title": "Delegation arrives",
        "outlet": "Northern Daily",
        "url": "https://north.example.org/r1",
        "published": "2023-03-20",
        "authors": ["Ivan Sokolov", "Zhang Min"],
    }
    assert second.source_id == "2"
    assert second.meta["authors"] == ["Olga Ivanova", "Chen Jie"]
    assert third.content == "An export that calls its text field body."
    assert third.meta == {"outlet": "Southern Post", "published": "2023-04-01"}
    where = {error.source.rsplit(":", 1)[1]: error.reason for error in errors}
    assert set(where) == {"4", "5", "6", "7", "9"}
    assert "not valid JSON" in where["4"]
    assert "no text" in where["5"]
    assert "JSON object" in where["6"]
    assert "'title'" in where["9"]


def test_jsonl_holds_a_100k_character_sentence() -> None:
    sentence = "word " * 20_000 + "end."
    data = json.dumps({"text": sentence}).encode()
    (document,) = read_jsonl("big.jsonl", data)
    assert isinstance(document, Document)
    assert document.content == sentence.strip()


def test_json_array_object_and_lines() -> None:
    array = json.dumps([{"text": "First."}, {"title": "no text"}]).encode()
    first, error = read_json("a.json", array)
    assert isinstance(first, Document)
    assert isinstance(error, ReadError)
    assert error.source == "a.json[1]"
    (single,) = read_json("one.json", b'{"text": "Alone.", "id": 7}')
    assert isinstance(single, Document)
    assert single.source_id == "7"
    lines = b'{"text": "One."}\n{"text": "Two."}\n'
    assert [item.content for item in read_json("l.json", lines)] == ["One.", "Two."]


def test_undecodable_file_is_one_error() -> None:
    (error,) = read_jsonl("empty.jsonl", b"")
    assert isinstance(error, ReadError)
    assert "empty" in error.reason


def test_csv_rows_by_header_name() -> None:
    path = FIXTURES / "sources" / "records.csv"
    documents, errors = split(list(read_csv(str(path), path.read_bytes(), MAX_BYTES)))
    assert [document.source_id for document in documents] == ["c1", "c2", "c5"]
    assert documents[0].meta["title"] == "Pipeline talks"
    assert documents[0].meta["authors"] == ["Maria Lopez"]
    assert documents[1].content.endswith("A second paragraph follows.")
    assert "authors" not in documents[1].meta
    assert documents[2].meta["authors"] == ["Ann Lee", "Bo Chen"]
    assert [(error.source.rsplit(":", 1)[1]) for error in errors] == ["5", "6"]
    assert "no text" in errors[0].reason
    assert "malformed CSV row" in errors[1].reason


def test_csv_delimiters_and_big_fields() -> None:
    big = "x" * 200_000
    data = f"text;outlet\n{big};Wire\n".encode()
    (document,) = read_csv("semi.csv", data, MAX_BYTES)
    assert isinstance(document, Document)
    assert len(document.content) == 200_000
    (tabbed,) = read_csv("t.tsv", b"title\ttext\nA\tB body\n", MAX_BYTES)
    assert isinstance(tabbed, Document)
    assert (tabbed.content, tabbed.meta["title"]) == ("B body", "A")


def test_csv_without_a_text_column_is_one_error() -> None:
    (error,) = read_csv("titles.csv", b"title,date\nA,2022-01-01\n", MAX_BYTES)
    assert isinstance(error, ReadError)
    assert "no text column" in error.reason
    assert "title, date" in error.reason


def test_record_document_rejects_non_objects() -> None:
    error = record_document("f.jsonl", "just a string", "f.jsonl:3")
    assert isinstance(error, ReadError)
    assert error.source == "f.jsonl:3"


def test_shared_ngec_csv(shared: Path) -> None:
    path = shared / "corpora" / "ngec_samples" / "Guardian_SDF_sample.csv"
    documents, errors = split(list(read_csv(str(path), path.read_bytes(), MAX_BYTES)))
    assert documents
    assert not errors
    assert documents[0].meta["outlet"] == "Guardian"
    assert documents[0].meta["published"].startswith("20")


def test_blank_field_gives_way_to_a_filled_alias() -> None:
    (document,) = read_csv("x.csv", b"text,body,date\n,Filled body.,2021-02-03\n", MAX_BYTES)
    assert isinstance(document, Document)
    assert document.content == "Filled body."
    assert document.meta == {"published": "2021-02-03"}
