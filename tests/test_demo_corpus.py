"""Checks that the demo corpus is well formed in every format, without detente's own readers."""

from __future__ import annotations

import csv
import html
import importlib.util
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

DEMO = Path(__file__).resolve().parent.parent / "demo"
CORPUS = DEMO.parent / "detente" / "demo" / "corpus"
DIGEST = CORPUS / "clippings-2024.txt"
WARC = CORPUS / "crawl.warc.gz"
RECORD_FIELDS = ("id", "title", "outlet", "url", "published", "text")
MIN_WORDS, MAX_WORDS = 120, 400  # length of one short news article, as the corpus brief sets it
MAX_CORPUS_BYTES = 400 * 1024  # size cap the corpus brief sets
NAMESPACE_HOSTS = {"schema.org", "purl.org", "www.w3.org"}  # XML/JSON-LD vocabularies, not links

TXT_DATE_FORMS = {
    "iso": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "slashed": re.compile(r"\d{1,2}/\d{1,2}/\d{2}"),
    "day month year": re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}"),
    "month day, year": re.compile(r"[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}"),
}
DIGEST_HEADING = re.compile(r"(\d{1,2})(?:-(\d{1,2}))? ([A-Z][a-z]+)")
DIGEST_SOURCE = re.compile(r"\(([^)]+)\) (\S.*)")
HEADLINE = re.compile(r"<h[12][^>]*>(.*?)</h[12]>", re.S)
CHARSET = re.compile(rb"""charset=["']?([\w-]+)""")
URL_HOST = re.compile(r"https?://([^/\"'\s<>]+)")


@dataclass(frozen=True)
class Standalone:
    """One article as stored in the corpus: its format, headline and everything searchable."""

    kind: str
    title: str
    blob: str


def words(text: str) -> int:
    """Number of whitespace-separated words in a text."""
    return len(text.split())


def strip_tags(markup: str) -> str:
    """Visible text of a small HTML fragment."""
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def decode_page(markup: bytes) -> str:
    """An HTML page decoded with the charset it declares."""
    declared = CHARSET.search(markup)
    assert declared, "page declares no charset"
    return markup.decode(declared.group(1).decode())


def page_article(kind: str, markup: bytes) -> Standalone:
    """An HTML page as an article: its first h1/h2 and its unescaped markup."""
    page = decode_page(markup)
    found = HEADLINE.search(page)
    assert found, "page has no h1/h2 headline"
    return Standalone(kind, strip_tags(found.group(1)).strip(), html.unescape(page))


def text_files() -> list[Path]:
    """Plain-text articles (the digest is counted separately)."""
    return sorted((CORPUS / "text").glob("*.txt"))


def html_pages() -> list[Path]:
    """Saved HTML pages."""
    return sorted((CORPUS / "web").glob("*.html"))


def feeds() -> dict[str, feedparser.FeedParserDict]:
    """Each feed file, parsed."""
    return {path.name: feedparser.parse(path) for path in sorted((CORPUS / "feeds").iterdir())}


