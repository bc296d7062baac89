"""The relationship index: how relations between two states trend, period by period."""

from detente.index.dyads import DIRECTIONS, FREQS, Dyad
from detente.index.series import IndexPoint, IndexSeries, index_series

__all__ = ["DIRECTIONS", "FREQS", "Dyad", "IndexPoint", "IndexSeries", "index_series"]
