"""The HTTP API (FastAPI) over the store, serving the dashboard beside it."""

from detente.api.app import create_app
from detente.api.cli import serve

__all__ = ["create_app", "serve"]
