"""Actor dictionaries: the packaged and user data files, checked, merged and looked up."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

KINDS = (
    "sectors", "roles", "countries", "organizations", "metonyms", "places", "agents", "people",
)  # fmt: skip
"""The kinds of data file, in the order the packaged ones are read."""
_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sectors": (("code", "name"), ("description", "plover", "notes")),
    "roles": (("id", "names", "sector", "rank"), ("single", "notes")),
    "countries": (("code", "name", "status"), ("aliases", "adjectives", "demonyms", "notes")),
    "organizations": (("code", "name"), ("aliases", "parent", "sector", "notes")),
    "metonyms": (("names", "code", "metonymic"), ("capital_of", "notes")),
    "places": (("names", "country"), ("notes",)),
    "agents": (("names", "sector"), ("notes",)),
    "people": (
        ("person", "country", "role", "start"),
        ("names", "sector", "end", "leader", "gender", "notes"),
    ),
}
"""Required and optional columns of each kind."""
STATUSES = ("member", "observer", "partial", "territory")
"""A country's standing: UN member, UN observer, partly recognised state, or territory."""
RANKS = ("head", "deputy", "minister", "senior", "officer", "official", "member")
"""Ranks of role titles, highest first: the order `Person.roles_on` sorts roles held."""
ORG_CLASSES = ("IGO", "NGO", "IMG", "ISM", "MNC")
"""PLOVER's classes of international non-state actor, the first three letters of their codes."""
_PLOVER_ENTITIES = {"IGOUNO": "UNO", "IGOEUR": "EUR"}
"""Organisation code prefixes that PLOVER gives a country-field entity of their own."""
_MARKS = "=?"
_COUNTRY = re.compile(r"[A-Z]{3}")
_INTERNATIONAL = re.compile(r"(?:IGO|NGO|IMG|ISM|MNC)(?:[A-Z0-9]{3}){1,3}")
_NATIONAL = re.compile(r"[A-Z]{6}[A-Z0-9]{3}")
_IDENT = re.compile(r"[a-z][a-z0-9_]*")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʻ": "'"})
_BOOLEANS = {"yes": True, "no": False, "": False}
GENDERS = ("f", "m")
"""A person's gender as the `gender` column gives it, for matching "she" and "he"."""


class DictionaryError(ValueError):
    """A data file that cannot be used, with where and why."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}, line {line}: {reason}" if line else f"{path}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class Origin(NamedTuple):
    """The file and line a record came from, so a wrong code can be traced to its row."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    def error(self, reason: str) -> DictionaryError:
        """A DictionaryError about this row."""
        return DictionaryError(self.path, self.line, reason)


class Name(NamedTuple):
    """One surface form and how it may be matched."""

    text: str
    exact: bool
    """Match only with this exact capitalisation ("US", not "us")."""
    ambiguous: bool
    """It may mean something else too ("Georgia", "Congo"): the resolver needs context."""


@dataclass(frozen=True, slots=True)
class Sector:
    """A sector code in the CAMEO style, with its PLOVER equivalent."""

    code: str
    name: str
    description: str
    plover: str | None
    notes: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Title:
    """A role title ("foreign minister") with the sector and rank it implies."""

    id: str
    names: tuple[Name, ...]
    sector: str
    rank: str
    single: bool
    """One holder per country at a time, so country + title + date names a person."""
    notes: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory with its names, adjectives, demonyms and capitals."""

    code: str
    names: tuple[Name, ...]
    adjectives: tuple[Name, ...]
    demonyms: tuple[Name, ...]
    status: str
    notes: str
    origin: Origin
    capitals: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The canonical name."""
        return self.names[0].text


