"""Check the development gold sets against the articles they annotate.

Usage: ``python tests/gold/verify.py`` (exit 1 and one line per problem when anything is off).
Also imported by ``tests/test_gold_sets.py``. Articles are read in place from
``../shared/samples/articles.jsonl``; nothing of their text is stored here.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kharita.lexicon import load_table

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parents[1].parent / "shared" / "samples" / "articles.jsonl"
PLACES = HERE / "places_dev.jsonl"
INCIDENTS = HERE / "incidents_dev.jsonl"

ROLES = {"site", "container", "reference", "prior", "actor", "dateline", "other"}
PLACE_TYPES = {
    "country",
    "region",
    "governorate",
    "district",
    "subdistrict",
    "city",
    "town",
    "village",
    "neighbourhood",
    "area",
    "base",
    "airport",
    "gas_field",
    "mountain",
}
INCIDENT_TYPES = {row["type"] for row in load_table("incident_types")}
PRECISION_PATTERNS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
# Hand-drawn, coarse outline of Iraq as (lon, lat) vertices (annotator's sketch, ~10-20 km
# accuracy along the borders): enough to tell an Iraqi point from a foreign one here.
IRAQ_OUTLINE = (
    (38.79, 33.38),
    (41.00, 34.42),
    (41.25, 35.50),
    (41.37, 36.30),
    (42.00, 36.85),
    (42.36, 37.11),
    (43.20, 37.35),
    (44.25, 37.30),
    (44.79, 37.15),
    (45.00, 36.70),
    (45.40, 36.30),
    (45.75, 36.00),
    (46.05, 35.65),
    (46.20, 35.25),
    (45.95, 34.90),
    (45.50, 34.30),
    (45.80, 33.70),
    (46.20, 33.10),
    (47.40, 32.40),
    (47.80, 31.40),
    (48.00, 31.00),
    (48.55, 29.95),
    (47.95, 29.99),
    (47.15, 29.60),
    (46.55, 29.10),
    (44.70, 29.19),
    (42.08, 31.10),
    (40.41, 31.95),
    (39.20, 32.16),
)
_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ffA-Za-z0-9\u0660-\u0669]")
_PROCLITICS = "وفبلك"

Record = Mapping[str, Any]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_articles(path: Path = ARTICLES) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in read_jsonl(path)}


def in_iraq(lat: float, lon: float) -> bool:
    """Ray casting against :data:`IRAQ_OUTLINE`."""
    inside = False
    pts = IRAQ_OUTLINE
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def whole_word(text: str, start: int, end: int) -> bool:
    """The span is not glued to letters, except up to three Arabic proclitics before it."""
    if end < len(text) and _WORD.match(text[end]):
        return False
    i = start
    while (
        i > 0
        and start - i < 3
        and text[i - 1] in _PROCLITICS
        and not text[start].isascii()
    ):
        i -= 1
    return i == 0 or not _WORD.match(text[i - 1])


def span_problems(aid: str, text: str, place: Record) -> list[str]:
    where = f"{aid}:{place.get('start')}-{place.get('end')}"
    start, end, surface = place["start"], place["end"], place["text"]
    problems: list[str] = []
    if not (0 <= start < end <= len(text)):
        return [f"{where}: offsets outside the text"]
    if text[start:end] != surface:
        problems.append(f"{where}: text[start:end]={text[start:end]!r} != {surface!r}")
    if not whole_word(text, start, end):
        problems.append(f"{where}: {surface!r} is glued to a longer word")
    if place["role"] not in ROLES:
        problems.append(f"{where}: unknown role {place['role']!r}")
    if place["type"] not in PLACE_TYPES:
        problems.append(f"{where}: unknown type {place['type']!r}")
    if not isinstance(place["iraqi"], bool):
        problems.append(f"{where}: iraqi must be true/false")
    elif place["iraqi"] != in_iraq(place["lat"], place["lon"]):
        problems.append(
            f"{where}: iraqi={place['iraqi']} but point is {'in' if not place['iraqi'] else 'outside'} Iraq"
        )
    return problems


def place_problems(
    articles: Mapping[str, Record], lines: Iterable[Record]
) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for line in lines:
        aid = line["id"]
        if aid not in articles:
            problems.append(f"{aid}: no such article")
            continue
        seen.add(aid)
        text = articles[aid]["text"]
        last_end = 0
        for place in line["places"]:
            problems += span_problems(aid, text, place)
            if place["start"] < last_end:
                problems.append(
                    f"{aid}:{place['start']}: spans overlap or are not in text order"
                )
            last_end = place["end"]
    problems += [
        f"{aid}: article has no gold line" for aid in articles if aid not in seen
    ]
    return problems


def _count_problems(where: str, name: str, value: Any) -> list[str]:
    if value is None:
        return []
    lo, hi = value.get("min"), value.get("max")
    if not isinstance(lo, int) or lo < 0:
        return [f"{where}: {name}.min must be an int >= 0"]
    if hi is not None and (not isinstance(hi, int) or hi < lo):
        return [f"{where}: {name}.max must be null or an int >= min"]
    return []


def incident_problems(
    articles: Mapping[str, Record],
    places: Iterable[Record],
    incidents: Iterable[Record],
) -> list[str]:
    by_id = {line["id"]: line["places"] for line in places}
    problems: list[str] = []
    for n, inc in enumerate(incidents, 1):
        aid = inc["article_id"]
        where = f"incident {n} ({aid})"
        if aid not in articles:
            problems.append(f"{where}: no such article")
            continue
        if inc["type"] not in INCIDENT_TYPES:
            problems.append(f"{where}: unknown type {inc['type']!r}")
        date, prec = inc["date"], inc["date_precision"]
        if (date is None) != (prec is None):
            problems.append(
                f"{where}: date and date_precision must be both null or both set"
            )
        elif date is not None and (
            prec not in PRECISION_PATTERNS or not PRECISION_PATTERNS[prec].match(date)
        ):
            problems.append(f"{where}: date {date!r} does not match precision {prec!r}")
        problems += _count_problems(where, "killed", inc["killed"])
        problems += _count_problems(where, "wounded", inc["wounded"])
        span = (inc["place_start"], inc["place_end"], inc["place_text"])
        matches = [
            p for p in by_id.get(aid, []) if (p["start"], p["end"], p["text"]) == span
        ]
        if not matches:
            problems.append(f"{where}: place span {span} is not a gold place span")
        elif matches[0]["role"] not in ("site", "container"):
            problems.append(f"{where}: place span has role {matches[0]['role']!r}")
        if not in_iraq(inc["lat"], inc["lon"]):
            problems.append(f"{where}: incident point outside Iraq")
        if not inc["event_key"]:
            problems.append(f"{where}: empty event_key")
    return problems


def main() -> int:
    articles = load_articles()
    places = read_jsonl(PLACES)
    incidents = read_jsonl(INCIDENTS)
    problems = place_problems(articles, places) + incident_problems(
        articles, places, incidents
    )
    for problem in problems:
        sys.stderr.write(problem + "\n")
    spans = sum(len(line["places"]) for line in places)
    sys.stdout.write(
        f"{len(places)} articles, {spans} place spans, {len(incidents)} incidents, {len(problems)} problems\n"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
