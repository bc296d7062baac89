"""Stage 5, quotes: direct and indirect quotes with their cue, speaker span and channel."""

from detente.quotes.attribution import find_quotes
from detente.quotes.model import Quote

__all__ = ["Quote", "find_quotes"]
