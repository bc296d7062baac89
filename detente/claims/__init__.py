"""Stage 5, claims: figures with their unit or currency, what they measure, when, and who
claims them."""

from detente.claims.extract import find_claims
from detente.claims.model import Claim

__all__ = ["Claim", "find_claims"]
