"""One sentence being read: its units, the tokens used up, and the phrases found so far."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors.build import Builder, Owner
from detente.actors.dictionary import Dictionary, Title
from detente.actors.model import Actor
from detente.actors.units import NAME, Unit
from detente.actors.words import Words

OWNER_KINDS = frozenset({"country", "adjective", "demonym", "metonym", "place", "organization"})
"""Units that can say whose official or agent a phrase names."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_BREAKS = frozenset({"VERB", "AUX", "ADP", "SCONJ", "PRON"})
"""Words that end a noun phrase when reading leftwards from its head."""
_MODIFIERS = frozenset({"compound", "amod", "nmod"})
"""Links by which a word modifies the noun heading its phrase ("army" in "army officers")."""


@dataclass(slots=True)
class Reference:
    """What a phrase needs from the rest of the article to name its actor."""

    kind: str
    """pronoun, counterpart, people, countries, role or surname."""
    gender: str | None = None
    owners: tuple[Owner, ...] = ()
    title: Title | None = None
    anchor: int | None = None
    """Token index of the possessor of "counterpart" ("his", "Xi's")."""
    sector: str | None = None
    surname: str | None = None
    excluded: int | None = None
    """Token index of a subject the reference cannot mean ("him" in "Putin greeted him")."""


@dataclass(slots=True)
class Phrase:
    """A stretch of text that names actors, or refers to them, with the rule that read it."""

    start: int
    end: int
    head: int
    """Token index of the phrase's head word."""
    sentence: int
    rule: str
    actors: tuple[Actor, ...] = ()
    reference: Reference | None = None
    subject: bool = False
    gender: str | None = None


@dataclass(slots=True)
class Owned:
    """Whose a phrase is, found from its context: the owners and the units that named them."""

    owners: list[Owner]
    units: list[Unit]
    """The first unit naming each owner, in the same order."""


