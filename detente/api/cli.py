"""`detente serve`: the API and dashboard over a store, on one address."""

from __future__ import annotations

import os

import uvicorn

from detente.api.app import create_app
from detente.store.articles import Store
from detente.store.db import resolve_url


def serve(
    db: str | None = None, host: str = "127.0.0.1", port: int = 8000, workers: int = 1
) -> None:
    """Serve the API and dashboard over the store at `db` until interrupted; print the address.

    With several `workers`, each is a process of its own; the store is created or upgraded
    here first, so the workers only open it.
    """
    url = resolve_url(db)
    print(f"detente: dashboard at http://{host}:{port}/ (API under /api, schema /openapi.json)")
    if workers <= 1:
        uvicorn.run(create_app(url), host=host, port=port, log_level="warning")
        return
    Store.open(url).close()
    os.environ["DETENTE_DB"] = url
    uvicorn.run(
        "detente.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
