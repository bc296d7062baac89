"""Tests for the event coder's tables: coverage, mappings, pattern language, overrides, errors."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from detente.events import tables
from detente.events.tables import (
    DATA,
    Pattern,
    TableError,
    cameo,
    five_way,
    lexicon,
    load_tables,
    parse_pattern,
    plover,
)

HEADER = "pattern\tcameo\tplover_mode\treciprocal\tnote\n"


def codefile_codes(shared: Path) -> set[str]:
    """The codes in the reference code list, with its `i` label variants folded in."""
    codes = set()
    for line in (shared / "reference" / "CAMEO_codefile.txt").read_text().splitlines():
        found = re.match(r"LABEL\w*:\s*(\d{2,4})i?=", line) or re.match(r"//(\d\d)[:=]", line)
        if found:
            codes.add(found.group(1))
    return codes


def test_every_code_in_the_code_list_has_a_row(shared: Path) -> None:
    codes = codefile_codes(shared)
    assert len(codes) > 300
    assert sorted(codes - set(load_tables().codes)) == []


def test_codes_are_complete_and_consistent() -> None:
    loaded = load_tables()
    assert {f"{root:02d}" for root in range(1, 21)} <= set(loaded.codes)
    for code, row in loaded.codes.items():
        assert row.quad_class == loaded.cameo(row.root).quad_class, code
        assert row.plover_type in loaded.types, code
        assert row.plover_mode is None or row.plover_mode in loaded.plover(row.plover_type).modes


@pytest.mark.parametrize(
    ("code", "goldstein", "quad", "ptype", "mode"),
    [
        ("036", 4.0, 1, "AGREE", None),
        ("041", 1.0, 1, "CONSULT", "phone"),
        ("042", 1.9, 1, "CONSULT", "visit"),
        ("057", 8.0, 1, "SUPPORT", None),
        ("062", 7.4, 2, "COOPERATE", None),
        ("0841", 7.0, 2, "RETREAT", "release"),
        ("111", -2.0, 3, "ACCUSE", "disapprove"),
        ("112", -2.0, 3, "ACCUSE", "allege"),
        ("1312", -5.8, 3, "THREATEN", "restrict"),
        ("154", -7.2, 4, "MOBILIZE", "troops"),
        ("163", -8.0, 4, "SANCTION", "discontinue"),
        ("173", -5.0, 4, "COERCE", "arrest"),
        ("190", -10.0, 4, "ASSAULT", None),
        ("2042", -10.0, 4, "ASSAULT", "unconventional"),
    ],
)
def test_known_codes(code: str, goldstein: float, quad: int, ptype: str, mode: str | None) -> None:
    row = cameo(code)
    assert (row.goldstein, row.quad_class, row.plover_type, row.plover_mode) == (
        goldstein,
        quad,
        ptype,
        mode,
    )


@pytest.mark.parametrize(
    ("code", "klass"), [("010", 0), ("0256", 0), ("036", 1), ("061", 2), ("1123", 3), ("193", 4)]
)
def test_five_way_class(code: str, klass: int) -> None:
    assert five_way(code) == klass
    assert cameo(code).statement is (klass == 0)


def test_unknown_code_names_itself() -> None:
    with pytest.raises(KeyError, match="'999'"):
        cameo("999")
    with pytest.raises(KeyError, match="FIGHT"):
        plover("FIGHT")


def test_plover_types() -> None:
    types = load_tables().types
    assert len(types) == 16
    assert plover("accuse").score == -3  # sign slip in the manual corrected
    assert plover("CONSULT").mode_score("phone") == 1.5
    assert plover("CONSULT").mode_score(None) == 2.5
    assert plover("PROTEST").mode_score("vandalize") == -5  # no own score: the type's
    assert plover("CONSULT").reciprocal and not plover("ACCUSE").reciprocal
    assert {t.name for t in types.values() if t.needs_target} == {"COOPERATE", "AID", "SANCTION"}
    assert [t.quad_class for t in types.values()] == sorted(t.quad_class for t in types.values())
    assert load_tables().score("042") == 4
    assert load_tables().score("042", "phone") == 1.5


def test_lexicon_is_large_and_valid() -> None:
    loaded = load_tables()
    assert len(loaded.lexicon) >= 600
    for entry in loaded.lexicon:
        assert parse_pattern(str(entry.pattern)) == entry.pattern
        assert entry.cameo in loaded.codes
        assert str(entry.pattern) == str(entry.pattern).lower()
    assert sum(entry.pattern.kind == "noun" for entry in loaded.lexicon) >= 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("meet", Pattern("verb", "meet")),
        ("pull  out of", Pattern("verb", "pull", particles=("out", "of"))),
        ("impose +sanction", Pattern("verb", "impose", obj="sanction")),
        ("hold +joint war game", Pattern("verb", "hold", obj="game", modifiers=("joint", "war"))),
        ("call for +ceasefire", Pattern("verb", "call", ("for",), "ceasefire")),
        ("n:phone call", Pattern("noun", "call", modifiers=("phone",))),
        ("n:summit", Pattern("noun", "summit")),
    ],
)
def test_parse_pattern(text: str, expected: Pattern) -> None:
    assert parse_pattern(text) == expected
    assert str(parse_pattern(str(expected))) == str(expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("+sanction", "start with a verb"),
        ("refuse not condemn", "negation"),
        ("declare +cease-fire", "lower-case letters"),
        ("Meet", "lower-case letters"),
        ("impose +sanction +ban", "only one"),
        ("impose + sanction", "no space"),
        ("pull out of from", "at most 2"),
        ("n:a b c d", "at most 3"),
    ],
)
def test_bad_patterns(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_pattern(text)


@pytest.mark.parametrize(
    ("lemma", "particles", "objects", "modifiers", "code"),
    [
        ("call", (), (), (), "041"),
        ("call", ("for",), (), (), "020"),
        ("call", ("for",), ("ceasefire",), (), "0256"),
        ("hold", (), ("drill", "drills"), (), "150"),
        ("hold", (), ("drill", "drills"), ("joint", "naval"), "062"),
        ("hold", (), ("talk", "talks"), (), "046"),
        ("impose", (), ("sanction",), (), "163"),
        ("sign", (), ("agreement",), (), "057"),
        ("criticise", (), (), (), "111"),
        ("Criticize", (), (), (), "111"),
        ("deny", (), ("entry",), (), "120"),
        ("deny", (), ("accusation",), (), "016"),
        ("expel", (), ("diplomat",), (), "161"),
        ("expel", (), ("journalist",), (), "174"),
        ("pull", ("out", "of"), (), (), "0874"),
    ],
)
def test_match_verb(
    lemma: str,
    particles: tuple[str, ...],
    objects: tuple[str, ...],
    modifiers: tuple[str, ...],
    code: str,
) -> None:
    entry = lexicon().match_verb(lemma, particles, objects, modifiers)
    assert entry is not None
    assert entry.cameo == code


def test_match_noun_and_misses() -> None:
    lex = lexicon()
    assert lex.match_noun("call", ["phone"]).plover_mode == "phone"
    assert lex.match_noun("visit", ["state"]).cameo == "042"
    assert lex.match_noun("drill", ["joint"]).cameo == "062"
    assert lex.match_noun("drill").cameo == "150"
    assert lex.match_noun("sandwich") is None
    assert lex.match_verb("hold", objects=["breath"]) is None
    assert lex.match_verb("frobnicate") is None
    assert lex.match_verb("expel", objects=["diplomat"]).plover_mode == "expel"
    assert lex.match_verb("clash").reciprocal is True
    assert lex.get("sign +agreement").origin.endswith(f"line {_line_of('sign +agreement')}")


def _line_of(pattern: str) -> int:
    """Line number of a pattern in our lexicon file."""
    lines = (DATA / "lexicon.tsv").read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.split("\t")[0] == pattern)


@pytest.mark.parametrize(
    ("frame", "complement", "result"),
    [
        ("030", "072", "0332"),  # pledged to supply arms
        ("036", "0841", "0353"),  # agreed to free prisoners: the 084 row
        ("020", "0871", "0256"),  # urged a ceasefire
        ("100", "046", "106"),  # demanded negotiations
        ("120", "010", "011"),  # declined to comment
        ("120", "043", "125"),  # refused to host
        ("130", "163", "1312"),  # threatened sanctions
        ("0311", "193", "1384"),  # vowed to attack
        ("120", "111", None),  # refused to condemn: a negated 111, not a composition
        ("040", "042", None),  # a meeting frame composes nothing
    ],
)
def test_compose(frame: str, complement: str, result: str | None) -> None:
    assert load_tables().compose(frame, complement) == result


def test_user_lexicon_overrides_pattern_by_pattern(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# my additions\npattern\tcameo\tnote\n"
        "meet\t036\tin my corpus meetings are announced ahead\n"
        "zap +drone\t1952\n"
        "sign +agreement\tnone\n"
    )
    custom = load_tables(extra=[user])
    assert custom.lexicon.match_verb("meet").cameo == "036"
    assert custom.lexicon.match_verb("zap", objects=["drone"]).cameo == "1952"
    assert custom.lexicon.get("sign +agreement") is None
    assert custom.lexicon.match_verb("sign", objects=["agreement"]).cameo == "057"  # bare `sign`
    assert custom.lexicon.get("meet with").cameo == "040"  # the rest is ours
    assert len(custom.lexicon) == len(lexicon())

    default = load_tables()
    assert default.lexicon.match_verb("meet").cameo == "040"
    assert default is load_tables()
    assert load_tables(extra=[str(user)]) is custom


@pytest.mark.parametrize(
    ("rows", "line", "reason"),
    [
        ("meet\t999\n", 3, "unknown CAMEO code '999'"),
        ("meet\t040\tphone\n", 3, None),
        ("meet\t040\tvisit\tmaybe\n", 3, "reciprocal must be y or n"),
        ("meet\t040\tarrest\n", 3, "'arrest' is not a mode of CONSULT"),
        ("meet\t040\nn:cease-fire\t0871\n", 4, "bad pattern"),
        ("meet\t040\nmeet \t040\n", 4, "already on line 3"),
        ("frobnicate\tnone\n", 3, "not in the tables loaded before"),
        ("meet\t040\t\t\t\textra\n", 3, "6 fields for 5 columns"),
    ],
)
def test_bad_user_lexicon(tmp_path: Path, rows: str, line: int, reason: str | None) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text("# comment\n" + HEADER + rows)
    if reason is None:
        assert load_tables(extra=[user]).lexicon.match_verb("meet").plover_mode == "phone"
        return
    with pytest.raises(TableError) as caught:
        load_tables(extra=[user])
    assert caught.value.path == str(user.resolve())
    assert caught.value.line == line
    assert reason in str(caught.value)
    assert f"bad.tsv, line {line}" in str(caught.value)


def test_bad_header_and_missing_file(tmp_path: Path) -> None:
    user = tmp_path / "headless.tsv"
    user.write_text("pattern\tcode\nmeet\t040\n")
    with pytest.raises(TableError, match="line 1: header lacks column"):
        load_tables(extra=[user])
    with pytest.raises(TableError, match="cannot read"):
        load_tables(extra=[tmp_path / "absent.tsv"])


def _corrupt(tmp_path: Path, name: str, find: str, replace: str) -> Path:
    """A copy of our data folder with one substitution made in one table."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    table = data / name
    text = table.read_text()
    assert find in text
    table.write_text(text.replace(find, replace, 1))
    return data


