"""Stories (the reports of one happening) and what one clustering call did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Story:
    """The articles about one real-world happening, across outlets."""

    id: str
    title: str | None
    first_published: date | None
    last_published: date | None
    article_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)

    @property
    def n_articles(self) -> int:
        """How many articles report it."""
        return len(self.article_ids)

    @property
    def n_outlets(self) -> int:
        """How many distinct outlets report it."""
        return len(self.outlets)


@dataclass(slots=True, frozen=True)
class StoryResult:
    """Counts from one call of `assign_stories`."""

    articles: int
    """Articles given a story."""
    joined: int
    """Of those, how many joined a story that was already stored."""
    opened: int
    """Stories opened."""
    near_duplicates: int
    """Near-duplicate pairs found (copies, re-posts, excerpts)."""
    dated_ids: frozenset[str] = frozenset()
    """Articles without a date of their own that took (or updated) their story's date."""

    @property
    def dated(self) -> int:
        """How many articles took (or updated) their story's date."""
        return len(self.dated_ids)
