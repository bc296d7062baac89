"""Stage 4: mentions in an article resolved to actors with codes, roles and the rule that did it.

One pass of the gazetteer automaton finds every dictionary name; spaCy's parse and entities say
how each is used (a title before a name, a country word before "troops", "in Beijing" as a place);
coreference settles "he", "the Russian leader", "his Russian counterpart" and "the two leaders"
within the article. Roles are looked up on the article's date.

Locations are kept as mentions with the rule `place` (see `Mention.place`), coded with their
country and no sector, so "flew to Moscow" never yields a RUSGOV actor but the place is not lost.
Group references ("the two leaders", "both sides") give one mention per actor at the same span.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from detente.actors.build import Builder
from detente.actors.context import Reader
from detente.actors.coreference import Resolution
from detente.actors.dictionary import Dictionary, DictionaryError, load
from detente.actors.gazetteer import Gazetteer
from detente.actors.model import Mention
from detente.actors.units import lay
from detente.actors.words import words
from detente.language import doc_text, load_nlp

ACTORS_ENV = "DETENTE_ACTORS"
"""Environment variable naming a folder (or file) of the user's own actor dictionaries."""


class Resolver:
    """Resolves the actors of whole articles; build it once, use it for many."""

    def __init__(self, dictionary: Dictionary | None = None) -> None:
        self.dictionary = dictionary if dictionary is not None else load()
        self._gazetteer = Gazetteer(self.dictionary)
        self._reader = Reader(self.dictionary, words())

    @classmethod
    def from_paths(cls, paths: Iterable[Path] = ()) -> Resolver:
        """Our dictionaries, then the folder in $DETENTE_ACTORS, then `paths`: later ones win.

        An unusable file raises DictionaryError with its path, line and reason.
        """
        configured = os.environ.get(ACTORS_ENV, "").strip()
        extra = [Path(configured)] if configured else []
        if extra and not extra[0].exists():
            raise DictionaryError(configured, 0, f"no such file or folder (from ${ACTORS_ENV})")
        return cls(load([*extra, *map(Path, paths)]))

    def resolve(self, doc: Doc, on: date | None) -> list[Mention]:
        """Every mention in a parsed article, roles as they stood on `on` (today when None)."""
        builder = Builder(self.dictionary, on or date.today())
        text = doc_text(doc)
        units = lay(doc, self._gazetteer.find(text), self.dictionary)
        phrases = self._reader.read(doc, text, units, builder)
        return Resolution(builder, text).run(phrases)

    def resolve_text(self, text: str, on: date | None) -> list[Mention]:
        """Parse a text with the configured spaCy pipeline and resolve its mentions."""
        return self.resolve(load_nlp()(text), on)
