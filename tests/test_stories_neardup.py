"""Tests for detente.stories.neardup: shingles, overlap, LSH band keys, the exact check."""

from __future__ import annotations

import pytest

from detente.stories.neardup import Bands, judge, overlap, shingles

WIRE = (
    "Russian and Chinese warships began joint drills in the Sea of Japan on Thursday, the "
    "defence ministry in Moscow said, a day after Beijing announced the exercise."
)


def test_shingles_ignore_case_punctuation_and_quote_styles() -> None:
    assert list(shingles("It’s “big” news.", 2)) == list(shingles('it\'s "BIG" news', 2))
    assert len(shingles("one two", 3)) == 0


def test_overlap_measures_jaccard_and_containment_of_the_smaller() -> None:
    whole = shingles(WIRE, 3)
    part = shingles(WIRE.split(", the")[0], 3)
    jaccard, contained = overlap(part, whole)
    assert contained == 1.0
    assert jaccard == pytest.approx(len(part) / len(whole))
    assert overlap(part, shingles("", 3)) == (0.0, 0.0)


def test_equal_sets_share_every_band_and_keys_are_stable() -> None:
    bands = Bands(permutations=16, band_rows=4)
    first, second, other, empty = bands.keys(
        [
            shingles(WIRE, 3),
            shingles(WIRE.upper(), 3),
            shingles("a b c d e f g", 3),
            shingles("", 3),
        ]
    )
    assert first == second and len(first) == 4
    assert not set(first) & set(other)
    assert empty == []
    assert Bands(16, 4).keys([shingles(WIRE, 3)])[0] == first


def test_bands_must_divide_the_permutations() -> None:
    with pytest.raises(ValueError, match="multiple of band_rows"):
        Bands(permutations=10, band_rows=4)


def test_judge_accepts_copies_and_excerpts_only() -> None:
    whole = shingles(WIRE, 3)
    excerpt = shingles(WIRE.split(", the")[0], 3)
    unrelated = shingles("Floods closed the port of Vladivostok for a week on Thursday.", 3)
    pair = judge("x", "y", excerpt, whole, jaccard=0.9, containment=0.5)
    assert pair is not None and pair.containment == 1.0
    assert judge("x", "y", unrelated, whole, jaccard=0.5, containment=0.5) is None
