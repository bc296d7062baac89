"""The event coder's tables (CAMEO, PLOVER, lexicon, compositions): loaded, checked, looked up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

DATA = Path(__file__).resolve().parent / "data"
REMOVE = "none"
"""A `cameo` value in a user lexicon that removes the pattern from the tables loaded before it."""

_CODE = re.compile(r"\d{2,4}")
_TYPE = re.compile(r"[A-Z]+")
_MODE = re.compile(r"[a-z]+(?:-[a-z]+)*")
_WORD = re.compile(r"[a-z]+")
_NEGATIONS = frozenset({"not", "no", "never", "n't", "without"})
_MAX_PARTICLES = 2  # enough for "pull out of"; the lexicon needs no longer phrasal verb
_MAX_OBJECT_WORDS = 3  # enough for "hold +joint war game" and "n:free trade agreement"
_SCORE_RANGE = 10.0  # Goldstein and PLOVER scores both run from -10 to +10


class TableError(ValueError):
    """A problem in an event table file, naming the file, the line and the reason."""

    def __init__(self, path: Path | str, line: int, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class PloverType:
    """A PLOVER event type with its score, QuadClass, recipient rule and modes."""

    name: str
    description: str
    score: float
    quad_class: int
    reciprocal: bool
    needs_target: bool
    modes: Mapping[str, float | None]
    """Mode name to its own score, or None where the manual gives the mode no score."""

    def mode_score(self, mode: str | None) -> float:
        """The PLOVER score of this type with `mode`, falling back to the type's score."""
        own = self.modes.get(mode) if mode else None
        return self.score if own is None else own


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO event code with its Goldstein weight, QuadClass and PLOVER equivalent."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    statement: bool
    plover_type: str
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit cue category."""
        return self.code[:2]

    @property
    def five_way(self) -> int:
        """0 for statements and appeals (roots 01-02), else the QuadClass 1-4."""
        return 0 if self.statement else self.quad_class


@dataclass(frozen=True, slots=True)
class Pattern:
    """A parsed lexicon pattern: a verb with conditions on its dependents, or a noun trigger."""

    kind: Literal["verb", "noun"]
    lemma: str
    particles: tuple[str, ...] = ()
    """Particles or prepositions that must hang from the verb (all of them, any order)."""
    obj: str | None = None
    """Head lemma of the direct object, or of the object of the pattern's last preposition."""
    modifiers: tuple[str, ...] = ()
    """Compound or adjective modifiers required on the object (verb) or on the noun itself."""

    @property
    def specificity(self) -> int:
        """How many conditions the pattern sets; the most specific matching pattern wins."""
        return len(self.particles) + (2 if self.obj else 0) + len(self.modifiers)

    def __str__(self) -> str:
        if self.kind == "noun":
            return "n:" + " ".join((*self.modifiers, self.lemma))
        words = [self.lemma, *self.particles]
        if self.obj:
            words.append("+" + " ".join((*self.modifiers, self.obj)))
        return " ".join(words)


def _check_words(words: Sequence[str], what: str) -> None:
    """Raise ValueError unless every word is a plain lower-case lemma and none is a negation."""
    for word in words:
        if word in _NEGATIONS:
            raise ValueError(f"{word!r} is negation, a flag the coder sets, not part of a pattern")
        if not _WORD.fullmatch(word):
            raise ValueError(
                f"{what} word {word!r} must be lower-case letters only "
                "(spaCy splits hyphens and apostrophes into separate tokens)"
            )


