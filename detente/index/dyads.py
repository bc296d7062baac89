"""Dyads (two states), which way events between them run, and the periods they are counted in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

DIRECTIONS = ("directed", "both")
"""`directed`: first → second only; `both`: either way (joint events count for both)."""
FREQS = ("day", "week", "month")
_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(slots=True, frozen=True)
class Dyad:
    """Two states by ISO-3 code, in the order asked for ("CHN-RUS": China first)."""

    first: str
    second: str

    @classmethod
    def parse(cls, text: str) -> Dyad:
        """A dyad from "CHN-RUS" (case-insensitive); ValueError saying what is wrong."""
        parts = text.strip().upper().split("-")
        if len(parts) != 2 or not all(_CODE.match(part) for part in parts):
            raise ValueError(f"dyad {text!r} must be two ISO-3 country codes, like CHN-RUS")
        if parts[0] == parts[1]:
            raise ValueError(f"dyad {text!r} names the same country twice")
        return cls(parts[0], parts[1])

    def __str__(self) -> str:
        return f"{self.first}-{self.second}"

    def matches(self, actors: set[str], recipients: set[str], direction: str) -> bool:
        """Whether an event with these actor and recipient countries belongs to the dyad."""
        forward = self.first in actors and (self.second in recipients or self.second in actors)
        if direction == "directed" or forward:
            return forward
        return self.second in actors and (self.first in recipients or self.first in actors)


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    """`value` if it is one of `choices`, else ValueError naming the parameter and the choices."""
    if value not in choices:
        raise ValueError(f"{name} {value!r} must be one of {', '.join(choices)}")
    return value


def period_start(day: date, freq: str) -> date:
    """The first day of the day, ISO week (Monday) or month that holds `day`."""
    if freq == "week":
        return day - timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return day


def periods(first: date, last: date, freq: str) -> list[date]:
    """Start days of every period from the one holding `first` to the one holding `last`."""
    found: list[date] = []
    current = period_start(first, freq)
    while current <= last:
        found.append(current)
        if freq == "month":
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            current += timedelta(days=7 if freq == "week" else 1)
    return found
