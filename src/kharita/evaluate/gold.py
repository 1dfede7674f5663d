"""Run kharita over a gold file and score it; the format is recognised from the rows.

* ``ner_ar_dev`` style: ``{"id", "text", "spans": [{"start","end",...}]}`` --
  spans only (recognition).
* kharita place gold (``tests/gold/places_dev.jsonl``): ``{"id", "places":
  [{"start","end","lat","lon","iraqi",...}]}`` with offsets into an articles
  file -- spans and distances.
* incident gold (``tests/gold/incidents_dev.jsonl``): ``{"id", "incidents":
  [...]}`` -- scored by ``kharita.evaluate.incidents.score_incidents``.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import ConfigurationError, InputError
from ..gazetteer import Gazetteer, load_gazetteer
from ..geo import read_polygons
from ..models import Article, ArticleResult, ResolvedPlace
from .places import Point, Span, overlap_pairs, score_places, span_scores

Row = dict[str, Any]


def default_articles_path() -> Path:
    """``../shared/samples/articles.jsonl`` beside the checkout."""
    return (
        Path(__file__).resolve().parents[3].parent
        / "shared"
        / "samples"
        / "articles.jsonl"
    )


def read_jsonl(path: Path) -> list[Row]:
    rows: list[Row] = []
    for number, line in enumerate(
        path.read_text(encoding="utf-8").splitlines(), start=1
    ):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path.name, number, f"invalid JSON: {exc.msg}") from None
        if not isinstance(row, dict):
            raise InputError(path.name, number, "expected a JSON object")
        rows.append(row)
    return rows


def gold_format(rows: Sequence[Row]) -> str:
    """``"spans"``, ``"places"`` or ``"incidents"``."""
    first = rows[0] if rows else {}
    if "spans" in first and "text" in first:
        return "spans"
    if "places" in first:
        return "places"
    if "incidents" in first or ("article_id" in first and "type" in first):
        return "incidents"
    raise ConfigurationError(
        "unknown gold format: rows need text+spans, places, or article_id+type (incidents)"
    )


def _extract(gaz: Gazetteer) -> Callable[[Article], ArticleResult]:
    from ..pipeline import pipeline_for

    return pipeline_for(gaz).extract


def _places_only(gaz: Gazetteer) -> Callable[[Article], list[ResolvedPlace]]:
    """Recognition and resolution only (the place gold sets score nothing else)."""
    from ..pipeline import pipeline_for

    nlp = pipeline_for(gaz)

    def places(article: Article) -> list[ResolvedPlace]:
        doc = nlp.resolve_places(nlp.recognise_places(nlp.make_doc(article)))
        return list(doc.places)

    return places


def _point(rp: ResolvedPlace) -> Point | None:
    """The named place's point (gold marks the place a span names, not an offset site)."""
    if rp.place is not None:
        return rp.place.lat, rp.place.lon
    if rp.lat is not None and rp.lon is not None:
        return rp.lat, rp.lon
    return None


def score_span_gold(rows: Sequence[Row], gaz: Gazetteer) -> dict[str, Any]:
    places = _places_only(gaz)
    docs: list[tuple[list[Span], list[Span]]] = []
    for row in rows:
        article = Article(str(row.get("id", "")), row["text"], "ar")
        gold = [(int(s["start"]), int(s["end"])) for s in row["spans"]]
        docs.append((gold, [(p.start, p.end) for p in places(article)]))
    return {"format": "spans", "docs": len(docs), **span_scores(docs)}


def load_articles(path: Path) -> dict[str, Article]:
    from ..ingest import article_from_record

    out: dict[str, Article] = {}
    for number, row in enumerate(read_jsonl(path), start=1):
        article = article_from_record(row, path.name, str(number))
        if isinstance(article, Article):
            out[article.id] = article
    return out


# Areas whose "point" is a convention (capital, centroid, label point): scored apart.
AREA_TYPES = frozenset({"country", "governorate", "region", "area"})


def score_place_gold(
    rows: Sequence[Row], articles: dict[str, Article], gaz: Gazetteer
) -> dict[str, Any]:
    extract = _extract(gaz)
    all_docs, iraqi_docs, site_docs, area_docs, missing = [], [], [], [], []
    areas = reference_areas()
    for row in rows:
        article = articles.get(str(row["id"]))
        if article is None:
            missing.append(str(row["id"]))
            continue
        result = extract(article)
        pred = [(p.start, p.end) for p in result.places]
        pred_pts = [_point(p) for p in result.places]
        gold = row["places"]
        spans = [(int(g["start"]), int(g["end"])) for g in gold]
        pts = [_gold_point(g) for g in gold]
        all_docs.append((spans, pred, pts, pred_pts))
        iraqi_pts = [
            p if g.get("iraqi") is True else None
            for p, g in zip(pts, gold, strict=True)
        ]
        iraqi_docs.append((spans, pred, iraqi_pts, pred_pts))
        site_pts = [
            p if g.get("type") not in AREA_TYPES else None
            for p, g in zip(iraqi_pts, gold, strict=True)
        ]
        site_docs.append((spans, pred, site_pts, pred_pts))
        area_docs.append(
            (
                spans,
                pred,
                area_aware_points(spans, pred, iraqi_pts, pred_pts, gold, areas),
                pred_pts,
            )
        )
    scores = score_places(all_docs)
    scores["distance_iraqi"] = score_places(iraqi_docs)["distance"]
    scores["distance_iraqi_sites"] = score_places(site_docs)["distance"]
    if areas:
        scores["distance_iraqi_area_aware"] = score_places(area_docs)["distance"]
    return {
        "format": "places",
        "docs": len(all_docs),
        "missing_articles": missing,
        **scores,
    }


