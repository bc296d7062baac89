"""Claim comparison: figures of the same measure across articles grouped, and the groups whose
figures disagree flagged with the pairs that disagree.

A measure key is what a figure measures (a [measures] word of its subject, else the subject's own
words, else the counted noun), who it is about (the people named with it, else the states), its
unit, and its period. A figure with no period is scoped to its story (the same happening) and
joins a dated group of its measure when its value agrees with that group and only that group.
Running totals (counts of occasions: "met for the 43rd time") ignore periods and are compared by
date instead: a count can only grow, so an earlier count above a later one is a disagreement.
Every figure is read as an interval (exact amounts within a tolerance, "more than" open above,
"about" wide, ranges from bottom to top); two figures disagree when their intervals are apart.
Figures of one article are never set against each other: they count different things."""

from __future__ import annotations

import re
import tomllib
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from itertools import combinations
from typing import Any

_WORD = re.compile(r"[a-z0-9]+(?:['’]s)?")
_OPEN = float("inf")


@dataclass(frozen=True, slots=True)
class Settings:
    """Tolerances, running units, measure words and ignored words (see data/compare.toml)."""

    relative: float
    points: float
    about: float
    running_units: frozenset[str]
    measures: dict[str, str]
    """Subject word -> the measure it names."""
    ignore: frozenset[str]
    context_before: int
    """Characters of article text read before a stored claim to find its sentence and subject."""
    context_after: int
    """The same, after it."""
    forecast_before: tuple[str, ...]
    """Phrases before a figure that make it a target or forecast ("on course to")."""
    forecast_after: tuple[str, ...]
    """Words right after a figure that do ("target")."""
    forecast_window: tuple[int, int]
    """Words read before and after a figure for those."""


@cache
def settings() -> Settings:
    """The packaged comparison settings."""
    path = files("detente.claims") / "data" / "compare.toml"
    return parse_settings(path.read_text(encoding="utf-8"), str(path))


def parse_settings(text: str, where: str) -> Settings:
    """Settings from TOML text; ValueError naming `where` and the problem when malformed."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
        tolerance, running = data["tolerance"], data["running"]
        values = {name: float(tolerance[name]) for name in ("relative", "points", "about")}
        measures = {
            word.lower(): name for name, words in data["measures"].items() for word in words
        }
        ignore = frozenset(word.lower() for word in data["subject"]["ignore"])
        units = frozenset(str(unit) for unit in running["units"])
        context = (int(data["context"]["before"]), int(data["context"]["after"]))
        forecast = data["forecast"]
        window = (int(forecast["words_before"]), int(forecast["words_after"]))
        phrases = tuple(" ".join(p.lower().split()) for p in forecast["before"])
        after = tuple(word.lower() for word in forecast["after"])
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{where}: not valid TOML ({error})") from error
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{where}: missing or malformed setting ({error})") from error
    negative = [name for name, value in values.items() if value < 0]
    if negative or min(*context, *window) < 0:
        raise ValueError(f"{where}: tolerances, context sizes and windows must not be negative")
    return Settings(
        measures=measures,
        ignore=ignore,
        running_units=units,
        context_before=context[0],
        context_after=context[1],
        forecast_before=phrases,
        forecast_after=after,
        forecast_window=window,
        **values,
    )


@dataclass(frozen=True, slots=True)
class Figure:
    """A stored claim as compared: its amount, what it is about, when, and where it was read."""

    id: str
    article_id: str
    kind: str
    value: float
    unit: str | None
    approx: str | None
    subject: str | None
    period: str | None
    published: date | None
    story_id: str | None = None
    upper: float | None = None
    """The top of a range ("15 to 20 percent")."""
    ordinal: bool = False
    """Written as an ordinal ("the 43rd time"): the count at that moment, exactly."""
    people: tuple[str, ...] = ()
    """People named with the figure (resolved actors), by stable name."""
    countries: tuple[str, ...] = ()
    """ISO-3 codes of the states named with it (its subject's, else its sentence's)."""
    names: tuple[str, ...] = ()
    """Actor names as written in its subject, left out of the subject's own words."""
    forecast: bool = False
    """A target or forecast ("on course to pass $200 billion"), not a report of the measure."""


