"""Place-span and distance scores.

Spans are ``(start, end)`` character offsets.  *Exact*: a predicted span counts
only if a gold span has the same offsets.  *Overlap*: predicted and gold spans
are paired one-to-one (greedily, left to right) when they share at least one
character.  Distances are geodesic (WGS-84) between a gold point and the point
predicted for the paired span; ``acc@k`` is the share within ``k`` km.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence

from ..geo import geodesic_km
from .prf import PRF

Span = tuple[int, int]
Point = tuple[float, float]
THRESHOLDS_KM = (1, 10, 50, 161)


def exact_prf(gold: Iterable[Span], pred: Iterable[Span]) -> PRF:
    g, p = set(gold), set(pred)
    return PRF(len(g & p), len(p - g), len(g - p))


def overlap_pairs(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, pred index)`` pairs of overlapping spans."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, (gs, ge) in sorted(enumerate(gold), key=lambda x: x[1]):
        best, best_len = -1, 0
        for pi, (ps, pe) in enumerate(pred):
            common = min(ge, pe) - max(gs, ps)
            if pi not in used and common > best_len:
                best, best_len = pi, common
        if best >= 0:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def overlap_prf(gold: Sequence[Span], pred: Sequence[Span]) -> PRF:
    matched = len(overlap_pairs(gold, pred))
    return PRF(matched, len(pred) - matched, len(gold) - matched)


def span_scores(
    docs: Iterable[tuple[Sequence[Span], Sequence[Span]]],
) -> dict[str, dict[str, float]]:
    """``{"exact": {p,r,f,...}, "overlap": {...}}`` over ``(gold, pred)`` span lists."""
    exact, overlap = PRF(), PRF()
    for gold, pred in docs:
        exact += exact_prf(gold, pred)
        overlap += overlap_prf(list(gold), list(pred))
    return {"exact": exact.to_dict(), "overlap": overlap.to_dict()}


def distance_scores(
    pairs: Iterable[tuple[Point, Point | None]],
) -> dict[str, float | int | None]:
    """``acc@k`` and median km over ``(gold point, predicted point or None)`` pairs.

    A gold point with no prediction counts as a miss at every threshold.
    """
    distances: list[float] = []
    missing = 0
    for gold, pred in pairs:
        if pred is None:
            missing += 1
        else:
            distances.append(geodesic_km(gold, pred))
    total = len(distances) + missing
    out: dict[str, float | int | None] = {"n": total, "unresolved": missing}
    for k in THRESHOLDS_KM:
        out[f"acc@{k}"] = (
            round(sum(d <= k for d in distances) / total, 4) if total else None
        )
    out["median_km"] = round(statistics.median(distances), 2) if distances else None
    return out


def score_places(
    docs: Iterable[
        tuple[
            Sequence[Span],
            Sequence[Span],
            Sequence[Point | None],
            Sequence[Point | None],
        ]
    ],
) -> dict[str, object]:
    """Spans and distances together.

    Each doc is ``(gold spans, pred spans, gold points, pred points)``; points
    align with their spans, ``None`` where a span has no point.  Distances are
    measured for overlapping pairs whose gold span has a point; a gold point
    whose span was missed counts as unresolved.
    """
    span_docs: list[tuple[Sequence[Span], Sequence[Span]]] = []
    point_pairs: list[tuple[Point, Point | None]] = []
    for gold, pred, gold_pts, pred_pts in docs:
        span_docs.append((gold, pred))
        paired = dict(overlap_pairs(list(gold), list(pred)))
        for gi, gp in enumerate(gold_pts):
            if gp is None:
                continue
            pi = paired.get(gi)
            point_pairs.append((gp, pred_pts[pi] if pi is not None else None))
    return {**span_scores(span_docs), "distance": distance_scores(point_pairs)}
