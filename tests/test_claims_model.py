"""The Claim record."""

from __future__ import annotations

from detente.claims.model import Claim


def test_a_claim_is_not_a_range_unless_told() -> None:
    claim = Claim("percent", 29.0, "percent", None, None, "2022", None, "29 percent", 0, 10)
    assert claim.upper is None
