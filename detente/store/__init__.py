"""The store: SQLite by default, PostgreSQL for a server, schema kept current by migrations."""

from detente.store.articles import AddResult, Store
from detente.store.db import StoreError, resolve_url

__all__ = ["AddResult", "Store", "StoreError", "resolve_url"]
