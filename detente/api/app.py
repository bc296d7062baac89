"""The web application: JSON API, dashboard pages and static files over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from detente import __version__
from detente.api import ingest, routes
from detente.api.auth import configured_hash
from detente.api.security import MAX_BODY_BYTES, Guard
from detente.dashboard.pages import STATIC
from detente.dashboard.pages import router as pages
from detente.store.articles import Store


def create_app(
    db: str | None = None, token_hash: str | None = None, max_body: int = MAX_BODY_BYTES
) -> FastAPI:
    """The app over the store at `db` (else DETENTE_DB, else ./detente.db); writes need a token."""
    store = Store.open(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="detente",
        version=__version__,
        description="News about relations between states as a sourced, coded record.",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json stays
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token_hash = configured_hash(token_hash)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(Guard, max_body=max_body)
    return app
