"""Near-duplicates: wire copies, re-posts and excerpts, found by MinHash LSH and checked exactly.

Exact copies already share an article id (normalized content). Near ones are found two ways:
articles whose MinHash signatures agree on a whole LSH band (likely Jaccard of 0.5 or more),
and, for an excerpt such as a digest's copy of a wire story, pairs the story clustering already
found similar. Either way a pair counts only if its shingle sets pass the exact check.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from detente.articles.ids import normalize


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two articles with (nearly) the same text: the later-stored one and its original."""

    article_id: str
    original_id: str
    jaccard: float
    containment: float
    """Share of the shorter article's shingles found in the longer one."""


def shingles(text: str, size: int) -> np.ndarray:
    """The runs of `size` consecutive words of the normalized text, as sorted CRC-32 values."""
    words = normalize(text).split()
    runs = (" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1))
    return np.unique(np.fromiter(map(zlib.crc32, runs), dtype=np.uint32))


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Jaccard of two shingle sets, and the share of the smaller one found in the larger."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))


class Bands:
    """MinHash signatures cut into LSH band keys that can be stored and looked up."""

    def __init__(self, permutations: int, band_rows: int) -> None:
        if permutations % band_rows:
            raise ValueError(f"permutations ({permutations}) must be a multiple of band_rows")
        self.permutations = permutations
        self.band_rows = band_rows

    def keys(self, sets: Sequence[np.ndarray]) -> list[list[int]]:
        """For each shingle set, its band keys (signed 64-bit); none for an empty set.

        The permutation scheme and seed are fixed so that keys stored by one run match the
        next; the shingles are already hashed (CRC-32), so MinHash takes them as they are.
        """
        signatures = MinHash.bulk(
            sets, num_perm=self.permutations, seed=1, scheme="affine32", hashfunc=int
        )
        return [
            self._cut(signature) if len(items) else []
            for signature, items in zip(signatures, sets, strict=True)
        ]

    def _cut(self, signature: MinHash) -> list[int]:
        """One key per band: a hash of the band number and its rows of the signature."""
        values = signature.hashvalues
        keys = []
        for band, first in enumerate(range(0, self.permutations, self.band_rows)):
            digest = hashlib.blake2b(
                values[first : first + self.band_rows].tobytes(),
                digest_size=8,
                person=band.to_bytes(2, "little") * 8,
            ).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys


def judge(
    article_id: str,
    original_id: str,
    a: np.ndarray,
    b: np.ndarray,
    jaccard: float,
    containment: float,
) -> NearDuplicate | None:
    """The pair as near-duplicates when either measure reaches its threshold, else None."""
    similar, contained = overlap(a, b)
    if similar >= jaccard or contained >= containment:
        return NearDuplicate(article_id, original_id, round(similar, 4), round(contained, 4))
    return None