@dataclass(frozen=True, slots=True)
class Organization:
    """An international body (IGOUNO) or a named national one (CHNMILPLA) with its names."""

    code: str
    names: tuple[Name, ...]
    parent: str | None
    sector: str | None
    notes: str
    origin: Origin

    @property
    def name(self) -> str:
        """The canonical name."""
        return self.names[0].text

    @property
    def national(self) -> bool:
        """Whether the code is a country's (country + sector + tag) rather than a class's."""
        return self.code[:3] not in ORG_CLASSES

    @property
    def actor_code(self) -> str:
        """The code an actor from it gets: country + sector for national bodies, else its own."""
        return self.code[:6] if self.national else self.code

    @property
    def country(self) -> str:
        """The ISO-3 country of a national body, else PLOVER's entity (UNO, EUR, IGO, NGO...)."""
        if self.national:
            return self.code[:3]
        prefixes = [prefix for prefix in _PLOVER_ENTITIES if self.code.startswith(prefix)]
        return _PLOVER_ENTITIES[prefixes[0]] if prefixes else self.code[:3]


@dataclass(frozen=True, slots=True)
class Metonym:
    """A capital or seat of power that can stand for an actor ("the Kremlin" for RUSGOV)."""

    names: tuple[Name, ...]
    code: str
    capital_of: str | None
    metonymic: bool
    """Whether the name alone usually stands for the actor rather than the place."""
    notes: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Place:
    """A city, region or territory that is not a capital, and the country it lies in."""

    names: tuple[Name, ...]
    country: str
    notes: str
    origin: Origin

    @property
    def name(self) -> str:
        """The canonical name."""
        return self.names[0].text


@dataclass(frozen=True, slots=True)
class Agent:
    """Words for a group of people ("troops", "lawmakers") and the sector they imply."""

    names: tuple[Name, ...]
    sector: str
    notes: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Role:
    """One spell of one person in one office, with its first and last day."""

    person: str
    country: str
    """ISO-3 code, or the code of an international organisation."""
    role: str
    sector: str
    rank: str
    start: date
    end: date | None
    """Last day in office (inclusive); None while it lasts."""
    leader: bool
    """Whether the holder counts as the country's leader ("the Russian leader")."""
    notes: str
    origin: Origin

    @property
    def code(self) -> str:
        """The actor code: country + sector, or the organisation's code."""
        return self.country + self.sector if len(self.country) == 3 else self.country

    def holds(self, day: date) -> bool:
        """Whether the spell covers this day."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A person with every name they go by and their spells in office."""

    id: str
    names: tuple[Name, ...]
    roles: tuple[Role, ...]
    gender: str | None = None
    """`f` or `m` when the data says, so a pronoun can be matched; None when unknown."""

    @property
    def name(self) -> str:
        """The canonical name."""
        return self.names[0].text

    def roles_on(self, day: date) -> list[Role]:
        """The roles held on a day, the leader's and highest-ranked first, then the newest."""
        held = [role for role in self.roles if role.holds(day)]
        return sorted(held, key=lambda r: (not r.leader, RANKS.index(r.rank), -r.start.toordinal()))


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form denotes, for the gazetteer."""

    kind: str
    """country, adjective, demonym, metonym, place, organization, person, agent or title."""
    target: str
    """ISO-3 code, actor code, organisation code, person id, sector code or title id."""
    exact: bool
    ambiguous: bool
    source: str
    """The file and line it came from."""
    capital_of: str | None = None
    metonymic: bool = False


@dataclass(frozen=True, slots=True)
class _PersonRow:
    """One row of a people file: a spell and the names given on it."""

    names: tuple[Name, ...]
    role: Role
    gender: str | None = None


@dataclass(slots=True)
class _Tables:
    """Records by key, as read and merged, before cross-checking."""

    sectors: dict[str, Sector] = field(default_factory=dict)
    roles: dict[str, Title] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    metonyms: dict[str, Metonym] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    people: dict[str, list[_PersonRow]] = field(default_factory=dict)

    def copy(self) -> _Tables:
        """A copy whose dictionaries can be changed without touching this one."""
        return _Tables(**{kind: dict(getattr(self, kind)) for kind in KINDS})


def fold(text: str) -> str:
    """The key a case-insensitive name is looked up by: casefolded, one space, one apostrophe."""
    return _SPACE.sub(" ", text.translate(_APOSTROPHES)).strip().casefold()


def _exact_key(text: str) -> str:
    """The key a case-sensitive name is looked up by."""
    return _SPACE.sub(" ", text.translate(_APOSTROPHES)).strip()


T = TypeVar("T")


class _Index(Generic[T]):
    """Values by name, honouring each name's case rule."""

    def __init__(self) -> None:
        self._exact: dict[str, list[T]] = defaultdict(list)
        self._folded: dict[str, list[T]] = defaultdict(list)

    def add(self, name: Name, value: T) -> None:
        """File a value under a name."""
        if name.exact:
            self._exact[_exact_key(name.text)].append(value)
        else:
            self._folded[fold(name.text)].append(value)

    def get(self, text: str) -> list[T]:
        """Every value filed under a name matching the text (or the text after "the")."""
        found = self._exact.get(_exact_key(text), []) + self._folded.get(fold(text), [])
        article, _, rest = text.strip().partition(" ")
        if not found and rest and article.casefold() == "the":
            return self.get(rest)
        return list(dict.fromkeys(found))


