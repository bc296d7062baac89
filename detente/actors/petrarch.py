"""PETRARCH actor and agent dictionaries, read and merged into detente's own actor tables.

Users coming from PETRARCH can hand `load()` (or `Resolver.from_paths`, or $DETENTE_ACTORS) a
PETRARCH `.txt` dictionary: a file whose name holds `agents` is read as an agents dictionary,
any other `.txt` file as an actors dictionary. Each entry becomes a detente record:

- a three-letter code (`[GON]`) is a country: the names become its aliases, and a country the
  packaged data lacks is created;
- a country + known sector code (`[GONMIL]`) is a metonym standing for that actor; a country +
  known sector + tag (`[PSEREBHMS]`) is a national organisation; `IGO`/`NGO`/`IMG`/`ISM`/`MNC`
  codes (`[IGOCOPITP]`) are international organisations; a longer code whose sector detente does
  not know (`[MORORC]`) keeps its country only;
- an entry with date restrictions (`[HOBGOV 19950601-19990815]`, `[HOB < 950601]`) is a person
  whose spells are the dated codes (and the undated one, for all other days);
- `[---]` marks an actor with no country: it is read and left out;
- an agent (`TROOPS {} [~MIL]`, `CONGRESS!PERSON! [~LEG]`) gives its words, plurals and
  substitutions the sector its code starts with.

A PETRARCH name overrides what the packaged dictionaries say about it: it is taken from any
other country, metonym, place or organisation that lists it. Agent words detente already
knows (as an agent word or a role title) keep detente's reading.

Errors: a line PETRARCH's syntax does not allow (an unclosed bracket or comment, a bad date, a
synonym or code with no entry before it, an entry with no code) raises DictionaryError naming
the file and line. A well-formed entry detente cannot represent (a `+++` code, an unknown agent
sector, a second code for a name, a name it cannot take over) is skipped: each is counted by
reason and logged once per file as a warning.

PETRARCH's matching rules that detente's gazetteer does not share are simplified: `_` and a
space both join the words of a phrase (no gaps are allowed between them), a trailing `_` is
dropped, and a name matches whole words only.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from detente.actors.dictionary import (
    ORG_CLASSES,
    Agent,
    Country,
    DictionaryError,
    Metonym,
    Name,
    Organization,
    Origin,
    Place,
    Role,
    _PersonRow,
    _Tables,
    fold,
)

log = logging.getLogger(__name__)

NO_COUNTRY = "---"
"""PETRARCH's code for an actor it knows but places in no country."""
ROLE = "aide"
"""The role id of a person made from a dated entry: PETRARCH says nothing about the office."""
_CODE = re.compile(r"[A-Z0-9]{3,}")
_DATED = re.compile(r"([^\s<>]+)\s*(?:<\s*(\d+)|>\s*(\d+)|(\d+)\s*-\s*(\d+))")
_MARKER = re.compile(r"!([^!\s]+)!")
_FIRST_DAY = date(1, 1, 1)
_NOTE = "from PETRARCH dictionary"


class _Skipped(Exception):
    """A well-formed entry that detente cannot represent, with the reason counted."""


@dataclass(frozen=True, slots=True)
class Code:
    """One code of an actor entry, with the days it holds (None: no limit that side)."""

    code: str
    start: date | None
    end: date | None
    line: int

    @property
    def dated(self) -> bool:
        """Whether the code holds on some days only."""
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class ActorEntry:
    """An actors-file entry: its phrase, its `+` synonyms and its codes."""

    names: list[str]
    codes: list[Code]
    line: int


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agents-file entry with its plural and substitution forms spelt out."""

    names: tuple[str, ...]
    code: str
    prefix: bool
    """Whether the code goes before the actor's (`[NGO~]`) rather than after (`[~GOV]`)."""
    line: int


@dataclass(slots=True)
class Report:
    """What a merge did: records added and entries skipped, by reason."""

    added: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    """The folded actor names the file has given a reading so far: the first reading wins."""

    def first(self, names: list[str]) -> list[str]:
        """The names not read earlier in the file, now marked read; the rest counted."""
        fresh = [name for name in names if fold(name) not in self.names]
        self.skipped["names the file already gave another code"] += len(names) - len(fresh)
        self.names.update(fold(name) for name in fresh)
        return fresh


# --- reading -------------------------------------------------------------------------------


def _lines(path: str, text: str) -> list[tuple[int, str]]:
    """The numbered lines of a dictionary with `<!-- -->` blocks and `#` comments removed."""
    out: list[tuple[int, str]] = []
    opened = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if opened:
            if "-->" not in line:
                continue
            line, opened = line.split("-->", 1)[1], 0
        if line.lstrip().startswith("<!"):
            if "-->" not in line:
                opened = number
                continue
            line = line.split("-->", 1)[1]
        line = line.split("#", 1)[0]
        if line.strip():
            out.append((number, line.rstrip()))
    if opened:
        raise DictionaryError(path, opened, "comment opened with '<!' is never closed with '-->'")
    return out


