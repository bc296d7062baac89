"""Who acts and on whom: an action's arguments on the dependency parse and the actors they name."""

from __future__ import annotations

import tomllib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from detente.actors.model import Actor, Mention

DATA = Path(__file__).resolve().parent / "data" / "arguments.toml"
_MAX_DEPTH = 6  # governors to climb for an inherited subject; deeper chains are parse noise
_RELATIVE = frozenset({"which", "who", "that", "whom"})


@dataclass(frozen=True, slots=True)
class Words:
    """The word lists of arguments.toml."""

    target_preps: frozenset[str]
    noun_agent_preps: frozenset[str]
    object_control: frozenset[str]
    light_verbs: frozenset[str]
    frame_preps: frozenset[str]
    occurrence: frozenset[str]


@cache
def words(path: Path = DATA) -> Words:
    """The argument word lists, read once."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return Words(**{name: frozenset(data[name]) for name in Words.__slots__})


class MentionIndex:
    """The actor mentions of one doc, looked up by token (locations left out)."""

    def __init__(self, doc: Doc, mentions: Iterable[Mention]) -> None:
        self._at: list[Mention | None] = [None] * len(doc)
        for mention in sorted(mentions, key=lambda m: m.end - m.start):
            if mention.place:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self._at[i] = mention
        self._tokens = [i for i, found in enumerate(self._at) if found is not None]

    def at(self, token: Token) -> Mention | None:
        """The mention covering this token (the longest where several do)."""
        return self._at[token.i]

    def any_between(self, start: int, end: int) -> bool:
        """Whether a mention covers any token in [start, end)."""
        where = bisect_left(self._tokens, start)
        return where < len(self._tokens) and self._tokens[where] < end

    def between(self, start: int, end: int) -> list[Mention]:
        """The distinct mentions covering tokens in [start, end), in order."""
        found: list[Mention] = []
        for i in self._tokens[bisect_left(self._tokens, start) :]:
            if i >= end:
                break
            mention = self._at[i]
            if mention is not None and (not found or found[-1] is not mention):
                found.append(mention)
        return found


@dataclass(slots=True)
class Roles:
    """The argument tokens of one action: who did it and to whom."""

    agents: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    inherited: bool = False
    """The agent came from a governing verb ("agreed to meet": the agreer meets)."""


def _child(token: Token, *deps: str) -> Token | None:
    """The first child with one of these dependency labels."""
    return next((c for c in token.children if c.dep_ in deps), None)


def passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice ("was attacked")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def agents_of(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The tokens naming who does `verb`, and whether they came from a governing verb."""
    subject = _child(verb, "nsubj", "csubj")
    if subject is not None:
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return [verb.head], False
        return [subject], False
    agent = _child(verb, "agent")
    if agent is not None:
        by = _child(agent, "pobj")
        return ([by] if by is not None else []), False
    if depth >= _MAX_DEPTH or verb.head is verb:
        return [], False
    head, dep = verb.head, verb.dep_
    if dep in ("relcl", "acl"):
        return ([] if passive(verb) or verb.tag_ == "VBN" else [head]), False
    if head.dep_ == "prep" and dep == "pcomp":
        head = head.head
    elif dep not in ("xcomp", "conj", "advcl", "ccomp", "acomp"):
        return [], False
    if dep == "ccomp" and head.lemma_.lower() not in words().object_control:
        return [], False
    if dep in ("xcomp", "ccomp") and head.lemma_.lower() in words().object_control:
        controller = _child(head, "dobj", "nsubjpass")
        if controller is not None:
            return [controller], True
    if passive(head) and dep != "conj":
        patient = _child(head, "nsubjpass")
        if patient is not None:
            return [patient], True
    found, _ = agents_of(head, depth + 1)
    return found, True


def patients_of(verb: Token, used: Iterable[Token], dates: set[int]) -> list[Token]:
    """Tokens naming whom `verb` is done to, most direct first.

    `used` are the object tokens the lexicon pattern consumed ("imposed sanctions"): their
    own complements still count ("sanctions on Russia"). Prepositions whose object is a
    date are skipped.
    """
    used_ids = {t.i for t in used}
    preps = words().target_preps
    direct: list[Token] = []
    indirect: list[Token] = []
    later: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if dep in ("dative", "iobj"):
            inner = _child(child, "pobj") if child.pos_ == "ADP" else child
            if inner is not None:
                direct.append(inner)
        elif dep in ("dobj", "nsubjpass", "attr", "oprd"):
            if child.i in used_ids:
                later.extend(_noun_patients(child, dates))
            else:
                direct.append(child)
                later.extend(c for c in child.children if c.dep_ == "poss")
        elif dep == "prep" and child.lower_ in preps:
            inner = _child(child, "pobj")
            if inner is not None and inner.i not in dates and inner.i not in used_ids:
                indirect.append(inner)
            elif inner is not None and inner.i in used_ids:
                later.extend(_noun_patients(inner, dates))
    return direct + indirect + later


def _noun_patients(noun: Token, dates: set[int]) -> list[Token]:
    """Who a consumed object noun is aimed at: "sanctions on Russia", "Russia's invasion"."""
    preps = words().target_preps
    found = []
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ in preps or child.lower_ == "of"):
            inner = _child(child, "pobj")
            if inner is not None and inner.i not in dates:
                found.append(inner)
    return found


def actors_at(token: Token, mentions: MentionIndex) -> list[Mention]:
    """The mentions an argument token names, through coordination and apposition.

    "Putin and Xi", "his Russian counterpart, Vladimir Putin", "Russian and Chinese bombers",
    "the government of China": every actor the phrase names, in order, no repeats.
    """
    found: list[Mention] = []
    stack = [token]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if current.i in seen:
            continue
        seen.add(current.i)
        mention = mentions.at(current)
        if mention is not None:
            found.append(mention)
        else:
            for child in current.children:
                dep = child.dep_
                if dep in ("compound", "amod", "poss", "nmod") and mentions.at(child) is not None:
                    stack.append(child)
                elif dep == "prep" and child.lower_ == "of":
                    inner = _child(child, "pobj")
                    if inner is not None:
                        stack.append(inner)
        stack.extend(c for c in current.children if c.dep_ in ("conj", "appos"))
    unique: list[Mention] = []
    for mention in sorted(found, key=lambda m: m.start):
        if all(m is not mention for m in unique):
            unique.append(mention)
    return unique


def distinct(actors: Iterable[Actor]) -> list[Actor]:
    """Actors without repeats: one per code, a bare country dropped beside its own branch."""
    chosen: list[Actor] = []
    for actor in actors:
        if any(a.code == actor.code for a in chosen):
            continue
        if actor.sector is None and any(a.country == actor.country for a in chosen):
            continue
        chosen = [
            a for a in chosen if not (a.sector is None and a.country == actor.country)
        ] + [actor]
    return chosen
