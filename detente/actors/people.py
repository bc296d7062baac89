"""People in their sentence: titles before a name, apposition, and "his Russian counterpart".

"Chinese President Xi Jinping", "Russia's foreign minister, Sergey Lavrov" and "Alexander
Korolev, a senior lecturer ... at the University of New South Wales in Sydney" each become one
phrase. A known person is coded from the dictionary; an unknown one keeps the name as written
and takes the country and sector its title and apposition give.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.actors.build import Owner
from detente.actors.dictionary import Person, fold
from detente.actors.model import Actor
from detente.actors.sentence import OWNER_KINDS, Reference, Sentence
from detente.actors.units import Unit

_DESCRIBING = OWNER_KINDS | {"title", "agent"}
"""Units that can describe a person named beside them."""


def read_person(s: Sentence, unit: Unit) -> None:
    """A person with the titles, country words and apposition around the name."""
    root = s.root(unit)
    described = s.unit_at(root.head.i) if root.dep_ == "compound" else None
    if described is not None and described.kind == "agent":
        return  # "the Bush administration": the name says whose the agent is
    context = _describing(s.left(root, unit.first, True))
    before = s.unit_at(unit.first - 1) if unit.first > s.span.start else None
    if before is not None and before.kind == "title" and before not in context:
        # "Minister of Foreign Affairs Gedu Andargachew", however the parser attached it
        title_root = s.root(before)
        context += [before, *_describing(s.left(title_root, before.first, True))]
    first = min([unit.first, *(u.first for u in context)])
    honorific = unit.first > s.span.start and s.dictionary.is_honorific(s.doc[unit.first - 1].text)
    if honorific:
        first = min(first, unit.first - 1)
    rule = "title+name" if any(u.kind == "title" for u in context) else "ner+context"
    head = root
    if root.dep_ == "appos" and _describes(s, root.head):
        head = root.head
        edge = s.edge(head, head.i, True)
        context += _describing(s.units_in(edge, head.i + 1))
        owner = [child.i for child in head.lefts if child.dep_ == "poss" and child.pos_ == "PRON"]
        first = min(first, edge, *owner)  # "his Russian counterpart Vladimir Putin"
        rule = "apposition"
    context += _describing(s.of(root))
    appositive, after = _after(s, root)
    if after and rule == "ner+context":
        rule = "apposition"
    s.use(unit, *context, *([appositive] if appositive else []))
    s.used.update(range(first, unit.last))
    start = s.doc[first].idx if honorific and first == unit.first - 1 else s.start_of(first)
    text = s.text(start, unit.end)
    gender = _gender(s, unit, context, first)
    if unit.kind == "person":
        actor = _known(s, unit, context, text, _former(s, first, unit.first))
        if actor is None:
            return
        person = s.dictionary.person(actor.person or "")
        gender = (person.gender if person else None) or gender
        s.add(start, unit.end, head.i, "gazetteer:person", (actor,), gender=gender)
        return
    actor = _unknown(s, unit, context, after, text)
    reference = None
    if unit.last - unit.first == 1:
        reference = Reference("surname", gender=gender, surname=s.doc[unit.first].text)
    if actor.country is None and actor.sector is None:
        rule = "ner"
    s.add(start, unit.end, head.i, rule, (actor,), reference, gender)


def _describing(units: list[Unit]) -> list[Unit]:
    return [u for u in units if u.kind in _DESCRIBING]


def _describes(s: Sentence, token: Token) -> bool:
    """Whether a noun that a name is in apposition to is a title, agent or "counterpart"."""
    unit = s.unit_at(token.i)
    return (unit is not None and unit.kind in ("title", "agent")) or is_counterpart(s, token)


def _after(s: Sentence, root: Token) -> tuple[Unit | None, list[Unit]]:
    """The title or agent heading an apposition after a name, and all the units in it.

    "Alexander Korolev, a senior lecturer ... at the University of New South Wales".
    """
    for child in root.rights:
        if child.dep_ == "appos":
            inside = s.units_in(child.left_edge.i, s.line_end(child.right_edge.i) + 1)
            head = s.unit_at(child.i)
            if head is not None and head in inside and head.kind in ("title", "agent"):
                inside.remove(head)
                return head, [head, *inside]
            return None, inside
    return None, []


def _former(s: Sentence, first: int, name: int) -> bool:
    """Whether "former", "ousted" or the like stands before the title and name."""
    start = max(s.span.start, first - 2)
    return any(token.lower_.rstrip("-") in s.words.former for token in s.doc[start:name])


def _known(s: Sentence, unit: Unit, context: list[Unit], text: str, former: bool) -> Actor | None:
    """The dictionary person a name denotes, the title and country settling shared names."""
    people = [s.dictionary.person(entry.target) for entry in unit.entries]
    candidates = [person for person in people if person is not None]
    titles = [u.entry.target for u in context if u.kind == "title"]
    if len(candidates) > 1 or (candidates and unit.entry.ambiguous):
        owners = {owner.country for owner in s.owned(context).owners}
        fitting = []
        for person in candidates:
            actor = s.build.person(person, text)
            if (not titles or actor.role in titles) and (not owners or actor.country in owners):
                fitting.append(person)
        if not (titles or owners):
            # "Bush" in 2005: of the people sharing the name, the one then in office
            marked = _marked(s, unit, candidates)
            fitting = [p for p in candidates if s.build.person(p, text).role and not marked]
        if len(fitting) != 1:
            return None
        candidates = fitting
    if not candidates:
        return None
    return s.build.titled(candidates[0], text, titles[0] if titles else None, former)


def _marked(s: Sentence, unit: Unit, candidates: list[Person]) -> bool:
    """Whether the data marks the name as written ambiguous (`?`) for any of the people."""
    written = fold(s.text(unit.start, unit.end))
    return any(
        name.ambiguous
        for person in candidates
        for name in person.names
        if fold(name.text) == written
    )


def _gender(s: Sentence, unit: Unit, context: list[Unit], first: int) -> str | None:
    """A gender from a courtesy title or gendered title word before the name."""
    for token in s.doc[max(first, unit.first - 3) : unit.first]:
        gender = s.words.gender.get(token.lower_)
        if gender:
            return gender
    for other in context:
        gender = s.words.gender.get(s.text(other.start, other.end).lower())
        if gender:
            return gender
    return None


def _unknown(s: Sentence, unit: Unit, context: list[Unit], after: list[Unit], text: str) -> Actor:
    """A person no dictionary knows, with the country and sector the context gives."""
    name = s.text(unit.start, unit.end)
    titles = [u for u in context if u.kind in ("title", "agent")]
    owners = s.owned(context).owners
    sector = role = None
    if titles:
        sector = _sector_of(s, titles[0])
        role = titles[0].entry.target if titles[0].kind == "title" else None
    if after and not owners:
        owners = _described_owners(s, after)
    if after and sector is None:
        described = [u for u in after if u.kind in ("title", "agent")]
        sector = _sector_of(s, described[0]) if described else None
    if not owners:
        code = s.build.unowned(sector, text).code if sector else "---"
        return Actor(name, code, None, sector, text, role=role)
    found = s.build.owned(owners[0], sector, text, role)
    return Actor(name, found.code, found.country, found.sector, text, role=role)


def _sector_of(s: Sentence, unit: Unit) -> str | None:
    """The sector a title or agent word implies."""
    if unit.kind == "title":
        title = s.dictionary.title(unit.entry.target)
        return title.sector if title else None
    return unit.entry.target


def _described_owners(s: Sentence, after: list[Unit]) -> list[Owner]:
    """Owners in an apposition: those of its title, agent or body first, then any named in it."""
    for unit in after:
        if unit.kind == "organization":
            owners = s.owned([unit]).owners
        elif unit.kind in ("title", "agent"):
            root = s.root(unit)
            owners = s.owned(s.left(root, unit.first) + s.of(root)).owners
        else:
            continue
        if owners:
            return owners
    return s.owned(after).owners


def is_counterpart(s: Sentence, token: Token) -> bool:
    """Whether a word is "counterpart" (in the singular)."""
    return token.lemma_.lower() in s.words.counterpart and token.tag_ == "NN"


def read_counterparts(s: Sentence) -> None:
    """ "his Russian counterpart": the office-holder matching the possessor's office."""
    for token in s.cues:
        if token.i in s.used or not is_counterpart(s, token):
            continue
        owned = s.owned(s.left(token, token.i))
        anchor = next((child for child in token.children if child.dep_ == "poss"), None)
        gender = s.words.pronouns.get(anchor.lower_) if anchor is not None else None
        first = min([token.i, *(u.first for u in owned.units)] + ([anchor.i] if anchor else []))
        s.use(*owned.units)
        s.used.update(range(first, token.i + 1))
        reference = Reference(
            "counterpart",
            gender=gender,
            owners=tuple(owned.owners),
            anchor=anchor.i if anchor is not None else None,
        )
        s.add(s.start_of(first), s.end_of(token.i), token.i, "counterpart", reference=reference)
