"""Actions: lexicon matches combined into the actions a sentence reports, frames with the
actions they govern ("pledged to supply arms", "refused to condemn")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.events.arguments import words
from detente.events.tables import Tables
from detente.events.triggers import Match, is_verb

APPEAL, INTENT, DEMAND, REFUSAL, THREAT = "02", "03", "10", "12", "13"
"""CAMEO roots of frame verbs: "urged X to", "pledged to", "demanded that", "refused to",
"threatened to"."""

OtherSide = Callable[[Token, Token], bool]
"""Whether the one who is to act (second token) is another party than the frame verb's
subject (first token): the coder answers it from the actor mentions."""


@dataclass(slots=True)
class Action:
    """A coded action before its parties, flags and date are settled."""

    head: Token
    """The word whose subject acts and whose clause holds the flags (the frame verb if any)."""
    main: Match
    """The match whose pattern gives the action (the complement of a frame)."""
    code: str
    rule: str
    words: list[Token]
    frame: Match | None = None
    """The appeal, intent, demand or threat verb combined with `main` ("pledged to supply")."""
    negated: bool = False
    """A refusal frame with no combined code: the complement did not happen."""
    addressees: list[Token] = field(default_factory=list)
    """Who an appeal or demand is made to ("urged Russia to withdraw"): its recipients."""

    @property
    def kind(self) -> str:
        """How the action was coded: composed, object, particle, verb or noun."""
        if self.frame is not None:
            return "composed"
        pattern = self.main.entry.pattern
        if pattern.kind == "noun":
            return "noun"
        if pattern.obj:
            return "object"
        return "particle" if pattern.particles else "verb"


def actions(found: list[Match], tables: Tables, other_side: OtherSide) -> list[Action]:
    """The matches of a sentence combined into actions: frames with their complements (the
    deepest frame first, so "threatened to refuse to meet" nests), the rest alone."""
    frames = frozenset(frame for frame, _ in tables.compositions)
    by_token = {m.token.i: m for m in found}
    done: set[int] = set()
    combined: list[Action] = []
    for frame in sorted(found, key=lambda m: -depth(m.token)):
        if frame.noun or frame.entry.cameo[:2] not in frames:
            continue
        for complement in complements(frame.token, by_token):
            if complement.token.i in done or frame.token.i in done:
                continue
            action = combine(frame, complement, tables, other_side)
            if action is not None:
                done.update((frame.token.i, complement.token.i))
                combined.append(action)
    return combined + [single(m) for m in found if m.token.i not in done]


def combine(
    frame: Match, complement: Match, tables: Tables, other_side: OtherSide
) -> Action | None:
    """One action from a frame verb and the coded action it governs; None when the
    complement is another party's act the frame only speaks of ("warned that any backing
    from Beijing would damage ties")."""
    root = frame.entry.cameo[:2]
    doer = controller(frame.token, complement.token)
    addressees = [doer] if doer is not None else []
    if doer is not None and other_side(frame.token, doer):
        if root == INTENT and frame.token.lemma_.lower() in words().object_control:
            root = APPEAL  # "wants Putin to attack": a wish that another act is an appeal
        elif root in (INTENT, THREAT):
            return None
    code = tables.compose(root, complement.entry.cameo)
    both = frame.words + complement.words
    rule = f"{frame.entry.pattern} + {complement.entry.pattern}"
    if code:
        keep = addressees if root in (APPEAL, DEMAND) else []
        return Action(frame.token, complement, code, rule, both, frame, addressees=keep)
    if root == REFUSAL:
        own = complement.entry.cameo
        return Action(complement.token, complement, own, rule + ": refused", both, negated=True)
    if root != frame.entry.cameo[:2]:  # an appeal with no finer code
        return Action(
            frame.token, frame, root + "0", rule + ": an appeal", both, frame, addressees=addressees
        )
    return Action(frame.token, frame, frame.entry.cameo, rule + ": no combined code", both)


def single(found: Match) -> Action:
    """The action of a match that combines with nothing."""
    return Action(found.token, found, found.entry.cameo, str(found.entry.pattern), found.words)


def complements(frame: Token, by_token: dict[int, Match]) -> list[Match]:
    """The coded actions a frame verb governs: "pledged to supply", "refused to endorse or
    condemn", "urged Russia to withdraw", "is ready to contribute"."""
    heads = [c for c in frame.children if c.dep_ in ("xcomp", "ccomp")]
    for child in frame.children:
        if child.dep_ in ("acomp", "oprd"):
            heads += [c for c in child.children if c.dep_ == "xcomp"]
    heads += [c for h in heads for c in h.children if c.dep_ == "conj" and is_verb(c)]
    return [by_token[h.i] for h in heads if h.i in by_token]


def controller(frame: Token, complement: Token) -> Token | None:
    """Who is to do what a frame verb asks, wants or demands: "urged Russia to", "wants
    Putin to", "demanded that Russia withdraw"."""
    subject = next((c for c in complement.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and complement.dep_ == "ccomp":
        return subject
    return next((c for c in frame.children if c.dep_ in ("dobj", "dative")), None)


def depth(token: Token) -> int:
    """How many heads lie between the token and its sentence's root."""
    steps = 0
    while token.head != token:
        token = token.head
        steps += 1
    return steps
