"""`detente serve`: the API and dashboard over a store, on one address."""

from __future__ import annotations

import uvicorn

from detente.api.app import create_app
from detente.store.db import resolve_url


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and dashboard over the store at `db` until interrupted; print the address."""
    app = create_app(resolve_url(db))
    print(f"detente: dashboard at http://{host}:{port}/ (API under /api, schema /openapi.json)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