def _index(records: Iterable[tuple[Iterable[Name], T]]) -> _Index[T]:
    """An index of values under each of their names."""
    index: _Index[T] = _Index()
    for names, value in records:
        for name in names:
            index.add(name, value)
    return index


# --- reading files -------------------------------------------------------------------------


def _names(cell: str, origin: Origin, column: str) -> tuple[Name, ...]:
    """The `|`-separated names of a cell, each with its `=` (exact) and `?` (ambiguous) marks."""
    if not cell:
        return ()
    names = []
    for piece in cell.split("|"):
        text = piece.strip().lstrip(_MARKS)
        marks = piece.strip()[: len(piece.strip()) - len(text)]
        if not text.strip():
            raise origin.error(f"empty name in column {column!r}")
        names.append(Name(text.strip(), "=" in marks, "?" in marks))
    return tuple(names)


def _flag(cell: str, origin: Origin, column: str) -> bool:
    """A yes/no cell (empty is no)."""
    if cell.lower() not in _BOOLEANS:
        raise origin.error(f"{column} must be yes or no, not {cell!r}")
    return _BOOLEANS[cell.lower()]


def _date(cell: str, origin: Origin, column: str, *, last: bool) -> date:
    """A YYYY, YYYY-MM or YYYY-MM-DD cell: its first day, or its last day when `last`."""
    match = _DATE.fullmatch(cell)
    if not match:
        raise origin.error(f"bad {column} date {cell!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return date(year, 12, 31) if last else date(year, 1, 1)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
        return date(year, month, day)
    except (ValueError, calendar.IllegalMonthError) as error:
        raise origin.error(f"bad {column} date {cell!r}: {error}") from None


def _code(cell: str, pattern: re.Pattern[str], origin: Origin, what: str) -> str:
    """A code cell that must match a pattern."""
    if not pattern.fullmatch(cell):
        raise origin.error(f"bad {what} {cell!r}")
    return cell


def _rows(path: str, text: str, kind: str) -> Iterator[tuple[Origin, dict[str, str]]]:
    """The data rows of a TSV text as column → cell, after checking its header."""
    required, optional = _COLUMNS[kind]
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            missing = [column for column in required if column not in cells]
            unknown = [column for column in cells if column not in required + optional]
            if missing:
                raise DictionaryError(path, number, f"missing column {missing[0]!r}")
            if unknown:
                raise DictionaryError(path, number, f"unknown column {unknown[0]!r}")
            header = cells
            continue
        if len(cells) > len(header):
            raise DictionaryError(
                path, number, f"{len(cells)} cells but the header names {len(header)}"
            )
        row = dict.fromkeys(required + optional, "") | dict(zip(header, cells, strict=False))
        origin = Origin(path, number)
        for column in required:
            if not row[column]:
                raise origin.error(f"empty {column!r}")
        yield origin, row
    if header is None:
        raise DictionaryError(path, 0, "no header line")


def _sector(origin: Origin, row: dict[str, str]) -> tuple[str, Sector]:
    """A sectors row."""
    code = _code(row["code"], _COUNTRY, origin, "sector code")
    plover = _code(row["plover"], _COUNTRY, origin, "PLOVER code") if row["plover"] else None
    return code, Sector(code, row["name"], row["description"], plover, row["notes"], origin)


def _title(origin: Origin, row: dict[str, str]) -> tuple[str, Title]:
    """A roles row."""
    ident = _code(row["id"], _IDENT, origin, "role id")
    if row["rank"] not in RANKS:
        raise origin.error(f"unknown rank {row['rank']!r} (known: {', '.join(RANKS)})")
    names = _names(row["names"], origin, "names")
    single = _flag(row["single"], origin, "single")
    return ident, Title(ident, names, row["sector"], row["rank"], single, row["notes"], origin)


def _country(origin: Origin, row: dict[str, str]) -> tuple[str, Country]:
    """A countries row."""
    code = _code(row["code"], _COUNTRY, origin, "country code")
    if row["status"] not in STATUSES:
        raise origin.error(f"unknown status {row['status']!r} (known: {', '.join(STATUSES)})")
    names = _names(row["name"], origin, "name") + _names(row["aliases"], origin, "aliases")
    adjectives = _names(row["adjectives"], origin, "adjectives")
    demonyms = _names(row["demonyms"], origin, "demonyms")
    country = Country(code, names, adjectives, demonyms, row["status"], row["notes"], origin)
    return code, country


def _organization(origin: Origin, row: dict[str, str]) -> tuple[str, Organization]:
    """An organizations row."""
    code = row["code"]
    if not (_INTERNATIONAL.fullmatch(code) or _NATIONAL.fullmatch(code)):
        raise origin.error(
            f"bad organisation code {code!r} (want IGOUNO-style class + tags, "
            "or country + sector + tag like CHNMILPLA)"
        )
    names = _names(row["name"], origin, "name") + _names(row["aliases"], origin, "aliases")
    sector = row["sector"] or None
    return code, Organization(code, names, row["parent"] or None, sector, row["notes"], origin)


def _metonym(origin: Origin, row: dict[str, str]) -> tuple[str, Metonym]:
    """A metonyms row."""
    names = _names(row["names"], origin, "names")
    metonymic = _flag(row["metonymic"], origin, "metonymic")
    capital = row["capital_of"] or None
    metonym = Metonym(names, row["code"], capital, metonymic, row["notes"], origin)
    return fold(names[0].text), metonym


def _place(origin: Origin, row: dict[str, str]) -> tuple[str, Place]:
    """A places row."""
    names = _names(row["names"], origin, "names")
    return fold(names[0].text), Place(names, row["country"], row["notes"], origin)


def _agent(origin: Origin, row: dict[str, str]) -> tuple[str, Agent]:
    """An agents row."""
    names = _names(row["names"], origin, "names")
    return fold(names[0].text), Agent(names, row["sector"], row["notes"], origin)


def _person_row(origin: Origin, row: dict[str, str]) -> tuple[str, _PersonRow]:
    """A people row: one spell in office."""
    person = _code(row["person"], _IDENT, origin, "person id")
    start = _date(row["start"], origin, "start", last=False)
    end = _date(row["end"], origin, "end", last=True) if row["end"] else None
    if end is not None and end < start:
        raise origin.error(f"end {row['end']} is before start {row['start']}")
    leader = _flag(row["leader"], origin, "leader")
    if row["gender"] not in ("", *GENDERS):
        raise origin.error(f"gender must be f, m or empty, not {row['gender']!r}")
    spell = Role(
        person, row["country"], row["role"], row["sector"], "", start, end, leader,
        row["notes"], origin,
    )  # fmt: skip
    names = _names(row["names"], origin, "names")
    return person, _PersonRow(names, spell, row["gender"] or None)


_PARSERS = {
    "sectors": _sector,
    "roles": _title,
    "countries": _country,
    "organizations": _organization,
    "metonyms": _metonym,
    "places": _place,
    "agents": _agent,
    "people": _person_row,
}


def _kind_of(path: str, text: str) -> str:
    """The kind a file holds: from a leading `# kind: NAME` line, else from its name."""
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith("#"):
            break
        label, _, value = line.lstrip("# ").partition(":")
        if label.strip().lower() == "kind":
            if value.strip() not in KINDS:
                raise DictionaryError(path, 0, f"unknown kind {value.strip()!r}")
            return value.strip()
    stem = Path(path).name.split(".")[0]
    if stem not in KINDS:
        raise DictionaryError(
            path, 0, f"cannot tell its kind: name it {', '.join(KINDS)} (.tsv) "
            "or start it with a line '# kind: NAME'",
        )  # fmt: skip
    return stem


def _merge(tables: _Tables, path: str, text: str, kind: str) -> None:
    """Read one file into the tables; its records replace those with the same key."""
    incoming: dict[str, Any] = {}
    spells: dict[str, list[_PersonRow]] = defaultdict(list)
    for origin, row in _rows(path, text, kind):
        key, record = _PARSERS[kind](origin, row)
        if kind == "people":
            spells[key].append(record)
        elif key in incoming:
            raise origin.error(f"{key!r} is already defined at line {incoming[key].origin.line}")
        else:
            incoming[key] = record
    getattr(tables, kind).update(spells if kind == "people" else incoming)


def _user_files(extra: Iterable[Path]) -> Iterator[Path]:
    """The files named, with each folder replaced by its .tsv files, then its PETRARCH ones."""
    for path in map(Path, extra):
        if path.is_dir():
            yield from sorted(path.glob("*.tsv"))
            yield from sorted(p for p in path.glob("*.txt") if _petrarch_name(p))
        elif path.is_file():
            yield path
        else:
            raise DictionaryError(str(path), 0, "no such file or folder")


def _read_user(tables: _Tables, path: Path) -> None:
    """Merge one user file into the tables."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise DictionaryError(str(path), 0, f"not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise DictionaryError(str(path), 0, error.strerror or str(error)) from None
    if path.suffix.lower() == ".txt":
        _read_petrarch(tables, path, text)
        return
    _merge(tables, str(path), text, _kind_of(str(path), text))


# A PETRARCH actors or agents dictionary (.txt) given as a user file: see actors/petrarch.py.


def _petrarch_name(path: Path) -> bool:
    """Whether a .txt file in a user folder is named as a PETRARCH actors or agents dictionary."""
    return any(word in path.name.lower() for word in ("actors", "agents"))


def _read_petrarch(tables: _Tables, path: Path, text: str) -> None:
    """Merge a PETRARCH dictionary into the tables."""
    from detente.actors import petrarch  # imported here: petrarch builds on this module

    petrarch.merge(tables, str(path), text)


def _data(name: str) -> str:
    """The text of a packaged data file."""
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


@cache
def _packaged_tables() -> _Tables:
    """The packaged data files, read once."""
    tables = _Tables()
    for kind in KINDS:
        _merge(tables, f"actors/data/{kind}.tsv", _data(f"{kind}.tsv"), kind)
    return tables


@cache
def _honorifics() -> frozenset[str]:
    """Courtesy titles stripped before a name lookup."""
    lines = (line.strip() for line in _data("honorifics.txt").splitlines())
    return frozenset(fold(line) for line in lines if line and not line.startswith("#"))


# --- checking ------------------------------------------------------------------------------


def _check_shared(records: Iterable[tuple[str, Iterable[Name], Origin]], what: str) -> None:
    """Refuse a name that denotes two different targets unless every use is marked `?`."""
    seen: dict[str, tuple[str, Name, Origin]] = {}
    for target, names, origin in records:
        for name in names:
            key = fold(name.text)
            if key not in seen:
                seen[key] = (target, name, origin)
                continue
            other, other_name, other_origin = seen[key]
            if other != target and not (name.ambiguous and other_name.ambiguous):
                raise origin.error(
                    f"{name.text!r} names {target} here and {other} at {other_origin}: "
                    f"mark it ambiguous ('?') in both {what} rows"
                )


def _check_unique(records: Iterable[tuple[Iterable[Name], Origin]]) -> None:
    """Refuse a word listed in two rows of the agent and title word lists."""
    seen: dict[str, Origin] = {}
    for names, origin in records:
        for name in names:
            key = fold(name.text)
            if key in seen and seen[key] != origin:
                raise origin.error(f"{name.text!r} is also listed at {seen[key]}")
            seen[key] = origin


def _check(tables: _Tables) -> None:
    """Cross-check the merged tables: every code they refer to must exist and fit."""
    sectors, countries, orgs = tables.sectors, tables.countries, tables.organizations

    def sector(code: str, origin: Origin) -> None:
        if code not in sectors:
            raise origin.error(f"unknown sector {code!r}")

    def actor(code: str, origin: Origin) -> None:
        if code in orgs:
            return
        if len(code) != 6 or code[:3] not in countries or code[3:] not in sectors:
            raise origin.error(f"bad actor code {code!r} (want country + sector, or an org code)")

    for title in tables.roles.values():
        sector(title.sector, title.origin)
    for org in orgs.values():
        if org.sector:
            sector(org.sector, org.origin)
        if org.national:
            actor(org.code[:6], org.origin)
        if org.parent and (org.parent not in orgs or not org.code.startswith(org.parent)):
            raise org.origin.error(f"parent {org.parent!r} is unknown or not a prefix of the code")
    for metonym in tables.metonyms.values():
        actor(metonym.code, metonym.origin)
        if metonym.capital_of and metonym.capital_of not in countries:
            raise metonym.origin.error(f"unknown country code {metonym.capital_of!r}")
    for place in tables.places.values():
        if place.country not in countries:
            raise place.origin.error(f"unknown country code {place.country!r}")
    for agent in tables.agents.values():
        sector(agent.sector, agent.origin)
    for person, rows in tables.people.items():
        if not any(row.names for row in rows):
            raise rows[0].role.origin.error(f"person {person!r} has no names on any row")
        for row in rows:
            spell = row.role
            org = orgs.get(spell.country)
            if spell.country not in countries and (org is None or org.national):
                raise spell.origin.error(
                    f"unknown country code {spell.country!r} (want ISO-3 or an IGO-style code)"
                )
            if spell.role not in tables.roles:
                raise spell.origin.error(f"unknown role {spell.role!r}")
            if spell.sector:
                sector(spell.sector, spell.origin)
        genders = {row.gender for row in rows if row.gender}
        if len(genders) > 1:
            raise rows[0].role.origin.error(f"person {person!r} is given two genders")
    _check_shared(
        (
            (code, country.names + country.adjectives + country.demonyms, country.origin)
            for code, country in countries.items()
        ),
        "countries",
    )
    _check_shared(((m.code, m.names, m.origin) for m in tables.metonyms.values()), "metonyms")
    _check_shared(((o.code, o.names, o.origin) for o in orgs.values()), "organizations")
    _check_shared(((p.country, p.names, p.origin) for p in tables.places.values()), "places")
    words = (*tables.agents.values(), *tables.roles.values())
    _check_unique((record.names, record.origin) for record in words)


# --- the dictionary ------------------------------------------------------------------------


class Dictionary:
    """The merged actor dictionaries with the lookups the resolver needs."""

    def __init__(self, tables: _Tables) -> None:
        _check(tables)
        capitals: dict[str, list[str]] = defaultdict(list)
        for metonym in tables.metonyms.values():
            if metonym.capital_of:
                capitals[metonym.capital_of].append(metonym.names[0].text)
        self._countries = {
            code: replace(country, capitals=tuple(capitals[code]))
            for code, country in tables.countries.items()
        }
        self._sectors = dict(tables.sectors)
        self._titles = dict(tables.roles)
        self._organizations = dict(tables.organizations)
        self._metonyms = tuple(tables.metonyms.values())
        self._places = tuple(tables.places.values())
        self._agents = tuple(tables.agents.values())
        self._people = {
            person: self._person(person, rows) for person, rows in tables.people.items()
        }
        self._country_names = _index((c.names, c) for c in self._countries.values())
        self._metonym_names = _index((m.names, m) for m in self._metonyms)
        self._place_names = _index((p.names, p) for p in self._places)
        self._people_names = _index((p.names, p) for p in self._people.values())
        words = (*self._agents, *self._titles.values())
        self._sector_words = _index((record.names, record.sector) for record in words)
        self._title_names = _index((t.names, t) for t in self._titles.values())
        self._spells: dict[str, list[Role]] = defaultdict(list)
        for person in self._people.values():
            for spell in person.roles:
                self._spells[spell.country].append(spell)

    def _person(self, person: str, rows: list[_PersonRow]) -> Person:
        """A Person from their rows, each spell given its title's rank and default sector."""
        names = tuple(dict.fromkeys(name for row in rows for name in row.names))
        spells = []
        for row in rows:
            title = self._titles[row.role.role]
            spells.append(
                replace(row.role, rank=title.rank, sector=row.role.sector or title.sector)
            )
        gender = next((row.gender for row in rows if row.gender), None)
        spells.sort(key=lambda spell: spell.start)
        return Person(person, names, tuple(spells), gender)

    def country(self, code: str) -> Country | None:
        """The country with this ISO-3 code."""
        return self._countries.get(code)

    def countries(self) -> tuple[Country, ...]:
        """Every country and territory."""
        return tuple(self._countries.values())

    def countries_by_name(self) -> dict[str, Country]:
        """Country by each of its unambiguous names and aliases, as written in the data."""
        return {
            name.text: country
            for country in self._countries.values()
            for name in country.names
            if not name.ambiguous
        }

    def country_named(self, text: str) -> list[Country]:
        """The countries a name may denote (several for "Congo"), honouring case rules."""
        return self._country_names.get(text)

    def organization(self, code: str) -> Organization | None:
        """The organisation with this code."""
        return self._organizations.get(code)

    def organizations(self) -> tuple[Organization, ...]:
        """Every organisation."""
        return tuple(self._organizations.values())

    def metonyms_named(self, text: str) -> list[Metonym]:
        """The capitals and seats of power a name may denote ("Kremlin", "Beijing")."""
        return self._metonym_names.get(text)

    def places_named(self, text: str) -> list[Place]:
        """The cities and regions a name may denote, each with its country ("Sydney" → AUS)."""
        return self._place_names.get(text)

    def sector(self, code: str) -> Sector | None:
        """The sector with this code."""
        return self._sectors.get(code)

    def sectors(self) -> tuple[Sector, ...]:
        """Every sector."""
        return tuple(self._sectors.values())

    def sector_of(self, words: str) -> str | None:
        """The sector an agent word or role title implies ("troops" → MIL), or None."""
        found = self._sector_words.get(words)
        return found[0] if found else None

    def title(self, role_id: str) -> Title | None:
        """The role title with this id."""
        return self._titles.get(role_id)

    def title_named(self, text: str) -> Title | None:
        """The role title a phrase names ("defense secretary" → defence_minister), or None."""
        found = self._title_names.get(text)
        return found[0] if found else None

    def person(self, person_id: str) -> Person | None:
        """The person with this id."""
        return self._people.get(person_id)

    def people(self) -> tuple[Person, ...]:
        """Every person."""
        return tuple(self._people.values())

    def people_named(self, alias: str) -> list[Person]:
        """The people a name may denote, after dropping a courtesy title ("Mr. Putin")."""
        found = self._people_names.get(alias)
        first, _, rest = alias.strip().partition(" ")
        if not found and rest and fold(first) in _honorifics():
            found = self._people_names.get(rest)
        return found

    def is_honorific(self, word: str) -> bool:
        """Whether a word is a courtesy title ("Mr", "Ms.") that may stand before a name."""
        return fold(word) in _honorifics()

    def person_role(self, person_id: str, on: date) -> Role | None:
        """The role a person held that day (the leading one when several), or None."""
        person = self._people.get(person_id)
        held = person.roles_on(on) if person else []
        return held[0] if held else None

    def holders(self, country: str, role_id: str, on: date) -> list[Role]:
        """Who held a role for a country or organisation that day; "leader" means leaders."""
        return [
            spell
            for spell in self._spells.get(country, [])
            if (spell.role == role_id or (role_id == "leader" and spell.leader)) and spell.holds(on)
        ]

    def patterns(self) -> Iterator[tuple[str, Entry]]:
        """Every surface form with what it denotes, for a gazetteer; "'" forms also as "’"."""
        for surface, entry in self._entries():
            yield surface, entry
            if "'" in surface:
                yield surface.replace("'", "’"), entry

    def _entries(self) -> Iterator[tuple[str, Entry]]:
        """Every surface form with what it denotes, as written in the data."""
        for country in self._countries.values():
            for kind, names in (
                ("country", country.names),
                ("adjective", country.adjectives),
                ("demonym", country.demonyms),
            ):
                yield from _entries(kind, country.code, names, country.origin)
        for metonym in self._metonyms:
            for name in metonym.names:
                yield name.text, Entry(
                    "metonym", metonym.code, name.exact, name.ambiguous, str(metonym.origin),
                    metonym.capital_of, metonym.metonymic,
                )  # fmt: skip
        for place in self._places:
            yield from _entries("place", place.country, place.names, place.origin)
        for org in self._organizations.values():
            yield from _entries("organization", org.code, org.names, org.origin)
        for person in self._people.values():
            origin = person.roles[0].origin
            for name in person.names:
                shared = len(self._people_names.get(name.text)) > 1
                entry = Entry(
                    "person", person.id, name.exact, name.ambiguous or shared, str(origin)
                )
                yield name.text, entry
        for agent in self._agents:
            yield from _entries("agent", agent.sector, agent.names, agent.origin)
        for title in self._titles.values():
            yield from _entries("title", title.id, title.names, title.origin)


def _entries(
    kind: str, target: str, names: Iterable[Name], origin: Origin
) -> Iterator[tuple[str, Entry]]:
    """Gazetteer entries for a record's names."""
    for name in names:
        yield name.text, Entry(kind, target, name.exact, name.ambiguous, str(origin))


@cache
def _packaged() -> Dictionary:
    """The packaged dictionary, built once."""
    return Dictionary(_packaged_tables())


def load(extra: Iterable[Path] = ()) -> Dictionary:
    """The packaged dictionaries, overridden by user files or folders of files, in order.

    A `.txt` file is read as a PETRARCH actors dictionary, or agents when its name says so.
    """
    paths = list(_user_files(extra))
    if not paths:
        return _packaged()
    tables = _packaged_tables().copy()
    for path in paths:
        _read_user(tables, path)
    return Dictionary(tables)
