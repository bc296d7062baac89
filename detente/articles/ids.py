"""Stable article ids from normalized content, so the same text always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NON_WORD = re.compile(r"[^\w]+")


def normalize(text: str) -> str:
    """Fold case, Unicode forms, quote styles, punctuation and spacing that copies differ in."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _NON_WORD.sub(" ", text).strip()


def article_id(text: str) -> str:
    """A 20-hex-digit id from the article's normalized text."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:20]
