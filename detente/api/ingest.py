"""POST /api/ingest: store the articles of an uploaded file or of a URL (token required)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from detente.api.auth import require_writer
from detente.api.security import BodyTooLarge
from detente.articles.model import Article
from detente.pipeline import IngestSummary, ingest
from detente.sources.base import ReadOptions
from detente.store.articles import Store

router = APIRouter()
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
UPLOAD_PREFIX = "upload:"
"""The `source` of an uploaded article: this prefix and the name the client gave."""


def safe_name(name: str) -> str:
    """A file name with no folders or odd characters that keeps the extension readers go by."""
    base = _SAFE_NAME.sub("_", Path(name).name).strip("._")
    return base or "upload.txt"


def summary_record(summary: IngestSummary) -> dict[str, Any]:
    """What an ingest did, as JSON."""
    return {
        "sources": summary.sources,
        "documents": summary.documents,
        "articles": summary.articles,
        "duplicates": summary.duplicates,
        "errors": [str(error) for error in summary.errors],
    }


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 beyond `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/api/ingest", dependencies=[Depends(require_writer)], tags=["write"])
async def ingest_source(
    request: Request,
    url: Annotated[str | None, Query(description="A page or feed to fetch.")] = None,
    name: Annotated[
        str, Query(description="The uploaded file's name; its extension picks the reader.")
    ] = "upload.txt",
) -> dict[str, Any]:
    """Store the articles of the request body (a file) or of `url`; coding is left to the CLI."""
    store: Store = request.app.state.store
    options = ReadOptions()
    if url is not None:
        if not url.startswith(("http://", "https://")):
            raise HTTPException(422, f"url {url!r} must start with http:// or https://")
        return summary_record(await run_in_threadpool(ingest, [url], store, options))
    body = await read_body(request, options.max_bytes)
    if not body:
        raise HTTPException(422, "send a file as the request body, or a url parameter")
    label = safe_name(name)
    return summary_record(await run_in_threadpool(store_upload, store, body, label, options))


def store_upload(store: Store, body: bytes, label: str, options: ReadOptions) -> IngestSummary:
    """Read an uploaded file's articles, sourced as upload:NAME, into the store."""

    def relabel(articles: list[Article]) -> None:
        for article in articles:
            article.source = UPLOAD_PREFIX + label

    with tempfile.TemporaryDirectory(prefix="detente-upload-") as folder:
        path = Path(folder) / label
        path.write_bytes(body)
        summary = ingest([str(path)], store, options, prepare=relabel)
    for error in summary.errors:
        error.source = error.source.replace(str(path), UPLOAD_PREFIX + label)
    return summary
