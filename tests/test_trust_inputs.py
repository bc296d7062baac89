"""Bad inputs through the real ingest: each is named with its problem and the rest goes in."""

from __future__ import annotations

import io
import json
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from detente.articles.model import Article
from detente.cli import app
from detente.pipeline import IngestSummary, ingest
from detente.process import run
from detente.sources import web
from detente.sources.base import ReadOptions
from detente.store.articles import Store

GOOD = "Russian and Chinese foreign ministers met in Beijing on Tuesday to discuss rail freight.\n"
SECRET = "TOP-SECRET-7f3a9c"
"""Planted in a local file that XXE and SSRF attempts aim at; it must never come back."""
BODY = (
    "Russian and Chinese officials met in Beijing on Tuesday and agreed to expand rail freight "
    "across the border, the ministry said in a statement after the talks ended. "
) * 3


def run_batch(
    folder: Path, bad: dict[str, bytes], options: ReadOptions | None = None
) -> tuple[IngestSummary, list[Article]]:
    """Ingest a folder holding `bad` files beside one good file; the summary and what was stored."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    with Store.open(f"sqlite:///{folder.parent / 'batch.db'}") as store:
        summary = ingest([str(folder)], store, options)
        stored = list(store.iter_articles())
    assert any("rail freight" in article.text for article in stored), "the good file went missing"
    return summary, stored


def errors_of(summary: IngestSummary) -> dict[str, str]:
    """Each failed input (as named in the error) and its reason."""
    return {error.source: error.reason for error in summary.errors}


def text_of(stored: list[Article], name: str) -> str:
    """The text of every article stored from the file called `name`."""
    return "\n".join(article.text for article in stored if Path(article.source).name == name)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n", "only whitespace"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("noise.txt", bytes((i * 7919) % 256 for i in range(4000)), "binary"),
        ("archive.gz", b"\x1f\x8b\x08\x00" + bytes(64), "gzip"),
    ],
)
def test_empty_and_binary_files_are_named(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    summary, stored = run_batch(tmp_path / "in", {name: data})
    failed = errors_of(summary)
    assert list(failed) == [str(tmp_path / "in" / name)]
    assert reason in failed[str(tmp_path / "in" / name)]
    assert len(stored) == 1


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        (
            "ru.txt",
            "Министр иностранных дел России Сергей Лавров прибыл в Пекин на переговоры "
            "с китайским коллегой Ван И о торговле и безопасности.\n".encode("cp1251"),
            ["Лавров", "Пекин", "переговоры"],
        ),
        (
            "zh.txt",
            "俄罗斯外交部长拉夫罗夫抵达北京，与中国外交部长王毅举行会谈，双方讨论了贸易和安全问题。\n".encode(
                "gb18030"
            ),
            ["王毅", "北京", "拉夫罗夫"],
        ),
        (
            "fr.txt",
            "Le ministre français des Affaires étrangères a rencontré son homologue chinois à "
            "Pékin; la réunion a porté sur le commerce et la sécurité régionale.\n".encode(
                "latin-1"
            ),
            ["français", "étrangères", "Pékin", "sécurité"],
        ),
        (
            "mixed.txt",  # UTF-8 with one stray byte: not valid UTF-8 any more
            "Ministers met in Beijing on Tuesday to talk trade.\n\xa0Officials said the "
            "talks would continue next month in Moscow.\n".encode().replace(b"\xc2\xa0", b"\xff"),
            ["Ministers met in Beijing", "continue next month in Moscow"],
        ),
    ],
)
def test_legacy_encodings_and_invalid_utf8_are_decoded_right(
    tmp_path: Path, name: str, data: bytes, words: list[str]
) -> None:
    summary, stored = run_batch(tmp_path / "in", {name: data})
    assert not summary.errors
    text = text_of(stored, name)
    assert all(word in text for word in words), text


def test_files_over_the_size_cap_are_refused_by_name(tmp_path: Path) -> None:
    big = ("Trade talks went on. " * 200).encode()
    summary, stored = run_batch(tmp_path / "in", {"big.txt": big}, ReadOptions(max_bytes=2000))
    reason = errors_of(summary)[str(tmp_path / "in" / "big.txt")]
    assert "too large" in reason and "2000" in reason
    assert len(stored) == 1


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("truncated.html", f"<html><head><title>Rail talks</title></head><body><p>{BODY}"[:-40]),
        (
            "tangled.html",
            f"<html><body><div><p><b>{BODY}</div></p></b><table><tr><td>x</p></body></html>",
        ),
        ("no_end.html", f"<!DOCTYPE html><html><body><article><p>{BODY}<p>Second <<>> par"),
        ("comment.html", f"<html><body><p>{BODY}</p><!-- never closed <p>lost</p>"),
    ],
)
def test_truncated_and_malformed_html_keeps_its_text(tmp_path: Path, name: str, page: str) -> None:
    summary, stored = run_batch(tmp_path / "in", {name: page.encode()})
    assert not summary.errors
    assert "agreed to expand rail freight" in text_of(stored, name)


def test_html_without_text_is_named(tmp_path: Path) -> None:
    page = b"<html><head><script>var a = 1;</script></head><body><div></div></body></html>"
    summary, _ = run_batch(tmp_path / "in", {"shell.html": page})
    assert "no main text" in errors_of(summary)[str(tmp_path / "in" / "shell.html")]


LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + ']>\n<rss version="2.0"><channel><title>Bomb</title><item><title>x</title>'
    "<description>&lol9;</description></item></channel></rss>\n"
)


def xxe_feed(target: Path, how: str) -> str:
    """A feed that tries to pull `target` in through an external entity of the kind `how`."""
    doctype = {
        "general": f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{target}">]>',
        "parameter": f'<!DOCTYPE rss [<!ENTITY % ext SYSTEM "file://{target}"> %ext;]>',
        "dtd": f'<!DOCTYPE rss SYSTEM "file://{target}">',  # an external DTD
    }[how]
    return (
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Leak</title><description>&xxe; {BODY}</description></item>"
        "</channel></rss>"
    )


def test_billion_laughs_feed_is_refused_fast(tmp_path: Path) -> None:
    started = time.monotonic()
    summary, stored = run_batch(tmp_path / "in", {"laughs.rss": LAUGHS.encode()})
    assert time.monotonic() - started < 10
    assert errors_of(summary)[str(tmp_path / "in" / "laughs.rss")].startswith("refused")
    assert not any("lollol" in article.text for article in stored)


@pytest.mark.parametrize("how", ["general", "parameter", "dtd"])
@pytest.mark.parametrize("name", ["wire.rss", "wire.xml", "page.html"])
def test_external_entities_never_leak_a_local_file(tmp_path: Path, how: str, name: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    summary, stored = run_batch(tmp_path / "in", {name: xxe_feed(secret, how).encode()})
    assert not any(SECRET in article.text or SECRET in str(article.title) for article in stored)
    assert not any(SECRET in str(error) for error in summary.errors)
    if name.endswith((".rss", ".xml")) and how != "dtd":
        assert "entit" in errors_of(summary)[str(tmp_path / "in" / name)]


def warc_with_a_broken_record(gzipped: bool) -> bytes:
    """Three HTML responses; the middle one's length header is mangled."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    starts = []
    for number in range(3):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        page = f"<html><body><p>Report {number}. {BODY}</p></body></html>".encode()
        record = writer.create_warc_record(
            f"http://news.example/{number}", "response", payload=io.BytesIO(page),
            http_headers=headers,
        )  # fmt: skip
        starts.append(buffer.tell())
        writer.write_record(record)
    data = bytearray(buffer.getvalue())
    middle = bytes(data[starts[1] : starts[2]])
    if gzipped:  # a gzip member with its body scrambled
        data[starts[1] + 20 : starts[1] + 60] = bytes(40)
    else:
        data[starts[1] : starts[2]] = middle.replace(b"Content-Length: ", b"Content-Length: x")
    return bytes(data)


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_with_a_broken_record_keeps_the_good_ones(tmp_path: Path, gzipped: bool) -> None:
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    summary, stored = run_batch(tmp_path / "in", {name: warc_with_a_broken_record(gzipped)})
    text = text_of(stored, name)
    assert "Report 0." in text and "Report 2." in text
    assert "Report 1." not in text
    (where,) = errors_of(summary)
    assert where.startswith(str(tmp_path / "in" / name) + "@")
    assert "broken WARC record" in summary.errors[0].reason


