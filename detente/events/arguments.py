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
from detente.language import doc_text

DATA = Path(__file__).resolve().parent / "data" / "arguments.toml"
_MAX_DEPTH = 6  # governors to climb for an inherited subject; deeper chains are parse noise
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_OWNER_PREPS = frozenset({"of", "from", "by"})  # "the government of China", "support from Beijing"
_ISSUING_PREPS = frozenset({"in", "by", "from"})  # "a study published in Kyiv", "issued by"
_REASON_PREPS = frozenset({"for", "of"})  # "jailed him for helping", "accused her of lying"


@dataclass(frozen=True, slots=True)
class Words:
    """The word lists of arguments.toml."""

    target_preps: frozenset[str]
    noun_agent_preps: frozenset[str]
    object_control: frozenset[str]
    reason_control: frozenset[str]
    light_verbs: frozenset[str]
    measures: frozenset[str]
    participation: frozenset[str]
    approving: frozenset[str]
    frame_preps: frozenset[str]
    location_preps: frozenset[str]
    occurrence: frozenset[str]
    anaphoric: frozenset[str]
    summary_determiners: frozenset[str]
    occasion_preps: frozenset[str]
    aiming: frozenset[str]
    moving: frozenset[str]
    hedges: frozenset[str]
    receiving: frozenset[str]
    origin_preps: frozenset[str]
    documents: frozenset[str]
    protesters: frozenset[str]
    brokering: frozenset[str]
    topic_preps: frozenset[str]
    claimed_preps: frozenset[str]


