"""Triggers: the verbs and nouns of a sentence that the lexicon codes, with the words they used."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from detente.events.tables import LexEntry, Lexicon

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "acomp"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_HYPHENS = frozenset({"-", "–"})
FIRING = "fire"
"""The verb whose `fire +<weapon>` patterns code what a weapon used on someone does."""


@dataclass(slots=True)
class Match:
    """A token the lexicon codes, with the particles and object its pattern used."""

    token: Token
    entry: LexEntry
    words: list[Token]
    """Every token the pattern matched: the trigger, its particles, object and modifiers."""
    objects: list[Token]
    """Object tokens the pattern consumed ("sanctions" in "imposed sanctions")."""

    @property
    def noun(self) -> bool:
        """Whether a noun triggered it ("the summit") rather than a verb."""
        return self.entry.pattern.kind == "noun"


def is_verb(token: Token) -> bool:
    """Whether the token can head a verb pattern: a main verb, even if tagged as a modifier,
    or a copula with its complement ("is ready to", "stands ready to")."""
    if token.pos_ == "AUX":
        return token.dep_ not in ("aux", "auxpass")
    return token.pos_ == "VERB" or token.tag_.startswith("VB")


def match(token: Token, lexicon: Lexicon, dates: set[int]) -> Match | None:
    """The lexicon pattern this token triggers, or None. `dates`: indices of date tokens."""
    lemma = token.lemma_.lower()
    if is_verb(token):
        lemma = lemma if lexicon.verb(lemma) else _repaired(token, lexicon)
        found = _verb(token, lemma, lexicon, dates) if lemma else None
        return found or _weapon(token, lexicon)
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in _MODIFIER_DEPS:
        return None
    lemma = next((form for form in _forms(token) if lexicon.noun(form)), "")
    if lemma:
        modifiers = _modifiers([token])
        entry = lexicon.match_noun(lemma, (m.lemma_ for m in modifiers))
        if entry is not None:
            used = [m for m in modifiers if m.lemma_.lower() in entry.pattern.modifiers]
            return Match(token, entry, [*_prefix(token, lemma), token, *used], [])
    return None


def _weapon(verb: Token, lexicon: Lexicon) -> Match | None:
    """A passive verb the lexicon does not know, done by a weapon it does ("was blown up by a
    missile"): the attack that firing the weapon codes (`fire +missile`)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for means in (c for c in agent.children if c.dep_ == "pobj"):
            entry = fired_weapon(means, lexicon)
            if entry is not None:
                return Match(verb, entry, [verb, means], [])
    return None


def fired_weapon(weapon: Token, lexicon: Lexicon) -> LexEntry | None:
    """The `fire +<weapon>` pattern of a word, or None when it is no weapon that is fired."""
    entry = lexicon.match_verb(FIRING, objects=(weapon.lemma_, weapon.lower_))
    return entry if entry is not None and entry.pattern.obj is not None else None


def _forms(token: Token) -> list[str]:
    """The forms a lexicon word may take for this token: its lemma, its lower-cased text, and
    both joined to the word before a hyphen ("cease-fire" is the lexicon's "ceasefire")."""
    forms = [token.lemma_.lower(), token.lower_]
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text in _HYPHENS and not doc[token.i - 2].whitespace_:
        before = doc[token.i - 2].lower_
        forms += [before + form for form in forms]
    return forms


def _prefix(token: Token, form: str) -> list[Token]:
    """The word and hyphen before the token when `form` joined them to it ("cease-")."""
    if form in (token.lemma_.lower(), token.lower_):
        return []
    return [token.doc[token.i - 2], token.doc[token.i - 1]]


def _modifiers(heads: list[Token]) -> list[Token]:
    """Compound and adjective modifiers of the heads and of those modifiers ("joint war drills":
    "joint" may hang from "war")."""
    found = [c for h in heads for c in h.children if c.dep_ in _MODIFIER_DEPS]
    return found + [c for m in found for c in m.children if c.dep_ in _MODIFIER_DEPS]


def _repaired(token: Token, lexicon: Lexicon) -> str:
    """A lexicon verb for a past form the small model lemmatises wrongly ("staged" as "stag"),
    or "" when none fits."""
    text = token.lower_
    if token.tag_ not in ("VBD", "VBN") or not text.endswith("ed"):
        return ""
    stems = (text[:-1], text[:-2], text[:-3])  # staged, opened, stopped
    return next((stem for stem in stems if lexicon.verb(stem)), "")


def _verb(token: Token, lemma: str, lexicon: Lexicon, dates: set[int]) -> Match | None:
    """Match a verb with its particles, prepositions and objects against the lexicon."""
    particles: list[Token] = []
    objects: list[Token] = []
    for child in token.children:
        dep = child.dep_
        if dep == "prt":
            particles.append(child)
            particles.extend(c for c in child.children if c.dep_ == "prep")
        elif dep == "prep" or (dep == "dative" and child.pos_ == "ADP"):
            inner = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if inner is not None and inner.i in dates:
                continue
            particles.append(child)
            if inner is not None:
                objects.append(inner)
        elif dep in _OBJECT_DEPS:
            objects.append(child)
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    modifiers = _modifiers(objects)
    forms = [form for o in objects for form in _forms(o)]
    entry = lexicon.match_verb(
        lemma, (p.lower_ for p in particles), forms, (m.lemma_.lower() for m in modifiers)
    )
    if entry is None:
        return None
    pattern = entry.pattern
    used_objects = [o for o in objects if pattern.obj in _forms(o)][:1]
    used = [p for p in particles if p.lower_ in pattern.particles]
    if used_objects:
        used += [m for m in _modifiers(used_objects) if m.lemma_.lower() in pattern.modifiers]
        used += _prefix(used_objects[0], pattern.obj or "")
    return Match(token, entry, [token, *used, *used_objects], used_objects)
