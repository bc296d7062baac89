"""Tests for detente.exports.layouts: events in the GDELT 2.0 event table and as PLOVER JSON."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from fixtures.reports.store import build

from detente.exports import export
from detente.exports.layouts import (
    LAYOUTS,
    MergedEvent,
    gdelt_columns,
    gdelt_fields,
    plover_record,
)
from detente.store.articles import Store

CALL_URL = "https://ledger.example/xi-putin-call"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(build(tmp_path_factory.mktemp("layouts"))) as opened:
        yield opened


def exported(store: Store, fmt: str) -> str:
    stream = io.StringIO()
    count = LAYOUTS[fmt].write(store, stream, 2)
    text = stream.getvalue()
    assert count == len(text.splitlines())
    return text


def mention(**fields: Any) -> dict[str, Any]:
    """A stored event mention as merged_events reads it, with fields overridden."""
    row: dict[str, Any] = {
        "id": "m1", "article_id": "a1", "event_key": "0123456789abcdef01234567",
        "date": date(2024, 3, 5), "date_precision": "day", "cameo": "0421", "plover": "CONSULT",
        "plover_mode": "visit", "goldstein": 1.9, "quad_class": 1, "score": 2.0,
        "negated": False, "hypothetical": False, "future": False, "historical": False,
        "reported": False, "confidence": 0.8, "sentence": "Xi visited Moscow.", "start": 40,
        "end": 58, "coder_version": "0.1.0", "url": None, "title": "Visit", "outlet": "Wire",
        "source": "in/visit.txt", "published": date(2024, 3, 6), "published_precision": "day",
        "ingested_at": datetime(2024, 3, 6, 9, 15, 0), "story_id": "s1",
        "before": "Moscow, March 6.\n\nOfficials said ",
        "actors": [{"name": "Xi Jinping", "code": "CHNGOV", "country": "CHN", "sector": "GOV",
                    "text": "Xi"}],
        "recipients": [{"name": "Russia", "code": "RUS", "country": "RUS", "sector": None,
                        "text": "Moscow"}],
    }  # fmt: skip
    return row | fields


def test_the_gdelt_layout_has_the_61_columns_in_gdelt_order() -> None:
    names = [name for name, _ in gdelt_columns()]
    assert len(names) == 61 and len(set(names)) == 61
    assert names[:6] == [
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
    ]
    assert names[25:35] == [
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    ]  # fmt: skip
    assert names[-3:] == ["ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]


def test_gdelt_fields_of_a_hand_made_event() -> None:
    later = mention(id="m2", article_id="a2", url="https://b.example/2", outlet="Other",
                    ingested_at=datetime(2024, 3, 7), before="", confidence=0.9)  # fmt: skip
    values = gdelt_fields(MergedEvent("0123456789abcdef01234567", [mention(), later]))
    assert values is not None
    assert values["global_id"] == int("0123456789abcde", 16)
    assert (values["sqldate"], values["month_year"], values["year"]) == ("20240305", "202403", 2024)
    assert values["fraction_date"] == f"{2024 + 65 / 365:.4f}"
    assert (values["event_code"], values["event_base_code"], values["event_root_code"]) == (
        "0421", "042", "04",
    )  # fmt: skip
    assert (values["actor1_code"], values["actor1_name"], values["actor1_sector"]) == (
        "CHNGOV", "XI JINPING", "GOV",
    )  # fmt: skip
    assert (values["actor2_code"], values["actor2_country"]) == ("RUS", "RUS")
    assert (values["num_mentions"], values["num_sources"], values["num_articles"]) == (2, 2, 2)
    assert values["is_root"] == 1  # the most confident report has it in its lead
    assert values["source_url"] == "https://b.example/2"  # the earliest report has no URL
    assert values["date_added"] == "20240306091500"


def test_gdelt_leaves_out_events_every_report_of_which_is_flagged() -> None:
    assert gdelt_fields(MergedEvent("abc", [mention(hypothetical=True)])) is None
    values = gdelt_fields(MergedEvent("abc", [mention(reported=True, confidence=0.9), mention()]))
    assert values is not None and values["is_root"] == 0  # the unflagged report, not in the lead
    joint = mention(recipients=[], actors=[*mention()["actors"], mention()["recipients"][0]])
    values = gdelt_fields(MergedEvent("abc", [joint]))
    assert values is not None and values["actor2_code"] == "RUS"  # a joint event: its 2nd actor


def test_gdelt_export_writes_one_line_per_deduplicated_event(store: Store) -> None:
    lines = exported(store, "gdelt").splitlines()
    rows = [line.split("\t") for line in lines]
    assert rows and all(len(row) == 61 for row in rows)
    column = {name: number for number, (name, _) in enumerate(gdelt_columns())}
    call = [
        row
        for row in rows
        if row[column["SOURCEURL"]] == CALL_URL and row[column["NumMentions"]] == "2"
    ]
    assert len(call) == 1  # two reports of the phone call, one row
    (row,) = call
    assert row[column["SQLDATE"]] == "20240305" and row[column["EventRootCode"]] == "04"
    assert {row[column["Actor1CountryCode"]], row[column["Actor2CountryCode"]]} == {"CHN", "RUS"}
    assert (row[column["NumSources"]], row[column["NumArticles"]]) == ("2", "2")
    assert row[column["AvgTone"]] == "" and row[column["ActionGeo_Lat"]] == ""


def test_plover_record_fields() -> None:
    record = plover_record(MergedEvent("k1", [mention(future=True, negated=True)]))
    assert (record["id"], record["date"], record["event"]) == ("k1", "2024-03-05", ["CONSULT"])
    assert record["actor"] == [
        {"code": "CHN", "sector": "GOV", "entity_text": "Xi", "identifier_text": "Xi Jinping",
         "cameo_code": "CHNGOV"}
    ]  # fmt: skip
    assert record["recipient"][0]["code"] == "RUS"
    assert record["mode"] == ["visit"] and record["context"] == ["negation", "future"]
    assert (record["quad_code"], record["event_scale"]) == (1, 2.0)
    assert record["event_text"] == ["Xi visited Moscow."]
    assert record["text_info"] == {"article_id": "a1", "start": 40, "end": 58}
    assert record["cite_info"]["publication"] == "Wire" and record["link"] == "s1"


def test_plover_export_keeps_flagged_events_with_their_context(store: Store) -> None:
    records = [json.loads(line) for line in exported(store, "plover").splitlines()]
    call = next(r for r in records if r["n_mentions"] == 2)
    assert call["event"] == ["CONSULT"] and call["n_outlets"] == 2 and call["mode"] == ["phone"]
    assert call["cite_info"]["url"] == CALL_URL and len(call["article_ids"]) == 2
    assert len({r["id"] for r in records}) == len(records)


def test_export_routes_the_layouts_and_other_kinds_refuse_them(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "events.tsv"
    assert export(store, "events", "gdelt", out) == len(out.read_text("utf-8").splitlines())
    for kind in ("articles", "quotes", "stories"):
        with pytest.raises(ValueError, match="format 'plover' is for events only"):
            export(store, kind, "plover", out)
    with pytest.raises(ValueError, match="formats are: jsonl, csv, parquet, gdelt, plover"):
        export(store, "events", "gdelt2", out)
