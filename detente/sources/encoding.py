"""Bytes to text: BOMs, then strict UTF-8, then a declared charset, then detection."""

from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from charset_normalizer import CharsetMatch, from_bytes

from detente.sources.base import ReadError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ADJACENT_HIGH_BYTES = re.compile(rb"[\x80-\xff]{2}")
_NEWLINES = re.compile(r"\r\n?")
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
"""Control characters other than whitespace, and the decoder's replacement mark."""
MAX_CONTROL_SHARE = 0.01
"""Share of control or replacement characters above which decoded bytes are not text.
Calibrated against ../shared, where no seed or corpus file has any, and random bytes read as
cp1252, which hold about 12.7%."""
CHAOS_TIE = 0.05
"""Detector guesses within this much mess of the cleanest count as equally clean, and the one
that reads most like a language wins. Calibrated on English with one cp1251 word (CJK readings
0.0 but incoherent, Latin ones 0.014-0.019) and on a short gb18030 headline (cp949 0.037 behind)."""
COHERENCE_TIE = 0.04
"""Language coherence within this much of the best counts as equal, and the preferred code page
wins. Calibrated on English with "£" (cp1250 0.579 vs cp1252 0.556: a "Ł" passes for a letter)
and Polish (cp1250 0.636 vs cp1252 0.571, where cp1250 is right)."""


@dataclass(slots=True, frozen=True)
class Decoded:
    """Text decoded from bytes, and the codec that decoded it."""

    text: str
    encoding: str


@dataclass(slots=True, frozen=True)
class _Settings:
    """The encoding data file: detector tie-break order and declared-charset aliases."""

    preferred: tuple[str, ...]
    aliases: dict[str, str]


@cache
def _settings() -> _Settings:
    """Read data/encodings.toml once."""
    raw = tomllib.loads(resources.files(__package__).joinpath("data/encodings.toml").read_text())
    return _Settings(
        preferred=tuple(codecs.lookup(name).name for name in raw["preferred"]),
        aliases=dict(raw["aliases"]),
    )


def codec_name(label: str | None) -> str | None:
    """The codec a declared charset label is read with, or None when Python does not know it."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
        " ".encode(name)  # refuses bytes-to-bytes codecs such as base64 or zlib
    except (LookupError, ValueError):
        return None
    return _settings().aliases.get(name, name)


def decode(data: bytes, source: str, declared: str | None = None) -> Decoded | ReadError:
    """Decode `data` read from `source`, or say why it is not text; never raises."""
    if not data:
        return ReadError(source, "empty: there are no bytes to read")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(source, data[len(bom) :].decode(name, errors="replace"), name)
    if b"\x00" in data:
        return ReadError(source, "binary file (contains NUL bytes), not text")
    utf8 = _utf8(data)
    if utf8 is not None:
        return _checked(source, utf8, "utf-8")
    codec = codec_name(declared)
    if codec is not None:
        try:
            return _checked(source, data.decode(codec), codec)
        except UnicodeError:  # idna and punycode raise the base class
            pass
    guess = _detect(data)
    if guess is None:
        return ReadError(source, "binary file or unknown encoding: no plausible text found")
    return _checked(source, data.decode(guess, errors="replace"), guess)


def _utf8(data: bytes) -> str | None:
    """Strict UTF-8, forgiving only a character cut off at the very end (a truncated file)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end == len(data) and error.reason == "unexpected end of data":
            return data[: error.start].decode("utf-8")
        return None


def _detect(data: bytes) -> str | None:
    """The most plausible legacy codec for non-UTF-8 bytes, by charset-normalizer."""
    matches = list(from_bytes(data))
    if _ADJACENT_HIGH_BYTES.search(data) is None:
        # Multi-byte text (CJK, UTF-16) puts non-ASCII bytes side by side; lone ones are
        # accented letters or symbols in a single-byte code page.
        matches = [match for match in matches if not _is_multibyte(match.encoding)] or matches
    if not matches:
        return None
    cleanest = min(match.chaos for match in matches)
    preferred = _settings().preferred
    tied = [match for match in matches if match.chaos <= cleanest + CHAOS_TIE]
    coherent = max(match.coherence for match in tied)
    likely = [match for match in tied if match.coherence >= coherent - COHERENCE_TIE]

    def rank(match: CharsetMatch) -> tuple[int, float]:
        name = codecs.lookup(match.encoding).name
        order = preferred.index(name) if name in preferred else len(preferred)
        return (order, -match.coherence)

    return min(likely, key=rank).encoding


@cache
def _is_multibyte(encoding: str) -> bool:
    """Whether a codec needs more than one byte for some characters above ASCII."""
    for byte in range(0x80, 0x100):
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        if decoder.decode(bytes([byte]), final=False) == "":
            return True
    return False


def _checked(source: str, text: str, encoding: str) -> Decoded | ReadError:
    """Decoded text with newlines made uniform, unless it is empty or looks like binary."""
    if not text.strip():
        return ReadError(source, "no text: only whitespace")
    bad = len(_JUNK.findall(text))
    if bad > MAX_CONTROL_SHARE * len(text):
        return ReadError(
            source, f"binary file, not text ({bad} control characters read as {encoding})"
        )
    return Decoded(_NEWLINES.sub("\n", text), encoding)
