"""Incident scoring against gold rows (``tests/gold/incidents_dev.jsonl``).

Gold row: ``{"article_id", "type", "date", "date_precision", "killed": {"min",
"max"} | null, "wounded": ..., "place_text", "place_start", "place_end", "lat",
"lon", "event_key"}``.  Within an article, gold incidents are paired greedily
with predicted ones (nearest point first, then same type); an unpaired gold
row counts as wrong for every measure.

* ``type_accuracy`` - paired and same type, over all gold rows;
* ``date_day_accuracy`` - over gold rows dated to the day: same ISO day;
  ``date_accuracy`` - over all rows: same ISO string and precision (both null
  counts as right);
* ``casualty_exact`` - killed and wounded both equal (null = unknown), and the
  combined toll when the gold row has a ``casualties`` field; a gold count with
  ``"vague": true`` must also be flagged vague; ``killed_exact`` /
  ``wounded_exact`` each on its own;
* ``by_construction`` - for gold rows naming the casualty ``construction`` they
  test (``tests/gold/casualty_constructions.jsonl``): rows, missed and
  ``casualty_exact`` per construction;
* ``location_acc10`` - over gold rows with a point: within 10 km;
* ``dedup`` - article pairs: gold pairs share an ``event_key``; predicted pairs
  are sources of one incident after :func:`kharita.incidents.merge_incidents`
  over all results; precision/recall/F1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from ..geo import haversine_km
from ..incidents import merge_incidents
from ..models import ArticleResult, Count, Incident
from .prf import PRF

Row = dict[str, Any]


def _distance(row: Row, inc: Incident) -> float:
    if row.get("lat") is None or inc.lat is None or inc.lon is None:
        return math.inf
    return haversine_km((float(row["lat"]), float(row["lon"])), (inc.lat, inc.lon))


def _pair(
    rows: list[Row], incidents: Sequence[Incident]
) -> list[tuple[Row, Incident | None]]:
    left = list(incidents)
    out: list[tuple[Row, Incident | None]] = []
    for row in rows:
        if not left:
            out.append((row, None))
            continue
        best = min(left, key=lambda i: (_distance(row, i), i.type != row.get("type")))
        left.remove(best)
        out.append((row, best))
    return out


def _count(value: Any) -> Count:
    if not value:
        return Count()
    return Count(value.get("min"), value.get("max"), vague=bool(value.get("vague")))


def _same_count(gold: Any, predicted: Count) -> bool:
    want = _count(gold)
    if predicted != want:
        return False
    return not (isinstance(gold, dict) and "vague" in gold) or (
        predicted.vague == want.vague
    )


def _casualties_right(g: Row, i: Incident | None) -> bool:
    return (
        i is not None
        and _same_count(g.get("killed"), i.killed)
        and _same_count(g.get("wounded"), i.wounded)
        and ("casualties" not in g or _same_count(g["casualties"], i.casualties))
    )


def _by_construction(
    pairs: list[tuple[Row, Incident | None]],
) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[tuple[Row, Incident | None]]] = {}
    for g, i in pairs:
        if g.get("construction"):
            groups.setdefault(str(g["construction"]), []).append((g, i))
    return {
        name: {
            "n": len(rows),
            "missed": sum(1 for _, i in rows if i is None),
            "casualty_exact": _ratio(
                sum(1 for g, i in rows if _casualties_right(g, i)), len(rows)
            ),
        }
        for name, rows in sorted(groups.items())
    }


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def score_incidents(
    gold_rows: list[dict[str, Any]], results: Sequence[ArticleResult]
) -> dict[str, Any]:
    """Scores of ``results`` against ``gold_rows`` (see module doc)."""
    by_article = {r.article.id: r for r in results}
    rows_by_article: dict[str, list[Row]] = {}
    for row in gold_rows:
        rows_by_article.setdefault(str(row["article_id"]), []).append(row)
    pairs: list[tuple[Row, Incident | None]] = []
    predicted = 0
    for aid, rows in rows_by_article.items():
        result = by_article.get(aid)
        incidents = result.incidents if result is not None else ()
        predicted += len(incidents)
        pairs.extend(_pair(rows, incidents))
    return {
        "gold_incidents": len(pairs),
        "predicted_incidents": predicted,
        "missed": sum(1 for _, i in pairs if i is None),
        **_field_scores(pairs),
        "dedup": _dedup(gold_rows, results).to_dict(),
        **({"by_construction": by} if (by := _by_construction(pairs)) else {}),
    }


def _field_scores(pairs: list[tuple[Row, Incident | None]]) -> dict[str, float | None]:
    type_hits = sum(1 for g, i in pairs if i is not None and i.type == g.get("type"))
    day_rows = [(g, i) for g, i in pairs if g.get("date_precision") == "day"]
    day_hits = sum(
        1
        for g, i in day_rows
        if i is not None and i.date.iso == g.get("date") and i.date.precision == "day"
    )
    date_hits = sum(
        1 for g, i in pairs
        if i is not None and i.date.iso == g.get("date") and i.date.precision == g.get("date_precision")
    )  # fmt: skip
    cas_hits = sum(1 for g, i in pairs if _casualties_right(g, i))
    killed_hits = sum(
        1 for g, i in pairs if i is not None and _same_count(g.get("killed"), i.killed)
    )
    wounded_hits = sum(
        1
        for g, i in pairs
        if i is not None and _same_count(g.get("wounded"), i.wounded)
    )
    located = [(g, i) for g, i in pairs if g.get("lat") is not None]
    loc_hits = sum(1 for g, i in located if i is not None and _distance(g, i) <= 10.0)
    return {
        "type_accuracy": _ratio(type_hits, len(pairs)),
        "date_day_accuracy": _ratio(day_hits, len(day_rows)),
        "date_accuracy": _ratio(date_hits, len(pairs)),
        "casualty_exact": _ratio(cas_hits, len(pairs)),
        "killed_exact": _ratio(killed_hits, len(pairs)),
        "wounded_exact": _ratio(wounded_hits, len(pairs)),
        "location_acc10": _ratio(loc_hits, len(located)),
    }


def _dedup(gold_rows: list[Row], results: Sequence[ArticleResult]) -> PRF:
    gold_articles = {str(r["article_id"]) for r in gold_rows}
    keys: dict[str, set[str]] = {}
    for row in gold_rows:
        if row.get("event_key"):
            keys.setdefault(str(row["event_key"]), set()).add(str(row["article_id"]))
    gold_pairs = {p for arts in keys.values() for p in combinations(sorted(arts), 2)}
    merged = merge_incidents(
        i for r in results if r.article.id in gold_articles for i in r.incidents
    )
    pred_pairs = {
        p
        for inc in merged
        for p in combinations(sorted({s.article_id for s in inc.sources}), 2)
    }
    return PRF(
        len(gold_pairs & pred_pairs),
        len(pred_pairs - gold_pairs),
        len(gold_pairs - pred_pairs),
    )
