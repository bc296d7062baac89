"""The PolNeAR scorer, on a tiny corpus in PolNeAR's layout written by the test."""

from __future__ import annotations

from pathlib import Path

from detente.quotes import evaluate

TEXT = '"The bridge is open," Mayor Lee said. Traffic is heavy, the police said.\n'
# T1-T3: the direct quote (content, cue, source); T4-T6: an unquoted attribution.
ANNOTATION = (
    'T1\tContent 0 21\t"The bridge is open,"\n'
    "T2\tCue 32 36\tsaid\n"
    "T3\tSource 22 31\tMayor Lee\n"
    "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n"
    "T4\tContent 38 54\tTraffic is heavy\n"
    "T5\tCue 67 71\tsaid\n"
    "T6\tSource 56 66\tthe police\n"
    "E2\tAttribution:T5 Content:T4 Cue:T5 Source:T6\n"
)


def _corpus(root: Path) -> Path:
    for split in ("train", "dev"):
        folder = root / "eval" / "polnear" / "data" / split
        (folder / "text").mkdir(parents=True)
        (folder / "attributions").mkdir()
        (folder / "text" / "paper_2016-01-01_bridge.txt").write_text(TEXT, encoding="utf-8")
        for annotator in ("aaaa", "bbbb"):
            path = folder / "attributions" / f"paper_2016-01-01_bridge_{annotator}.ann"
            path.write_text(ANNOTATION, encoding="utf-8")
    return root


def test_only_quoted_content_is_a_gold_direct_quote(tmp_path: Path) -> None:
    folder = _corpus(tmp_path) / "eval" / "polnear" / "data" / "train"
    ((text, gold),) = list(evaluate.read_split(folder))
    assert text == TEXT
    assert [(g.content, g.source) for g in gold] == [([(0, 21)], [(22, 31)])]


def test_score_counts_one_article_per_split(tmp_path: Path) -> None:
    scores = evaluate.score(_corpus(tmp_path))
    assert scores["n_articles"] == 2
    assert scores["n_gold_direct"] == 2
    assert scores["recall"] == 1.0
    assert scores["precision"] == 1.0
    assert scores["speaker_accuracy"] == 1.0