def _phrase(text: str) -> str:
    """A PETRARCH phrase as words: `_` joins like a space, a trailing `_` is dropped."""
    return " ".join(text.replace("_", " ").split())


def _day(text: str, origin: Origin) -> date:
    """A PETRARCH date, YYYYMMDD or YYMMDD (two-digit years as Python's %y reads them)."""
    pattern = {8: "%Y%m%d", 6: "%y%m%d"}.get(len(text))
    try:
        if pattern is None:
            raise ValueError
        return datetime.strptime(text, pattern).date()
    except ValueError:
        raise origin.error(f"bad date {text!r} (want YYYYMMDD or YYMMDD)") from None


def _bracket(line: str, origin: Origin) -> tuple[str, str]:
    """The text before a `[...]` block and the inside of the block (empty when there is none)."""
    if "[" not in line:
        if "]" in line:
            raise origin.error("']' without '['")
        return line, ""
    before, _, rest = line.partition("[")
    inside, closed, after = rest.partition("]")
    if not closed:
        raise origin.error("'[' is never closed with ']'")
    if after.strip():
        raise origin.error(f"text after the code: {after.strip()!r}")
    return before, inside.strip()


def _code(inside: str, origin: Origin) -> Code:
    """A code block's inside: a bare code or a code with a date restriction."""
    if not inside:
        raise origin.error("empty code '[]'")
    parts = inside.split()
    if len(parts) == 1 and not any(mark in inside for mark in "<>"):
        return Code(inside.upper(), None, None, origin.line)
    match = _DATED.fullmatch(inside)
    if not match:
        raise origin.error(f"bad date restriction {inside!r} (want CODE <date, >date or d1-d2)")
    code, before, after, first, last = match.groups()
    if before:
        return Code(code.upper(), None, _day(before, origin) - timedelta(days=1), origin.line)
    if after:
        return Code(code.upper(), _day(after, origin) + timedelta(days=1), None, origin.line)
    start, end = _day(first, origin), _day(last, origin)
    if end < start:
        raise origin.error(f"the restriction {inside!r} ends before it starts")
    return Code(code.upper(), start, end, origin.line)


def read_actors(path: str, text: str) -> list[ActorEntry]:
    """The entries of a PETRARCH actors dictionary, in file order."""
    entries: list[ActorEntry] = []
    for number, line in _lines(path, text):
        origin = Origin(path, number)
        stripped = line.strip()
        if stripped.startswith("+"):
            if not entries:
                raise origin.error("synonym '+' with no entry before it")
            before, inside = _bracket(stripped[1:], origin)
            if inside:
                raise origin.error("a '+' synonym cannot carry a code")
            entries[-1].names.append(_phrase(before))
            continue
        before, inside = _bracket(stripped, origin)
        if not before.strip():
            if not entries:
                raise origin.error("code with no entry before it")
            entries[-1].codes.append(_code(inside, origin))
            continue
        if entries and not entries[-1].codes:
            raise Origin(path, entries[-1].line).error(
                f"entry {entries[-1].names[0]!r} has no code"
            )
        codes = [_code(inside, origin)] if inside else []
        entries.append(ActorEntry([_phrase(before)], codes, number))
    if entries and not entries[-1].codes:
        raise Origin(path, entries[-1].line).error(f"entry {entries[-1].names[0]!r} has no code")
    return entries


def plural(phrase: str) -> str:
    """PETRARCH's regular plural of a phrase: +IES after Y, +ES after S, else +S."""
    if phrase.upper().endswith("Y"):
        return phrase[:-1] + "IES"
    if phrase.upper().endswith("S"):
        return phrase + "ES"
    return phrase + "S"


def read_agents(path: str, text: str) -> list[AgentEntry]:
    """The entries of a PETRARCH agents dictionary, with `!MARKER!` sets substituted."""
    markers: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, line in _lines(path, text):
        origin = Origin(path, number)
        if "=" in line and line.strip().startswith("!"):
            marker, _, members = line.partition("=")
            found = _MARKER.fullmatch(marker.strip())
            if not found:
                raise origin.error(f"bad substitution set {marker.strip()!r} (want !NAME!)")
            markers[found.group(1)] = [m.strip() for m in members.split(",") if m.strip()]
            continue
        before, inside = _bracket(line, origin)
        if not inside:
            raise origin.error("agent with no [code]")
        code = inside.replace(" ", "").upper()
        if code.count("~") != 1 or code.strip("~") == "":
            raise origin.error(f"bad agent code {inside!r} (want [~CODE] or [CODE~])")
        names = _agent_names(before.strip(), markers, origin)
        entries.append(AgentEntry(names, code.strip("~"), code.endswith("~"), number))
    return entries


