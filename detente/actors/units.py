"""Gazetteer hits and spaCy names laid on an article's tokens, each with the reading it keeps."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from detente.actors.dictionary import Dictionary, Entry
from detente.actors.gazetteer import Hit

NAME = "name"
"""The kind of a person spaCy found that no dictionary knows."""
_PRIORITY = (
    "person", "organization", "metonym", "country", "adjective", "demonym", "place", "title",
    "agent",
)  # fmt: skip
"""When one surface has readings of several kinds, the first kind here wins."""
_NATIONAL = frozenset({"country", "adjective", "demonym", "place"})
_DETERMINERS = frozenset({"the", "a", "an"})
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
_BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})


@dataclass(slots=True)
class Unit:
    """A name laid on tokens [first, last), with the readings still open for it."""

    first: int
    last: int
    start: int
    end: int
    kind: str
    entries: tuple[Entry, ...]
    demonym: bool = False
    """An adjective that can also name the people ("the Chinese")."""

    @property
    def entry(self) -> Entry:
        """The reading kept (the first, once ambiguity is settled)."""
        return self.entries[0]

    @property
    def needs_context(self) -> bool:
        """A title or agent word marked ambiguous: it counts only with a country before it."""
        return self.kind in ("title", "agent") and self.entry.ambiguous


def lay(doc: Doc, hits: list[Hit], dictionary: Dictionary) -> list[Unit]:
    """The units of an article: dictionary names settled by the rest of it, then spaCy names."""
    units = [unit for hit in hits if (unit := _unit(doc, hit)) is not None]
    units = _settle(doc, units, dictionary)
    units.extend(_names(doc, units, dictionary))
    units.sort(key=lambda unit: unit.first)
    return units


def _unit(doc: Doc, hit: Hit) -> Unit | None:
    """A hit as a unit, if it lines up with token boundaries."""
    span = doc.char_span(hit.start, hit.end)
    if span is None:
        return None
    kinds = {entry.kind for entry in hit.entries}
    kind = next(kind for kind in _PRIORITY if kind in kinds)
    entries = tuple(entry for entry in hit.entries if entry.kind == kind)
    demonym = kind == "adjective" and "demonym" in kinds
    return Unit(span.start, span.end, hit.start, hit.end, kind, entries, demonym)


def _country_of(entry: Entry) -> str | None:
    """The country an unambiguous national reading attests."""
    if entry.kind in _NATIONAL:
        return entry.target
    if entry.kind == "metonym":
        return entry.capital_of or entry.target[:3]
    return None


def _settle(doc: Doc, units: list[Unit], dictionary: Dictionary) -> list[Unit]:
    """Keep one reading per unit; drop ambiguous names the rest of the article does not back."""
    countries = {
        country
        for unit in units
        if len(unit.entries) == 1 and not unit.entry.ambiguous
        if (country := _country_of(unit.entry))
    }
    people = {
        unit.entry.target
        for unit in units
        if unit.kind == "person" and len(unit.entries) == 1 and not unit.entry.ambiguous
    }
    orgs = {unit.entry.target for unit in units if unit.kind == "organization"}
    covered = {index for unit in units for index in range(unit.first, unit.last)}
    kept = []
    for unit in units:
        if unit.kind == "person":
            settled = _person(doc, unit, covered, people, dictionary)
        elif unit.kind in ("title", "agent"):
            settled = unit
        elif unit.kind == "organization":
            settled = _organization(doc, unit, orgs, countries, dictionary)
        else:
            backed = [entry for entry in unit.entries if _country_of(entry) in countries]
            settled = _backed(unit, backed) or _named_place(doc, unit)
        if settled is not None:
            kept.append(settled)
    return kept


def _backed(unit: Unit, backed: list[Entry]) -> Unit | None:
    """A unit kept as its only unambiguous reading, or its one reading the article backs."""
    if len(unit.entries) == 1 and not unit.entry.ambiguous:
        return unit
    return replace(unit, entries=(backed[0],)) if len(backed) == 1 else None


def _named_place(doc: Doc, unit: Unit) -> Unit | None:
    """An ambiguous name with one reading, kept when spaCy too takes it for a place or people.

    "Jordan" the country is a GPE to spaCy; Michael Jordan is a PERSON and stays out.
    """
    if len(unit.entries) == 1 and doc[unit.first].ent_type_ in _PLACE_LABELS:
        return unit
    return None


def _organization(
    doc: Doc, unit: Unit, orgs: set[str], countries: set[str], dictionary: Dictionary
) -> Unit | None:
    """An ambiguous body ("Security Council") is kept when its parent or country is named too."""
    if len(unit.entries) == 1 and not unit.entry.ambiguous:
        return unit
    backed = []
    for entry in unit.entries:
        org = dictionary.organization(entry.target)
        parent = org.parent if org else None
        country = entry.target[:3] if org and org.national else None
        if (parent and parent in orgs) or (country and country in countries):
            backed.append(entry)
    if not backed and len(unit.entries) == 1 and doc[unit.first].ent_type_ in _BODY_LABELS:
        return unit
    return _backed(unit, backed)


def _person(
    doc: Doc, unit: Unit, covered: set[int], people: set[str], dictionary: Dictionary
) -> Unit | None:
    """A person name, unless it is part of a longer unknown name ("Dwayne Johnson")."""
    if unit.last - unit.first == 1 and _inside_longer_name(doc, unit, covered, dictionary):
        return None
    if len(unit.entries) > 1 or unit.entry.ambiguous:
        known = tuple(entry for entry in unit.entries if entry.target in people)
        if len(known) == 1:
            return replace(unit, entries=known)
    return unit


def _inside_longer_name(doc: Doc, unit: Unit, covered: set[int], dictionary: Dictionary) -> bool:
    """Whether a one-word name has another capitalised name word beside it, not a title."""
    for index in (unit.first - 1, unit.last):
        if 0 <= index < len(doc) and index not in covered:
            token = doc[index]
            if dictionary.is_honorific(token.text):
                continue
            if token.pos_ == "PROPN" and token.is_title and token.is_alpha:
                return token.sent == doc[unit.first].sent
    return False


def _names(doc: Doc, units: list[Unit], dictionary: Dictionary) -> list[Unit]:
    """People spaCy names that no dictionary knows, trimmed of titles and courtesy words."""
    covered: dict[int, Unit] = {}
    for unit in units:
        for index in range(unit.first, unit.last):
            covered[index] = unit
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        span = _trim(doc, ent, covered, dictionary)
        if span is None or any(index in covered for index in range(span.start, span.end)):
            continue
        found.append(Unit(span.start, span.end, span.start_char, span.end_char, NAME, ()))
    return found + _surnames(doc, found, covered)


def _surnames(doc: Doc, names: list[Unit], covered: dict[int, Unit]) -> list[Unit]:
    """Later uses of an unknown person's surname that spaCy did not tag as a person ("Orlov"
    after "Pavel Orlov" may come out as an organisation)."""
    surnames = {doc[name.last - 1].text: name.last for name in names if name.last - name.first > 1}
    if not surnames:
        return []
    taken = set(covered) | {index for name in names for index in range(name.first, name.last)}
    found = []
    for token in doc[min(surnames.values()) :]:
        after = surnames.get(token.text)
        if after is not None and token.i >= after and token.i not in taken and token.is_title:
            found.append(Unit(token.i, token.i + 1, token.idx, token.idx + len(token), NAME, ()))
    return found


def _trim(doc: Doc, ent: Span, covered: dict[int, Unit], dictionary: Dictionary) -> Span | None:
    """The name part of a PERSON entity: after any title, country word or courtesy title."""
    first = ent.start
    while first < ent.end and (
        first in covered
        or doc[first].lower_ in _DETERMINERS
        or dictionary.is_honorific(doc[first].text)
    ):
        first += 1
    last = ent.end
    while last > first and (not doc[last - 1].is_alpha or doc[last - 1].lower_ in _DETERMINERS):
        last -= 1  # "Jerry Springer - The" (Opera): a title's first words taken for a name
    if first >= last or not doc[first].is_title:
        return None
    return doc[first:last]
