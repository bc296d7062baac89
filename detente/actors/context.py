"""Names read in their sentence: country words before agents and titles, groups, and places.

Each sentence becomes a list of phrases in text order. A phrase either holds its actors already
("Chinese troops" → CHNMIL) or a `Reference` that only the rest of the article can settle ("he",
"his Russian counterpart", "the two leaders"); coreference.py settles those.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.actors.build import Builder, Owner
from detente.actors.dictionary import Dictionary
from detente.actors.model import PLACE, Actor
from detente.actors.people import read_counterparts, read_person
from detente.actors.sentence import Owned, Phrase, Reference, Sentence
from detente.actors.units import NAME, Unit
from detente.actors.words import Words
from detente.language import sentences

_GROUP_DETERMINERS = frozenset({"the", "these", "those", "their"})
_ACTOR_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dative", "appos"})
"""Where a capital that usually means a place ("Paris") still stands for its government."""
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})
"""Where a nationality word stands for the people ("the Chinese"), not a modifier."""
RESIDENTS_SECTOR = "CVL"
"""The sector of a people named with where they live ("Russians in Latvia")."""
_RESIDENCE_PREPS = frozenset({"of", "in"})
_DATELINE_ENDS = frozenset({"-", "--", "—", "–", ":"})
_DATELINE_TOKENS = 10  # datelines in the seeds and eval sets end within 9 tokens
_OBJECTS = frozenset({"dobj", "pobj", "dative", "iobj"})
_SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass"})
CITY_SECTOR = "CVL"
"""The sector of a city or capital named as a place, as PLOVER codes cities."""


class Reader:
    """Turns an article's units into phrases, sentence by sentence."""

    def __init__(self, dictionary: Dictionary, words: Words) -> None:
        self.dictionary = dictionary
        self.words = words

    def read(self, doc: Doc, text: str, units: list[Unit], builder: Builder) -> list[Phrase]:
        """Every phrase of the article (whose text is `text`), in text order."""
        phrases: list[Phrase] = []
        by_token = {index: unit for unit in units for index in range(unit.first, unit.last)}
        at = 0
        for number, span in enumerate(sentences(doc)):
            mine = []
            while at < len(units) and units[at].first < span.end:
                mine.append(units[at])
                at += 1
            s = Sentence(doc, span, number, mine, by_token, builder, self.words, text)
            phrases.extend(_read(s))
        phrases.sort(key=lambda phrase: (phrase.start, phrase.end))
        return phrases


def _read(s: Sentence) -> list[Phrase]:
    """Run the readers on a sentence, from the most specific to the most general."""
    _dateline(s)
    _groups(s)
    for unit in s.open("person", NAME):
        read_person(s, unit)
    read_counterparts(s)
    for unit in s.open("title", "agent"):
        if not s.is_used(unit):
            _qualified(s, unit)
    for unit in s.open("organization"):
        _body(s, unit)
    for unit in s.open("metonym", "country", "adjective", "demonym"):
        _named(s, unit)
    for unit in s.open("place"):
        s.add(unit.start, unit.end, unit.first, PLACE, (_place(s, unit),))
    _pronouns(s)
    return s.phrases


# --- places ---------------------------------------------------------------------------------


def _dateline(s: Sentence) -> None:
    """A dateline opening a line ("BEIJING (AP) --", "KABUL:") names where, not who."""
    for first in range(s.span.start, s.span.end):
        before = s.doc[first - 1] if first > 0 else None
        if before is None or before.is_space or "\n" in before.whitespace_:
            _dateline_from(s, first)


def _dateline_from(s: Sentence, first: int) -> None:
    """Read a dateline starting at token `first`, if one does."""
    for token in s.doc[first : min(first + _DATELINE_TOKENS, s.span.end)]:
        if token.pos_ in ("VERB", "AUX") or (token.i > first and token.is_space):
            return
        if token.text in _DATELINE_ENDS and not _joined(token):
            for unit in s.units_in(first, token.i):
                if unit.kind in ("metonym", "country", "place"):
                    s.add(unit.start, unit.end, unit.first, PLACE, (_place(s, unit),))
                s.use(unit)
            return


def _joined(token: Token) -> bool:
    """Whether a dash joins the words on its sides ("London-based"): no dateline ends there."""
    return token.text != ":" and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _is_place(s: Sentence, token: Token) -> bool:
    """Whether a name is used as a location: "in Beijing", "flew to Moscow", "visited Kyiv"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    words = s.words
    if token.dep_ == "pobj":
        if head.lower_ in words.prepositions:
            return True
        return head.lower_ in words.directions and head.head.lemma_.lower() in words.movement
    return token.dep_ in ("dobj", "npadvmod") and head.lemma_.lower() in words.visited


def _attributive(s: Sentence, unit: Unit) -> bool:
    """Whether a capital only describes something else: "Beijing-based", "Beijing Olympics"."""
    after = unit.last
    if after + 1 < len(s.doc) and s.doc[after].text == "-":
        return s.doc[after + 1].lower_ in s.words.attributive
    root = s.root(unit)
    if root.dep_ != "compound":
        return False
    described = s.unit_at(root.head.i)
    return described is None or described.kind not in ("agent", "title", "organization")


def _place(s: Sentence, unit: Unit, country: str | None = None) -> Actor:
    """The location actor of a place: a city is coded CVL, a country has no sector."""
    name = s.text(unit.start, unit.end)
    if unit.kind == "country":
        return s.build.place(unit.entry.target, None, name, name)
    if unit.kind == "metonym":
        country = unit.entry.capital_of or s.build.owner_of(unit.entry.target).country
    return s.build.place(country or unit.entry.target, CITY_SECTOR, name, name)


# --- groups, titles and agents ------------------------------------------------------------


def _groups(s: Sentence) -> None:
    """ "the two leaders", "both sides": references to the last two people or states."""
    doc = s.doc
    for token in s.numbers:
        if token.dep_ == "preconj":
            continue
        before = doc[token.i - 1].lower_ if token.i > s.span.start else ""
        if token.lower_ != "both" and before not in _GROUP_DETERMINERS:
            continue
        found = _group_noun(s, token.i + 1)
        if found is None:
            continue
        kind, last, noun = found
        first = token.i - 1 if before in _GROUP_DETERMINERS else token.i
        if any(index in s.used for index in range(first, last)):
            continue
        s.used.update(range(first, last))
        title = s.dictionary.title_named(noun) if kind == "people" else None
        sector = s.dictionary.sector_of(noun) if kind == "countries" else None
        reference = Reference(kind, title=title, sector=sector)
        s.add(doc[first].idx, s.end_of(last - 1), last - 1, "group", reference=reference)


def _group_noun(s: Sentence, index: int) -> tuple[str, int, str] | None:
    """(people|countries, end token, noun) for a group noun at or one word after `index`."""
    doc = s.doc
    starts = [index]
    if index < s.span.end and doc[index].pos_ == "ADJ":
        starts.append(index + 1)
    for at in starts:
        for kind, nouns in (
            ("people", s.words.group_people),
            ("countries", s.words.group_countries),
        ):
            for noun in nouns:
                size = noun.count(" ") + 1
                if at + size <= s.span.end and _words(doc, at, size) == noun:
                    return kind, at + size, noun
    return None


def _words(doc: Doc, at: int, size: int) -> str:
    return " ".join(token.lower_ for token in doc[at : at + size])


def _qualified(s: Sentence, unit: Unit) -> None:
    """A title or agent with the country words around it: "Chinese troops", "the Russian
    leader", "Russia's foreign minister", "rebels in Darfur"."""
    root = s.root(unit)
    if unit.kind == "agent" and root.pos_ == "ADJ":
        return  # "military spheres": the word describes, it names no one
    head = s.phrase_head(root)
    outer = s.unit_at(head.i) if head is not root else None
    if outer is not None and outer.kind in ("title", "agent") and outer is not unit:
        return  # "government forces": the head word decides, this one is read with it
    around = s.left(head, unit.first) + s.of(root) + _inside_entity(s, root, unit)
    owned = s.owned(around)
    if not owned.owners and unit.kind == "agent" and unit.entry.target in s.words.local_sectors:
        owned = s.owned(s.of(root, s.words.local_prepositions))
    if unit.needs_context and not owned.owners:
        return
    words = [u for u in s.left(head, unit.first) if u.kind in ("title", "agent")]
    mine = [u for u in owned.units if u.kind != "person" or s.root(u).dep_ == "compound"]
    s.use(unit, *mine, *words)
    before = [u for u in mine if u.first < unit.first] + words
    first = min([unit.first, *(u.first for u in before)])
    end = max([unit.end, *(u.end for u in mine if u.first > unit.first)])
    if unit.kind == "title":
        _title(s, unit, root, owned, first, end)
    else:
        _agent(s, unit, root, owned, first, end)