def _agent_names(text: str, markers: dict[str, list[str]], origin: Origin) -> tuple[str, ...]:
    """The forms an agent phrase stands for: its substitutions, or it and its plural."""
    if "!" in text:
        found = _MARKER.search(text)
        if not found:
            raise origin.error(f"substitution marker in {text!r} is not closed with '!'")
        if found.group(1) not in markers:
            raise origin.error(f"substitution set !{found.group(1)}! is not defined above")
        return tuple(
            _phrase(text[: found.start()] + member + text[found.end() :])
            for member in markers[found.group(1)]
        )
    if "{" in text:
        root, _, rest = text.partition("{")
        given, closed, after = rest.partition("}")
        if not closed or after.strip():
            raise origin.error("'{' must be closed by '}' just before the code")
        forms = [root, given] if given.strip() else [root]
    else:
        forms = [text, plural(text)]
    return tuple(_phrase(form) for form in forms if _phrase(form))


# --- merging into detente's tables ---------------------------------------------------------


def is_agents(path: str) -> bool:
    """Whether a PETRARCH file is an agents dictionary (by its name), else an actors one."""
    return "agents" in Path(path).name.lower()


def merge(tables: _Tables, path: str, text: str) -> Report:
    """Read a PETRARCH dictionary into the tables, logging what had to be skipped."""
    report = Report()
    if is_agents(path):
        for agent in read_agents(path, text):
            _merge_agent(tables, agent, Origin(path, agent.line), report)
    else:
        for entry in read_actors(path, text):
            try:
                _merge_actor(tables, entry, Origin(path, entry.line), report)
            except _Skipped as reason:
                report.skipped[str(reason)] += 1
    if report.skipped:
        detail = ", ".join(f"{count} {why}" for why, count in sorted(report.skipped.items()))
        log.warning("%s: skipped %d PETRARCH entries or names: %s", path,
                    sum(report.skipped.values()), detail)  # fmt: skip
    return report


def _title(phrase: str) -> str:
    """A name as detente writes it: capitalised words, so lower-case text does not match."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in phrase.split())


def _country_code(code: str, tables: _Tables, origin: Origin) -> str:
    """The country part of a code, created as a bare country (named by its code) if new."""
    country = code[:3]
    if not re.fullmatch(r"[A-Z]{3}", country):
        raise _Skipped("codes that are not country codes")
    if country not in tables.countries:
        name = Name(country, exact=True, ambiguous=False)
        tables.countries[country] = Country(country, (name,), (), (), "territory", _NOTE, origin)
    return country


def _target(code: str, tables: _Tables, origin: Origin) -> tuple[str, str]:
    """The kind of record a code becomes and its code: country, metonym or organization."""
    if code == NO_COUNTRY or code.startswith(NO_COUNTRY):
        raise _Skipped("actors with no country ([---])")
    if not _CODE.fullmatch(code):
        raise _Skipped("codes that are not country codes")
    if code[:3] in ORG_CLASSES and len(code) >= 6:
        tag = code[: 3 + 3 * ((len(code) - 3) // 3)][:12]
        return "organizations", tag
    country = _country_code(code, tables, origin)
    sector = code[3:6]
    if len(code) >= 9 and sector in tables.sectors and re.fullmatch(r"[A-Z0-9]{3}", code[6:9]):
        return "organizations", code[:9]
    if len(code) >= 6 and sector in tables.sectors:
        return "metonyms", country + sector
    return "countries", country


def _merge_actor(tables: _Tables, entry: ActorEntry, origin: Origin, report: Report) -> None:
    """One actors-file entry as a country alias, metonym, organisation or person."""
    names = report.first([_title(name) for name in dict.fromkeys(entry.names) if name])
    if not names:
        return
    if any(code.dated for code in entry.codes):
        _merge_person(tables, entry, names, origin, report)
        return
    if len(entry.codes) > 1 or "/" in entry.codes[0].code:
        report.skipped["codes after the first of an entry"] += len(entry.codes) - 1
        report.skipped["codes after the first of an entry"] += entry.codes[0].code.count("/")
    kind, code = _target(entry.codes[0].code.split("/")[0], tables, origin)
    for name in names:
        if _known(tables, kind, code, name):
            continue
        if not _take(tables, name):
            report.skipped["names detente cannot give up"] += 1
            continue
        _add(tables, kind, code, Name(name, False, False), origin)
        report.added[kind] += 1


def _known(tables: _Tables, kind: str, code: str, name: str) -> bool:
    """Whether the name already reads as this code: a name of the record, or for a country
    code also a capital or seat of power of that country ("Seoul" for `[KOR]`)."""
    key = fold(name)
    if kind == "countries":
        country = tables.countries[code]
        names = (*country.names, *country.adjectives, *country.demonyms)
        if any(fold(n.text) == key for n in names):
            return True
    if kind == "organizations":
        org = tables.organizations.get(code)
        return org is not None and any(fold(n.text) == key for n in org.names)
    return any(
        code in (metonym.code, metonym.capital_of if kind == "countries" else None)
        and any(fold(n.text) == key for n in metonym.names)
        for metonym in tables.metonyms.values()
    )


def _take(tables: _Tables, name: str) -> bool:
    """Take a name from every country, metonym, place and organisation that lists it; False
    (and nothing taken) when it is some record's only name."""
    key = fold(name)

    def left(names: tuple[Name, ...]) -> tuple[Name, ...]:
        return tuple(n for n in names if fold(n.text) != key)

    changes: list[tuple[str, str, object]] = []
    for code, country in tables.countries.items():
        names = left(country.names)
        adjectives, demonyms = left(country.adjectives), left(country.demonyms)
        if (names, adjectives, demonyms) != (country.names, country.adjectives, country.demonyms):
            if not names:
                return False
            shorter = replace(country, names=names, adjectives=adjectives, demonyms=demonyms)
            changes.append(("countries", code, shorter))
    for kind in ("metonyms", "places", "organizations"):
        records: dict[str, Metonym | Place | Organization] = getattr(tables, kind)
        for key_, record in records.items():
            names = left(record.names)
            if names != record.names:
                if not names:
                    return False
                changes.append((kind, key_, replace(record, names=names)))
    for kind, key_, record in changes:
        getattr(tables, kind)[key_] = record
    return True


