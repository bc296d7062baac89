"""References settled within one article: he, Mr Korolev, the Russian leader, the two leaders.

The phrases of an article are walked in text order. People and states named so far are kept,
most recent last; each reference takes the last one that fits it. "the two leaders" and "both
sides" give one mention per actor at the same span, so each carries one actor as every other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from detente.actors.build import Builder, Owner
from detente.actors.model import PLACE, Actor, Mention
from detente.actors.sentence import Phrase, Reference

PRONOUN_WINDOW = 3
"""Sentences back that a pronoun looks for a subject first (tuned on the seeds and demo texts)."""
_GROUP_RULES = {"people": "two-leaders", "countries": "two-countries"}


@dataclass(slots=True)
class _Seen:
    """A person named earlier in the article."""

    actor: Actor
    sentence: int
    subject: bool
    gender: str | None
    head: int


class Resolution:
    """The walk over one article's phrases."""

    def __init__(self, builder: Builder, text: str) -> None:
        self.build = builder
        self.text = text
        self.people: list[_Seen] = []
        self.countries: Counter[str] = Counter()
        """Mentions of each state so far, its people's included."""
        self.led: Counter[str] = Counter()
        """Mentions of each state's leaders so far: "both sides" are usually theirs."""
        self.mentions: list[Mention] = []

    def run(self, phrases: list[Phrase]) -> list[Mention]:
        """Every mention of the article, references settled."""
        for phrase in phrases:
            reference = phrase.reference
            if reference is None:
                self._emit(phrase, phrase.actors, phrase.rule)
            elif reference.kind == "surname":
                if not self._surname(phrase) and phrase.rule != "ner":
                    self._emit(phrase, phrase.actors, phrase.rule)
            elif reference.kind == "pronoun":
                seen = self._antecedent(phrase.sentence, reference.gender, reference.excluded)
                if seen is not None:
                    self._emit(phrase, (seen.actor,), "pronoun", seen.gender)
            elif reference.kind == "counterpart":
                self._counterpart(phrase, reference)
            elif reference.kind == "role":
                self._role(phrase, reference)
            elif reference.kind in _GROUP_RULES:
                self._group(phrase, reference)
        return self.mentions

    def _emit(
        self,
        phrase: Phrase,
        actors: tuple[Actor, ...],
        rule: str,
        gender: str | None = None,
    ) -> None:
        """Record the mentions of a phrase and remember the people and states it names."""
        text = self._text(phrase)
        for actor in actors:
            written = replace(actor, text=text)
            self.mentions.append(Mention(phrase.start, phrase.end, written, rule))
            if rule == PLACE:
                continue
            if actor.person is not None or rule in _PERSON_RULES:
                gender = phrase.gender or gender
                self.people.append(
                    _Seen(actor, phrase.sentence, phrase.subject, gender, phrase.head)
                )
            if actor.country and len(actor.country) == 3 and actor.country.isalpha():
                self.countries[actor.country] += 1
                if self.build.leads(actor):
                    self.led[actor.country] += 1

    def _text(self, phrase: Phrase) -> str:
        return self.text[phrase.start : phrase.end]

    def _surname(self, phrase: Phrase) -> bool:
        """ "Korolev" or "Mr Korolev" after "Alexander Korolev": the same unknown person."""
        surname = (phrase.reference.surname or "").casefold() if phrase.reference else ""
        for seen in reversed(self.people):
            words = seen.actor.name.split()
            if seen.actor.person is None and len(words) > 1 and words[-1].casefold() == surname:
                self._emit(phrase, (seen.actor,), "surname", seen.gender)
                return True
        return False

    def _antecedent(
        self, sentence: int, gender: str | None, excluded: int | None = None
    ) -> _Seen | None:
        """The person a pronoun means: a subject of its own or a recent sentence, else the last."""
        fitting = [
            seen
            for seen in self.people
            if _compatible(seen.gender, gender) and (excluded is None or seen.head != excluded)
        ]
        if not fitting:
            return None
        for back in range(PRONOUN_WINDOW + 1):
            here = [seen for seen in fitting if seen.sentence == sentence - back]
            if here:
                subjects = [seen for seen in here if seen.subject]
                if back == 0:
                    return subjects[-1] if subjects else here[-1]
                return subjects[0] if subjects else here[0]
        return fitting[-1]

    def _counterpart(self, phrase: Phrase, reference: Reference) -> None:
        """ "his Russian counterpart": who held the possessor's office in that country."""
        anchor = None
        if reference.anchor is not None:
            anchor = next((s for s in reversed(self.people) if s.head == reference.anchor), None)
        if anchor is None:
            anchor = self._antecedent(phrase.sentence, reference.gender)
        if anchor is None or not reference.owners:
            return
        owner = reference.owners[0]
        role = anchor.actor.role or ("leader" if self.build.leads(anchor.actor) else None)
        actor = self._holder(owner, role, phrase) if role else None
        if actor is None and self.build.leads(anchor.actor):
            actor = self._holder(owner, "leader", phrase)
        if actor is None:
            actor = self.build.owned(owner, "GOV", self._text(phrase), role)
        self._emit(phrase, (actor,), "counterpart")

    def _holder(self, owner: Owner, role: str, phrase: Phrase) -> Actor | None:
        """The one person holding a role for the owner on the day: named earlier, or listed."""
        for seen in reversed(self.people):
            actor = seen.actor
            if actor.country == owner.country and (
                actor.role == role or (role == "leader" and self.build.leads(actor))
            ):
                return actor
        holders = {
            spell.person for spell in self.build.dictionary.holders(owner.key, role, self.build.on)
        }
        if len(holders) != 1:
            return None
        person = self.build.dictionary.person(holders.pop())
        return self.build.person(person, self._text(phrase)) if person else None

    def _role(self, phrase: Phrase, reference: Reference) -> None:
        """ "the Russian leader", "Russia's foreign minister", or "the president" named before."""
        title = reference.title
        if title is None:
            return
        text = self._text(phrase)
        if not reference.owners:
            named = [s.actor for s in reversed(self.people) if s.actor.role == title.id]
            if named:
                self._emit(phrase, (named[0],), "role-holder")
            return
        actors = []
        for owner in reference.owners:
            holder = self._holder(owner, title.id, phrase) if title.single else None
            actors.append(holder or self.build.owned(owner, title.sector, text, title.id))
        rule = "role-holder" if all(actor.person for actor in actors) else "title"
        self._emit(phrase, tuple(actors), rule)

    def _group(self, phrase: Phrase, reference: Reference) -> None:
        """ "the two leaders" → the last two people; "both sides" → the last two states."""
        text = self._text(phrase)
        if reference.kind == "people":
            actors = self._two_people(reference)
        else:
            codes = self._two_countries()
            actors = [
                self.build.owned(Owner(code), reference.sector, text)
                if reference.sector
                else self.build.country(code, text)
                for code in codes
            ]
        if len(actors) == 2:
            self._emit(phrase, tuple(actors), _GROUP_RULES[reference.kind])

    def _two_countries(self) -> list[str]:
        """The two states whose leaders were named most so far, else the two named most."""
        codes = [code for code, _ in self.led.most_common(2)]
        for code, _ in self.countries.most_common():
            if len(codes) == 2:
                break
            if code not in codes:
                codes.append(code)
        return codes

    def _two_people(self, reference: Reference) -> list[Actor]:
        """The last two distinct people, leaders (or holders of the named title) first."""
        distinct: dict[str, Actor] = {}
        for seen in reversed(self.people):
            distinct.setdefault(seen.actor.person or seen.actor.name, seen.actor)
        people = list(distinct.values())
        title = reference.title
        if title is not None:
            fitting = [actor for actor in people if actor.role == title.id]
        else:
            fitting = [actor for actor in people if self.build.leads(actor)]
        chosen = fitting[:2] if len(fitting) >= 2 else people[:2]
        return list(reversed(chosen))


_PERSON_RULES = frozenset({"title+name", "apposition", "ner+context", "ner", "surname", "pronoun"})
"""Rules whose actor is a person even when no dictionary knows them."""


def _compatible(known: str | None, wanted: str | None) -> bool:
    """Whether a person of a known gender (or none) can be meant by a pronoun's gender."""
    return known is None or wanted is None or known == wanted
