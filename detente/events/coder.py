"""The event coder: actions and their arguments on the parse, coded in CAMEO and PLOVER."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from detente.actors.model import UNKNOWN_COUNTRY, Actor, Mention
from detente.actors.resolver import Resolver
from detente.events import flags as cues
from detente.events.actions import (
    DEMAND,
    INTENT,
    REFUSAL,
    THREAT,
    Action,
    actions,
    depth,
)
from detente.events.arguments import (
    MentionIndex,
    actors_at,
    agents_of,
    by_whom,
    clause_subjects,
    distinct,
    generic,
    grounds,
    issuers_of,
    noun_roles,
    origins_of,
    patients_of,
    summary,
    wielders,
    words,
)
from detente.events.model import CODER_VERSION, Event
from detente.events.tables import Tables, load_tables
from detente.events.triggers import fired_weapon, match
from detente.events.when import (
    When,
    attachments,
    clause_marks,
    fallback,
    find_dates,
    inherited,
    resolve,
)
from detente.language import load_nlp, sentences

CONSULT = "04"
"""Meetings, visits and calls: the one kind of noun trigger whose parties may be read off the
words around it when the parse leaves them unattached."""
JOINT_CODE = "062"
"""Joint drills, patrols and exercises: COOPERATE, as the PLOVER manual codes them."""
SHOW_OF_FORCE = "15"
"""CAMEO root of force shown, not used: used once it is aimed at someone."""
ATTACK = "19"
"""CAMEO root of fighting: what a fired weapon's `fire +<weapon>` pattern must code."""
SINGLE_SIDE_MOBILIZE = "150"
"""Drills, patrols and exercises of one side: MOBILIZE."""
MEET_CODE = "040"
"""A meeting with nothing finer said of it."""
THIRD_PLACE_CODE = "044"
"""A meeting of several states' parties in yet another state: each party also visits it."""
VISIT_CODE = "042"
"""A visit: what one side's meeting on another state's soil is ("attend a summit in Geneva")."""
HOST_CODE = "043"
"""Hosting: the host is CAMEO's source, but PLOVER's visit mode puts the visitor first."""
PRAISE_CODE = "051"
"""Praise or endorsement: what "welcomed the decision" is when nobody is welcomed."""
DISAPPROVE = "11"
"""CAMEO root of disapproval and accusation: what it is aimed at may be a clause's subject."""
ACCUSE_CODE = "112"
"""An accusation: a conflict one party alleges another did ("X claimed that Y attacked Z")."""
CLAIM_CODE = "015"
"""A claim of responsibility: a conflict a party alleges its own side did."""
ANNOUNCED = (INTENT, THREAT)
"""CAMEO roots that already code an announcement: announcing one again is the same code."""
CONFLICT_CLASSES = (3, 4)
"""QuadClasses of verbal and material conflict: what an allegation accuses someone of."""
FORCE_CLASS = 4
"""QuadClass of material conflict: a passive act of force with no agent is done from where it
came from ("shells were fired at the village from across the river")."""
TOLD_CLASSES = (FORCE_CLASS,)
"""QuadClass of what a state accuses a doer of by merely telling it ("Azerbaijan said its posts
were shelled from Armenia"): material conflict; a told statement or threat is only reported."""
RIOT = "145"
"""Violent protest: what property damage by protesters is (PLOVER PROTEST, vandalize)."""
VIOLENCE = ("17", "18", "19", "20")
"""CAMEO roots of force used, whose weapon may give the finer code ("hit by a rocket")."""
PROPERTY = "171"
"""Seizing or damaging property: done by protesters, PLOVER's vandalism, not an assault."""

# An event dated more than this many days before its article is background, not news: a
# month keeps the "last month" and "earlier this month" reports of the seeds as news while
# flagging "In May" in an August article and "on February 4" in an August one.
HISTORICAL_DAYS = 31

