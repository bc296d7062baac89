"""The quotes word lists and the tab-separated reader they share with claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.quotes import lexicon


def test_cues_hold_verbs_and_phrases_with_their_use() -> None:
    cues = lexicon.cues()
    assert cues.lemmas["say"] == "reported"
    assert cues.lemmas["call"] == "naming"
    assert cues.phrases[("according", "to")] == "reported"


def test_nouns_classify_channels_documents_and_bodies() -> None:
    nouns = lexicon.nouns()
    assert nouns["interview"] == "channel"
    assert nouns["readout"] == "document"
    assert nouns["ministry"] == "organization"


def test_bad_row_names_the_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "broken.tsv").write_text("# comment\ncue\tuse\nsay\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "files", lambda package: tmp_path)
    with pytest.raises(ValueError, match=r"broken\.tsv:3: expected 2"):
        lexicon.read_table("detente.quotes", "broken", 2)
