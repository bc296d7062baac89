"""Tests for detente.sources.encoding: bytes are decoded by evidence, never by assumption."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from detente.sources.base import ReadError
from detente.sources.encoding import Decoded, codec_name, decode

RUSSIAN = "Министр иностранных дел провёл переговоры с китайским коллегой в Пекине."
CHINESE = "两国外长在北京会谈，同意扩大铁路货运和能源合作。"
FRENCH = "Le ministre a déclaré que la coopération était à un niveau élevé, malgré tout."


def decoded(data: bytes, declared: str | None = None) -> Decoded:
    """Decode and insist it worked."""
    result = decode(data, "sample", declared)
    assert isinstance(result, Decoded), result
    return result


def test_utf8_and_its_bom() -> None:
    assert decoded(RUSSIAN.encode()).text == RUSSIAN
    with_bom = decoded(codecs.BOM_UTF8 + CHINESE.encode())
    assert with_bom.text == CHINESE


def test_utf16_and_utf32_by_bom() -> None:
    for codec, bom in (
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ):
        result = decoded(bom + RUSSIAN.encode(codec))
        assert (result.text, result.encoding) == (RUSSIAN, codec)


def test_legacy_russian_chinese_and_latin1_are_detected() -> None:
    assert decoded(RUSSIAN.encode("cp1251")).encoding == "cp1251"
    assert decoded(RUSSIAN.encode("cp1251")).text == RUSSIAN
    assert decoded(CHINESE.encode("gb18030")).text == CHINESE
    assert decoded(FRENCH.encode("latin-1")).text == FRENCH


def test_short_legacy_texts_prefer_the_likely_code_page() -> None:
    assert decoded("Москва и Пекин.".encode("cp1251")).text == "Москва и Пекин."
    assert decoded("中俄关系".encode("gb18030")).text == "中俄关系"


def test_lone_high_bytes_are_not_read_as_a_multibyte_encoding() -> None:
    english = "The transfer fee was £15.8m, the club said on Friday. " * 3
    assert decoded(english.encode("latin-1")).text == english


def test_declared_charset_is_used_when_it_decodes_cleanly() -> None:
    quoted = "\u201cNo comment,\u201d he said."
    assert decoded(quoted.encode("cp1252"), declared="iso-8859-1").text == quoted
    assert decoded("Москва".encode("cp1251"), declared="windows-1251").encoding == "cp1251"


def test_wrong_declared_charset_falls_back_to_detection() -> None:
    assert decoded(RUSSIAN.encode("cp1251"), declared="utf-8").text == RUSSIAN
    assert decoded(RUSSIAN.encode(), declared="windows-1251").text == RUSSIAN


def test_codec_names_follow_browsers() -> None:
    assert codec_name("ISO-8859-1") == "cp1252"
    assert codec_name("gb2312") == "gb18030"
    assert codec_name("utf-16") == "utf-8"
    assert codec_name("no-such-charset") is None
    assert codec_name(None) is None


def test_truncated_utf8_character_at_the_end_is_dropped_not_misread() -> None:
    result = decoded(RUSSIAN.encode()[:-2])
    assert result.encoding == "utf-8"
    assert result.text == RUSSIAN[:-2]


def test_newlines_are_made_uniform() -> None:
    assert decoded(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_empty_whitespace_and_binary_are_refused_with_reasons() -> None:
    cases = {
        b"": "empty",
        b" \n\t \n": "whitespace",
        b"GIF89a\x00\x01\x02": "NUL",
        bytes(range(1, 32)) * 20: "binary",
    }
    for data, reason in cases.items():
        result = decode(data, "odd.bin")
        assert isinstance(result, ReadError)
        assert result.source == "odd.bin"
        assert reason in result.reason


def test_a_100k_character_sentence_decodes_quickly() -> None:
    sentence = ("слово " * 20_000).strip() + "."
    started = time.perf_counter()
    assert decoded(sentence.encode("cp1251")).text == sentence
    assert time.perf_counter() - started < 5


def test_shared_latin1_bbc_story(shared: Path) -> None:
    path = shared / "corpora" / "bbc_fulltext_2225" / "bbc" / "sport" / "199.txt"
    result = decoded(path.read_bytes())
    assert "£15.8m" in result.text


@given(st.binary(max_size=2048), st.one_of(st.none(), st.text(max_size=20)))
def test_decode_never_raises(data: bytes, declared: str | None) -> None:
    result = decode(data, "random", declared)
    assert isinstance(result, Decoded | ReadError)
    if isinstance(result, Decoded):
        assert result.text.strip()


def test_declared_labels_that_are_not_text_encodings_are_ignored() -> None:
    for label in ("base64", "rot13", "zlib", "idna", "punycode"):
        assert isinstance(decode(b"caf\xe9 au lait, s'il vous pla\xeet", "x", label), Decoded)
    assert codec_name("base64") is None