def test_jsonl_bad_lines_are_named_by_number_and_good_ones_go_in(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": "Record one: ministers met in Astana on Monday."}),
        "{not json",
        "[" * 50_000,  # nested past the parser's recursion limit
        json.dumps(["a", "list"]),
        json.dumps({"id": "r5", "text": 42.5, "title": {"nested": True}}),
        json.dumps({"id": "r6", "title": "No text"}),
        '{"id": "r7", "text": "NUL \\u0000 and a lone surrogate \\ud800 in the text of record 7."}',
        "",
        json.dumps({"id": "r9", "text": "Record nine: the talks would go on in Moscow in June."}),
        "\ufeff" + json.dumps({"id": "r10", "text": "x"}),
    ]
    data = "\n".join(lines).encode("utf-8")
    summary, stored = run_batch(tmp_path / "in", {"records.jsonl": data})
    path = str(tmp_path / "in" / "records.jsonl")
    failed = errors_of(summary)
    assert {f"{path}:{n}" for n in (2, 3, 4, 5, 6, 10)} <= set(failed)
    assert "column" in failed[f"{path}:2"] and "nested too deeply" in failed[f"{path}:3"]
    assert "JSON object" in failed[f"{path}:4"] and "'title'" in failed[f"{path}:5"]
    assert "no text" in failed[f"{path}:6"]
    by_id = {article.source_id: article.text for article in stored}
    assert "ministers met in Astana" in by_id["r1"] and "go on in Moscow" in by_id["r9"]
    assert by_id["r7"] == "NUL and a lone surrogate \ufffd in the text of record 7."


