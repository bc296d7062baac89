"""Flags on an event: negated, hypothetical, future, historical, reported, read off the parse."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

from spacy.tokens import Token

DATA = Path(__file__).resolve().parent / "data" / "cues.toml"
_PHRASE_WORDS = 4  # longest cue phrase ("since the end of") in words; longer ones are not read
_PAST_TAGS = frozenset({"VBD", "VBN"})
_CLIMB = frozenset({"xcomp", "conj", "acomp", "pcomp", "advcl", "prep", "ccomp", "parataxis"})
_NOUN_CLIMB = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj"})
_CHAIN_LIMIT = 24
"""Most governors read above a trigger. The deepest chain in the dev sets' sentences is far
shorter; the cap keeps a run-on sentence of hundreds of coordinated clauses from costing the
square of its length."""


@dataclass(frozen=True, slots=True)
class Cues:
    """The word lists of cues.toml."""

    negation: frozenset[str]
    negating: frozenset[str]
    modals: frozenset[str]
    obliging: frozenset[str]
    obliging_governors: frozenset[str]
    conditions: frozenset[str]
    wishing: frozenset[str]
    possibility: frozenset[str]
    open_determiners: frozenset[str]
    content_nouns: frozenset[str]
    content_verbs: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    future_modifiers: frozenset[str]
    past_adverbs: frozenset[str]
    past_phrases: tuple[str, ...]
    speech: frozenset[str]
    allegation: frozenset[str]
    hearsay: frozenset[str]
    attribution: tuple[str, ...]
    pronouns: frozenset[str]


@cache
def cues(path: Path = DATA) -> Cues:
    """The cue words, read once."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    neg, hyp, fut, must = data["negated"], data["hypothetical"], data["future"], data["obligation"]
    past, rep = data["historical"], data["reported"]
    return Cues(
        negation=frozenset(neg["words"]),
        negating=frozenset(neg["governors"]),
        modals=frozenset(hyp["modals"]),
        obliging=frozenset(must["modals"]),
        obliging_governors=frozenset(must["governors"]),
        conditions=frozenset(hyp["marks"]),
        wishing=frozenset(hyp["governors"]),
        possibility=frozenset(hyp["nouns"]),
        open_determiners=frozenset(hyp["determiners"]),
        content_nouns=frozenset(hyp["content_nouns"]),
        content_verbs=frozenset(hyp["content_verbs"]),
        future_aux=frozenset(fut["auxiliaries"]),
        future_governors=frozenset(fut["governors"]),
        future_modifiers=frozenset(fut["modifiers"]),
        past_adverbs=frozenset(past["adverbs"]),
        past_phrases=tuple(past["phrases"]),
        speech=frozenset(rep["speech"]),
        allegation=frozenset(rep["allegation"]),
        hearsay=frozenset(rep["adverbs"]),
        attribution=tuple(rep["phrases"]),
        pronouns=frozenset(rep["pronouns"]),
    )


@dataclass(slots=True)
class Flags:
    """What the parse says about an action's reality, with the speakers it is attributed to."""

    negated: bool = False
    refused: bool = False
    """The negation comes from a governing verb ("failed to agree", "declined to meet")."""
    hypothetical: bool = False
    obliged: bool = False
    """Under a modal of obligation ("Israel must end attacks")."""
    future: bool = False
    historical: bool = False
    hearsay: bool = False
    """Marked as hearsay with no named source ("reportedly", "a report said")."""
    speakers: list[Token] = field(default_factory=list)
    """Who the sentence attributes the action to ("X said", "according to X")."""
    alleged: bool = False
    """The nearest verb of speech it is reported under alleges ("X claimed that Y attacked")."""
    past: bool = False
    """The clause is in a past tense, so an incomplete date is read backwards."""


def read(trigger: Token, through: bool = True) -> Flags:
    """The flags of the action triggered by `trigger`, from it and the verbs that govern it.

    For a noun trigger, `through` says whether the verb it hangs from shares its reality
    ("did not hold talks": a light verb does; "did not condemn the attack": it does not).
    """
    found = Flags()
    words = cues()
    chain = _chain(trigger)
    if trigger.pos_ in ("NOUN", "PROPN"):
        _noun_cues(trigger, found, words)
        if not through:
            if len(chain) > 1:  # "hoped for talks": the wish still governs the noun
                _governor_cues(chain[1], found, words)
            chain = chain[:1]
    shifted = _backshifted(chain, words)
    found.hypothetical = found.hypothetical or _asked(chain, words)
    tense_read = False
    via = ""
    reported_from: Token | None = None
    for position, token in enumerate(chain):
        if position and via in ("xcomp", "acomp", "pcomp", "prep", "ccomp"):
            _governor_cues(token, found, words)
        if via not in ("ccomp", "parataxis") and reported_from is None:
            negation = via not in ("conj", "advcl", "pcomp")
            _local_cues(token, found, words, negation, shifted)
            if not tense_read and token.pos_ in ("VERB", "AUX"):
                found.past = _past(token)
                tense_read = True
        _attribution(token, found, words)
        if via in ("ccomp", "parataxis") and token.lemma_.lower() in words.speech:
            if reported_from is None:
                found.alleged = token.lemma_.lower() in words.allegation
            reported_from = token
            found.speakers += [c for c in token.children if c.dep_ in ("nsubj", "agent")]
        via = token.dep_
    root = trigger.sent.root
    if root not in chain:
        _attribution(root, found, words)
    return found


