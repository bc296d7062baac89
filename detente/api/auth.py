"""Write access: a bearer token whose SHA-256 hash is configured, checked in constant time."""

from __future__ import annotations

import hashlib
import hmac
import os

from fastapi import HTTPException, Request

TOKEN_HASH_ENV = "DETENTE_TOKEN_HASH"


def configured_hash(value: str | None = None) -> str | None:
    """The write token's hex SHA-256: `value`, else DETENTE_TOKEN_HASH; None disables writes."""
    found = (value if value is not None else os.environ.get(TOKEN_HASH_ENV, "")).strip().lower()
    if not found:
        return None
    if len(found) != 64 or any(c not in "0123456789abcdef" for c in found):
        raise ValueError(f"{TOKEN_HASH_ENV} must be 64 hex digits (a SHA-256), got {len(found)}")
    return found


def token_hash(token: str) -> str:
    """The hex SHA-256 of a token, as DETENTE_TOKEN_HASH holds it."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def require_writer(request: Request) -> None:
    """Let the request through only with the configured bearer token (403 when none is set)."""
    expected: str | None = request.app.state.token_hash
    if expected is None:
        raise HTTPException(403, f"writes are disabled: set {TOKEN_HASH_ENV} to enable them")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    given = token_hash(token.strip()) if scheme.lower() == "bearer" and token.strip() else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )
