"""The shipped vector basemap: countries, rivers, lakes, governorates and cities.

Countries, rivers, lakes and the low-zoom world come from ``render/data/basemap.json``
(built by :mod:`kharita.render.build_basemap`).  Governorate polygons (a GeoJSON file
with ``name_en``/``name_ar`` properties) and place labels (gazetteer places) are given
by the caller: ``render`` never loads the gazetteer itself.  Both are optional; a
missing governorates file is logged and the map is drawn without that layer.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from shapely.geometry import shape

from ..errors import RenderError
from ..models import GazetteerPlace

logger = logging.getLogger("kharita")

DATA = Path(__file__).resolve().parent / "data" / "basemap.json"
GOVERNORATES_FILE = "iraq_governorates.geojson"
Json = dict[str, Any]
EMPTY: Json = {"type": "FeatureCollection", "features": []}


@dataclass(frozen=True)
class Basemap:
    """GeoJSON layers and labels, ready to be embedded in the page."""

    countries: Json
    rivers: Json
    lakes: Json
    governorates: Json | None
    sources: tuple[str, ...]
    country_labels: list[list[Any]] = field(default_factory=list)  # [lat, lon, en, ar]
    governorate_labels: list[list[Any]] = field(
        default_factory=list
    )  # [lat, lon, en, ar]
    cities: list[list[Any]] = field(
        default_factory=list
    )  # [lat, lon, en, ar, min_zoom, kind]
    world: Json = field(default_factory=lambda: EMPTY)  # land outside the detailed box
    bbox: tuple[float, float, float, float] = (33.0, 26.0, 53.5, 41.5)
    world_box: tuple[float, float, float, float] = (-40.0, -30.0, 130.0, 75.0)


@lru_cache(maxsize=1)
def _shipped() -> Json:
    if not DATA.is_file():
        raise RenderError(
            f"missing {DATA.name}; run python -m kharita.render.build_basemap"
        )
    data: Json = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def load_governorates(path: Path | None) -> tuple[Json | None, list[list[Any]]]:
    """Governorate polygons (rounded) and ``[lat, lon, name_en, name_ar]`` labels."""
    if path is None:
        return None, []
    if not path.is_file():
        logger.warning("no governorate boundaries at %s; map drawn without them", path)
        return None, []
    data: Json = json.loads(path.read_text(encoding="utf-8"))
    labels = []
    for feat in data.get("features", []):
        props = feat.get("properties") or {}
        point = shape(feat["geometry"]).representative_point()
        labels.append(
            [
                round(point.y, 4),
                round(point.x, 4),
                str(props.get("name_en", "")),
                str(props.get("name_ar", "")),
            ]
        )
    return data, labels


def governorate_names(governorates: Json | None) -> dict[str, str]:
    """English -> Arabic governorate name."""
    if not governorates:
        return {}
    return {
        str(f["properties"].get("name_en")): str(f["properties"].get("name_ar") or "")
        for f in governorates.get("features", [])
        if f.get("properties")
    }


# Place labels: gazetteer kinds, and the zoom from which each kind is labelled
# (a populous place of a kind starts earlier, see :func:`min_zoom`).
PLACE_KINDS = {  # type -> (kind index shown to the page, base min zoom)
    "city": (0, 7),
    "capital": (0, 5),
    "governorate_capital": (0, 6),
    "town": (1, 9),
    "populated_place": (1, 9),
    "district": (2, 9),
    "subdistrict": (2, 10),
    "village": (3, 11),
    "neighbourhood": (4, 12),
}
POPULATION_ZOOM = ((1_000_000, 5), (300_000, 6), (100_000, 7), (40_000, 8), (10_000, 9))
SUFFIXES = re.compile(r"\s+(?:sub-?district|district|nahiya|qadha)$", re.IGNORECASE)
# a district/sub-district seat this close to a same-named town is that town
SAME_PLACE_DEG = 0.05
MAX_PLACES = 700


def min_zoom(place: GazetteerPlace) -> int:
    """The first zoom at which ``place`` is labelled (prominence: type, then population)."""
    base = PLACE_KINDS[place.type][1]
    pop = place.population or 0
    if place.type == "neighbourhood":
        return base
    for threshold, zoom in POPULATION_ZOOM:
        if pop >= threshold:
            return min(base, zoom)
    return base


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", SUFFIXES.sub("", name).lower().replace("al-", ""))


def city_rows(places: tuple[GazetteerPlace, ...]) -> list[list[Any]]:
    """Iraqi place labels as ``[lat, lon, en, ar, min_zoom, kind]``, most prominent first.

    Cities, towns, district and sub-district seats, villages and neighbourhoods; an
    administrative seat that repeats a nearby town of the same name is dropped, and
    so is a row with no point of its own (a sub-district at its district's point).
    """
    chosen = [
        p for p in places if p.type in PLACE_KINDS and p.in_iraq and p.point_of is None
    ]
    chosen.sort(
        key=lambda p: (
            min_zoom(p),
            PLACE_KINDS[p.type][0],
            -(p.population or 0),
            p.name_en,
        )
    )
    rows: list[list[Any]] = []
    seen: dict[str, list[tuple[float, float]]] = {}
    for p in chosen:
        key = _key(p.name_en) or p.name_ar
        near = seen.setdefault(key, [])
        if any(abs(p.lat - a) + abs(p.lon - b) < SAME_PLACE_DEG for a, b in near):
            continue
        near.append((p.lat, p.lon))
        name_en = SUFFIXES.sub("", p.name_en)
        rows.append(
            [
                round(p.lat, 4),
                round(p.lon, 4),
                name_en,
                p.name_ar,
                min_zoom(p),
                PLACE_KINDS[p.type][0],
            ]
        )
    return rows[:MAX_PLACES]


def load_basemap(
    governorates_path: Path | None = None, places: Sequence[GazetteerPlace] = ()
) -> Basemap:
    """The shipped layers, plus governorates and place labels when given."""
    shipped = _shipped()
    governorates, gov_labels = load_governorates(governorates_path)
    country_labels = [
        [
            *f["properties"]["label"],
            f["properties"]["name_en"],
            f["properties"]["name_ar"],
        ]
        for f in shipped["countries"]["features"]
    ]
    return Basemap(
        countries=shipped["countries"],
        rivers=shipped["rivers"],
        lakes=shipped["lakes"],
        governorates=governorates,
        sources=tuple(shipped["meta"]["sources"]),
        country_labels=country_labels,
        governorate_labels=gov_labels,
        cities=city_rows(tuple(places)),
        world=shipped.get("world", EMPTY),
        bbox=tuple(shipped["meta"]["bbox"]),
        world_box=tuple(shipped["meta"].get("world_box", shipped["meta"]["bbox"])),
    )


BASE_TYPES = frozenset({"airbase", "airport", "airfield", "base", "military_base"})
EAST_SYRIA_LON = 38.0  # al-Tanf, Conoco, Deir ez-Zor, al-Omar: sites Iraqi news names


def base_places(places: Sequence[GazetteerPlace]) -> tuple[GazetteerPlace, ...]:
    """Military bases and airfields of Iraq and eastern Syria among ``places``."""
    return tuple(
        p
        for p in places
        if p.type in BASE_TYPES
        and (p.in_iraq or (p.country == "SY" and p.lon >= EAST_SYRIA_LON))
    )