def jsonl_records() -> list[dict[str, str]]:
    """Records of the JSONL export."""
    path = CORPUS / "records" / "news-archive.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def csv_records() -> list[dict[str, str]]:
    """Records of the CSV export."""
    with (CORPUS / "records" / "eurasia-monitor.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def warc_pages() -> list[tuple[str, bytes]]:
    """(target URI, HTML payload) of every response record in the crawl."""
    pages = []
    with WARC.open("rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "response":
                uri = record.rec_headers.get_header("WARC-Target-URI")
                pages.append((uri, record.content_stream().read()))
    return pages


def digest_items() -> list[tuple[str, str, str, str]]:
    """(dated heading, title, outlet, first paragraph) of every item in the clipping digest."""
    lines = DIGEST.read_text(encoding="utf-8").splitlines()
    items, heading = [], ""
    for previous, line in pairwise(lines):
        if DIGEST_HEADING.fullmatch(line):
            heading = line
        elif (source := DIGEST_SOURCE.fullmatch(line)) and heading:
            items.append((heading, previous, source.group(1), source.group(2)))
    return items


def standalone_articles() -> list[Standalone]:
    """Every article outside the digest, from every format."""
    found = []
    for path in text_files():
        text = path.read_text(encoding="utf-8")
        found.append(Standalone("txt", text.splitlines()[0], text))
    found += [page_article("html", path.read_bytes()) for path in html_pages()]
    for name, parsed in feeds().items():
        for entry in parsed.entries:
            blob = f"{parsed.feed.title}\n{html.unescape(entry.content[0].value)}"
            found.append(Standalone(name.rsplit(".", 1)[1], entry.title, blob))
    for kind, records in (("jsonl", jsonl_records()), ("csv", csv_records())):
        found += [Standalone(kind, r["title"], f"{r['outlet']}\n{r['text']}") for r in records]
    found += [page_article("warc", markup) for _, markup in warc_pages()]
    return found


def load_build_warc() -> ModuleType:
    """demo/build_warc.py, imported from its path (demo is not a package)."""
    spec = importlib.util.spec_from_file_location("build_warc", DEMO / "build_warc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_at_least_45_articles_in_every_format() -> None:
    counts = Counter(article.kind for article in standalone_articles())
    assert set(counts) == {"txt", "html", "rss", "atom", "jsonl", "csv", "warc"}
    assert sum(counts.values()) >= 45, counts
    assert len(digest_items()) >= 5


def test_titles_are_unique_across_formats() -> None:
    titles = Counter(article.title for article in standalone_articles())
    assert [title for title, n in titles.items() if n > 1] == []


def test_text_files_have_title_byline_and_varied_date_lines() -> None:
    forms = set()
    for path in text_files():
        title, byline, dated, blank, *body = path.read_text(encoding="utf-8").splitlines()
        assert title and not blank, path.name
        assert re.fullmatch(r"By [^,]+, .+", byline), f"{path.name}: byline {byline!r}"
        form = [name for name, pattern in TXT_DATE_FORMS.items() if pattern.fullmatch(dated)]
        assert form, f"{path.name}: date line {dated!r}"
        forms.update(form)
        assert MIN_WORDS <= words("\n".join(body)) <= MAX_WORDS, path.name
    assert forms == set(TXT_DATE_FORMS)


def test_html_pages_decode_and_carry_page_furniture() -> None:
    for path in html_pages():
        page = decode_page(path.read_bytes()).lower()
        assert "<nav" in page or 'class="menu"' in page, path.name
        assert all(part in page for part in ("newsletter", "comment", "footer")), path.name
        assert len(re.findall(r"<p>", page)) >= 5, path.name


def test_html_metadata_sits_in_different_places() -> None:
    pages = [decode_page(path.read_bytes()) for path in html_pages()]
    assert any("article:published_time" in page for page in pages)
    assert any("application/ld+json" in page for page in pages)
    assert any("ld+json" not in page and "<meta property" not in page for page in pages)


def test_feeds_parse_cleanly_with_full_content() -> None:
    parsed = feeds()
    assert {p.version for p in parsed.values()} == {"rss20", "atom10"}
    for name, feed in parsed.items():
        assert not feed.bozo, f"{name}: {feed.get('bozo_exception')}"
        assert len(feed.entries) >= 3, name
        for entry in feed.entries:
            assert entry.link and entry.published_parsed and entry.author, entry.title
            assert MIN_WORDS <= words(strip_tags(entry.content[0].value)) <= MAX_WORDS


@pytest.mark.parametrize("records", [jsonl_records, csv_records], ids=["jsonl", "csv"])
def test_records_have_required_fields(records: Callable[[], list[dict[str, str]]]) -> None:
    rows = records()
    assert len(rows) >= 5
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert all(row.get(field) for field in RECORD_FIELDS), row.get("id")
        datetime.fromisoformat(row["published"])
        assert MIN_WORDS <= words(row["text"]) <= MAX_WORDS, row["id"]


def test_warc_reads_back_with_html_responses() -> None:
    with WARC.open("rb") as f:
        kinds = Counter(record.rec_type for record in ArchiveIterator(f))
    pages = warc_pages()
    assert kinds["warcinfo"] == 1 and kinds["request"] == kinds["response"] == len(pages) >= 3
    for uri, markup in pages:
        assert uri.startswith("https://") and b"</html>" in markup, uri


def test_warc_matches_its_build_script(tmp_path: Path) -> None:
    rebuilt = tmp_path / WARC.name
    assert load_build_warc().build(target=rebuilt) == len(warc_pages())
    assert rebuilt.read_bytes() == WARC.read_bytes(), "run python demo/build_warc.py"


def test_build_warc_names_a_bad_manifest_line(tmp_path: Path) -> None:
    (tmp_path / "manifest.tsv").write_text(
        "missing.html\thttps://a.example/\t2024-01-01T00:00:00Z\n"
    )
    build_warc = load_build_warc()
    with pytest.raises(build_warc.ManifestError, match=r"manifest\.tsv:1: page missing\.html"):
        build_warc.build(pages=tmp_path, target=tmp_path / "out.warc.gz")


def test_digest_items_reappear_as_standalone_articles() -> None:
    articles = {article.title: article for article in standalone_articles()}
    items = digest_items()
    for _, title, outlet, first_paragraph in items:
        assert title in articles, f"digest item {title!r} has no standalone article"
        assert outlet in articles[title].blob and first_paragraph in articles[title].blob, title
    per_heading = Counter(heading for heading, *_ in items)
    assert max(per_heading.values()) >= 2


def test_digest_headings_run_newest_first() -> None:
    days = []
    for heading in dict.fromkeys(heading for heading, *_ in digest_items()):
        day, _, month = DIGEST_HEADING.fullmatch(heading).groups()
        days.append(datetime.strptime(f"{day} {month} 2024", "%d %B %Y").date())
    assert days == sorted(days, reverse=True) and len(days) >= 4


def test_outlets_are_invented_and_hosted_under_example() -> None:
    outlets = {row["outlet"] for row in jsonl_records() + csv_records()}
    outlets |= {p.feed.title.split(":")[0] for p in feeds().values()}
    outlets |= {
        path.read_text(encoding="utf-8").splitlines()[1].split(", ", 1)[1] for path in text_files()
    }
    assert 6 <= len(outlets) <= 8, outlets
    for path in CORPUS.rglob("*"):
        if path.is_file() and path != WARC:
            hosts = set(URL_HOST.findall(path.read_bytes().decode("utf-8", "replace")))
            assert all(h.endswith(".example") for h in hosts - NAMESPACE_HOSTS), path.name
    assert all(uri.split("/")[2].endswith(".example") for uri, _ in warc_pages())


def test_dates_span_2022_to_2024() -> None:
    years = {datetime.fromisoformat(r["published"]).year for r in jsonl_records() + csv_records()}
    years |= {e.published_parsed.tm_year for p in feeds().values() for e in p.entries}
    assert years == {2022, 2023, 2024}


def test_corpus_stays_small() -> None:
    size = sum(path.stat().st_size for path in CORPUS.rglob("*") if path.is_file())
    assert size < MAX_CORPUS_BYTES, f"demo corpus is {size} bytes"