@pytest.mark.parametrize(
    ("name", "find", "replace", "reason"),
    [
        (
            "cameo.tsv",
            "042\tTravel for a visit\t1.9",
            "042\tTravel for a visit\t11.9",
            "outside -10..10",
        ),
        (
            "cameo.tsv",
            "\t-8.0\t4\tn\tSANCTION",
            "\t-8.0\t4\tn\tEMBARGO",
            "unknown PLOVER type 'EMBARGO'",
        ),
        ("cameo.tsv", "\n0211\t", "\n0291\t", "comes before (or without) its parent"),
        ("cameo.tsv", "\n2042\t", "\n2142\t", "not a CAMEO code"),
        ("cameo.tsv", "\t1\ty\tREQUEST\tassist", "\t1\tn\tREQUEST\tassist", "statement must be y"),
        ("plover.tsv", "\t-9\t4\tn\tn\t", "\t-9\t5\tn\tn\t", "quad_class '5'"),
        ("plover.tsv", "phone=1.5", "phone=x", "is not a number"),
        ("lexicon.tsv", "impose +sanction\t163", "impose +sanction\t16x", "unknown CAMEO code"),
        ("compose.tsv", "\n02\t04\t026", "\n042\t04\t026", "must be a CAMEO root"),
        ("compose.tsv", "\n02\t045\t028", "\n02\t04\t028", "listed twice"),
        ("compose.tsv", "\n02\t046\t026", "\n02\t046\t0266", "unknown CAMEO code '0266' in result"),
    ],
)
def test_bad_tables_name_file_and_line(
    tmp_path: Path, name: str, find: str, replace: str, reason: str
) -> None:
    data = _corrupt(tmp_path, name, find, replace)
    with pytest.raises(TableError) as caught:
        load_tables(data=data)
    assert caught.value.path == str(data / name)
    assert reason in caught.value.reason
    changed = next(
        i
        for i, line in enumerate((data / name).read_text().split("\n"), 1)
        if replace.strip("\n") in line
    )
    assert caught.value.line == changed


def test_lookups_are_fast() -> None:
    lex = lexicon()
    started = time.perf_counter()
    for _ in range(20_000):
        lex.match_verb("hold", ("in",), ("drill", "drills"), ("joint",))
        lex.match_noun("call", ("phone",))
        tables.cameo("042")
    assert time.perf_counter() - started < 1.0  # about 0.06 s on the 2-core dev machine
