"""Actors: the dictionaries of states, bodies, places, people and roles that mentions resolve to."""

from detente.actors.dictionary import (
    Agent,
    Country,
    Dictionary,
    DictionaryError,
    Entry,
    Metonym,
    Name,
    Organization,
    Person,
    Place,
    Role,
    Sector,
    Title,
    load,
)

__all__ = [
    "Agent",
    "Country",
    "Dictionary",
    "DictionaryError",
    "Entry",
    "Metonym",
    "Name",
    "Organization",
    "Person",
    "Place",
    "Role",
    "Sector",
    "Title",
    "load",
]
