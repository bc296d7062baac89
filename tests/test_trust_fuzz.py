"""Property tests: readers, date readers and quote pairing never raise; the API never gives 5xx."""

from __future__ import annotations

import tempfile
from datetime import date
from itertools import combinations, pairwise
from pathlib import Path

import schemathesis
from fixtures.desk.store import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.api import create_app
from detente.api.security import HEADERS
from detente.articles.dates import find_date, heading, line_date, meta_date
from detente.events.when import find_dates, resolve
from detente.quotes.marks import quoted_stretches
from detente.sources.base import Document, ReadError, ReadOptions
from detente.sources.read import read_content

BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = ["text", "html", "jsonl", "json", "csv", "feed", "warc", "gzip", "xml"]
HEADS = [
    b"",
    b"\xef\xbb\xbf",
    b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>",
    b"<!DOCTYPE html><html><head><meta charset='koi8-r'><body><p>",
    b'{"text": "',
    b"[{",
    b"text,title\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
    b"\x1f\x8b\x08",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
]
SMALL = ReadOptions(max_bytes=4096)


@BOUNDED
@given(
    kind=st.sampled_from(KINDS),
    head=st.sampled_from(HEADS),
    body=st.binary(max_size=600) | st.text(max_size=300).map(str.encode),
)
def test_readers_yield_documents_or_read_errors(kind: str, head: bytes, body: bytes) -> None:
    for item in read_content("fuzz.bin", kind, head + body, SMALL):
        assert isinstance(item, Document | ReadError)
        if isinstance(item, Document):
            assert isinstance(item.content, str) and item.content.strip()
        else:
            assert item.source.startswith("fuzz.bin") and item.reason


DATEISH = st.lists(
    st.sampled_from([*"0123456789 -/.,:TZ+", "May", "June", "Tue", "ago", "last", "week"]),
    max_size=16,
).map("".join)


@BOUNDED
@given(text=st.text(max_size=200) | DATEISH)
def test_article_date_readers_give_a_date_or_none(text: str) -> None:
    found = find_date(text)
    assert found is None or (isinstance(found[0], date) and 0 <= found[2] <= found[3] <= len(text))
    line = line_date(text)
    assert line is None or line.kind in ("published", "reference", "relative")
    heading(text)  # a timeline heading or None; it must not raise
    meta = meta_date(text)
    assert meta is None or (isinstance(meta[0], date) and meta[1] in ("day", "month", "year"))


@BOUNDED
@given(
    text=st.text(max_size=200) | DATEISH,
    published=st.none() | st.dates(),
    forward=st.booleans(),
)
def test_event_dates_resolve_to_a_date_or_none(
    text: str, published: date | None, forward: bool
) -> None:
    spans = find_dates(text)
    for first, second in pairwise(spans):
        assert first.end <= second.start
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        when = resolve(span, published, forward)
        assert when is None or (isinstance(when.date, date) and when.last_day >= when.date)


QUOTEY = st.text(alphabet=st.sampled_from(list("\"“”„«»‟‘’'‹› \n\tab.,:;!?-—")), max_size=120)


@BOUNDED
@given(text=QUOTEY | st.text(max_size=200))
def test_quote_spans_never_cross_and_stay_in_the_text(text: str) -> None:
    spans = quoted_stretches(text)
    for quote in spans:
        assert 0 <= quote.open_mark < quote.start <= quote.end < quote.close_end <= len(text)
    for first, second in combinations(spans, 2):  # disjoint or nested, never crossed
        inner, outer = sorted((first, second), key=lambda q: q.close_end - q.open_mark)
        nested = outer.open_mark <= inner.open_mark and inner.close_end <= outer.close_end
        apart = inner.close_end <= outer.open_mark or outer.close_end <= inner.open_mark
        assert nested or apart, (first, second)


_FOLDER = Path(tempfile.mkdtemp(prefix="detente-schemathesis-"))
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(build(_FOLDER).url))


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_answers_a_server_error(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:300])
    assert all(response.headers.get(name) == [value] for name, value in HEADERS.items())
