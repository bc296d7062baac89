"""From a cue to its speaker and channel over the dependency parse: spans, kinds, "as saying"."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Token

from detente.language import doc_text
from detente.quotes.lexicon import nouns
from detente.quotes.model import Quote
from detente.quotes.reading import governs

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "ccomp", "parataxis", "dep"})
_MAX_CLIMB = 5  # "Putin was quoted as saying by ..." needs 3 steps (saying -> as -> quoted)
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
_NAME_PARTS = frozenset({"compound", "flat", "amod", "det", "poss", "nmod", "case", "nummod"})
_BREAKS = frozenset({"-", "—", "–", "--", ":", "|", "(", ")"})
_LEADING_JUNK = frozenset({"ADV", "CCONJ", "SCONJ", "PUNCT", "SPACE"})
_SPEAKER_ENTITIES = {"PERSON": "name", "ORG": "organization", "NORP": "organization"}
_PLACE_ENTITIES = frozenset({"GPE", "FAC", "LOC"})
_CHANNEL_PREPOSITIONS = frozenset({"in", "on", "to", "via", "through", "during", "with", "by"})
_CHANNEL_CLAUSES = frozenset({"pcomp", "advcl", "acl", "prep"})
"""Clauses beside a cue or its speaker that can name a channel: "speaking to Xinhua"."""
_MEDIA_PREPOSITIONS = frozenset({"on", "to", "via", "by", "with"})
"""Prepositions whose proper-noun object is a channel by itself: "speaking to Xinhua"."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a cue's words belong to and what they came through, as token heads."""

    speaker: Token | None
    channel: Token | None


def attribute(cue: Token) -> Attribution:
    """The speaker and channel of the cue word `cue` ("said", "according", "saying", ...)."""
    if cue.lower_ == "according":
        return Attribution(_according_object(cue), None)
    token, through_as = cue, False
    for _ in range(_MAX_CLIMB):
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return _from_subject(token, subject, through_as)
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return Attribution(token.head, None)
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            break
        through_as = through_as or (token.dep_ == "pcomp" and token.head.lower_ == "as")
        token = token.head
    return Attribution(None, None)


def _from_subject(verb: Token, subject: Token, through_as: bool) -> Attribution:
    """The speaker given the subject of the cue's clause: relative pronouns, "X reported Y as
    saying", "Y was quoted as saying by X"."""
    if subject.tag_ in _RELATIVE and verb.dep_ == "relcl":
        return Attribution(verb.head, None)
    as_saying = through_as or any(
        c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children
    )
    said_of = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if as_saying and said_of is not None:
        return Attribution(said_of, subject)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and subject.dep_ == "nsubjpass":
        by = next((c for c in agent.children if c.dep_ == "pobj"), None)
        return Attribution(subject, by)
    return Attribution(subject, None)


def _according_object(according: Token) -> Token | None:
    """The object of "according to"."""
    for child in according.children:
        if child.lower_ == "to":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    following = according.nbor(1) if according.i + 1 < len(according.doc) else None
    if following is not None and following.lower_ == "to":
        return next((c for c in following.children if c.dep_ == "pobj"), None)
    return None


def channel_near(cue: Token, speaker: Token | None, frame: set[int]) -> Token | None:
    """A channel named in the frame around `cue`: "according to a readout" beside another speaker,
    "in an interview with Xinhua", "said on CCTV", "quoted as saying by CCTV", "speaking to
    Xinhua", "told Newsweek"."""
    kinds = nouns()
    near = {t.i for t in [cue, *islice(cue.ancestors, 2)]}
    owners = [cue, *([] if speaker is None else [speaker])]

    def holds(clause: Token) -> bool:
        """Whether a preposition hanging off `clause` can name the channel: `clause` is the cue
        or one of its two heads, or a clause under the cue or the speaker."""
        under = clause.dep_ in _CHANNEL_CLAUSES and any(governs(o, clause) for o in owners)
        return clause.i in near or under

    for token in (cue.doc[i] for i in sorted(frame)):
        if token.lower_ == "according" and cue.lower_ != "according":
            target = _according_object(token)
            if target is not None and target != speaker:
                return target
        if token.dep_ != "pobj" or token == speaker or not holds(token.head.head):
            continue
        preposition = token.head.lower_
        if preposition == "to" and token.head.head.lower_ == "according":
            continue
        kind = kinds.get(token.lemma_.lower())
        if preposition in _CHANNEL_PREPOSITIONS and kind in ("channel", "document"):
            return token
        if preposition in _MEDIA_PREPOSITIONS and token.ent_type_ == "ORG":
            return token
    told = next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None)
    if cue.lemma_ == "tell" and told is not None and told.ent_type_ == "ORG":
        return told
    return None


def phrase_bounds(head: Token, limit: tuple[int, int] | None = None) -> tuple[int, int]:
    """Character span of the noun phrase headed by `head`: its modifiers and name parts, not
    its appositions or clauses, nor anything before a line break or dash ("BEIJING AFP -");
    `limit` keeps it out of quoted text."""
    if head.pos_ == "PRON":
        return head.idx, head.idx + len(head.text)
    doc = head.doc
    first = head.i
    for child in head.lefts:
        if child.dep_ in _NAME_PARTS:
            first = min(first, child.left_edge.i)
            break
    for index in range(first, head.i):
        if _breaks(doc[index]):
            first = index + 1
    while first < head.i and doc[first].pos_ in _LEADING_JUNK:
        first += 1
    last = head.i
    for child in head.rights:
        if child.dep_ in ("flat", "compound") or (child.dep_ == "conj" and child.pos_ == "PROPN"):
            last = max(last, child.right_edge.i)
        elif child.dep_ != "cc":
            break
    for index in range(last, head.i, -1):
        if _breaks(doc[index]):
            last = index - 1
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    if limit is not None:
        start, end = max(start, limit[0]), min(end, limit[1])
    if start >= end:
        return head.idx, head.idx + len(head.text)
    return start, end


def _breaks(token: Token) -> bool:
    """Whether a token ends a name: a line break, or a dash or colon standing apart."""
    if "\n" in token.text:
        return True
    spaced = bool(token.whitespace_) or (token.i > 0 and bool(token.nbor(-1).whitespace_))
    return token.text in _BREAKS and spaced


def better_head(head: Token) -> Token:
    """The name in "a senior lecturer, Alexander Korolev," rather than the title."""
    if head.pos_ == "NOUN":
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return head


def speaker_kind(head: Token) -> str:
    """`pronoun`, `name`, `organization`, `document` or `title` for a speaker's head word."""
    if head.pos_ == "PRON":
        return "pronoun"
    noun_kind = nouns().get(head.lemma_.lower())
    if noun_kind in ("document", "organization") and head.pos_ == "NOUN":
        return noun_kind
    if head.ent_type_ in _SPEAKER_ENTITIES:
        return _SPEAKER_ENTITIES[head.ent_type_]
    if head.ent_type_ in _PLACE_ENTITIES:
        return "organization"
    if head.pos_ == "PROPN":
        return "name"
    return noun_kind if noun_kind in ("document", "organization") else "title"


def fill(
    quote: Quote, cue: Token | None, attribution: Attribution, quoted: tuple[int, int] | None
) -> None:
    """Set a quote's cue, speaker span and kind, and channel; `quoted` (the quote's marks) keeps
    the speaker span out of the quoted words."""
    if cue is not None:
        quote.cue, quote.cue_start = cue_text(cue), cue.idx
    speaker = attribution.speaker
    if speaker is not None:
        speaker = better_head(speaker)
        text = doc_text(speaker.doc)
        limit = None
        if quoted is not None:
            limit = (quoted[1], len(text)) if quoted[0] <= speaker.idx else (0, quoted[0])
        start, end = phrase_bounds(speaker, limit)
        quote.speaker_text = text[start:end]
        quote.speaker_start, quote.speaker_end = start, end
        quote.speaker_kind = speaker_kind(speaker)
    if attribution.channel is not None:
        start, end = phrase_bounds(better_head(attribution.channel))
        quote.channel = doc_text(attribution.channel.doc)[start:end]


def cue_text(cue: Token) -> str:
    """The cue as written: "said", "according to", "pointed out"."""
    if cue.lower_ == "according":
        return "according to"
    particles = [c for c in cue.children if c.dep_ == "prt"]
    if particles:
        return f"{cue.text} {particles[0].text}"
    return cue.text
