"""Write access: token hash configuration and the bearer check."""

from __future__ import annotations

import pytest

from detente.api.auth import TOKEN_HASH_ENV, configured_hash, token_hash


def test_configured_hash_from_argument_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_HASH_ENV, raising=False)
    assert configured_hash() is None
    assert configured_hash("") is None
    monkeypatch.setenv(TOKEN_HASH_ENV, token_hash("s3cret").upper())
    assert configured_hash() == token_hash("s3cret")


def test_malformed_hash_is_refused_without_echoing_it() -> None:
    with pytest.raises(ValueError, match="64 hex digits") as caught:
        configured_hash("not-a-hash")
    assert "not-a-hash" not in str(caught.value)