ODD_NAMES = [
    "with spaces.txt",
    "Пекин 北京 ünïcode.txt",
    "line\nbreak.txt",
    "-rf.txt",
    "--db=x.txt",
    "semi;colon$(echo).txt",
    "tab\there.txt",
]


def test_odd_file_names_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(ODD_NAMES):
        (folder / name).write_text(f"Report {number}. {BODY}", encoding="utf-8")
    summary, stored = run_batch(folder, {})
    assert not summary.errors
    assert {Path(article.source).name for article in stored} == {*ODD_NAMES, "good.txt"}


def test_odd_file_names_on_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(ODD_NAMES):
        (folder / name).write_text(f"Report {number}. {BODY}", encoding="utf-8")
    (folder / "-empty.txt").write_bytes(b"")
    db = tmp_path / "cli.db"
    named = [str(folder / name) for name in ODD_NAMES]
    result = CliRunner().invoke(
        app, ["ingest", "--articles-only", "--db", str(db), "--", *named, "-empty.txt"]
    )
    assert result.exit_code == 2, result.output
    assert "-empty.txt: no such file" in result.output
    with Store.open(str(db)) as store:
        assert store.count("articles") == len(ODD_NAMES)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://localhost:8000/",
        "http://[::1]/",
        "http://2130706433/",  # 127.0.0.1 written as one number
        "http://0x7f.1/",
        "http://0.0.0.0/",
        "http://10.1.2.3/",
        "http://192.168.0.1/router",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://internal.test/",  # a name that resolves to 127.0.0.1 (patched resolver)
    ],
)
def test_private_urls_are_refused_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", resolver({"internal.test": "127.0.0.1"}))
    summary, stored = run_batch_with_url(tmp_path, url, monkeypatch, lambda _: _fail())
    (error,) = summary.errors
    assert error.source == url
    assert error.reason.startswith("refused") and "allow_private" in error.reason
    assert len(stored) == 1


def test_redirect_to_a_private_address_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", resolver({"news.test": "93.184.216.34"}))
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(f"{request.headers['host']} via {request.url}")
        if request.headers["host"] == "news.test":
            target = "http://169.254.169.254/latest/meta-data/"
            return httpx.Response(302, headers={"Location": target})
        return httpx.Response(200, text=SECRET, headers={"Content-Type": "text/plain"})

    summary, stored = run_batch_with_url(tmp_path, "http://news.test/story", monkeypatch, answer)
    (error,) = summary.errors
    assert "redirect to http://169.254.169.254" in error.reason and "link-local" in error.reason
    assert asked == ["news.test via http://93.184.216.34/story"]
    assert not any(SECRET in article.text for article in stored)


