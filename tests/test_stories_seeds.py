"""Story checks on real and demo corpora: the seeds' must-shows and the demo's happenings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from detente.articles.model import Article
from detente.demo import CORPUS
from detente.pipeline import ingest
from detente.store.articles import Store
from detente.store.schema import near_duplicates
from detente.store.stories import iter_stories, story_ids_of
from detente.stories.assign import assign_stories

DEMO_HAPPENINGS = {
    "no-limits statement, Feb 2022": [
        'declare a friendship with "no limits"',
        'what a partnership "without limits"',
        "Gas and oil deals give weight to Beijing summit",
    ],
    "bombers near Japan, May 2022": [
        "bombers fly near Japan as Quad",
        "Bomber flight shows military ties",
        "Seoul and Tokyo scramble jets",
    ],
    "birthday call, Jun 2022": [
        "Xi pledges support for Russia",
        "Xi tells Putin China will keep backing Russia on core",
        "Putin and Xi agree to widen economic ties",
        "a birthday call shows the limits",
    ],
    "Xi in Moscow, Mar 2023": [
        "Xi arrives in Moscow",
        "At the Kremlin door",
        "Putin says Chinese plan could be basis",
        "Moscow summit leaves trade target",
    ],
    "Sea of Japan drills, Jul 2023": [
        "warships begin joint drills in Sea of Japan",
        "hold naval exercise near Japan",
        "Sea of Japan drills end",
    ],
    "flotilla near Alaska, Aug 2023": [
        "US sends four destroyers",
        "naval patrol near Aleutians",
        "Eleven-ship Sino-Russian patrol",
    ],
    "Belt and Road Forum, Oct 2023": [
        "Putin lands in Beijing for Belt and Road",
        "Putin takes place of honour",
        "At Belt and Road gathering",
    ],
    "record trade, Jan 2024": [
        "trade hits record $240 billion",
        "commerce passes 240 billion",
        "Russia leans on China as bilateral trade",
    ],
    "Putin in Beijing, May 2024": [
        "Putin praises China",
        "Xi and Putin reaffirm partnership",
        "Summit statement echoes Moscow",
        "Putin makes China his first stop",
    ],
    "SCO in Astana, Jul 2024": [
        "Xi and Putin meet in Astana",
        "SCO admits Belarus",
        "In Astana, China and Russia agree",
    ],
    "travellers turned back, Aug 2023": [
        "China rebukes Russia after travellers",
        "Chinese embassy protests",
    ],
    "Wang Yi in Russia, Sep 2023": ["Wang Yi begins Russia visit", "Patrushev hosts Wang Yi"],
    "bombers near Alaska, Jul 2024": [
        "Chinese bombers fly near Alaska",
        "jets intercept Chinese and Russian bombers",
    ],
}
"""Reports of each happening told more than once in the demo corpus, by title (demo/README.md)."""
VOSTOK = [
    "China to send troops to Russia",
    "Russia and China draw closer over Taiwan",
    "Vostok-2022",
]
"""Vostok-2022: announced 17 August, drills from 1 September, beyond the 14-day window."""


def clustered(tmp_path: Path, folder: Path) -> Iterator[tuple[Store, list[Article]]]:
    """A store holding `folder` ingested and put into stories, with its articles."""
    with Store.open(str(tmp_path / "stories.db")) as store:
        ingest([str(folder)], store)
        assign_stories(store)
        yield store, list(store.iter_articles())


@pytest.fixture
def seeds(shared: Path, tmp_path: Path) -> Iterator[tuple[Store, list[Article]]]:
    """The seeds, ingested and put into stories."""
    yield from clustered(tmp_path, shared / "seeds")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Store, list[Article]]]:
    """The demo corpus, ingested and put into stories."""
    yield from clustered(tmp_path, CORPUS)


def one(found: list[Article], source: str, start: str = "") -> Article:
    """The one article from the seed file named `source...` whose text starts with `start`."""
    (article,) = [
        a for a in found if Path(a.source).name.startswith(source) and a.text.startswith(start)
    ]
    return article


def test_seed_reports_of_one_call_share_a_story_apart_from_the_2024_summit(
    seeds: tuple[Store, list[Article]],
) -> None:
    store, found = seeds
    call = [
        one(found, "000", "President Xi Jinping of China and his Russian counterpart"),
        one(found, "000", "‘Sino-Russian relations have maintained"),
        one(found, "002"),
    ]
    summit = [one(found, "003"), one(found, "001", "Russian President Vladimir Putin and Chinese")]
    story = story_ids_of(store, [a.id for a in call + summit])
    assert len({story[a.id] for a in call}) == 1
    assert len({story[a.id] for a in summit}) == 1
    assert story[call[0].id] != story[summit[0].id]
    with store.engine.connect() as conn:
        pairs = set(
            conn.execute(select(near_duplicates.c.article_id, near_duplicates.c.original_id))
        )
    assert {(summit[0].id, summit[1].id), (summit[1].id, summit[0].id)} & pairs


def test_undated_seed_003_takes_its_story_date(seeds: tuple[Store, list[Article]]) -> None:
    store, found = seeds
    ap = one(found, "003")
    copy = one(found, "001", "Russian President Vladimir Putin and Chinese")
    assert (ap.published, ap.published_precision, ap.published_basis) == (
        copy.published,
        copy.published_precision,
        "story",
    )
    summit = next(s for s in iter_stories(store) if ap.id in s.article_ids)
    assert summit.first_published == copy.published


def test_demo_happenings_each_make_one_story_and_never_share_one(
    demo: tuple[Store, list[Article]],
) -> None:
    store, found = demo
    story = story_ids_of(store, [a.id for a in found])

    def stories(fragments: list[str]) -> set[str]:
        return {story[a.id] for a in found if any(f in (a.title or "") for f in fragments)}

    told = {name: stories(fragments) for name, fragments in DEMO_HAPPENINGS.items()}
    assert {name: len(ids) for name, ids in told.items()} == dict.fromkeys(DEMO_HAPPENINGS, 1)
    every = [next(iter(ids)) for ids in told.values()]
    assert len(set(every)) == len(every)
    vostok = stories(VOSTOK)
    assert len(vostok) == 2 and not vostok & set(every)
