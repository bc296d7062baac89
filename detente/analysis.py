"""Stages 3–5 over stored articles: parse, resolve actors, code events, find quotes and claims."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.model import Actor, Mention, code_for
from detente.actors.resolver import Resolver
from detente.articles.model import Article
from detente.claims import find_claims
from detente.events.coder import Coder
from detente.events.tables import load_tables
from detente.language import load_nlp
from detente.language.chunks import parse_partly
from detente.language.selection import Selector
from detente.quotes import Quote, find_quotes
from detente.store.articles import Store
from detente.store.coded import Coded, load_articles, save_coded, uncoded_ids

if TYPE_CHECKING:
    from detente.engines import Engine

# Articles parsed per spaCy batch and written per transaction: large enough that nlp.pipe and
# the bulk inserts amortise, small enough that a crash repeats little (BENCHMARKS.md).
BATCH = 64


@dataclass(frozen=True, slots=True)
class Failure:
    """An article a stage could not code, with the error; it stays uncoded for the next run."""

    article_id: str
    error: str


class Analyser:
    """The per-article stages with their models loaded once; a plain function of an article."""

    def __init__(self, resolver: Resolver | None = None, shortcut: bool = False) -> None:
        self.resolver = resolver or Resolver()
        self.coder = Coder(load_tables())
        self.shortcut = shortcut
        """Parse only the chunks a later stage can use (language/selection.py); else all.

        Off by default: on BBC and Reuters about 90% of the text holds an actor, a quote, a cue
        or a number, so it saves at most a few percent of CPU time over the default pipeline and
        loses 0.6-2.2% of events (bench/pipeline.py --compare, BENCHMARKS.md)."""

    @cached_property
    def selector(self) -> Selector:
        """The cheap pass that picks the chunks worth parsing, built on first use."""
        return Selector(self.resolver.dictionary)

    @cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        return load_nlp()

    def analyse(self, article: Article, doc: Doc) -> Coded:
        """Actors, events, quotes and claims of one parsed article."""
        on = article.published
        mentions = self.resolver.resolve(doc, on)
        actors = [mention for mention in mentions if not mention.place]
        events = self.coder.code(doc, mentions, on, article.published_precision or "day")
        quotes = [(quote, speaker_of(quote, actors)) for quote in find_quotes(doc)]
        claims = find_claims(doc, on)
        return Coded(article.id, on, mentions, events, quotes, claims)

    def analyse_many(self, articles: Iterable[Article]) -> Iterator[Coded | Failure]:
        """Analyses of many articles, parsed in batches; an article that breaks a stage gives a
        Failure and the others go on."""
        pending = list(articles)
        texts = (article.text for article in pending)
        if self.shortcut:
            docs = parse_partly(self.nlp, texts, self.selector, BATCH)
        else:
            docs = self.nlp.pipe(texts, batch_size=BATCH)
        for article, doc in zip(pending, docs, strict=True):
            try:
                yield self.analyse(article, doc)
            except Exception as exc:  # one bad article must never stop a batch
                yield Failure(article.id, f"{type(exc).__name__}: {exc}")


def speaker_of(quote: Quote, mentions: list[Mention]) -> Actor | None:
    """The actor whose mention overlaps the quote's speaker span, preferring the widest; for a
    bare title ("the minister told reporters") the one person named before it who holds a
    role of that title."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    overlapping = [
        mention
        for mention in mentions
        if mention.start < quote.speaker_end and quote.speaker_start < mention.end
    ]
    if not overlapping:
        if quote.speaker_kind == "title":
            return _title_holder(quote, mentions)
        return _unlisted(quote)
    best = max(overlapping, key=lambda m: (m.actor.person is not None, m.end - m.start))
    return best.actor


def _unlisted(quote: Quote) -> Actor | None:
    """A named speaker the resolver does not know ("Ian Bremmer: ..."), kept by name with an
    unknown country, as PETRARCH writes it."""
    name = (quote.speaker_text or "").strip()
    if quote.speaker_kind != "name" or not name[:1].isupper():
        return None
    return Actor(name, code_for(None, None), None, None, name)


def _title_holder(quote: Quote, mentions: list[Mention]) -> Actor | None:
    """The person named before a title speaker whose role holds the title's last word ("the
    minister": a foreign_minister); None when no one, or more than one person, fits."""
    title = (quote.speaker_text or "").lower().split()
    if not title or quote.speaker_start is None:
        return None
    holders = {
        mention.actor.person: mention.actor
        for mention in mentions
        if mention.end <= quote.speaker_start
        and mention.actor.person
        and title[-1] in (mention.actor.role or "").split("_")
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


def code_store(
    store: Store,
    analyser: Analyser | None = None,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[int], None] | None = None,
    engine: Engine | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> int:
    """Code every stored article this coder version has not coded yet; return how many were.

    The `engine` (else this process) codes the articles; each batch is written here in one
    transaction as it comes back. Articles that fail are reported to `on_failure` and left
    uncoded.
    """
    ids = uncoded_ids(store.engine)
    if on_start:
        on_start(len(ids))
    if not ids:
        return 0
    if engine is None:
        from detente.engines.local import LocalEngine

        engine = LocalEngine(analyser or Analyser())
    batches = (
        load_articles(store.engine, ids[at : at + BATCH]) for at in range(0, len(ids), BATCH)
    )
    coded = 0
    for results in engine.analyse(batches):
        done = [result for result in results if isinstance(result, Coded)]
        save_coded(store.engine, done)
        coded += len(done)
        for result in results:
            if isinstance(result, Failure) and on_failure:
                on_failure(result)
        if on_done:
            on_done(len(results))
    return coded
