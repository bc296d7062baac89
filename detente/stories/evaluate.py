"""`detente eval stories`: story clustering scored on ECB+ at topic and sub-event level.

ECB+ (../shared/eval/ecbplus/test_parsing) holds news documents in topics; each topic holds two
similar but different happenings, `Necb` and `Necbplus` (two patches of one browser, two
arrests of one team's players). Sub-event level asks whether the stories keep those apart;
topic level asks whether `group_topics` puts those stories back together, and nothing else.
The documents carry no publication dates, so every pair is judged on its text alone: the date
window never applies and the stricter undated threshold is the one in force.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

from detente.articles.model import Article
from detente.stories.cluster import cluster_all
from detente.stories.embeddings import make_vectorizer
from detente.stories.settings import settings
from detente.stories.topics import group_topics
from detente.stories.vectorize import TfidfVectors

FOLDER = re.compile(r"(\d+)(ecb|ecbplus)")


def documents(root: Path) -> tuple[list[Article], list[str], list[str]]:
    """The documents of every topic folder, with their topic and sub-event labels."""
    found: list[Article] = []
    topics: list[str] = []
    subevents: list[str] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        label = FOLDER.fullmatch(folder.name)
        if not label:
            continue
        for path in sorted(folder.glob("*.json")):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
                text, title = record["text"], record.get("title")
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}: not an ECB+ document ({error!r})") from error
            found.append(Article(id=path.stem, source=str(path), text=text, title=title))
            topics.append(label.group(1))
            subevents.append(folder.name)
    if not found:
        raise FileNotFoundError(f"no ECB+ documents under {root}")
    return found, topics, subevents


def bcubed(predicted: Sequence[int], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    pairs = Counter(zip(predicted, gold, strict=True))
    sizes, classes = Counter(predicted), Counter(gold)
    precision = sum(n * n / sizes[p] for (p, _), n in pairs.items()) / len(gold)
    recall = sum(n * n / classes[g] for (_, g), n in pairs.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def labels(clusters: list[list[int]], n: int) -> list[int]:
    """Cluster number per row."""
    found = [0] * n
    for number, rows in enumerate(clusters):
        for row in rows:
            found[row] = number
    return found


def score(shared: Path, vectorizer: str = "tfidf") -> dict[str, float | int]:
    """B-cubed and ARI at topic and sub-event level on ECB+ under `shared`; stories are
    clustered with the named vectorizer (tfidf or embeddings), topics always with TF-IDF."""
    root = shared / "eval" / "ecbplus" / "test_parsing"
    if not root.is_dir():
        raise FileNotFoundError(f"ECB+ not found at {root}: pass --shared PATH")
    config = settings()
    found, topics, subevents = documents(root)
    vectors = make_vectorizer(vectorizer, config).vectors(found)
    threshold = config.threshold
    stories = cluster_all(vectors, [None] * len(found), threshold, threshold, config.window_days)
    topic_vectors = TfidfVectors(config.topic_name_weight, config.min_df).vectors(found)
    grouped = group_topics(topic_vectors, stories, config.topic_threshold)
    scores: dict[str, float | int] = {
        "n_documents": len(found),
        "n_topics": len(set(topics)),
        "n_subevents": len(set(subevents)),
    }
    for level, gold, clusters in (
        (
            "topic",
            topics,
            [[row for story in group for row in stories[story]] for group in grouped],
        ),
        ("subevent", subevents, stories),
    ):
        predicted = labels(clusters, len(found))
        precision, recall, f1 = bcubed(predicted, gold)
        scores[f"{level}.bcubed_precision"] = round(precision, 4)
        scores[f"{level}.bcubed_recall"] = round(recall, 4)
        scores[f"{level}.bcubed_f1"] = round(f1, 4)
        scores[f"{level}.ari"] = round(adjusted_rand_score(gold, predicted), 4)
        scores[f"{level}.n_clusters"] = len(clusters)
    return scores