def parse_pattern(text: str) -> Pattern:
    """Parse one pattern (`meet`, `meet with`, `impose +sanction`, `n:phone call`)."""
    words = text.split()
    if not words:
        raise ValueError("empty pattern")
    if words[0].startswith("n:"):
        nouns = [words[0][2:], *words[1:]]
        _check_words(nouns, "noun")
        if len(nouns) > _MAX_OBJECT_WORDS:
            raise ValueError(f"a noun trigger has at most {_MAX_OBJECT_WORDS} words")
        return Pattern("noun", nouns[-1], modifiers=tuple(nouns[:-1]))
    plus = [i for i, word in enumerate(words) if word.startswith("+")]
    if len(plus) > 1 or any("+" in word[1:] for word in words):
        raise ValueError("only one '+' is allowed, in front of the object")
    head, rest = (words[: plus[0]], words[plus[0] :]) if plus else (words, [])
    if rest:
        rest = [rest[0][1:], *rest[1:]]
        if not rest[0]:
            raise ValueError("'+' must be followed by the object, with no space")
        if len(rest) > _MAX_OBJECT_WORDS:
            raise ValueError(f"an object has at most {_MAX_OBJECT_WORDS} words")
    if not head:
        raise ValueError("a pattern must start with a verb lemma")
    if len(head) - 1 > _MAX_PARTICLES:
        raise ValueError(f"a verb takes at most {_MAX_PARTICLES} particles or prepositions")
    _check_words(head, "verb")
    _check_words(rest, "object")
    return Pattern(
        "verb",
        head[0],
        particles=tuple(head[1:]),
        obj=rest[-1] if rest else None,
        modifiers=tuple(rest[:-1]),
    )


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon row: a pattern and what it codes to."""

    pattern: Pattern
    cameo: str
    plover_mode: str | None
    reciprocal: bool | None
    """True when the action is joint (one event, all parties actors); None: the type decides."""
    note: str
    origin: str
    """`file, line N` where the row was read."""


class Lexicon:
    """Lexicon entries indexed by verb lemma and by noun lemma, most specific first."""

    def __init__(self, entries: Iterable[LexEntry]) -> None:
        self._entries = {str(entry.pattern): entry for entry in entries}
        verbs: dict[str, list[LexEntry]] = {}
        nouns: dict[str, list[LexEntry]] = {}
        for entry in self._entries.values():
            index = nouns if entry.pattern.kind == "noun" else verbs
            index.setdefault(entry.pattern.lemma, []).append(entry)
        self._verbs = {k: tuple(sorted(v, key=_most_specific)) for k, v in verbs.items()}
        self._nouns = {k: tuple(sorted(v, key=_most_specific)) for k, v in nouns.items()}

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[LexEntry]:
        return iter(self._entries.values())

    def get(self, pattern: str) -> LexEntry | None:
        """The entry for exactly this pattern text, if any."""
        return self._entries.get(str(parse_pattern(pattern)))

    def verb(self, lemma: str) -> tuple[LexEntry, ...]:
        """Candidate patterns headed by this verb lemma, most specific first."""
        return self._verbs.get(lemma.lower(), ())

    def noun(self, lemma: str) -> tuple[LexEntry, ...]:
        """Candidate noun triggers headed by this noun lemma, most specific first."""
        return self._nouns.get(lemma.lower(), ())

    def match_verb(
        self,
        lemma: str,
        particles: Iterable[str] = (),
        objects: Iterable[str] = (),
        modifiers: Iterable[str] = (),
    ) -> LexEntry | None:
        """The most specific pattern for a verb given its particles, object forms and modifiers.

        `objects` are the forms of the object head to try (its lemma and lower-cased text);
        `modifiers` are the lemmas of the object's compound and adjective modifiers.
        """
        have_particles, have_objects = _lower(particles), _lower(objects)
        have_modifiers = _lower(modifiers)
        for entry in self.verb(lemma):
            pattern = entry.pattern
            if not have_particles.issuperset(pattern.particles):
                continue
            if pattern.obj and pattern.obj not in have_objects:
                continue
            if have_modifiers.issuperset(pattern.modifiers):
                return entry
        return None

    def match_noun(self, lemma: str, modifiers: Iterable[str] = ()) -> LexEntry | None:
        """The most specific noun trigger for this head lemma given its modifiers."""
        have = _lower(modifiers)
        return next((e for e in self.noun(lemma) if have.issuperset(e.pattern.modifiers)), None)


def _most_specific(entry: LexEntry) -> int:
    """Sort key putting the pattern with the most conditions first (stable for ties)."""
    return -entry.pattern.specificity


def _lower(words: Iterable[str]) -> frozenset[str]:
    """Lower-cased set of words."""
    return frozenset(word.lower() for word in words)


@dataclass(frozen=True, slots=True)
class Tables:
    """All event tables, validated against each other."""

    codes: Mapping[str, CameoCode]
    types: Mapping[str, PloverType]
    lexicon: Lexicon
    compositions: Mapping[tuple[str, str], str]
    """(frame root, complement code or prefix) -> the combined code."""

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code's row; KeyError naming the code when there is none."""
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def plover(self, name: str) -> PloverType:
        """The PLOVER type's row; KeyError naming the type when there is none."""
        try:
            return self.types[name.upper()]
        except KeyError:
            raise KeyError(f"unknown PLOVER type {name!r}") from None

    def five_way(self, code: str) -> int:
        """The 5-way class of a code: 0 statements (roots 01-02), else QuadClass 1-4."""
        return self.cameo(code).five_way

    def compose(self, frame: str, complement: str) -> str | None:
        """The code for a verb of `frame`'s root governing an action coded `complement`.

        "pledged to supply arms": frame 030 with complement 072 gives 0332. The longest
        matching complement prefix wins; None means the pair does not combine (the coder
        keeps the complement, negated for a refusal).
        """
        root = frame[:2]
        for end in range(len(complement), 1, -1):
            found = self.compositions.get((root, complement[:end]))
            if found:
                return found
        return None

    def score(self, code: str, mode: str | None = None) -> float:
        """The PLOVER score of a code, with its own mode unless `mode` is given."""
        row = self.cameo(code)
        return self.plover(row.plover_type).mode_score(mode or row.plover_mode)