def _add(tables: _Tables, kind: str, code: str, name: Name, origin: Origin) -> None:
    """Add a name to the record of this kind and code, creating it when new."""
    if kind == "countries":
        country = tables.countries[code]
        names = country.names
        if country.notes == _NOTE and names[0].exact and names[0].text == code:
            names = ()  # a country so far named only by its code takes its first real name
        tables.countries[code] = replace(country, names=(*names, name))
    elif kind == "organizations":
        org = tables.organizations.get(code)
        if org is None:
            national = code[:3] not in ORG_CLASSES
            tables.organizations[code] = Organization(
                code, (name,), None, code[3:6] if national else None, _NOTE, origin
            )
        else:
            tables.organizations[code] = replace(org, names=(*org.names, name))
    else:  # keyed apart from the packaged rows, which keep their remaining names
        metonym = Metonym((name,), code, None, True, _NOTE, origin)
        tables.metonyms[f"petrarch {fold(name.text)}"] = metonym


def _merge_person(
    tables: _Tables, entry: ActorEntry, names: list[str], origin: Origin, report: Report
) -> None:
    """A dated entry as a person whose spells are its codes; undated codes hold on all days."""
    person = "petrarch_" + re.sub(r"[^a-z0-9]+", "_", names[0].lower()).strip("_")
    rows: list[_PersonRow] = []
    for code in entry.codes:  # the newest spell wins, so a dated code starts after the default
        start = code.start or (_FIRST_DAY + timedelta(days=code.dated))
        spell_origin = Origin(origin.path, code.line)
        try:
            _, target = _target(code.code.split("/")[0], tables, spell_origin)
        except _Skipped as reason:
            report.skipped[f"dated {reason}"] += 1
            continue
        if target[:3] in ORG_CLASSES:
            report.skipped["dated codes of international bodies"] += 1
            continue
        country, sector = target[:3], target[3:6]
        role = Role(
            person, country, ROLE, sector, "", start, code.end, False,
            _NOTE, spell_origin,
        )  # fmt: skip
        rows.append(_PersonRow((), role))
    taken = [name for name in names if _take(tables, name)]
    report.skipped["names detente cannot give up"] += len(names) - len(taken)
    if not rows or not taken:
        raise _Skipped("dated entries with no usable code or name")
    first = rows[0]
    rows[0] = _PersonRow(tuple(Name(name, False, False) for name in taken), first.role)
    tables.people[person] = rows
    report.added["people"] += 1


def _merge_agent(tables: _Tables, agent: AgentEntry, origin: Origin, report: Report) -> None:
    """An agents-file entry as an agent row, its words not already known to detente."""
    sector = agent.code[:3]
    if sector not in tables.sectors:
        report.skipped["agents with a sector detente does not know"] += 1
        return
    known = {
        fold(name.text)
        for record in (*tables.agents.values(), *tables.roles.values())
        for name in record.names
    }
    fresh = [name.lower() for name in agent.names if fold(name) not in known]
    report.skipped["agent words detente already knows"] += len(agent.names) - len(fresh)
    if not fresh:
        return
    names = tuple(Name(name, False, False) for name in fresh)
    tables.agents[fold(fresh[0])] = Agent(names, sector, _NOTE, origin)
    report.added["agents"] += 1
