"""`detente eval claims`: money and quantity claims scored against re3d's Money and Quantity
spans (all three files; nothing here is trained), matched by character overlap."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from detente.claims.extract import find_claims
from detente.language import load_nlp

_FILES = ("train.txt", "dev.txt", "test.txt")
_GOLD_TYPES = {"Money": "money", "Quantity": "quantity"}
_GLUE_LEFT = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "’s", "n't", "'"})
_GLUE_RIGHT = frozenset({"(", "[", "$", "£", "€", "#"})
_MAX_GROUP_DIGITS = 3  # "6 , 602" is 6,602 but "2013 , 700" is a year and another number
_BATCH = 64  # sentences per spaCy batch


@dataclass(frozen=True, slots=True)
class Sentence:
    """A re3d sentence rebuilt as text, with its Money and Quantity spans as offsets."""

    text: str
    spans: list[tuple[str, int, int]]
    """(`money` or `quantity`, start, end) for each gold span."""


def score(shared: Path) -> dict[str, float | int]:
    """Precision and recall of money claims on Money spans and of the other claims (percent,
    count, quantity) on Quantity spans, and of all claims on both."""
    folder = shared / "eval" / "re3d"
    sentences = [s for name in _FILES for s in read_conll(folder / name)]
    nlp = load_nlp()
    counts = {key: [0, 0, 0, 0] for key in ("money", "quantity", "all")}
    texts = [s.text for s in sentences]
    for sentence, doc in zip(sentences, nlp.pipe(texts, batch_size=_BATCH), strict=True):
        claims = [(_side(c.kind), c.start, c.end) for c in find_claims(doc, None)]
        for key in counts:
            gold = [g for g in sentence.spans if key in ("all", g[0])]
            found = [c for c in claims if key in ("all", c[0])]
            tallies = counts[key]
            tallies[0] += sum(1 for c in found if any(_overlap(c, g) for g in gold))
            tallies[1] += len(found)
            tallies[2] += sum(1 for g in gold if any(_overlap(c, g) for c in found))
            tallies[3] += len(gold)
    scores: dict[str, float | int] = {"n_sentences": len(sentences)}
    for key, (right, found, recalled, gold) in counts.items():
        scores[f"{key}_precision"] = round(right / found, 3) if found else 0.0
        scores[f"{key}_recall"] = round(recalled / gold, 3) if gold else 0.0
        scores[f"n_{key}_gold"] = gold
    return scores


def read_conll(path: Path) -> list[Sentence]:
    """The sentences of a re3d CoNLL file (token TAB label, blank line between sentences)."""
    try:
        lines = path.read_text(encoding="utf-8").replace("\r", "").split("\n")
    except OSError as error:
        raise ValueError(f"{path}: cannot read re3d file ({error})") from error
    sentences, tokens = [], []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            if tokens:
                sentences.append(_rebuild(tokens))
            tokens = []
            continue
        token, _, label = line.rpartition("\t")
        if not token:
            raise ValueError(f"{path}:{number}: expected 'token<TAB>label', got {line!r}")
        tokens.append((token, label))
    if tokens:
        sentences.append(_rebuild(tokens))
    return sentences


def _rebuild(tokens: list[tuple[str, str]]) -> Sentence:
    """Text from tokens spaced as written ("6 , 602" is "6,602", "$ 5" is "$5"), with spans."""
    text = ""
    offsets = []
    for index, (token, _) in enumerate(tokens):
        previous = tokens[index - 1][0] if index else ""
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        in_number = (
            token in (",", ".")
            and previous.isdigit()
            and len(previous) <= _MAX_GROUP_DIGITS
            and following.isdigit()
        )
        after_number_mark = index > 1 and previous in (",", ".") and tokens[index - 2][0].isdigit()
        glued = (
            not text
            or token in _GLUE_LEFT
            or previous in _GLUE_RIGHT
            or in_number
            or (after_number_mark and token.isdigit())
        )
        text += ("" if glued else " ") + token
        offsets.append((len(text) - len(token), len(text)))
    spans = []
    index = 0
    while index < len(tokens):
        label = tokens[index][1]
        kind = _GOLD_TYPES.get(label[2:]) if label.startswith("B-") else None
        if kind is None:
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and tokens[end][1] == f"I-{label[2:]}":
            end += 1
        spans.append((kind, offsets[index][0], offsets[end - 1][1]))
        index = end
    return Sentence(text, spans)


def _side(kind: str) -> str:
    """Which gold type a claim kind is scored against."""
    return "money" if kind == "money" else "quantity"


def _overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    """Whether two (kind, start, end) spans share a character."""
    return a[1] < b[2] and b[1] < a[2]
