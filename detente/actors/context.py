"""Names read in their sentence: titles, apposition, country words before agents, and places.

Each sentence becomes a list of phrases in text order. A phrase either holds its actors already
("Chinese troops" → CHNMIL) or a `Reference` that only the rest of the article can settle ("he",
"his Russian counterpart", "the two leaders"); coreference.py settles those.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors.build import Builder, Owner
from detente.actors.dictionary import Dictionary, Title
from detente.actors.model import PLACE, Actor
from detente.actors.units import NAME, Unit
from detente.actors.words import Words

OWNER_KINDS = frozenset({"country", "adjective", "demonym", "metonym", "place", "organization"})
"""Units that can say whose official or agent a phrase names."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_GROUP_DETERMINERS = frozenset({"the", "these", "those", "their"})
_ACTOR_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "dative", "appos"})
"""Where a capital that usually means a place ("Paris") still stands for its government."""
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})
"""Where a nationality word stands for the people ("the Chinese"), not a modifier."""


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


class Reader:
    """Turns an article's units into phrases, sentence by sentence."""

    def __init__(self, dictionary: Dictionary, words: Words) -> None:
        self.dictionary = dictionary
        self.words = words

    def read(self, doc: Doc, units: list[Unit], builder: Builder) -> list[Phrase]:
        """Every phrase of the article, in text order."""
        phrases: list[Phrase] = []
        by_token = {index: unit for unit in units for index in range(unit.first, unit.last)}
        at = 0
        for number, sentence in enumerate(doc.sents):
            mine = []
            while at < len(units) and units[at].first < sentence.end:
                mine.append(units[at])
                at += 1
            state = _Sentence(self, doc, sentence, number, mine, by_token, builder)
            phrases.extend(state.read())
        phrases.sort(key=lambda phrase: (phrase.start, phrase.end))
        return phrases


