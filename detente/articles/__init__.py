"""Stage 2: articles out of documents (boilerplate removed, digests split, metadata read)."""

from detente.articles.extract import ExtractError, extract
from detente.articles.model import Article

__all__ = ["Article", "ExtractError", "extract"]