def test_a_name_that_rebinds_after_the_check_still_reaches_the_checked_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])  # public once, then loopback
    real = socket.getaddrinfo

    def rebinding(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if host == "news.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    asked: list[tuple[str, str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append((str(request.url.host), request.headers["host"]))
        page = "<html><body><p>" + GOOD + "</p></body></html>"
        return httpx.Response(200, text=page, headers={"Content-Type": "text/html"})

    summary, _ = run_batch_with_url(tmp_path, "http://news.test/story", monkeypatch, answer)
    assert asked == [("93.184.216.34", "news.test")]  # connected to the address it checked
    assert not summary.errors


def run_batch_with_url(
    tmp_path: Path,
    url: str,
    monkeypatch: pytest.MonkeyPatch,
    answer: Callable[[httpx.Request], httpx.Response],
) -> tuple[IngestSummary, list[Article]]:
    """Ingest a good file and `url`, with the network replaced by `answer`."""
    real_client = httpx.Client

    def client(**kwargs: Any) -> httpx.Client:
        return real_client(**{**kwargs, "transport": httpx.MockTransport(answer)})

    monkeypatch.setattr(web.httpx, "Client", client)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    with Store.open(f"sqlite:///{tmp_path / 'url.db'}") as store:
        summary = ingest([str(folder), url], store)
        return summary, list(store.iter_articles())


def resolver(names: dict[str, str]) -> Callable[..., list[Any]]:
    """getaddrinfo that answers for made-up names and passes every other name on."""
    real = socket.getaddrinfo

    def lookup(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (names[host], port))]
        return real(host, port, *args, **kwargs)

    return lookup


def _fail() -> httpx.Response:
    """The network must not be reached for a refused URL."""
    raise AssertionError("a refused URL was fetched")


def test_a_100k_character_sentence_is_ingested_in_bounded_time(tmp_path: Path) -> None:
    clause = "and the ministers of both states agreed to expand rail freight across the border "
    sentence = "Officials said " + clause * (100_000 // len(clause) + 1) + "in the end."
    assert len(sentence) >= 100_000
    started = time.monotonic()
    summary, stored = run_batch(tmp_path / "in", {"long.txt": sentence.encode()})
    assert time.monotonic() - started < 30
    assert not summary.errors
    assert len(text_of(stored, "long.txt")) >= 100_000


@pytest.mark.parametrize(
    ("name", "feed"),
    [  # inputs atheris found (fuzz/readers.py) that raised out of the feed reader
        ("mangled.rss", b'<?xml version="1.0" encoding="U\xcc\xcc\xcc"?><rss><channel/></rss>'),
        ("utf9.rss", b'<?xml version="1.0" encoding="UTF-9"?><rss><channel/></rss>'),
        (
            "nameless.atom",
            b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><author><email>a@b.c</email>'
            b"</author><content>" + BODY.encode() + b"</content></entry></feed>",
        ),
    ],
)
def test_feeds_that_crashed_the_reader_are_read_or_named(
    tmp_path: Path, name: str, feed: bytes
) -> None:
    summary, stored = run_batch(tmp_path / "in", {name: feed})
    failed = errors_of(summary)
    assert text_of(stored, name) or str(tmp_path / "in" / name) in failed
    assert not any("reading stopped" in reason for reason in failed.values())


def test_a_100k_character_sentence_is_coded_in_bounded_time(tmp_path: Path) -> None:
    clause = "and the ministers of both states agreed to expand rail freight across the border "
    sentence = "Officials said " + clause * (100_000 // len(clause) + 1) + "in the end."
    (tmp_path / "long.txt").write_text(sentence, encoding="utf-8")
    started = time.monotonic()
    with Store.open(f"sqlite:///{tmp_path / 'coded.db'}") as store:
        summary = run([str(tmp_path / "long.txt")], store)
        assert (summary.ingest.articles, summary.coded, summary.ingest.errors) == (1, 1, [])
    assert time.monotonic() - started < 90  # 10.5 s measured on the loaded 2-core machine