@dataclass(frozen=True, slots=True)
class Key:
    """What a group of figures measures: figures with equal keys report the same quantity."""

    measure: str
    participants: tuple[str, ...]
    unit: str | None
    period: str | None
    """None for a running total, and for figures that name no period."""
    story: str | None = None
    """The story a figure with no period belongs to (None once it joins a dated group)."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two figures of one measure that cannot both be right, by their ids, and why."""

    first: str
    second: str
    reason: str


@dataclass(slots=True)
class Group:
    """Figures reporting one measure, their intervals, inferred periods and disagreements."""

    key: Key
    running: bool
    figures: list[Figure]
    bounds: dict[str, tuple[float, float]] = field(default_factory=dict)
    inferred: set[str] = field(default_factory=set)
    """Ids of figures that named no period and took this group's."""
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def disagree(self) -> bool:
        """Whether any two of its figures (from different articles) disagree."""
        return bool(self.conflicts)


def words(text: str) -> list[str]:
    """The lower-case words of `text`, naive singulars ("volumes" -> "volume")."""
    found = []
    for word in _WORD.findall(text.lower()):
        word = re.sub(r"['’]s$", "", word)
        found.append(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return found


def measure_of(figure: Figure, found: Settings | None = None) -> str | None:
    """What the figure measures: its running unit, a [measures] word of its subject, the
    subject's own words, or for a count the counted noun; None when nothing says."""
    found = found or settings()
    if figure.unit in found.running_units:
        return figure.unit
    subject = words(figure.subject or "")
    named = {w for name in figure.names for w in words(name)}
    for word in subject:
        if word in found.measures:
            return found.measures[word]
    own = [w for w in subject if w not in found.ignore and w not in named and not w.isdigit()]
    if own:
        return " ".join(own)
    return figure.unit if figure.kind == "count" and figure.unit else None


def is_forecast(before: str, after: str, found: Settings | None = None) -> bool:
    """Whether the words of a sentence before and after a figure make it a target or forecast."""
    found = found or settings()
    ahead, behind = found.forecast_window
    near = " ".join(_WORD.findall(before.lower())[-ahead:]) if ahead else ""
    following = _WORD.findall(after.lower())[:behind]
    if any(f" {phrase} " in f" {near} " for phrase in found.forecast_before):
        return True
    return any(word in found.forecast_after for word in following)


def key_of(figure: Figure, found: Settings | None = None) -> Key | None:
    """The measure key of a figure, or None when it cannot be compared (nothing says what it
    measures)."""
    found = found or settings()
    measure = measure_of(figure, found)
    if measure is None:
        return None
    if figure.forecast:
        measure = f"{measure} (target)"
    participants = tuple(sorted(set(figure.people or figure.countries)))
    if figure.unit in found.running_units:
        return Key(measure, participants, figure.unit, None)
    story = None if figure.period else (figure.story_id or f"article:{figure.article_id}")
    return Key(measure, participants, figure.unit, figure.period, story)


def bounds(figure: Figure, found: Settings | None = None) -> tuple[float, float]:
    """The interval of values a figure allows, given its approximation, range and tolerance."""
    found = found or settings()
    value = figure.value
    whole = figure.kind == "count"
    step = 1.0 if whole else 0.0
    if figure.upper is not None:
        return value, figure.upper
    if figure.approx == "more than":
        return value + step, _OPEN
    if figure.approx == "at least":
        return value, _OPEN
    floor = 0.0 if value >= 0 else -_OPEN
    if figure.approx == "less than":
        return floor, value - step
    if figure.approx == "up to":
        return floor, value
    if figure.approx == "about":
        spread = abs(value) * found.about
    elif whole:
        spread = 0.0
    elif figure.kind == "percent":
        spread = found.points
    else:
        spread = abs(value) * found.relative
    return value - spread, value + spread


def period_end(period: str | None) -> date | None:
    """The last day of a period written "2023", "2022-07", "2022-01/2022-07" or "2012/2022"."""
    if not period:
        return None
    last = period.split("/")[-1]
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", last)
    if match is None:
        return None
    year = int(match.group(1))
    month = int(match.group(2) or 12)
    if not 1 <= month <= 12:
        return None
    return date(year, month, monthrange(year, month)[1])


def as_of(figure: Figure) -> date | None:
    """The date a running count stands at: publication, or its period's end when earlier."""
    end = period_end(figure.period)
    if figure.published is None or (end is not None and end < figure.published):
        return end
    return figure.published


def group_figures(figures: list[Figure], found: Settings | None = None) -> list[Group]:
    """Figures grouped by measure key (ones that cannot be keyed are left out), periods
    inferred where a figure names none, and disagreements found; disagreeing groups first,
    then the most reported."""
    found = found or settings()
    groups: dict[Key, Group] = {}
    for figure in figures:
        key = key_of(figure, found)
        if key is None:
            continue
        running = figure.unit in found.running_units
        group = groups.setdefault(key, Group(key, running, []))
        group.figures.append(figure)
        group.bounds[figure.id] = bounds(figure, found)
    _infer_periods(groups)
    result = [group for group in groups.values() if group.figures]
    for group in result:
        group.conflicts = _running_conflicts(group) if group.running else _value_conflicts(group)
    return sorted(result, key=_order)


def _order(group: Group) -> tuple[bool, int, str, str]:
    """Sort key: disagreeing first, then more articles, then by measure and period."""
    articles = len({f.article_id for f in group.figures})
    return (not group.disagree, -articles, group.key.measure, group.key.period or "")


def _infer_periods(groups: dict[Key, Group]) -> None:
    """Move each figure with no period into the one dated group of its measure, participants
    and unit whose figures all agree with it and whose period ended by its publication."""
    dated: dict[tuple[str, tuple[str, ...], str | None], list[Group]] = {}
    for key, group in groups.items():
        if key.period is not None and not group.running:
            dated.setdefault((key.measure, key.participants, key.unit), []).append(group)
    for key, group in list(groups.items()):
        if key.story is None:
            continue
        for figure in list(group.figures):
            interval = group.bounds[figure.id]
            candidates = [
                other
                for other in dated.get((key.measure, key.participants, key.unit), [])
                if _ended_by(other.key.period, figure.published)
                and all(_overlap(interval, b) for b in other.bounds.values())
            ]
            if len(candidates) != 1:
                continue
            target = candidates[0]
            group.figures.remove(figure)
            target.figures.append(figure)
            target.bounds[figure.id] = group.bounds.pop(figure.id)
            target.inferred.add(figure.id)


def _ended_by(period: str | None, published: date | None) -> bool:
    """Whether a period was over by the publication date (unknown dates: no)."""
    end = period_end(period)
    return end is not None and published is not None and end <= published


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed intervals share a value."""
    return a[0] <= b[1] and b[0] <= a[1]


def _value_conflicts(group: Group) -> list[Conflict]:
    """Pairs of figures from different articles whose intervals are apart."""
    return [
        Conflict(a.id, b.id, "values differ")
        for a, b in combinations(group.figures, 2)
        if a.article_id != b.article_id and not _overlap(group.bounds[a.id], group.bounds[b.id])
    ]


def _running_conflicts(group: Group) -> list[Conflict]:
    """Pairs of a running count that cannot both hold: the same date with intervals apart, or
    an earlier count that is surely above a later one. Undated counts are set against none."""
    conflicts = []
    for a, b in combinations(group.figures, 2):
        day_a, day_b = as_of(a), as_of(b)
        if a.article_id == b.article_id or day_a is None or day_b is None:
            continue
        if day_a > day_b:
            a, b, day_a, day_b = b, a, day_b, day_a
        low_a, high_a = group.bounds[a.id]
        low_b, high_b = group.bounds[b.id]
        if day_a == day_b and not _overlap((low_a, high_a), (low_b, high_b)):
            conflicts.append(Conflict(a.id, b.id, "counts differ on the same day"))
        elif day_a < day_b and low_a > high_b:
            conflicts.append(Conflict(a.id, b.id, "the running count falls"))
    return conflicts