@cache
def words(path: Path = DATA) -> Words:
    """The argument word lists, read once."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return Words(**{name: frozenset(data[name]) for name in Words.__slots__})


class MentionIndex:
    """The actor mentions of one doc, looked up by token.

    A token covered by several mentions keeps those of the longest span; mentions of one
    span ("the two leaders": Xi and Putin) stay together. Places ("flew to Moscow") are
    kept apart: they may receive an action but never act.
    """

    def __init__(self, doc: Doc, mentions: Iterable[Mention]) -> None:
        self._at: list[tuple[Mention, ...]] = [()] * len(doc)
        self._places: list[tuple[Mention, ...]] = [()] * len(doc)
        self._span: list[tuple[int, int]] = [(i, i + 1) for i in range(len(doc))]
        spans: dict[tuple[int, int], list[Mention]] = {}
        size = len(doc_text(doc))
        for mention in mentions:
            if not 0 <= mention.start < mention.end <= size:
                raise ValueError(
                    f"mention {mention.actor.text!r} at {mention.start}-{mention.end} lies "
                    f"outside the text it should name ({size} characters)"
                )
            spans.setdefault((mention.start, mention.end), []).append(mention)
        for (start, end), group in sorted(spans.items(), key=lambda item: item[0][1] - item[0][0]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            table = self._places if all(m.place for m in group) else self._at
            actors = tuple(m for m in group if not m.place) or tuple(group)
            actors += _coordinate_heads(table[span.start : span.end], actors, end)
            for i in range(span.start, span.end):
                table[i] = actors
                self._span[i] = (span.start, span.end)
        self._tokens = [i for i, found in enumerate(self._at) if found]

    def at(self, token: Token, places: bool = False) -> tuple[Mention, ...]:
        """The actor mentions covering this token, or with `places` the place names too."""
        return self._at[token.i] or (self._places[token.i] if places else ())

    def span_of(self, token: Token) -> range:
        """The token indices of the mention covering `token` (just the token if none does)."""
        return range(*self._span[token.i])

    def any_between(self, start: int, end: int) -> bool:
        """Whether an actor mention covers any token in [start, end)."""
        where = bisect_left(self._tokens, start)
        return where < len(self._tokens) and self._tokens[where] < end

    def between(self, start: int, end: int) -> list[Mention]:
        """The distinct actor mentions covering tokens in [start, end), in order."""
        found: list[Mention] = []
        for i in self._tokens[bisect_left(self._tokens, start) :]:
            if i >= end:
                break
            found += [m for m in self._at[i] if all(m is not f for f in found)]
        return found


def _coordinate_heads(
    covered: list[tuple[Mention, ...]], actors: tuple[Mention, ...], end: int
) -> tuple[Mention, ...]:
    """Shorter mentions inside a longer one that end where it ends and name another country:
    "Russian and Chinese flotilla" keeps "Chinese flotilla" beside itself."""
    found: list[Mention] = []
    for mentions in covered:
        for mention in mentions:
            other = all(mention.actor.country != a.actor.country for a in actors + tuple(found))
            if mention.end == end and other:
                found.append(mention)
    return tuple(found)


def _child(token: Token, *deps: str) -> Token | None:
    """The first child with one of these dependency labels."""
    return next((c for c in token.children if c.dep_ in deps), None)


def passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice ("was attacked")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def stray_subject(verb: Token) -> Token | None:
    """The subject the parser hung as a conjunct inside a fronted clause of `verb`, when
    `verb` has none ("days before Russia invaded Ukraine, Xi and Putin said": Xi is no
    conjunct of Ukraine but the subject of "said")."""
    if _child(verb, "nsubj", "nsubjpass", "csubj") is not None:
        return None
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.i < verb.i:
            found = next((t for t in clause.subtree if crosses_clause(t)), None)
            if found is not None:
                return found
    return None


def crosses_clause(token: Token) -> bool:
    """Whether `token` is a conjunct after the comma closing a fronted subordinate clause,
    before that clause's governing verb: the parser's misreading of the main clause's
    subject as one more object of the subordinate verb."""
    if token.dep_ != "conj" or token.left_edge.i == 0:
        return False
    if token.doc[token.left_edge.i - 1].text != ",":
        return False
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    main = clause.head
    return (
        clause.dep_ == "advcl"
        and _child(clause, "mark") is not None
        and token.i < main.i
        and _child(main, "nsubj", "nsubjpass", "csubj") is None
    )


def agents_of(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The tokens naming who does `verb`, and whether they came from a governing verb."""
    subject = _child(verb, "nsubj", "csubj")
    if subject is not None:
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return [verb.head], False
        return [subject], False
    stray = stray_subject(verb)
    if stray is not None:
        return [stray], False
    agent = _child(verb, "agent")
    if agent is not None:
        by = _child(agent, "pobj")
        return ([by] if by is not None else []), False
    if passive(verb):  # "killed in Israeli shelling": the means names who did it
        means = [_child(c, "pobj") for c in verb.children if c.dep_ == "prep"]
        owned = [m for m in means if m is not None and _owned(m)]
        if owned:
            return owned[:1], False
    if depth >= _MAX_DEPTH or verb.head == verb:
        return [], False
    head, dep = verb.head, verb.dep_
    if dep in ("relcl", "acl"):
        return ([] if passive(verb) or verb.tag_ == "VBN" else [head]), False
    if head.dep_ == "prep" and dep == "pcomp":
        prep, head = head, head.head
        if prep.lower_ in _REASON_PREPS and head.lemma_.lower() in words().reason_control:
            controller = _child(head, "dobj", "nsubjpass")
            if controller is not None:
                return [controller], True
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


def origins_of(verb: Token) -> list[Token]:
    """Tokens naming where a passive act with no agent came from ("shells were fired at the
    village from across the river"): the side that did it, when nobody is named as doing it."""
    if not passive(verb) or _child(verb, "agent") is not None:
        return []
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in words().origin_preps]
    return [inner for prep in preps if (inner := _child(prep, "pobj")) is not None]


def issuers_of(noun: Token) -> list[Token]:
    """For a document that acts ("a study published in Kyiv claimed"), the tokens naming who
    issued it: where or by whom its participle says it was put out."""
    if noun.lemma_.lower() not in words().documents:
        return []
    found: list[Token] = []
    for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for prep in (c for c in clause.children if c.dep_ in ("prep", "agent")):
            if prep.lower_ in _ISSUING_PREPS and (inner := _child(prep, "pobj")) is not None:
                found.append(inner)
    return found


def wielders(means: Token) -> list[Token]:
    """For a means named as the doer ("by a rocket launched by rebels", "by a bomb planted
    by militants"), the tokens naming who used it."""
    found: list[Token] = []
    for clause in (c for c in means.children if c.dep_ == "acl"):
        for verb in (clause, *(c for c in clause.children if c.dep_ == "xcomp")):
            by = by_whom(verb)
            if by is not None:
                found.append(by)
    return found