class _Rows:
    """Rows of one TSV table as (line number, column -> value), header checked."""

    def __init__(self, path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TableError(path, 0, f"cannot read the table: {exc}") from exc
        lines = [
            (number, line.rstrip("\r"))
            for number, line in enumerate(text.split("\n"), start=1)
            if line.strip() and not line.lstrip().startswith("#")
        ]
        if not lines:
            raise TableError(path, 0, "no header line")
        header_line, header = lines[0][0], lines[0][1].split("\t")
        missing = [name for name in required if name not in header]
        if missing:
            raise TableError(path, header_line, f"header lacks column(s) {', '.join(missing)}")
        unknown = [name for name in header if name not in (*required, *optional)]
        if unknown:
            raise TableError(path, header_line, f"unknown column(s) {', '.join(unknown)}")
        self.rows: list[tuple[int, dict[str, str]]] = []
        for number, line in lines[1:]:
            cells = line.split("\t")
            if len(cells) > len(header):
                raise TableError(path, number, f"{len(cells)} fields for {len(header)} columns")
            cells += [""] * (len(header) - len(cells))
            self.rows.append((number, dict(zip(header, (c.strip() for c in cells), strict=True))))

    def fail(self, line: int, reason: str) -> TableError:
        """An error at `line` of this table."""
        return TableError(self.path, line, reason)

    def number(self, line: int, value: str, column: str) -> float:
        """A score within -10..+10."""
        try:
            score = float(value)
        except ValueError:
            raise self.fail(line, f"{column} {value!r} is not a number") from None
        if not -_SCORE_RANGE <= score <= _SCORE_RANGE:
            raise self.fail(line, f"{column} {score} is outside -10..10")
        return score

    def flag(self, line: int, value: str, column: str, *, blank: bool = False) -> bool | None:
        """A y/n column (None for an empty cell where `blank` allows it)."""
        if value in ("y", "n"):
            return value == "y"
        if blank and not value:
            return None
        raise self.fail(line, f"{column} must be y or n{' or empty' if blank else ''}")

    def quad(self, line: int, value: str) -> int:
        """A QuadClass 1-4."""
        if value not in ("1", "2", "3", "4"):
            raise self.fail(line, f"quad_class {value!r} must be 1, 2, 3 or 4")
        return int(value)


def _read_plover(path: Path) -> dict[str, PloverType]:
    """PLOVER types from plover.tsv."""
    table = _Rows(
        path, ("type", "description", "score", "quad_class", "reciprocal", "needs_target", "modes")
    )
    types: dict[str, PloverType] = {}
    for line, row in table.rows:
        name = row["type"]
        if not _TYPE.fullmatch(name):
            raise table.fail(line, f"type {name!r} must be upper-case letters")
        if name in types:
            raise table.fail(line, f"type {name} is listed twice")
        modes: dict[str, float | None] = {}
        for item in filter(None, row["modes"].split("|")):
            mode, _, score = item.strip().partition("=")
            if not _MODE.fullmatch(mode) or mode in modes:
                raise table.fail(line, f"bad or repeated mode {mode!r}")
            modes[mode] = table.number(line, score, f"score of mode {mode}") if score else None
        types[name] = PloverType(
            name,
            row["description"],
            table.number(line, row["score"], "score"),
            table.quad(line, row["quad_class"]),
            bool(table.flag(line, row["reciprocal"], "reciprocal")),
            bool(table.flag(line, row["needs_target"], "needs_target")),
            modes,
        )
    return types


def _check_mode(table: _Rows, line: int, mode: str, plover: PloverType) -> str | None:
    """The mode, if it is one of the type's modes; None when empty."""
    if mode and mode not in plover.modes:
        raise table.fail(line, f"{mode!r} is not a mode of {plover.name}")
    return mode or None


def _read_cameo(path: Path, types: Mapping[str, PloverType]) -> dict[str, CameoCode]:
    """CAMEO codes from cameo.tsv, checked against the PLOVER types."""
    columns = (
        "code",
        "label",
        "goldstein",
        "quad_class",
        "statement",
        "plover_type",
        "plover_mode",
    )
    table = _Rows(path, columns)
    codes: dict[str, CameoCode] = {}
    for line, row in table.rows:
        code = row["code"]
        if not _CODE.fullmatch(code) or not 1 <= int(code[:2]) <= 20:
            raise table.fail(line, f"code {code!r} is not a CAMEO code (2-4 digits, root 01-20)")
        if code in codes:
            raise table.fail(line, f"code {code} is listed twice")
        if len(code) > 2 and code[:-1] not in codes:
            raise table.fail(line, f"code {code} comes before (or without) its parent {code[:-1]}")
        if not row["label"]:
            raise table.fail(line, f"code {code} has no label")
        statement = bool(table.flag(line, row["statement"], "statement"))
        if statement != (code[:2] in ("01", "02")):
            raise table.fail(line, "statement must be y exactly for roots 01 and 02")
        plover = types.get(row["plover_type"])
        if plover is None:
            raise table.fail(line, f"unknown PLOVER type {row['plover_type']!r}")
        codes[code] = CameoCode(
            code,
            row["label"],
            table.number(line, row["goldstein"], "goldstein"),
            table.quad(line, row["quad_class"]),
            statement,
            plover.name,
            _check_mode(table, line, row["plover_mode"], plover),
        )
    return codes


def _read_lexicon(
    path: Path,
    codes: Mapping[str, CameoCode],
    types: Mapping[str, PloverType],
    entries: dict[str, LexEntry],
) -> None:
    """Add (or, with cameo `none`, remove) the patterns of one lexicon file in `entries`."""
    table = _Rows(path, ("pattern", "cameo"), ("plover_mode", "reciprocal", "note"))
    seen: dict[str, int] = {}
    for line, row in table.rows:
        try:
            pattern = parse_pattern(row["pattern"])
        except ValueError as exc:
            raise table.fail(line, f"bad pattern {row['pattern']!r}: {exc}") from None
        key = str(pattern)
        if key in seen:
            raise table.fail(line, f"pattern {key!r} already on line {seen[key]}")
        seen[key] = line
        if row["cameo"] == REMOVE:
            if entries.pop(key, None) is None:
                raise table.fail(line, f"pattern {key!r} is not in the tables loaded before")
            continue
        code = codes.get(row["cameo"])
        if code is None:
            raise table.fail(line, f"unknown CAMEO code {row['cameo']!r}")
        entries[key] = LexEntry(
            pattern,
            code.code,
            _check_mode(table, line, row.get("plover_mode", ""), types[code.plover_type]),
            table.flag(line, row.get("reciprocal", ""), "reciprocal", blank=True),
            row.get("note", ""),
            f"{path}, line {line}",
        )


def _read_compose(path: Path, codes: Mapping[str, CameoCode]) -> dict[tuple[str, str], str]:
    """Frame and complement combinations from compose.tsv."""
    table = _Rows(path, ("frame", "complement", "result"), ("note",))
    combined: dict[tuple[str, str], str] = {}
    for line, row in table.rows:
        frame, complement, result = row["frame"], row["complement"], row["result"]
        if len(frame) != 2 or frame not in codes:
            raise table.fail(line, f"frame {frame!r} must be a CAMEO root (01-20)")
        for column, code in (("complement", complement), ("result", result)):
            if code not in codes:
                raise table.fail(line, f"unknown CAMEO code {code!r} in {column}")
        if (frame, complement) in combined:
            raise table.fail(line, f"frame {frame} with complement {complement} is listed twice")
        combined[frame, complement] = result
    return combined


@cache
def _load(data: Path, extra: tuple[Path, ...]) -> Tables:
    """Read and validate the tables in `data`, then the user's lexicon files in order."""
    types = _read_plover(data / "plover.tsv")
    codes = _read_cameo(data / "cameo.tsv", types)
    entries: dict[str, LexEntry] = {}
    for path in (data / "lexicon.tsv", *extra):
        _read_lexicon(path, codes, types, entries)
    compositions = _read_compose(data / "compose.tsv", codes)
    return Tables(codes, types, Lexicon(entries.values()), compositions)


def load_tables(extra: Iterable[Path | str] = (), data: Path | str = DATA) -> Tables:
    """The event tables (cached), user lexicon files in `extra` overriding ours pattern by pattern.

    `data` is a folder holding plover.tsv, cameo.tsv, lexicon.tsv and compose.tsv: ours
    unless a user points at a copy of their own.
    """
    return _load(Path(data).resolve(), tuple(Path(path).resolve() for path in extra))


def cameo(code: str) -> CameoCode:
    """A CAMEO code's row from the default tables."""
    return _load(DATA, ()).cameo(code)


def plover(name: str) -> PloverType:
    """A PLOVER type's row from the default tables."""
    return _load(DATA, ()).plover(name)


def lexicon() -> Lexicon:
    """The default lexicon."""
    return _load(DATA, ()).lexicon


def five_way(code: str) -> int:
    """The 5-way class of a code in the default tables."""
    return _load(DATA, ()).five_way(code)
