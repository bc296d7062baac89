"""Stage 1: read files, folders, feeds, archives and URLs into decoded documents."""

from detente.sources.base import Document, ReadError, ReadOptions
from detente.sources.read import read_one
from detente.sources.walk import expand

__all__ = ["Document", "ReadError", "ReadOptions", "expand", "read_one"]