def _inside_entity(s: Sentence, root: Token, unit: Unit) -> list[Unit]:
    """Units before the word inside the organisation entity that holds it."""
    if root.ent_type_ != "ORG":
        return []
    start = root.i
    while start > s.span.start and s.doc[start - 1].ent_iob_ == "I":
        start -= 1
    if s.doc[start].ent_iob_ == "I" and start > s.span.start:
        start -= 1
    return s.units_in(start, unit.first)


def _spans(s: Sentence, owned: Owned, first: int, end: int) -> list[tuple[int, int, Owner]]:
    """One span per owner: the first from the phrase start, each other from its own word."""
    start = s.start_of(first)
    spans = []
    for index, (owner, unit) in enumerate(zip(owned.owners, owned.units, strict=True)):
        at = start if index == 0 or unit.start > end else max(start, unit.start)
        spans.append((at, end, owner))
    return spans


def _title(s: Sentence, unit: Unit, root: Token, owned: Owned, first: int, end: int) -> None:
    """An office named without a name: "the Russian leader", "the Chinese ministers"."""
    title = s.dictionary.title(unit.entry.target)
    if title is None:
        return
    # "the Chinese ministers" are several; "the Russian and Chinese foreign ministers" are two
    plural = root.tag_ in ("NNS", "NNPS") and not (title.single and len(owned.owners) > 1)
    if not owned.owners:
        if not plural and root.i > 0 and s.doc[unit.first - 1].lower_ == "the":
            reference = Reference("role", title=title)
            s.add(s.start_of(first), end, root.i, "role-holder", reference=reference)
        return
    for start, stop, owner in _spans(s, owned, first, end):
        text = s.text(start, stop)
        if plural:
            actor = s.build.owned(owner, title.sector, text, title.id)
            s.add(start, stop, root.i, "title", (actor,))
        else:
            reference = Reference("role", owners=(owner,), title=title)
            s.add(start, stop, root.i, "role-holder", reference=reference)


def _agent(s: Sentence, unit: Unit, root: Token, owned: Owned, first: int, end: int) -> None:
    """A group or body with its country ("Chinese troops"), or without ("officials")."""
    sector = unit.entry.target
    if not owned.owners:
        start = s.start_of(first)
        s.add(start, end, root.i, "agent", (s.build.unowned(sector, s.text(start, end)),))
        return
    kind = next((u.kind for u in owned.units if u.kind != "person"), "person")
    for start, stop, owner in _spans(s, owned, first, end):
        actor = s.build.owned(owner, sector, s.text(start, stop))
        s.add(start, stop, root.i, f"{kind}+agent", (actor,))


# --- names standing alone -----------------------------------------------------------------


def _body(s: Sentence, unit: Unit) -> None:
    """A named body; one whose name others share takes the country before it ("Russia's
    Security Council" is not the UN's)."""
    org = s.dictionary.organization(unit.entry.target)
    if org is None:
        return
    root = s.root(unit)
    owned = s.owned(s.left(root, unit.first)) if unit.entry.ambiguous else None
    if owned is None or not owned.owners:
        text = s.text(unit.start, unit.end)
        s.add(unit.start, unit.end, root.i, "organization", (s.build.organization(org, text),))
        return
    s.use(unit, *owned.units)
    start = s.start_of(owned.units[0].first)
    actor = s.build.owned(owned.owners[0], org.sector or "GOV", s.text(start, unit.end))
    s.add(start, unit.end, root.i, "country+organization", (actor,))