# Confidence of each way of coding, before the factors below. On the plover_gsr and
# zsp_plover dev sentences the share of events of each kind whose PLOVER type was the
# sentence's gold type was: composed .82, verb + object .80, bare verb .62, verb + particle .38,
# noun .28 (a lower bound: a sentence's second event is often right but not the gold one).
BASE_CONFIDENCE = {"composed": 0.85, "object": 0.85, "verb": 0.7, "particle": 0.6, "noun": 0.5}
INHERITED_AGENT = 0.9  # the actor came from a governing verb ("agreed to meet")
MISSING_RECIPIENT = 0.85  # the type needs a recipient and the sentence names none
NO_AGENT = 0.7  # nobody is named as acting, only the one acted on
STATELESS = 0.7  # no party's country is known ("the court jailed a student")
LOOSE_ACTORS = 0.6  # parties read off the words before a meeting noun, not from its parse
ANAPHORA = 0.6  # "the exercises": parties of the same kind of action a sentence or two before
RECENT_SENTENCES = 3  # how far back "the exercises" may refer; a paragraph in the seeds
_JOINT_WORDS = frozenset({"joint", "combined"})


@dataclass(slots=True)
class _Parties:
    """Who an action's arguments name, and how far to trust them."""

    agents: list[Mention]
    patients: list[Mention]
    factor: float = 1.0
    through: bool = True
    """Whether the clause's verb shares the action's reality (see flags.read)."""


def code_article(doc: Doc, mentions: list[Mention], published: date | None) -> list[Event]:
    """The events of a parsed article, each sentence's root-most action first.

    `mentions` are the actor mentions the resolver found in `doc.text` (character offsets);
    `published` is the article's date, against which relative dates are read.
    """
    return Coder(load_tables()).code(doc, mentions, published)


def code_text(text: str, published: date | None = None) -> list[Event]:
    """Parse `text`, resolve its actors and code its events (for one sentence or article)."""
    doc = load_nlp()(text)
    return code_article(doc, resolver().resolve(doc, published), published)


@cache
def resolver() -> Resolver:
    """The actor resolver with the default dictionaries, built once per process."""
    return Resolver()


