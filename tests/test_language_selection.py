"""The cheap pass: which chunks an actor, reference, quote, cue or number makes worth parsing."""

from __future__ import annotations

from detente.actors.dictionary import load
from detente.language.chunks import split
from detente.language.selection import Selector, inflections, trigger_words


def test_inflections_of_regular_verbs() -> None:
    assert {"warns", "warned", "warning"} <= inflections("warn")
    assert {"denies", "denied"} <= inflections("deny")
    assert {"admitted", "admitting"} <= inflections("admit")
    assert "declaring" in inflections("declare")


def test_triggers_hold_pronouns_and_past_cues() -> None:
    found = trigger_words()
    assert {"he", "she", "both", "said", "told", "according"} <= found
    assert "weather" not in found


def test_selector_picks_only_chunks_with_something_to_find() -> None:
    text = (
        "Beijing protested on Monday. The weather was mild. Prices rose 5 percent. "
        'The sea was calm. She was not convinced. "Never again," a man shouted. '
        "Mr Glazer resigned. The sun set late."
    )
    chunks = split(text)
    picked = Selector(load())(text, chunks)
    chosen = [text[c.start : c.end].strip() for c, keep in zip(chunks, picked, strict=True) if keep]
    assert chosen == [
        "Beijing protested on Monday.",
        "Prices rose 5 percent.",
        "She was not convinced.",
        '"Never again," a man shouted.',
        "Mr Glazer resigned.",
    ]