def by_whom(verb: Token) -> Token | None:
    """The object of a passive verb's "by" phrase ("was hit by a rocket": the rocket)."""
    agent = _child(verb, "agent")
    return _child(agent, "pobj") if agent is not None else None


def clause_subjects(verb: Token) -> list[Token]:
    """The subjects of a verb's clausal complements ("alleged that Japan had lied")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _owned(noun: Token) -> bool:
    """Whether a noun carries a state's adjective or name ("Israeli tank shelling")."""
    return (
        any(
            c.dep_ in ("amod", "compound", "poss") and c.pos_ in ("ADJ", "PROPN")
            for c in noun.children
        )
        and noun.pos_ == "NOUN"
    )


def patients_of(verb: Token, used: Iterable[Token]) -> list[Token]:
    """Tokens naming whom `verb` is done to, most direct first.

    `used` are the object tokens the lexicon pattern consumed ("imposed sanctions"): their
    own complements still count ("sanctions on Russia"), as do those of any object
    ("endorsed an agreement with the EU").
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
            if child.i not in used_ids:
                direct.append(child)  # "condemned Russia's invasion": the owner counts too
            later.extend(_noun_patients(child))
        elif dep == "prep" and child.lower_ in preps:
            inner = _child(child, "pobj")
            if inner is not None and inner.i not in used_ids:
                indirect.append(inner)
            elif inner is not None:
                later.extend(_noun_patients(inner))
    shared_voice = verb.tag_ == "VBN" and passive(verb.head)  # "were detained and released"
    if verb.dep_ == "conj" and (passive(verb) or shared_voice) and not _child(verb, "nsubjpass"):
        shared = _child(verb.head, "nsubj", "nsubjpass")  # "civilians jailed ... were released"
        if shared is not None and shared.i not in used_ids:
            direct.append(shared)
    return direct + indirect + later


def _noun_patients(noun: Token, nested: bool = True) -> list[Token]:
    """Who an object noun is aimed at: "sanctions on Russia", "the invasion of Ukraine", and
    one level down through "of" ("the resumption of ties with Russia")."""
    preps = words().target_preps
    found = []
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ in preps or child.lower_ == "of"):
            inner = _child(child, "pobj")
            if inner is not None:
                found.append(inner)
                if nested and child.lower_ == "of":
                    found.extend(_noun_patients(inner, nested=False))
    return found


@dataclass(slots=True)
class NounRoles:
    """The arguments of a noun trigger ("Putin's visit to China") and the clause it sits in."""

    agents: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    of: list[Token] = field(default_factory=list)
    """Objects of "of" ("the visit of Putin", "the invasion of Ukraine"): agents of a joint
    action, patients of any other."""
    verb: Token | None = None
    """The verb whose clause the noun is an event of (held talks, in a call, talks began)."""
    framed: bool = False
    """The noun sits in the verb's clause through a preposition ("in a call") that does not
    set it as the occasion of the clause ("after weeks of protests")."""
    clause_agents: list[Token] = field(default_factory=list)
    clause_patients: list[Token] = field(default_factory=list)


def noun_roles(noun: Token, dates: set[int]) -> NounRoles:
    """The arguments of a noun trigger, from its own phrase and from the clause it sits in."""
    lists = words()
    roles = NounRoles()
    for child in noun.children:
        dep = child.dep_
        if dep in ("poss", "compound", "amod", "nmod") and not _brokered(child):
            roles.agents.append(child)
        elif dep == "prep":
            inner = _child(child, "pobj")
            if inner is None or inner.i in dates:
                continue
            if child.lower_ in lists.noun_agent_preps:
                roles.agents.append(inner)
            elif child.lower_ == "of":
                roles.of.append(inner)
            elif child.lower_ in lists.target_preps:
                roles.patients.append(inner)
    head, dep = noun.head, noun.dep_
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lists.measures:
        noun = head.head  # "a new round of joint exercises": the round is what was begun
        head, dep = noun.head, noun.dep_
        roles.agents += [c for c in noun.children if c.dep_ == "poss"]
    if dep == "pobj" and head.dep_ == "prep" and head.lower_ in lists.frame_preps:
        verb = head.head
        framed = True
    else:
        verb = head
        framed = False
    if verb == noun or verb.pos_ not in ("VERB", "AUX"):
        return roles
    lemma = verb.lemma_.lower()
    light = dep in ("dobj", "attr", "nsubjpass") and lemma in lists.light_verbs
    occurs = dep in ("nsubj", "nsubjpass") and lemma in lists.occurrence
    if light or framed or occurs:
        roles.verb = verb
        roles.framed = framed and not light and head.lower_ not in lists.occasion_preps
        if not occurs:
            roles.clause_agents, _ = agents_of(verb)
            roles.clause_patients = patients_of(verb, [noun])
    return roles


def grounds(verb: Token) -> bool:
    """Whether a verb is (part of) the ground a judgment is passed on ("fined the firm for
    smuggling arms", "blamed Iran for arming rebels by shipping drones"): what the judging
    verb's own event is about."""
    while verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        prep = verb.head
        if prep.lower_ in _REASON_PREPS and prep.head.lemma_.lower() in words().reason_control:
            return True
        verb = prep.head
    return False


def _brokered(modifier: Token) -> bool:
    """Whether a modifier names a third party ("the Egyptian-mediated truce"), not a party:
    the participle itself, or the name hyphened to it."""
    doc, after = modifier.doc, modifier.i + 1
    if modifier.lower_ in words().brokering:
        return True
    return (
        after + 1 < len(doc)
        and doc[after].text == "-"
        and doc[after + 1].lower_ in words().brokering
    )


def generic(noun: Token) -> bool:
    """Whether an event noun names a kind of event, not one that took place: a bare plural
    with no determiner, possessor or number ("dominance in future wars")."""
    bare = not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in noun.children)
    return bare and noun.tag_ in ("NNS", "NNPS")


