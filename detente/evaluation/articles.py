"""`detente eval articles`: title, outlet, author, date and URL extraction, field by field.

The gold is ours: facts read off the seeds, and HTML pages written for detente, both kept with
the tests in a source checkout.
"""

from __future__ import annotations

from pathlib import Path

from detente.articles.evaluate import score_folder

GOLD = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "articles"
COUNTS = ("documents", "gold_articles", "found_articles")


def score(shared: Path) -> dict[str, float | int]:
    """Per-field accuracy on the seeds (from `shared`) and on the HTML pages we wrote."""
    if not (GOLD / "gold_seeds.jsonl").exists():
        raise FileNotFoundError(f"article gold not found at {GOLD}: run from a source checkout")
    seeds = shared / "seeds"
    if not seeds.is_dir():
        raise FileNotFoundError(f"seeds not found at {seeds}: pass --shared PATH")
    scores: dict[str, float | int] = {}
    for name, folder, gold in (
        ("seeds", seeds, GOLD / "gold_seeds.jsonl"),
        ("pages", GOLD / "pages", GOLD / "gold_pages.jsonl"),
    ):
        for measure, value in score_folder(folder, gold).items():
            key = f"n_{measure}" if measure in COUNTS else measure
            scores[f"{name}.{key}"] = int(value) if measure in COUNTS else round(value, 4)
    return scores
