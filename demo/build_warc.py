"""Writes the demo corpus's crawl.warc.gz from the pages listed in demo/warc_pages/manifest.tsv."""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "warc_pages"
TARGET = HERE.parent / "detente" / "demo" / "corpus" / "crawl.warc.gz"
USER_AGENT = "detente-demo-crawler/1.0 (+https://demo.example/crawler)"


class ManifestError(ValueError):
    """A line of manifest.tsv that does not name a page, a URL and a fetch time."""


def read_manifest(pages: Path) -> list[tuple[Path, str, datetime]]:
    """The pages to archive, each with the URL it was fetched from and when (UTC)."""
    manifest = pages / "manifest.tsv"
    entries = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{manifest}:{number}"
        fields = line.split("\t")
        if len(fields) != 3:
            raise ManifestError(f"{where}: expected file, url and fetched, tab-separated")
        name, url, fetched = fields
        page = pages / name
        if not page.is_file():
            raise ManifestError(f"{where}: page {name} does not exist")
        if urlsplit(url).scheme not in {"http", "https"}:
            raise ManifestError(f"{where}: {url!r} is not an http(s) URL")
        try:
            when = datetime.strptime(fetched, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        except ValueError:
            raise ManifestError(
                f"{where}: fetched {fetched!r} is not YYYY-MM-DDTHH:MM:SSZ"
            ) from None
        entries.append((page, url, when))
    return entries


def _record_id(kind: str, url: str) -> str:
    """A WARC-Record-ID derived from the URL, so that rebuilding gives identical bytes."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {url}')}>"


def _warc_date(when: datetime) -> str:
    """WARC-Date form of a UTC time."""
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def build(pages: Path = PAGES, target: Path = TARGET) -> int:
    """Write a gzipped WARC holding a request and a response per page; return the page count."""
    entries = read_manifest(pages)
    if not entries:
        raise ManifestError(f"{pages / 'manifest.tsv'}: lists no pages")
    with target.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        newest = max(when for _, _, when in entries)
        info = (
            b"software: demo/build_warc.py (warcio)\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"description: detente demo crawl of invented news pages\r\n"
        )
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Record-ID": _record_id("warcinfo", target.name),
                    "WARC-Date": _warc_date(newest),
                    "WARC-Filename": target.name,
                },
            )
        )
        for page, url, when in entries:
            parts = urlsplit(url)
            request = StatusAndHeaders(
                f"GET {parts.path or '/'} HTTP/1.1",
                [("Host", parts.netloc), ("User-Agent", USER_AGENT), ("Accept", "text/html")],
                is_http_request=True,
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "request",
                    http_headers=request,
                    warc_headers_dict={
                        "WARC-Record-ID": _record_id("request", url),
                        "WARC-Date": _warc_date(when),
                    },
                )
            )
            body = page.read_bytes()
            response = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Date", format_datetime(when, usegmt=True)),
                ],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(body),
                    length=len(body),
                    http_headers=response,
                    warc_headers_dict={
                        "WARC-Record-ID": _record_id("response", url),
                        "WARC-Date": _warc_date(when),
                        "WARC-Concurrent-To": _record_id("request", url),
                    },
                )
            )
    return len(entries)


def main() -> None:
    """Rebuild the demo WARC and say how many pages it holds."""
    try:
        count = build()
    except (ManifestError, OSError) as error:
        sys.exit(f"build_warc: {error}")
    print(f"wrote {TARGET} ({count} pages)")


if __name__ == "__main__":
    main()