class _Sentence:
    """The work on one sentence: which tokens are used up, and the phrases found so far."""

    def __init__(
        self,
        reader: Reader,
        doc: Doc,
        sentence: Span,
        number: int,
        units: list[Unit],
        by_token: dict[int, Unit],
        builder: Builder,
    ) -> None:
        self.dictionary = reader.dictionary
        self.words = reader.words
        self.doc = doc
        self.sentence = sentence
        self.number = number
        self.units = units
        self.by_token = by_token
        self.build = builder
        self.used: set[int] = set()
        self.phrases: list[Phrase] = []

    def read(self) -> list[Phrase]:
        """Run the readers from the most specific to the most general."""
        self._groups()
        for unit in self._open("person", NAME):
            self._person(unit)
        self._counterparts()
        for unit in self._open("title"):
            self._title(unit)
        for unit in self._open("agent"):
            self._agent(unit)
        for unit in self._open("organization", "metonym", "country", "adjective", "demonym"):
            self._named(unit)
        for unit in self._open("place"):
            self._add(unit.start, unit.end, unit.first, PLACE, (self._place(unit),))
        self._pronouns()
        return self.phrases

    # --- helpers -------------------------------------------------------------------------

    def _open(self, *kinds: str) -> list[Unit]:
        """This sentence's units of these kinds that no phrase has used yet."""
        return [u for u in self.units if u.kind in kinds and not self._is_used(u)]

    def _is_used(self, unit: Unit) -> bool:
        return any(index in self.used for index in range(unit.first, unit.last))

    def _use(self, *units: Unit) -> None:
        for unit in units:
            self.used.update(range(unit.first, unit.last))

    def _add(
        self,
        start: int,
        end: int,
        head: int,
        rule: str,
        actors: tuple[Actor, ...] = (),
        reference: Reference | None = None,
        gender: str | None = None,
    ) -> None:
        subject = self.doc[head].dep_ in _SUBJECTS
        phrase = Phrase(start, end, head, self.number, rule, actors, reference, subject, gender)
        self.phrases.append(phrase)

    def _text(self, start: int, end: int) -> str:
        return self.doc.text[start:end]

    def _root(self, unit: Unit) -> Token:
        """The unit's head token: the one whose head lies outside it."""
        for index in range(unit.first, unit.last):
            token = self.doc[index]
            if not unit.first <= token.head.i < unit.last or token.head.i == index:
                return token
        return self.doc[unit.last - 1]

    def _unit_at(self, index: int) -> Unit | None:
        unit = self.by_token.get(index)
        return unit if unit is not None and unit.first >= self.sentence.start else None

    def _units_in(self, first: int, last: int) -> list[Unit]:
        """Units lying wholly inside tokens [first, last) of this sentence."""
        return [u for u in self.units if first <= u.first and u.last <= last]

    def _left(self, head: Token, first: int) -> list[Unit]:
        """Units in the head's left subtree, before token `first`."""
        return self._units_in(max(head.left_edge.i, self.sentence.start), first)

    def _of(self, head: Token) -> list[Unit]:
        """Units after "of" attached to the head ("the president of Armenia")."""
        found = []
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found.extend(self._units_in(obj.left_edge.i, obj.right_edge.i + 1))
        return found

    def _owners(self, units: list[Unit]) -> tuple[list[Owner], list[Unit]]:
        """The owners the units name, and the units that named them."""
        owners: dict[str, Owner] = {}
        used = []
        for unit in units:
            owner = self._owner(unit)
            if owner is not None:
                owners.setdefault(owner.key, owner)
                used.append(unit)
        return list(owners.values()), used

    def _owner(self, unit: Unit) -> Owner | None:
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

    def _start(self, first: int) -> int:
        """Char offset of a phrase that starts at token `first`, after any determiner."""
        while first < len(self.doc) - 1 and self.doc[first].lower_ in _DETERMINERS:
            first += 1
        return self.doc[first].idx

    def _is_place(self, token: Token) -> bool:
        """Whether a name is used as a location: "in Beijing", "flew to Moscow"."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        head = token.head
        if token.dep_ == "pobj":
            if head.lower_ in self.words.prepositions:
                return True
            return (
                head.lower_ in self.words.directions
                and head.head.lemma_.lower() in self.words.movement
            )
        return token.dep_ == "dobj" and head.lemma_.lower() in self.words.visited

    def _attributive(self, unit: Unit) -> bool:
        """Whether a name only describes something else: "Beijing-based", "Beijing Olympics"."""
        after = unit.last
        if after + 1 < len(self.doc) and self.doc[after].text == "-":
            return self.doc[after + 1].lower_ in self.words.attributive
        root = self._root(unit)
        if root.dep_ != "compound":
            return False
        described = self._unit_at(root.head.i)
        return described is None or described.kind not in ("agent", "title", "organization")

    def _place(self, unit: Unit) -> Actor:
        """The location actor of a place, capital or country used as a place."""
        country = unit.entry.target if unit.kind in ("place", "country") else None
        if unit.kind == "metonym":
            country = unit.entry.capital_of or self.build.owner_of(unit.entry.target).country
        name = self._text(unit.start, unit.end)
        return self.build.place(country or "", name, name)

    # --- readers -------------------------------------------------------------------------

    def _groups(self) -> None:
        """ "the two leaders", "both sides": references to the last two people or states."""
        doc = self.doc
        for token in self.sentence:
            if token.lower_ not in self.words.numbers or token.dep_ == "preconj":
                continue
            before = doc[token.i - 1].lower_ if token.i > self.sentence.start else ""
            if token.lower_ != "both" and before not in _GROUP_DETERMINERS:
                continue
            found = self._group_noun(token.i + 1)
            if found is None:
                continue
            kind, last, noun = found
            first = token.i - 1 if before in _GROUP_DETERMINERS else token.i
            if any(index in self.used for index in range(first, last)):
                continue
            self.used.update(range(first, last))
            title = self.dictionary.title_named(noun) if kind == "people" else None
            sector = self.dictionary.sector_of(noun) if kind == "countries" else None
            reference = Reference(kind, title=title, sector=sector)
            start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
            self._add(start, end, last - 1, "group", reference=reference)

    def _group_noun(self, index: int) -> tuple[str, int, str] | None:
        """(people|countries, end token, noun) for a group noun at or one word after `index`."""
        doc = self.doc
        starts = [index]
        if index < self.sentence.end and doc[index].pos_ == "ADJ":
            starts.append(index + 1)
        for at in starts:
            for kind, nouns in (
                ("people", self.words.group_people),
                ("countries", self.words.group_countries),
            ):
                for noun in nouns:
                    size = noun.count(" ") + 1
                    if at + size > self.sentence.end:
                        continue
                    if " ".join(t.lower_ for t in doc[at : at + size]) == noun:
                        return kind, at + size, noun
        return None

    def _person(self, unit: Unit) -> None:
        """A person with the titles, country words and apposition around the name."""
        root = self._root(unit)
        described = self._unit_at(root.head.i) if root.dep_ == "compound" else None
        if described is not None and described.kind == "agent":
            return  # "the Bush administration": the name says whose the agent is
        context = self._left(root, unit.first)
        first = min([unit.first, *(u.first for u in context)])
        honorific = unit.first > 0 and self.dictionary.is_honorific(self.doc[unit.first - 1].text)
        if honorific:
            first = min(first, unit.first - 1)
        rule = "title+name" if any(u.kind == "title" for u in context) else "ner+context"
        subject_token = root
        if root.dep_ == "appos" and self._describes(root.head):
            described_by = root.head
            context += self._left(described_by, described_by.i) + [
                u for u in [self._unit_at(described_by.i)] if u is not None
            ]
            first = min(first, described_by.left_edge.i)
            subject_token = described_by
            rule = "apposition"
        context += self._of(root)
        after = self._after(root)
        if after and rule == "ner+context":
            rule = "apposition"
        self._use(unit, *context, *after[:1])
        start = self._start(first)
        if honorific and first == unit.first - 1:
            start = self.doc[first].idx
        text = self._text(start, unit.end)
        gender = self._gender(unit, context, first)
        actor = self._known(unit, context, text) if unit.kind == "person" else None
        reference = None
        if actor is not None:
            rule = "gazetteer:person"
            gender = self._known_gender(actor) or gender
        elif unit.kind == NAME:
            actor = self._unknown(unit, context, after, text)
            if unit.last - unit.first == 1:
                reference = Reference("surname", gender=gender, surname=self.doc[unit.first].text)
            if actor.country is None and actor.sector is None:
                rule = "ner"
        else:
            return
        self._add(start, unit.end, subject_token.i, rule, (actor,), reference, gender)

    def _describes(self, token: Token) -> bool:
        """Whether a noun that a name is in apposition to is a title, agent or "counterpart"."""
        unit = self._unit_at(token.i)
        return (unit is not None and unit.kind in ("title", "agent")) or self._is_counterpart(
            token
        )

    def _after(self, root: Token) -> list[Unit]:
        """The units of an apposition after a name, its head first ("X, a lecturer at ...")."""
        for child in root.rights:
            if child.dep_ == "appos":
                inside = self._units_in(child.left_edge.i, child.right_edge.i + 1)
                head = self._unit_at(child.i)
                if head is not None and head in inside:
                    inside.remove(head)
                    inside.insert(0, head)
                return inside
        return []

    def _known(self, unit: Unit, context: list[Unit], text: str) -> Actor | None:
        """The dictionary person a name denotes, the title and country settling shared names."""
        people = [self.dictionary.person(entry.target) for entry in unit.entries]
        candidates = [person for person in people if person is not None]
        if len(candidates) > 1 or (candidates and unit.entry.ambiguous):
            titles = {u.entry.target for u in context if u.kind == "title"}
            owners = {owner.country for owner in self._owners(context)[0]}
            fitting = []
            for person in candidates:
                actor = self.build.person(person, text)
                if (not titles or actor.role in titles) and (not owners or actor.country in owners):
                    fitting.append(person)
            if not (titles or owners) or len(fitting) != 1:
                return None
            candidates = fitting
        return self.build.person(candidates[0], text) if candidates else None

    def _known_gender(self, actor: Actor) -> str | None:
        person = self.dictionary.person(actor.person) if actor.person else None
        return person.gender if person else None

    def _gender(self, unit: Unit, context: list[Unit], first: int) -> str | None:
        """A gender from a courtesy title or gendered title word before the name."""
        for token in self.doc[max(first, unit.first - 3) : unit.first]:
            gender = self.words.gender.get(token.lower_)
            if gender:
                return gender
        for other in context:
            gender = self.words.gender.get(self._text(other.start, other.end).lower())
            if gender:
                return gender
        return None

    def _unknown(self, unit: Unit, context: list[Unit], after: list[Unit], text: str) -> Actor:
        """A person no dictionary knows, with the country and sector the context gives."""
        name = self._text(unit.start, unit.end)
        titles = [u for u in context + after[:1] if u.kind in ("title", "agent")]
        owners, _ = self._owners(context)
        sector = None
        role = None
        if titles:
            sector = self._sector_of(titles[0])
            role = titles[0].entry.target if titles[0].kind == "title" else None
        if after and not owners:
            owners = self._described_owners(after)
        if after and sector is None:
            described = [u for u in after if u.kind in ("title", "agent")]
            sector = self._sector_of(described[0]) if described else None
        owner = owners[0] if owners else None
        if owner is None:
            actor = self.build.unowned(sector, text, role) if sector else None
            return Actor(name, actor.code if actor else "---", None, sector, text, role=role)
        found = self.build.owned(owner, sector, text, role)
        return Actor(name, found.code, found.country, found.sector, text, role=role)

    def _sector_of(self, unit: Unit) -> str | None:
        if unit.kind == "title":
            title = self.dictionary.title(unit.entry.target)
            return title.sector if title else None
        return unit.entry.target

    def _described_owners(self, after: list[Unit]) -> list[Owner]:
        """Owners in an apposition: those of its title or agent first, then any named in it."""
        for unit in after:
            if unit.kind in ("title", "agent", "organization"):
                root = self._root(unit)
                if unit.kind == "organization":
                    owners, _ = self._owners([unit])
                else:
                    owners, _ = self._owners(self._left(root, unit.first) + self._of(root))
                if owners:
                    return owners
        return self._owners(after)[0]

    def _is_counterpart(self, token: Token) -> bool:
        return token.lemma_.lower() in self.words.counterpart and token.tag_ == "NN"

    def _counterparts(self) -> None:
        """ "his Russian counterpart": the office-holder matching the possessor's office."""
        for token in self.sentence:
            if token.i in self.used or not self._is_counterpart(token):
                continue
            context = self._units_in(max(token.left_edge.i, self.sentence.start), token.i)
            owners, used = self._owners(context)
            anchor = next((child for child in token.children if child.dep_ == "poss"), None)
            gender = self.words.pronouns.get(anchor.lower_) if anchor is not None else None
            first = min([token.i, *(u.first for u in used)] + ([anchor.i] if anchor else []))
            self._use(*used)
            self.used.update(range(first, token.i + 1))
            reference = Reference(
                "counterpart",
                gender=gender,
                owners=tuple(owners),
                anchor=anchor.i if anchor is not None else None,
            )
            start, end = self._start(first), token.idx + len(token)
            self._add(start, end, token.i, "counterpart", reference=reference)

    def _title(self, unit: Unit) -> None:
        """An office named without a name: "the Russian leader", "Russia's foreign minister"."""
        root = self._root(unit)
        owners, used = self._owners(self._left(root, unit.first) + self._of(root))
        title = self.dictionary.title(unit.entry.target)
        if title is None or (unit.needs_context and not owners):
            return
        plural = root.tag_ in ("NNS", "NNPS")
        if not owners and (plural or root.i == 0 or self.doc[unit.first - 1].lower_ != "the"):
            return
        mine = [u for u in used if u.kind != "person"]
        self._use(unit, *mine)
        first = min([unit.first, *(u.first for u in mine)])
        end = max([unit.end, *(u.end for u in mine)])
        reference = Reference("role", owners=tuple(owners), title=title)
        self._add(self._start(first), end, root.i, "role-holder", reference=reference)

    def _agent(self, unit: Unit) -> None:
        """A group or body with its country: "Chinese troops", "the Kremlin's spokesmen"."""
        root = self._root(unit)
        owners, used = self._owners(self._left(root, unit.first) + self._of(root))
        if unit.needs_context and not owners:
            return
        mine = [u for u in used if u.kind != "person" or self._root(u).dep_ == "compound"]
        self._use(unit, *mine)
        first = min([unit.first, *(u.first for u in mine)])
        end = max([unit.end, *(u.end for u in mine)])
        start = self._start(first)
        text = self._text(start, end)
        sector = unit.entry.target
        if not owners:
            self._add(start, end, root.i, "agent", (self.build.unowned(sector, text),))
            return
        actors = tuple(self.build.owned(owner, sector, text) for owner in owners)
        self._add(start, end, root.i, f"{used[0].kind}+agent", actors)

    def _named(self, unit: Unit) -> None:
        """A body, capital, state or people named alone, or a capital used as a place."""
        root = self._root(unit)
        if unit.kind == "metonym" and self._attributive(unit):
            return
        if unit.kind in ("metonym", "country") and self._is_place(root):
            self._add(unit.start, unit.end, root.i, PLACE, (self._place(unit),))
            return
        found = self._named_actor(unit, root, self._text(unit.start, unit.end))
        if found is not None:
            rule, actor = found
            self._add(unit.start, unit.end, root.i, rule, (actor,))

    def _named_actor(self, unit: Unit, root: Token, text: str) -> tuple[str, Actor] | None:
        """(rule, actor) for a name standing alone, or None when it names no actor here."""
        entry = unit.entry
        if unit.kind == "organization":
            org = self.dictionary.organization(entry.target)
            return ("organization", self.build.organization(org, text)) if org else None
        if unit.kind == "metonym":
            metonym = [m for m in self.dictionary.metonyms_named(text) if m.code == entry.target]
            if not metonym:
                return None
            if not metonym[0].metonymic and root.dep_ not in _ACTOR_ROLES:
                return PLACE, self._place(unit)
            return "metonym", self.build.metonym(metonym[0], text)
        if unit.kind == "country":
            return "country", self.build.country(entry.target, text)
        nominal = root.pos_ in ("NOUN", "PROPN") and root.dep_ in _NOMINAL
        if unit.kind == "demonym" or (unit.demonym and nominal):
            return "demonym", self.build.country(entry.target, text)
        return None

    def _pronouns(self) -> None:
        """he, his, she, her: references to the last person of a compatible gender."""
        for token in self.sentence:
            if token.i in self.used or token.tag_ not in ("PRP", "PRP$"):
                continue
            gender = self.words.pronouns.get(token.lower_)
            if gender is None:
                continue
            reference = Reference("pronoun", gender=gender)
            self._add(token.idx, token.idx + len(token), token.i, "pronoun", reference=reference)