def summary(noun: Token) -> bool:
    """Whether a noun phrase sums up the clause before it: set off by a comma, with an
    indefinite determiner, ending the sentence ("..., a rare clash between the two allies")."""
    doc, start = noun.doc, noun.left_edge.i
    if start == 0 or doc[start - 1].text != "," or noun.dep_ in ("nsubj", "nsubjpass"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in words().summary_determiners for c in noun.children):
        return False
    rest = doc[noun.right_edge.i + 1 : noun.sent.end]
    return all(t.is_punct or t.is_space for t in rest)


def actors_at(token: Token, mentions: MentionIndex, places: bool = False) -> list[Mention]:
    """The mentions an argument token names, through coordination and apposition.

    "Putin and Xi", "his Russian counterpart, Vladimir Putin", "Russian and Chinese bombers",
    "the government of China": every actor the phrase names, in order, no repeats. With
    `places`, place names count too ("fired at Russia", "a visit to Beijing").
    """
    found: list[Mention] = []
    stack = [token]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if current.i in seen:
            continue
        seen.add(current.i)
        here = mentions.at(current, places)
        if here:
            found += here
            doc = current.doc
            for i in mentions.span_of(current):  # "Barack Obama and Putin": conj on any word
                stack.extend(_coordinated(doc[i]))
        else:
            for child in current.children:
                dep = child.dep_
                if dep in ("compound", "amod", "poss", "nmod") and mentions.at(child, places):
                    stack.append(child)
                elif dep == "prep" and child.lower_ in _OWNER_PREPS:
                    inner = _child(child, "pobj")
                    if inner is not None:
                        stack.append(inner)
        stack.extend(_coordinated(current))
    unique: list[Mention] = []
    for mention in sorted(found, key=lambda m: m.start):
        if all(m is not mention for m in unique):
            unique.append(mention)
    return unique


def _coordinated(token: Token) -> list[Token]:
    """The conjuncts and appositions of a token that belong to its own clause."""
    return [c for c in token.children if c.dep_ in ("conj", "appos") and not crosses_clause(c)]


def distinct(actors: Iterable[Actor]) -> list[Actor]:
    """Actors without repeats: one per code, a bare country dropped beside its own branch."""
    chosen: list[Actor] = []
    for actor in actors:
        if any(a.code == actor.code for a in chosen):
            continue
        if actor.sector is None and any(a.country == actor.country for a in chosen):
            continue
        chosen = [a for a in chosen if not (a.sector is None and a.country == actor.country)] + [
            actor
        ]
    return chosen