class Coder:
    """Codes parsed sentences with one set of tables."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def code(
        self,
        doc: Doc,
        mentions: Iterable[Mention],
        published: date | None,
        published_precision: str | None = "day",
    ) -> list[Event]:
        """The events of every sentence of `doc` that names an actor.

        ValueError when `doc` has no dependency parse or a mention lies outside its text.
        """
        if len(doc) and not doc.has_annotation("DEP"):
            raise ValueError(
                f"the text {doc.text[:40]!r} has no dependency parse: the coder needs a pipeline "
                "with its parser (load_nlp(parse=True))"
            )
        index = MentionIndex(doc, mentions)
        events: list[Event] = []
        recent: deque[list[tuple[frozenset[str], list[Mention]]]] = deque(maxlen=RECENT_SENTENCES)
        for sent in sentences(doc):
            if index.any_between(sent.start, sent.end):
                earlier = [item for memory in recent for item in memory]
                coding = _Sentence(self, sent, index, published, published_precision, earlier)
                events += coding.events()
                recent.append(coding.memory)
        return events

    def reciprocal(self, action: Action, code: str) -> bool:
        """Whether the action is joint: all parties act, nobody receives."""
        entry = action.main.entry
        if entry.reciprocal is not None and entry.cameo[:2] == code[:2]:
            return entry.reciprocal
        return self.tables.plover(self.tables.cameo(code).plover_type).reciprocal


class _Sentence:
    """One sentence being coded: its dates, its triggers and the events they make."""

    def __init__(
        self,
        coder: Coder,
        sent: Span,
        index: MentionIndex,
        published: date | None,
        published_precision: str | None,
        recent: list[tuple[frozenset[str], list[Mention]]],
    ) -> None:
        self.coder = coder
        self.recent = recent
        """(CAMEO roots the action counts as, parties) of the actions of the sentences before."""
        self.memory: list[tuple[frozenset[str], list[Mention]]] = []
        self.tables = coder.tables
        self.sent = sent
        self.index = index
        self.published = published
        self.published_precision = published_precision
        text = sent.text  # a Span builds its text anew at each call, token by token
        self.attached = attachments(sent, find_dates(text, sent.start_char))
        self.text = text.strip()
        """The sentence's words, the evidence of each of its events."""
        self.start = sent.start_char + len(text) - len(text.lstrip())
        """Where the sentence's words begin in the article (leading blanks left out)."""
        self.dates = {i for _, _, inside in self.attached for i in inside}

    def events(self) -> list[Event]:
        """The sentence's events, root-most action first."""
        lexicon = self.tables.lexicon
        found = [m for t in self.sent if (m := match(t, lexicon, self.dates)) is not None]
        if not found:
            return []
        consumed = {o.i for m in found for o in m.objects}
        verbs = {m.token.i for m in found if not m.noun}
        found = [m for m in found if not (m.noun and m.token.i in consumed)]
        events: list[Event] = []
        combined = actions(found, self.tables, self._other_side)
        for action in sorted(combined, key=lambda a: depth(a.head)):
            if grounds(action.head):
                continue  # "fined the firm for smuggling arms": the charge, not news
            coded = self._event(action, verbs)
            if not coded or any(_covers(e, coded[0]) for e in events):
                continue
            events += [c for c in coded if not any(_covers(e, c) for e in events)]
        return events

    def _other_side(self, frame: Token, controller: Token) -> bool:
        """Whether the one who should act is a different party from the frame's subject."""
        agents, _ = agents_of(frame)
        mine = [m.actor for m in self._named(agents)]
        theirs = [m.actor for m in actors_at(controller, self.index)]
        return bool(mine and theirs) and not any(_same_side(a, b) for a in mine for b in theirs)

    def _named(self, tokens: Iterable[Token], places: bool = False) -> list[Mention]:
        """Every mention the argument tokens name, in order."""
        found: list[Mention] = []
        for token in tokens:
            named = actors_at(token, self.index, places)
            found += [m for m in named if all(m is not f for f in found)]
        return found

    def _parties(self, action: Action, verbs: set[int]) -> _Parties | None:
        """The mentions that act and receive; None to drop a noun that is no event here."""
        main, head = action.main, action.head
        if main.noun:
            return self._noun_parties(action, verbs)
        factor = 1.0
        agent_tokens, inherited = agents_of(head)
        if inherited:
            factor *= INHERITED_AGENT
        agents = self._named(agent_tokens) or self._speaker(agent_tokens)
        if not agents:
            agents = self._named([t for a in agent_tokens for t in issuers_of(a)], places=True)
        if not agents:
            agents = self._named([t for a in agent_tokens for t in wielders(a)])
        used = main.objects + (action.frame.objects if action.frame else [])
        if action.addressees:
            patients = self._named(action.addressees, places=True)
        else:
            # the object of a framed action ("demands to release prisoners") is not its target
            tokens = [o for o in main.objects if not action.frame and self._acted_on(o, main.token)]
            tokens += patients_of(head, used)
            if head != main.token:
                tokens += patients_of(main.token, used)
            if self._named([t for t in tokens if t.dep_ != "pobj"]):
                tokens = [t for t in tokens if not _about(t)]  # "criticised the US over Taiwan"
            patients = self._named(tokens, places=True)
            if any(not m.place for m in patients):  # "shelled a convoy in Syria": where, not whom
                patients = [m for m in patients if not m.place]
            if not patients and action.code.startswith(DISAPPROVE):
                patients = self._named(clause_subjects(head))  # "alleged that Japan lied"
        if not agents and self.tables.cameo(action.code).quad_class == FORCE_CLASS:
            agents = self._named(origins_of(head), places=True)
            patients = [p for p in patients if all(p is not a for a in agents)]
        return _Parties(agents, patients, factor)

    def _noun_parties(self, action: Action, verbs: set[int]) -> _Parties | None:
        """Parties of a noun trigger: its own phrase, else the clause it is an event of."""
        noun = action.main.token
        if summary(noun):
            return None  # "..., a rare clash between the two allies": the clause's own event
        roles = noun_roles(noun, self.dates)
        joint = self.coder.reciprocal(action, action.code)
        agents = self._named(roles.agents + (roles.of if joint else []))
        patients = self._named(roles.patients + ([] if joint else roles.of), places=True)
        patients += [m for m in self._named(roles.agents, places=True) if m.place]  # Beijing visit
        if not agents and not patients:
            if _governor(noun).i in verbs:
                return None  # "condemned the attack": the verb's event, not the noun's
            if roles.framed and generic(noun) and not _taking_part(roles.verb):
                return None  # "dominance in future wars": a kind of event, not one of theirs
        if roles.verb is not None:
            clause = self._named(roles.clause_agents)
            if roles.verb.lemma_.lower() in words().participation:
                agents += [m for m in clause if all(m is not a for a in agents)]
            agents = agents or clause
            if joint or not patients:
                patients += self._named(roles.clause_patients, places=True)
            if agents or patients:
                return _Parties(agents, patients)
        elif agents or patients:
            return _Parties(agents, patients, through=False)
        earlier = self._earlier(action)
        if earlier:
            return _Parties(earlier, [], ANAPHORA)
        if action.code.startswith(CONSULT):
            return _Parties(self.index.between(self.sent.start, noun.i), [], LOOSE_ACTORS, False)
        return None

    def _earlier(self, action: Action) -> list[Mention]:
        """For "the exercises" with no parties of their own, those of the same kind of action
        in the sentences just before."""
        noun = action.main.token
        if not any(c.dep_ == "det" and c.lower_ in words().anaphoric for c in noun.children):
            return []
        kind = action.main.entry.cameo[:2]
        return next((parties for roots, parties in reversed(self.recent) if kind in roots), [])

    def _visitor(self, verb: Token) -> bool:
        """Whether a hosting verb's direct object names an actor ("Xi received Putin")."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return bool(self._named(objects))

    def _speaker(self, agents: list[Token]) -> list[Mention]:
        """For an unresolved pronoun subject of reported speech, the speaker it refers to."""
        if len(agents) != 1 or agents[0].pos_ != "PRON":
            return []
        verb = agents[0].head
        while verb.dep_ in ("ccomp", "conj") and verb.head != verb:
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return self._named([subject])
        return []

    def _event(self, action: Action, verbs: set[int]) -> list[Event]:
        """The event of one action followed by those it implies (a teller's accusation, the
        visits of a meeting abroad); none when it names no party."""
        parties = self._parties(action, verbs)
        if parties is None:
            return []
        agents, patients, factor = parties.agents, parties.patients, parties.factor
        main = action.main
        code, rule = action.code, action.rule
        if code == SINGLE_SIDE_MOBILIZE and _joint(agents, main.token):
            code, rule = JOINT_CODE, rule + " (joint: 062)"
        if code == HOST_CODE and main.entry.pattern.obj is None and not self._visitor(main.token):
            if main.token.lemma_.lower() not in words().approving:
                return []  # "received an invitation": no visitor, no hosting
            code, rule = PRAISE_CODE, rule + " (no visitor: approval)"
        kinds = {main.entry.cameo[:2], code[:2]} | (
            {SINGLE_SIDE_MOBILIZE[:2]} if code == JOINT_CODE else set()
        )
        joint = self.coder.reciprocal(action, code)
        self.memory.append((frozenset(kinds), agents + patients if joint else agents))
        read = cues.read(action.head, parties.through)
        negated = read.negated or action.negated
        stance = None
        if negated and self._cooperative(code) and _refusing(read, action):
            stance = self.tables.compose(REFUSAL, code) or REFUSAL + "0"
            code, rule, negated = stance, rule + " (will not: a refusal)", False
        elif read.obliged and not negated and (speakers := self._named(read.speakers)):
            stance = self.tables.compose(DEMAND, code) or DEMAND + "0"
            code, rule = stance, rule + " (must: a demand)"
            agents, patients = speakers, agents or patients
        elif not negated and (alleged := self._allegation(code, read, agents)) is not None:
            stance, speakers, own = alleged
            code, rule = stance, rule + (" (claimed: responsibility)" if own else " (alleged)")
            agents, patients = speakers, patients if own else agents
        elif (
            read.future
            and not (negated or read.hypothetical or self._hedged(action))
            and (self._own_word(read, agents))
        ):
            stance = announced(self.tables, code)
            code, rule = stance, rule + " (said it will: an intent)"
        actors, recipients = self._sides(action, code, agents, patients)
        fired = self._fired(self._means(action)) if self._violent(code) else None
        if fired and fired != code:
            code, rule = fired, rule + " (by a fired weapon)"  # "a ship hit by a rocket"
        if code.startswith(SHOW_OF_FORCE) and recipients and self._aimed(action):
            fired = self._fired(main.objects)
            code, rule = (fired, rule + " (aimed: an attack)") if fired else (code, rule)
        if code.startswith(PROPERTY) and agents and all(self._protesting(m) for m in agents):
            code, rule = RIOT, rule + " (by protesters: vandalism)"
        if code.startswith(CLAIM_CODE) and actors and not recipients:
            recipients = self._claimed(action, actors)
        there: list[Actor] = []
        if actors and not recipients:
            there = self._location(action, actors)
            if not self.coder.reciprocal(action, code):
                recipients = there
            elif there and code.startswith(CONSULT) and len({a.country for a in actors}) == 1:
                code, rule, recipients = VISIT_CODE, rule + " (abroad: a visit)", there
            elif there and code == MEET_CODE:
                code, rule = THIRD_PLACE_CODE, rule + " (abroad together: a third location)"
        if not actors and not recipients:
            return []
        if not actors:
            factor *= NO_AGENT
        if all(_stateless(a) for a in actors + recipients):
            factor *= STATELESS
        cameo = self.tables.cameo(code)
        plover = self.tables.plover(cameo.plover_type)
        if plover.needs_target and not recipients and not self.coder.reciprocal(action, code):
            factor *= MISSING_RECIPIENT
        mode = (main.entry.plover_mode if main.entry.cameo == code else None) or cameo.plover_mode
        when = self._when(action, read)
        future = read.future and not negated and not stance
        historical = read.historical
        if when is not None and when.basis != "publication" and self.published is not None:
            future = future or when.date > self.published
            historical = historical or when.last_day < self.published - timedelta(
                days=HISTORICAL_DAYS
            )
        said = sorted({t.i: t for t in action.words}.values(), key=lambda t: t.i)
        event = Event(
            actors=actors,
            recipients=recipients,
            cameo=code,
            plover=plover.name,
            plover_mode=mode,
            goldstein=cameo.goldstein,
            quad_class=cameo.quad_class,
            score=plover.mode_score(mode),
            negated=negated,
            hypothetical=read.hypothetical and not negated and not stance,
            future=future and not historical,
            historical=historical,
            reported=not stance and self._reported(read, actors + recipients),
            date=when.date if when else None,
            date_precision=when.precision if when else None,
            date_basis=when.basis if when else None,
            confidence=round(BASE_CONFIDENCE[action.kind] * factor, 3),
            sentence=self.text,
            start=self.start,
            end=self.start + len(self.text),
            trigger=_trigger_text(said),
            rule=rule,
            coder_version=CODER_VERSION,
        )
        told = self._accusation(event, action, read)
        return [event, *([told] if told is not None else []), *self._visits(event, there)]

    def _allegation(
        self, code: str, read: cues.Flags, agents: list[Mention]
    ) -> tuple[str, list[Mention], bool] | None:
        """For a conflict reported under a verb that alleges, the code the speaker's own act
        takes (an accusation, or a claim of responsibility when the doer is the speaker's
        side), the speakers and whether they claim it for themselves; else None."""
        if not read.alleged or code.startswith(ACCUSE_CODE[:2]):
            return None
        if self.tables.cameo(code).quad_class not in CONFLICT_CLASSES:
            return None
        speakers = self._named(read.speakers)
        if not speakers:
            return None
        own = any(_same_side(s.actor, a.actor) for s in speakers for a in agents)
        return (CLAIM_CODE if own else ACCUSE_CODE), speakers, own

    def _accusation(self, event: Event, action: Action, read: cues.Flags) -> Event | None:
        """For a material conflict a state tells of another party ("Azerbaijan said its posts
        were shelled from Armenia"), the teller's own act: an accusation of the doers, kept
        beside the told event, which stays flagged as reported."""
        if not event.reported or event.quad_class not in TOLD_CLASSES or not event.actors:
            return None
        if event.negated or event.hypothetical or event.cameo.startswith(ACCUSE_CODE[:2]):
            return None
        tellers = distinct(m.actor for m in self._named(read.speakers))
        if not tellers or any(_stateless(t) for t in tellers):
            return None
        accused = [a for a in event.actors if all(a.country != t.country for t in tellers)]
        verbs = sorted({s.head.i: s.head for s in read.speakers}.values(), key=lambda t: t.i)
        if not accused or any(v.i > action.head.i for v in verbs):
            return None  # "..., Congolese state radio reported": an attribution, not a charge
        found = self._dated(set().union(*(_clause(v) for v in verbs)), read)
        when = found or fallback(self.published, self.published_precision)
        return replace(
            self._recoded(event, ACCUSE_CODE),
            actors=tellers,
            recipients=accused,
            future=False,
            historical=event.historical and found is None,
            reported=False,
            date=when.date if when else None,
            date_precision=when.precision if when else None,
            date_basis=when.basis if when else None,
            trigger=_trigger_text(verbs),
            rule=f"{event.rule} (told by another state: an accusation)",
        )

    def _visits(self, event: Event, places: list[Actor]) -> list[Event]:
        """For parties of several states meeting in another state ("Xi and Putin met in
        Geneva"), each party's visit to the `places` it was held in, as CAMEO codes a meeting
        at a third location beside the meeting itself (044)."""
        if event.cameo != THIRD_PLACE_CODE or event.recipients:
            return []
        visit = self._recoded(event, VISIT_CODE)
        return [
            replace(visit, actors=[actor], recipients=places, rule=f"{event.rule} (a visit)")
            for actor in event.actors
        ]

    def _recoded(self, event: Event, code: str) -> Event:
        """The event with another CAMEO code and the PLOVER type, scores and class it takes."""
        cameo = self.tables.cameo(code)
        plover = self.tables.plover(cameo.plover_type)
        return replace(
            event,
            cameo=cameo.code,
            plover=plover.name,
            plover_mode=cameo.plover_mode,
            goldstein=cameo.goldstein,
            quad_class=cameo.quad_class,
            score=plover.mode_score(cameo.plover_mode),
        )

    def _acted_on(self, obj: Token, verb: Token) -> bool:
        """Whether an object the pattern consumed names the one acted on ("freed Palestinian
        prisoners"), not people the doer moves ("deployed Russian soldiers")."""
        return bool(self.index.at(obj)) and verb.lemma_.lower() not in words().moving

    def _aimed(self, action: Action) -> bool:
        """Whether a show of force is aimed at a party ("launched missiles at the government")."""
        for prep in action.head.children:
            if prep.dep_ != "prep" or prep.lower_ not in words().aiming:
                continue
            if any(actors_at(c, self.index, True) for c in prep.children if c.dep_ == "pobj"):
                return True
        return False

    def _fired(self, weapons: list[Token]) -> str | None:
        """The attack code of firing these weapons (`fire +missile`: 194); None when none of
        them is a weapon that is fired."""
        for weapon in weapons:
            entry = fired_weapon(weapon, self.tables.lexicon)
            if entry is not None and entry.cameo.startswith(ATTACK):
                return entry.cameo
        return None

    def _hedged(self, action: Action) -> bool:
        """Whether an action to come is forecast with a hedge ("will likely meet")."""
        return any(
            child.dep_ == "advmod" and child.lower_ in words().hedges
            for child in action.head.children
        )

    def _own_word(self, read: cues.Flags, agents: list[Mention]) -> bool:
        """Whether a future action is announced by its doer's own side ("Egypt announced it
        would open the crossing"): CAMEO codes the announcement, an intent (03) or threat (13)."""
        speakers = self._named(read.speakers)
        return any(_same_side(s.actor, a.actor) for s in speakers for a in agents)

    def _location(self, action: Action, actors: list[Actor]) -> list[Actor]:
        """For a one-sided action with nobody acted on, the state it took place in when that
        is another state ("staged a protest in Beijing", "exercises in Alaska"): CAMEO's
        target of an act done on another's soil."""
        heads = [action.head, action.main.token, *action.main.objects]
        # "attend the Tokyo Olympics": a place naming the occasion is where it happens
        places = [c for o in action.main.objects for c in o.children if c.dep_ == "compound"]
        for head in heads:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in words().location_preps:
                    places += [c for c in prep.children if c.dep_ == "pobj"]
        found: list[Actor] = []
        for inner in places:
            if inner.i in self.dates:
                continue
            for mention in actors_at(inner, self.index, places=True):
                place = mention.actor
                if _stateless(place) or any(place.country == a.country for a in actors):
                    continue
                found += [place] if all(place.code != f.code for f in found) else []
        return found

    def _means(self, action: Action) -> list[Token]:
        """The thing a passive action was done by when no one is named ("by a rocket")."""
        means = by_whom(action.head)
        return [means] if means is not None and not self.index.at(means) else []

    def _violent(self, code: str) -> bool:
        """Whether a code is force used: coercion, assault, fighting or mass violence."""
        return code[:2] in VIOLENCE

    def _claimed(self, action: Action, actors: list[Actor]) -> list[Actor]:
        """For a claim of responsibility, the state the claimed act was aimed at or done in:
        the first other state its phrase names ("claimed responsibility for a bombing at a
        market near the Afghan border town")."""
        heads = [action.main.token, *action.main.objects]
        acts = [
            inner
            for head in heads
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in words().claimed_preps
            for inner in prep.children
            if inner.dep_ == "pobj"
        ]
        for act in acts:
            for token in act.subtree:
                for mention in self.index.at(token, places=True):
                    target = mention.actor
                    if not _stateless(target) and all(target.country != a.country for a in actors):
                        return [target]
        return []

    def _protesting(self, mention: Mention) -> bool:
        """Whether a mention names protesters ("Iraqi protesters", "demonstrators")."""
        span = self.sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        noun = root.head if root.dep_ in ("amod", "compound") else root
        return {noun.lemma_.lower(), root.lemma_.lower()} & words().protesters != set()

    def _cooperative(self, code: str) -> bool:
        """Whether a code is cooperation (QuadClass 1 or 2), whose refusal CAMEO codes as 12."""
        return self.tables.cameo(code).quad_class in (1, 2)

    def _sides(
        self, action: Action, code: str, agents: list[Mention], patients: list[Mention]
    ) -> tuple[list[Actor], list[Actor]]:
        """Actors and recipients: one list of all parties for a joint action."""
        acting = distinct(m.actor for m in agents)
        receiving = [
            a
            for a in distinct(m.actor for m in patients)
            if not any(_same_side(a, b) for b in acting)
        ]
        if self.coder.reciprocal(action, code):
            # a place is where a joint action happens, never one of its parties ("flew over
            # the Sea of Japan"); with nobody acting, it is the one acted on
            parties = distinct(m.actor for m in patients if not m.place)
            joined = [a for a in parties if not any(_same_side(a, b) for b in acting)]
            return (distinct(acting + joined), []) if acting else (joined, receiving)
        if code.startswith(HOST_CODE) and receiving:
            return receiving, acting
        if receiving and self._given(action):
            return receiving, acting
        return acting, receiving

    def _given(self, action: Action) -> bool:
        """Whether the action is a thing received ("received weapons from"): the giver acts."""
        main = action.main
        return main.entry.pattern.obj is not None and main.token.lemma_.lower() in words().receiving

    def _when(self, action: Action, read: cues.Flags) -> When | None:
        """The action's own date from the sentence, else that of the clause its own clause is
        set in time against ("days before Russia invaded"), else the publication date as a
        recorded fallback."""
        found = self._dated(_clause(action.head) | _clause(action.main.token), read)
        if found is None and (temporal := _temporal(action.head)) is not None:
            clause, mark = temporal
            own = {t.i for t in clause.subtree}
            outer = self._dated({t.i for t in clause.head.subtree} - own, read)
            found = inherited(outer, mark) if outer is not None else None
        return found or fallback(self.published, self.published_precision)

    def _dated(self, tokens: set[int], read: cues.Flags) -> When | None:
        """The first date of the sentence that hangs from one of these tokens, resolved."""
        for span, token, _ in self.attached:
            if token.i in tokens:
                found = resolve(span, self.published, forward=read.future or not read.past)
                if found is not None:
                    return found
        return None

    def _reported(self, read: cues.Flags, parties: list[Actor]) -> bool:
        """Whether someone other than the event's own parties is its source."""
        if read.hearsay:
            return True
        pronouns = cues.cues().pronouns
        for speaker in read.speakers:
            said = [m.actor for m in actors_at(speaker, self.index)]
            if not said:
                if speaker.lower_ not in pronouns:
                    return True
            elif not any(_same_side(s, p) for s in said for p in parties):
                return True
        return False


def announced(tables: Tables, code: str) -> str:
    """The code of announcing an action to come: an intent (03) to cooperate, a threat (13)
    of conflict (a refusal included: "will boycott"), the complement's own 03 or 13 row in
    compose.tsv where it has one; an intent or threat stays itself."""
    if code[:2] in ANNOUNCED:
        return code
    root = INTENT if tables.cameo(code).quad_class in (1, 2) else THREAT
    return tables.compose(root, code) or root + "0"


def _about(token: Token) -> bool:
    """Whether a token is the object of a preposition of topic or place ("over Taiwan"): once
    someone is named as acted on, it says what the action was about, not whom it was done to."""
    return token.dep_ == "pobj" and token.head.lower_ in words().topic_preps


def _governor(noun: Token) -> Token:
    """The word a noun hangs from, through a preposition ("in a call" hangs from the verb)."""
    head = noun.head
    return head.head if head.dep_ == "prep" else head


def _clause(token: Token) -> set[int]:
    """The trigger and the words its date may hang from: itself, and the verbs of its clause
    it is coordinated with or governed by through an infinitive ("agreed on Friday to meet")."""
    found = {token.i}
    current = token
    while current.dep_ in ("xcomp", "conj", "acomp") and current.head != current:
        current = current.head
        found.add(current.i)
    # a date on an adverbial noun of the verb is the verb's ("met forty times since 2012")
    found.update(c.i for c in token.children if c.dep_ == "npadvmod")
    if token.pos_ in ("NOUN", "PROPN"):
        head = _governor(token)
        if head.pos_ in ("VERB", "AUX") or token.dep_ in ("nsubj", "nsubjpass"):
            found.add(head.i)
            found.update(c.i for c in head.children if c.dep_ == "xcomp")
    return found


def _refusing(read: cues.Flags, action: Action) -> bool:
    """Whether a negated action is a refusal ("will not accept", "failed to agree", "did not
    give permission"); not when a perfect tense only reports that it has not happened so far
    ("China hasn't defended Russia"), which is no act of refusing."""
    if action.negated or read.refused or read.future:
        return True
    return not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in action.head.children)


def _taking_part(verb: Token | None) -> bool:
    """Whether a verb makes its subject a party of the event noun in its clause."""
    return verb is not None and verb.lemma_.lower() in words().participation


def _temporal(head: Token) -> tuple[Token, str] | None:
    """The adverbial clause holding `head` and its subordinator, when that clause is set in
    time against the clause it modifies ("days before Russia invaded Ukraine, ...")."""
    marks = clause_marks()
    clause = head
    while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "advcl":
        return None
    mark = next((c.lower_ for c in clause.children if c.dep_ == "mark"), "")
    return (clause, mark) if mark in marks.same | marks.near else None


def _joint(agents: list[Mention], trigger: Token) -> bool:
    """Whether drills or patrols are joint: coordinated states, or called joint."""
    if len({m.actor.country for m in agents if m.actor.country}) > 1:
        return True
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    near = [*trigger.children, *(subject.children if subject is not None else [])]
    return any(t.lower_ in _JOINT_WORDS for t in near)


def _covers(kept: Event, other: Event) -> bool:
    """Whether `other` repeats `kept`: the same kind of action among the same parties
    ("met ... to discuss", "criticised and condemned")."""
    if kept.cameo[:2] != other.cameo[:2] or kept.negated != other.negated:
        return False
    parties = {a.code for a in kept.actors + kept.recipients}
    return {a.code for a in other.actors + other.recipients} <= parties


def _same_side(one: Actor, other: Actor) -> bool:
    """Whether two actors are the same party (the same code, or a state and its own branch)."""
    if one.code == other.code:
        return True
    return one.country == other.country and (one.sector is None or other.sector is None)


def _stateless(actor: Actor) -> bool:
    """Whether the actor's country is unknown ("the rebels", "a court")."""
    return actor.country in (None, UNKNOWN_COUNTRY)


def _trigger_text(words: list[Token]) -> str:
    """The trigger words as written: a short stretch whole, a long one word by word."""
    first, last = words[0], words[-1]
    if last.i - first.i < len(words) + 3:
        return first.doc[first.i : last.i + 1].text
    return " ".join(t.text for t in words)
