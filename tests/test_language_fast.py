"""The stand-ins for the attribute ruler and lemmatizer give the stock components' output."""

from __future__ import annotations

import spacy
from conftest import FIXTURES

from detente.language import load_nlp, model_name
from detente.language.fast import accelerate

TEXT = (
    "I told you it wasn't over. Y'all gonna see: there are two ships, and they got ta go. "
    "Let's say the ministers didn't agree, but Beijing has denied it.\n\n  Nothin' changed."
)
INFLECTED = (
    "The envoys were negotiating ceasefires; the stations closed earlier and the bigger armies "
    "withdrew. Glorbs were snarfing the wugs' fluffiest quarks, and the crises worsened. "
    "Mice, geese and children fled while the talks went better than the worst forecasts."
)


def _attributes(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    """Every attribute the two components set or read, token by token."""
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_same_output_as_the_stock_pipeline() -> None:
    stock = spacy.load(model_name())
    fast = load_nlp()
    assert "attribute_ruler" not in fast.pipe_names
    assert "lemmatizer" not in fast.pipe_names
    texts = [
        TEXT,
        INFLECTED,
        INFLECTED.lower(),
        *(path.read_text() for path in sorted((FIXTURES / "engines").glob("*.txt"))),
    ]
    for ours, theirs in zip(fast.pipe(texts), stock.pipe(texts), strict=True):
        assert _attributes(ours) == _attributes(theirs)
    said = next(t for t in fast(TEXT) if t.text == "denied")
    assert said.lemma_ == "deny"
    lemmas = {t.text: t.lemma_ for t in fast(INFLECTED)}
    found = [lemmas[word] for word in ("stations", "armies", "withdrew")]
    assert found == ["station", "army", "withdraw"]


def test_lemmas_set_by_the_ruler_are_kept() -> None:
    fast = load_nlp()
    stock = spacy.load(model_name())
    text = "She's sure we'll go, and they're gonna win 'cause it's ours."
    assert [t.lemma_ for t in fast(text)] == [t.lemma_ for t in stock(text)]


def test_unknown_rules_keep_the_stock_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    accelerate(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