def reference_areas() -> list[Any]:
    """Iraqi governorate polygons of the OCHA reference (read in place; [] if absent).

    Used only for scoring: a gold governorate is a polygon, not a point, so a
    prediction inside it is 0 km off and one outside it is scored to its edge.
    """
    path = (
        default_articles_path().parents[1]
        / "data"
        / "ocha-cod-ab-iraq"
        / "irq_admbnda_adm1_cso_20190603.geojson"
    )
    return [geom for _name, geom in read_polygons(path, "ADM1_EN")]


def area_aware_points(
    spans: Sequence[tuple[int, int]],
    pred: Sequence[tuple[int, int]],
    gold_pts: Sequence[Point | None],
    pred_pts: Sequence[Point | None],
    gold: Sequence[Row],
    areas: Sequence[Any],
) -> list[Point | None]:
    """Gold points, with each governorate's point moved to the nearest point of its
    polygon to the paired prediction (the prediction itself when it lies inside)."""
    from shapely.geometry import Point as XY
    from shapely.ops import nearest_points

    out = list(gold_pts)
    for gi, pi in overlap_pairs(list(spans), list(pred)):
        g, p = gold_pts[gi], pred_pts[pi]
        if g is None or p is None or gold[gi].get("type") != "governorate":
            continue
        area = next((a for a in areas if a.contains(XY(g[1], g[0]))), None)
        if area is not None:
            nearest = nearest_points(area, XY(p[1], p[0]))[0]
            out[gi] = (nearest.y, nearest.x)
    return out


def _gold_point(g: Row) -> Point | None:
    if g.get("lat") is None or g.get("lon") is None:
        return None
    return float(g["lat"]), float(g["lon"])


def score_incident_gold(
    rows: Sequence[Row], articles: dict[str, Article], gaz: Gazetteer
) -> dict[str, Any]:
    try:
        module = importlib.import_module("kharita.evaluate.incidents")
    except ImportError:
        raise ConfigurationError(
            "incident scoring is not available (kharita.evaluate.incidents is missing)"
        ) from None
    extract = _extract(gaz)
    ids = dict.fromkeys(str(r.get("article_id", r.get("id"))) for r in rows)
    results = [extract(articles[i]) for i in ids if i in articles]
    scored = module.score_incidents(list(rows), results)
    return {"format": "incidents", **dict(scored)}


def evaluate_file(
    gold_path: Path,
    articles_path: Path | None = None,
    gazetteer: Gazetteer | None = None,
) -> dict[str, Any]:
    """Score kharita on ``gold_path``; returns a JSON-able dict of scores."""
    rows = read_jsonl(gold_path)
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    kind = gold_format(rows)
    if kind == "spans":
        return {"gold": str(gold_path), **score_span_gold(rows, gaz)}
    articles = load_articles(articles_path or default_articles_path())
    if kind == "places":
        return {"gold": str(gold_path), **score_place_gold(rows, articles, gaz)}
    return {"gold": str(gold_path), **score_incident_gold(rows, articles, gaz)}


def table_lines(scores: dict[str, Any]) -> Iterator[str]:
    """A human-readable table of :func:`evaluate_file` output."""
    yield f"gold: {scores.get('gold')}  format: {scores.get('format')}  docs: {scores.get('docs', '?')}"
    for name in ("exact", "overlap"):
        if name in scores:
            s = scores[name]
            yield f"  span {name:<8} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f']:.3f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
    for name in (
        "distance",
        "distance_iraqi",
        "distance_iraqi_sites",
        "distance_iraqi_area_aware",
    ):
        if name in scores:
            d = scores[name]
            accs = "  ".join(
                f"{k} {d[k]:.3f}" if d[k] is not None else f"{k} -"
                for k in d
                if k.startswith("acc@")
            )
            yield f"  {name:<15} n {d['n']}  unresolved {d['unresolved']}  {accs}  median {d['median_km']} km"
    for k, v in scores.items():
        if k not in (
            "gold",
            "format",
            "docs",
            "exact",
            "overlap",
            "distance",
            "distance_iraqi",
            "distance_iraqi_sites",
            "distance_iraqi_area_aware",
        ):
            yield f"  {k}: {v}"
