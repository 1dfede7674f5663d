"""Span and distance scoring."""

from __future__ import annotations

import pytest

from kharita.evaluate import PRF, distance_scores, score_places, span_scores
from kharita.evaluate.gold import gold_format


@pytest.mark.parametrize(
    ("gold", "pred", "exact_f", "overlap_f"),
    [
        ([(0, 5)], [(0, 5)], 1.0, 1.0),
        ([(0, 5)], [(1, 5)], 0.0, 1.0),
        ([(0, 5), (10, 12)], [(0, 5), (20, 25)], 0.5, 0.5),
        ([], [(0, 1)], 0.0, 0.0),
        ([(0, 10)], [(0, 3), (4, 10)], 0.0, 2 / 3),
    ],
)
def test_evaluate_span_scores(
    gold: list[tuple[int, int]],
    pred: list[tuple[int, int]],
    exact_f: float,
    overlap_f: float,
) -> None:
    scores = span_scores([(gold, pred)])
    assert scores["exact"]["f"] == pytest.approx(exact_f, abs=1e-3)
    assert scores["overlap"]["f"] == pytest.approx(overlap_f, abs=1e-3)


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "f"), [(1, 1, 1, 0.5), (0, 0, 0, 0.0), (3, 0, 1, 6 / 7)]
)
def test_evaluate_prf(tp: int, fp: int, fn: int, f: float) -> None:
    assert PRF(tp, fp, fn).fscore == pytest.approx(f)
    total = PRF() + PRF(tp, fp, fn)
    assert total.to_dict()["tp"] == tp


@pytest.mark.parametrize(
    ("pairs", "acc50", "median"),
    [
        ([((33.0, 44.0), (33.0, 44.0))], 1.0, 0.0),
        ([((33.0, 44.0), (34.0, 44.0)), ((33.0, 44.0), None)], 0.0, 110.95),
    ],
)
def test_evaluate_distance_scores(
    pairs: list[tuple[tuple[float, float], tuple[float, float] | None]],
    acc50: float,
    median: float,
) -> None:
    scores = distance_scores(pairs)
    assert scores["acc@50"] == acc50
    assert scores["median_km"] == pytest.approx(median, abs=0.5)


@pytest.mark.parametrize("n", [1])
def test_evaluate_score_places_pairs_points_by_overlap(n: int) -> None:
    doc = ([(0, 5), (10, 15)], [(1, 5)], [(33.0, 44.0), (30.0, 47.0)], [(33.0, 44.01)])
    scores = score_places([doc] * n)
    assert scores["distance"]["n"] == 2 and scores["distance"]["unresolved"] == 1  # type: ignore[index]


@pytest.mark.parametrize(
    ("row", "kind"),
    [
        ({"text": "x", "spans": []}, "spans"),
        ({"id": "a", "places": []}, "places"),
        ({"id": "a", "incidents": []}, "incidents"),
    ],
)
def test_evaluate_gold_format(row: dict[str, object], kind: str) -> None:
    assert gold_format([row]) == kind
