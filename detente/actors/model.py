"""What the resolver finds: actors with CAMEO-style codes, and their mentions in a text."""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN_COUNTRY = "---"
"""The country part of a code when the country is not known ("---GOV"), as PETRARCH writes it."""
PLACE = "place"
"""The rule of a mention that names a location ("in Beijing"), not an actor."""


@dataclass(slots=True, frozen=True)
class Actor:
    """Who acted: a person, a state or one of its branches, or an international body."""

    name: str
    """Canonical name ("Vladimir Putin", "Russia", "NATO"), or the name as written if unknown."""
    code: str
    """CAMEO style: "RUSGOV", "CHNMIL", "IGOUNO", "RUS"; "---GOV" when the country is unknown."""
    country: str | None
    """ISO-3 code, or PLOVER's entity for international bodies (UNO, EUR, IGO, NGO)."""
    sector: str | None
    """GOV, MIL, LEG... or None for a state as a whole ("Russia")."""
    text: str
    """The words of this mention, as written."""
    person: str | None = None
    """The person's id in people.tsv, for people the dictionaries know."""
    role: str | None = None
    """The role held on the article's date ("president", "prime_minister")."""


@dataclass(slots=True, frozen=True)
class Mention:
    """One actor named at one place in an article, with the rule that resolved it."""

    start: int
    end: int
    """Character offsets in the article text."""
    actor: Actor
    rule: str
    """How it was resolved: "gazetteer:person", "title+name", "apposition", "ner+context",
    "ner" (a name with no context), "metonym", "country", "organization",
    "country+organization", "adjective", "demonym", "<kind>+agent" ("adjective+agent",
    "country+agent", "metonym+agent", "organization+agent", "place+agent", "person+agent"),
    "agent" (no country), "title" (an office with no single holder), "role-holder",
    "counterpart", "surname", "pronoun", "two-leaders", "two-countries" or "place"."""

    @property
    def place(self) -> bool:
        """Whether this mention names a location ("flew to Moscow") rather than an actor."""
        return self.rule == PLACE


def code_for(country: str | None, sector: str | None) -> str:
    """A CAMEO-style code from a country (or "---" when unknown) and a sector."""
    return (country or UNKNOWN_COUNTRY) + (sector or "")


def to_record(actor: Actor) -> dict[str, str | None]:
    """The actor as design.md's interchange schema writes it inside other records."""
    return {
        "name": actor.name,
        "code": actor.code,
        "country": actor.country,
        "sector": actor.sector,
        "text": actor.text,
    }