def _asked(chain: list[Token], words: Cues) -> bool:
    """Whether the action is the infinitive of what is asked for or allowed ("pressure ...
    to help Iran"), read up the chain until reported speech begins."""
    for token in chain:
        if token.dep_ in ("ccomp", "parataxis"):
            return False
        if token.dep_ not in ("acl", "advcl") or not _infinitive(token):
            continue
        head = token.head
        nouns = [head, *(c for c in head.children if c.dep_ in ("dobj", "attr"))]
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in words.content_verbs:
            return True
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in words.content_nouns for t in nouns):
            return True
    return False


def _infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to help")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words governing it up to its sentence's root, nearest first."""
    chain = [trigger]
    token = trigger
    if token.pos_ in ("NOUN", "PROPN"):
        while token.dep_ in _NOUN_CLIMB and token.head != token:
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                chain.append(token)
                break
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in _NOUN_CLIMB:
                break
    while token.dep_ in _CLIMB and token.head != token and len(chain) < _CHAIN_LIMIT:
        token = token.head
        chain.append(token)
    return chain


def _noun_cues(noun: Token, found: Flags, words: Cues) -> None:
    """Cues inside a noun trigger's own phrase ("no talks", "the upcoming summit", "any attack")."""
    for child in noun.children:
        lower = child.lower_
        if child.dep_ in ("det", "neg", "advmod") and lower in words.negation:
            found.negated = True
        elif child.dep_ == "det" and lower in words.open_determiners:
            found.hypothetical = True
        elif child.dep_ in ("amod", "compound") and child.lemma_.lower() in words.future_modifiers:
            found.future = True
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in words.possibility
    ):
        found.hypothetical = True


def _local_cues(token: Token, found: Flags, words: Cues, negation: bool, shifted: bool) -> None:
    """Cues hanging from one word of the chain: negation, modals, conditions, background.

    `negation` says whether a negation here reaches the action; `shifted`, whether "would"
    is the past of "will" in reported speech.
    """
    for child in token.children:
        dep, lower = child.dep_, child.lower_
        if dep == "neg" or (dep == "advmod" and lower in words.negation):
            found.negated = found.negated or negation
        elif dep == "aux":
            lemma = child.lemma_.lower()
            will = lower in words.future_aux or lemma in words.future_aux
            if will or (shifted and lower == "would"):
                found.future = True
            elif lower in words.modals or lemma in words.modals:
                found.hypothetical = True
                found.obliged = found.obliged or lower in words.obliging
        elif dep == "mark" and lower in words.conditions:
            found.hypothetical = True
        elif dep == "advmod" and lower in words.past_adverbs:
            found.historical = True
        elif dep in ("prep", "advmod", "npadvmod", "advcl"):
            found.historical = found.historical or _opens_with(child, words.past_phrases)
        elif dep in ("nsubj", "nsubjpass"):
            found.historical = found.historical or any(
                t.dep_ == "advmod" and t.lower_ in words.past_adverbs for t in child.subtree
            )


def _governor_cues(governor: Token, found: Flags, words: Cues) -> None:
    """Cues from a verb or adjective that governs the action ("plans to", "failed to")."""
    lemma = governor.lemma_.lower()
    if lemma in words.negating:
        found.negated = found.refused = True
    elif lemma in words.obliging_governors:
        found.hypothetical = found.obliged = True
    elif lemma in words.future_governors:
        found.future = True
    elif lemma in words.wishing:
        found.hypothetical = True
    elif lemma == "be" and governor.tag_ in ("VBZ", "VBP"):
        found.future = True  # "is to visit"


def _attribution(token: Token, found: Flags, words: Cues) -> None:
    """Hearsay adverbs and "according to X" hanging from a word of the chain."""
    for child in token.children:
        lower = child.lower_
        if child.dep_ == "advmod" and lower in words.hearsay:
            found.hearsay = True
        elif child.dep_ in ("prep", "advcl", "advmod") and _opens_with(child, words.attribution):
            source = [t for t in child.subtree if t.dep_ == "pobj" or t.dep_ == "dobj"]
            if source:
                found.speakers.append(source[0])
            else:
                found.hearsay = True


def _opens_with(child: Token, phrases: tuple[str, ...]) -> bool:
    """Whether the phrase a child heads starts with one of `phrases`."""
    # spaCy's parses are projective: a subtree is the contiguous span from its left edge, so
    # its first words are read off the doc without walking the (possibly huge) subtree
    start = child.left_edge.i
    opening = child.doc[start : min(child.right_edge.i + 1, start + _PHRASE_WORDS)]
    text = " ".join(t.lower_ for t in opening)
    return any(text.startswith(phrase) for phrase in phrases)


def _past(verb: Token) -> bool:
    """Whether a verb's clause is in a past tense ("met", "has met", "had been held")."""
    if verb.tag_ == "VBD":
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxiliaries):
        return True
    return verb.tag_ in _PAST_TAGS and not auxiliaries


def _backshifted(chain: list[Token], words: Cues) -> bool:
    """Whether the chain is reported speech after a past verb of saying ("told Putin that China
    would support"), where "would" is the past of "will"."""
    for below, above in pairwise(chain):
        if below.dep_ in ("ccomp", "parataxis"):
            return above.tag_ == "VBD" and above.lemma_.lower() in words.speech
    return False