class Sentence:
    """The state of reading one sentence, and the helpers every reader uses."""

    def __init__(
        self,
        doc: Doc,
        sentence: Span,
        number: int,
        units: list[Unit],
        by_token: dict[int, Unit],
        builder: Builder,
        words: Words,
        text: str,
    ) -> None:
        self.doc = doc
        self.article = text
        """The article's text (doc.text rebuilds it on every call)."""
        self.span = sentence
        self.number = number
        self.units = units
        self.by_token = by_token
        self.build = builder
        self.dictionary: Dictionary = builder.dictionary
        self.words = words
        self.used: set[int] = set()
        self.phrases: list[Phrase] = []
        self.numbers: list[Token] = []
        """"two" and "both", which may open "the two leaders"."""
        self.cues: list[Token] = []
        """Words that may be "counterpart" or a pronoun."""
        cues = set(words.pronouns) | {phrase.split()[0] for phrase in words.counterpart}
        for token in sentence:
            lower = token.lower_
            if lower in words.numbers:
                self.numbers.append(token)
            elif lower in cues or token.lemma_.lower() in cues:
                self.cues.append(token)

    def open(self, *kinds: str) -> list[Unit]:
        """This sentence's units of these kinds that no phrase has used yet."""
        return [u for u in self.units if u.kind in kinds and not self.is_used(u)]

    def is_used(self, unit: Unit) -> bool:
        """Whether any token of the unit belongs to a phrase already."""
        return any(index in self.used for index in range(unit.first, unit.last))

    def use(self, *units: Unit) -> None:
        """Mark units as belonging to a phrase."""
        for unit in units:
            self.used.update(range(unit.first, unit.last))

    def add(
        self,
        start: int,
        end: int,
        head: int,
        rule: str,
        actors: tuple[Actor, ...] = (),
        reference: Reference | None = None,
        gender: str | None = None,
    ) -> None:
        """Record a phrase."""
        subject = self.doc[head].dep_ in _SUBJECTS
        phrase = Phrase(start, end, head, self.number, rule, actors, reference, subject, gender)
        self.phrases.append(phrase)

    def text(self, start: int, end: int) -> str:
        """The article's text between two character offsets."""
        return self.article[start:end]

    def root(self, unit: Unit) -> Token:
        """The unit's head token: the one whose head lies outside it."""
        for index in range(unit.first, unit.last):
            token = self.doc[index]
            if not unit.first <= token.head.i < unit.last or token.head.i == index:
                return token
        return self.doc[unit.last - 1]

    def unit_at(self, index: int) -> Unit | None:
        """The unit covering a token of this sentence."""
        unit = self.by_token.get(index)
        return unit if unit is not None and unit.first >= self.span.start else None

    def units_in(self, first: int, last: int) -> list[Unit]:
        """Units lying wholly inside tokens [first, last) of this sentence."""
        return [u for u in self.units if first <= u.first and u.last <= last]

    def phrase_head(self, root: Token) -> Token:
        """The noun heading the phrase a word modifies ("officers" for "army officers")."""
        token = root
        while (
            token.dep_ in _MODIFIERS
            and token.head.i > token.i
            and token.head.i < self.span.end
            and token.head.pos_ in ("NOUN", "PROPN")
        ):
            token = token.head
        return token

    def left(self, head: Token, first: int, person: bool = False) -> list[Unit]:
        """Units in the head's left subtree before token `first`, back to a break."""
        return self.units_in(self.edge(head, first, person), first)

    def edge(self, head: Token, first: int, person: bool = False) -> int:
        """Where the head's phrase starts, reading leftwards from token `first` to a break.

        A break is punctuation (other than a possessive), a line end, or a verb or preposition,
        so that "BEIJING AFP - Chinese President Xi" gives "Chinese President" only. Before a
        person's name, "and" and another name break too ("China's Xi and Russia's Putin").
        """
        edge = max(head.left_edge.i, self.span.start)
        at = first
        while at > edge:
            token = self.doc[at - 1]
            if (token.is_punct and token.tag_ != "POS") or token.pos_ in _BREAKS:
                break
            if token.is_space or "\n" in token.whitespace_:
                break
            if person and (token.pos_ == "CCONJ" or self._names_someone(at - 1)):
                break
            at -= 1
        return at

    def _names_someone(self, index: int) -> bool:
        unit = self.unit_at(index)
        return unit is not None and unit.kind in ("person", NAME)

    def line_end(self, last: int) -> int:
        """The last token up to `last` before a line break (a byline is not an apposition)."""
        for token in self.doc[self.span.start : last + 1]:
            if token.is_space or "\n" in token.whitespace_:
                return max(self.span.start, token.i if not token.is_space else token.i - 1)
        return last

    def of(self, head: Token, prepositions: frozenset[str] = frozenset({"of"})) -> list[Unit]:
        """Units in prepositional phrases on the head ("the president of Armenia")."""
        found = []
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in prepositions:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found.extend(self.units_in(obj.left_edge.i, obj.right_edge.i + 1))
        return found

    def owned(self, units: list[Unit]) -> Owned:
        """The owners the units name, each with the first unit that named it."""
        owners: dict[str, tuple[Owner, Unit]] = {}
        for unit in units:
            owner = self.owner(unit)
            if owner is not None and owner.key not in owners:
                owners[owner.key] = (owner, unit)
        pairs = list(owners.values())
        return Owned([owner for owner, _ in pairs], [unit for _, unit in pairs])

    def owner(self, unit: Unit) -> Owner | None:
        """Whose the unit says a phrase is, if it names a country, body or known person."""
        if unit.kind in ("country", "adjective", "demonym", "place"):
            return Owner(unit.entry.target)
        if unit.kind in ("metonym", "organization"):
            return self.build.owner_of(unit.entry.target)
        if unit.kind == "person" and len(unit.entries) == 1:
            person = self.dictionary.person(unit.entry.target)
            actor = self.build.person(person, "") if person else None
            if actor and actor.country and len(actor.country) == 3:
                return Owner(actor.country)
        return None

    def start_of(self, first: int) -> int:
        """Char offset of a phrase that starts at token `first`, after any determiner."""
        while first < len(self.doc) - 1 and self.doc[first].lower_ in _DETERMINERS:
            first += 1
        return self.doc[first].idx

    def end_of(self, last: int) -> int:
        """Char offset just after token `last`."""
        token = self.doc[last]
        return token.idx + len(token)
