"""Merging is single-link over same_event, in linear time for many reports of one event."""

from __future__ import annotations

import random

import pytest

from factories import (
    make_article,
    make_incident,
    make_place,
    make_resolved,
    make_source,
)
from kharita.incidents import dedup, merge_incidents
from kharita.incidents.dedup import same_event
from kharita.models import Incident

TYPES = ("air_strike", "drone_strike", "rocket_attack", "ied", "armed_clash")


def _reports(seed: int, n: int) -> list[Incident]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        place = make_place(
            id=f"p{rng.randrange(6)}",
            lat=33.0 + rng.choice([0.0, 0.05, 0.12, 0.3, 1.0]),
            # 0.19 / 0.41: within 25 km of each other, two grid cells apart
            lon=44.0 + rng.choice([0.0, 0.07, 0.19, 0.2, 0.41, 0.5]),
        )
        area = rng.random()
        if area < 0.15:  # the governorate holding every point place, far away
            place = make_place(
                id="gov-babil", type="governorate", name_en="Babil",
                governorate="Babil", district=None, lat=32.0, lon=45.2,
            )  # fmt: skip
        elif area < 0.25:  # a district holding them too
            place = make_place(
                id="dist-musayab", type="district", name_en="Al-Musayab",
                governorate="Babil", district="Al-Musayab", lat=32.6, lon=44.9,
            )  # fmt: skip
        day = rng.choice(["2024-04-19", "2024-04-20", "2024-04-21", "2024-04-23"])
        date, precision = rng.choice(
            [(day, "day"), ("2024-04", "month"), (None, None), (day, "day")]
        )
        killed = rng.choice([(None, None), (0, 0), (1, 1), (2, 3), (5, 5)])
        article = make_article(f"تقرير {k}", id=f"a{k}")
        out.append(
            make_incident(
                id=f"i{k}",
                type=rng.choice(TYPES),
                date=date,
                precision=precision,
                killed=killed,
                wounded=rng.choice([(None, None), (4, 4), (8, 8)]),
                place=make_resolved(place),
                sources=[make_source(article)],
                confidence=round(rng.uniform(0.3, 0.95), 2),
            )
        )
    return out


def _all_pairs_groups(items: list[Incident]) -> set[frozenset[str]]:
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if same_event(items[i], items[j]):
                parent[root(j)] = root(i)
    groups: dict[int, set[str]] = {}
    for i, inc in enumerate(items):
        groups.setdefault(root(i), set()).add(inc.id)
    return {frozenset(g) for g in groups.values()}


def test_merge_groups_equal_comparing_every_pair() -> None:
    for seed in range(12):
        items = _reports(seed, 60)
        merged = merge_incidents(items)
        got = {
            frozenset(s.article_id.replace("a", "i") for s in m.sources) for m in merged
        }
        assert got == _all_pairs_groups(items), seed
        sizes = sorted(len(g) for g in got)
        assert sizes[-1] > 1 and len(sizes) > 1  # some reports merged, not all


def test_merge_many_reports_of_one_event_is_linear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0

    def counted(a: Incident, b: Incident) -> bool:
        nonlocal calls
        calls += 1
        return same_event(a, b)

    monkeypatch.setattr(dedup, "same_event", counted)
    place = make_resolved(make_place())
    for n in (500, 4000):
        calls = 0
        reports = [
            make_incident(
                id=f"i{k}",
                type="air_strike",
                place=place,
                sources=[make_source(make_article(f"تقرير {k}", id=f"a{k}"))],
            )
            for k in range(n)
        ]
        merged = merge_incidents(reports)
        assert len(merged) == 1 and merged[0].report_count == n
        # each report is compared with the one group once per bucket it shares
        # with it (a day bucket and a grid cell); all pairs would be n*(n-1)/2
        assert calls <= 2 * n
