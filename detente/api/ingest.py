"""POST /api/ingest: store, code and group the articles of an uploaded file or URL (token
required)."""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from detente.analysis import Analyser
from detente.api.auth import require_writer
from detente.api.security import BodyTooLarge
from detente.articles.model import Article
from detente.pipeline import IngestSummary, ingest
from detente.process import RunSummary, code_and_group
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


_CODING = threading.Lock()
"""One coding run at a time in this server: two uploads must not code the same articles."""


def summary_record(summary: RunSummary) -> dict[str, Any]:
    """What an ingest did, as JSON: articles stored, then coded and given stories."""
    read = summary.ingest
    stories = summary.stories
    return {
        "sources": read.sources,
        "documents": read.documents,
        "articles": read.articles,
        "duplicates": read.duplicates,
        "coded": summary.coded,
        "stories_opened": stories.opened if stories else 0,
        "errors": [str(error) for error in read.errors],
    }


def analyser_of(app: FastAPI) -> Analyser:
    """The server's analyser, its models loaded on the first upload that codes."""
    if getattr(app.state, "analyser", None) is None:
        app.state.analyser = Analyser()
    analyser: Analyser = app.state.analyser
    return analyser


def finished(app: FastAPI, store: Store, read: IngestSummary, code: bool) -> RunSummary:
    """The ingest's summary after coding what is uncoded and assigning stories, when asked and
    the ingest stored anything."""
    summary = RunSummary(read)
    if code and read.articles:
        with _CODING:
            code_and_group(summary, store, analyser_of(app))
    return summary


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
    code: Annotated[
        bool,
        Query(description="Code the new articles and group them into stories before answering."),
    ] = True,
) -> dict[str, Any]:
    """Store the articles of the request body (a file) or of `url`, then code every uncoded
    article and assign stories, as `detente ingest` does (`code=false` only stores)."""
    store: Store = request.app.state.store
    options = ReadOptions()
    if url is not None:
        if not url.startswith(("http://", "https://")):
            raise HTTPException(422, f"url {url!r} must start with http:// or https://")
        read = await run_in_threadpool(ingest, [url], store, options)
    else:
        body = await read_body(request, options.max_bytes)
        if not body:
            raise HTTPException(422, "send a file as the request body, or a url parameter")
        label = safe_name(name)
        read = await run_in_threadpool(store_upload, store, body, label, options)
    return summary_record(await run_in_threadpool(finished, request.app, store, read, code))


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