def _named(s: Sentence, unit: Unit) -> None:
    """A body, capital, state or people named alone, or a capital used as a place."""
    root = s.root(unit)
    if unit.kind == "metonym" and _attributive(s, unit):
        if root.dep_ == "compound" and root.head.lower_ in s.words.occasions:
            s.add(unit.start, unit.end, root.i, PLACE, (_place(s, unit),))
        return
    if unit.kind in ("metonym", "country") and _is_place(s, root):
        s.add(unit.start, unit.end, root.i, PLACE, (_place(s, unit),))
        return
    found = _named_actor(s, unit, root, s.text(unit.start, unit.end))
    if found is not None:
        rule, actor = found
        s.add(unit.start, unit.end, root.i, rule, (actor,))


def _named_actor(s: Sentence, unit: Unit, root: Token, text: str) -> tuple[str, Actor] | None:
    """(rule, actor) for a name standing alone, or None when it names no actor here."""
    entry = unit.entry
    if unit.kind == "metonym":
        metonym = [m for m in s.dictionary.metonyms_named(text) if m.code == entry.target]
        if not metonym:
            return None
        if not metonym[0].metonymic and root.dep_ not in _ACTOR_ROLES:
            return PLACE, _place(s, unit)
        return "metonym", s.build.metonym(metonym[0], text)
    if unit.kind == "country":
        return "country", s.build.country(entry.target, text)
    if _ethnic(s, unit):
        return None
    nominal = unit.demonym and root.pos_ in ("NOUN", "PROPN") and root.dep_ in _NOMINAL
    if unit.kind == "adjective" and root.dep_ in _NOMINAL and _side(root):
        return "country", s.build.country(entry.target, text)  # "talks with the Iranian"
    if unit.kind == "demonym" or nominal:
        people = _people_of(s, unit, root)
        if _residents(root):  # "Russians in Latvia": people living there
            return "demonym", s.build.owned(Owner(people), RESIDENTS_SECTOR, text)
        return "demonym", s.build.country(people, text)
    return _adjective(s, unit, root, text)


def _residents(root: Token) -> bool:
    """Whether a people's name is followed by where they live ("Russians in Latvia")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in _RESIDENCE_PREPS
        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in root.children
    )


def _side(root: Token) -> bool:
    """Whether a nationality adjective stands alone for its side ("talks with the Iranian")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in root.children) and not any(
        c.dep_ in ("amod", "compound") for c in root.children
    )


def _ethnic(s: Sentence, unit: Unit) -> bool:
    """Whether a nationality word names an ethnic group ("ethnic Albanians"), not a state."""
    before = s.doc[unit.first - 1] if unit.first > s.span.start else None
    return before is not None and before.lower_ in s.words.ethnic


def _people_of(s: Sentence, unit: Unit, root: Token) -> str:
    """The state a people belongs to: "Bosnian Serbs" are Bosnia's, not Serbia's."""
    for other in s.left(root, unit.first):
        if other.kind == "adjective":
            s.use(other)
            return other.entry.target
    return unit.entry.target


def _adjective(s: Sentence, unit: Unit, root: Token, text: str) -> tuple[str, Actor] | None:
    """A nationality word before another noun: the state ("an Indian proposal"), a place
    ("the Russian city of Kursk"), or nothing ("the Russian language")."""
    if unit.kind != "adjective" or root.dep_ not in ("amod", "compound", "nmod"):
        return None
    noun = root.head.lower_
    if noun in s.words.ignored_nouns or root.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun in s.words.place_nouns:
        return PLACE, s.build.place(unit.entry.target, CITY_SECTOR, text, text)
    return "adjective", s.build.country(unit.entry.target, text)


def _pronouns(s: Sentence) -> None:
    """he, his, she, her: references to the last person of a compatible gender."""
    for token in s.cues:
        if token.i in s.used or token.tag_ not in ("PRP", "PRP$"):
            continue
        gender = s.words.pronouns.get(token.lower_)
        if gender is not None:
            reference = Reference("pronoun", gender=gender, excluded=_clause_subject(token))
            s.add(token.idx, s.end_of(token.i), token.i, "pronoun", reference=reference)


def _clause_subject(pronoun: Token) -> int | None:
    """The subject of the clause an object pronoun sits in: "him" cannot be Putin in "Putin
    greeted him" (only "himself" could)."""
    if pronoun.dep_ not in _OBJECTS or pronoun.lower_.endswith("self"):
        return None
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    subject = next((child for child in verb.children if child.dep_ in _SUBJECT_LINKS), None)
    return subject.i if subject is not None else None
