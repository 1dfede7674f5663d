"""Readers of GeoJSON gazetteer files: OCHA COD-AB admin boundaries and any
GeoJSON of named points or polygons (OpenStreetMap exports).

COD-AB: features with ``ADMn_EN``/``ADMn_AR``/``ADMn_PCODE`` (n = 1..3; the highest
n present is the unit's level).  Each unit becomes a place at its representative
point (always inside the polygon) and keeps its polygon as an admin area.

Generic: ``name``, ``name:ar``, ``name:en`` properties; the type comes from a
``type`` property or the OSM tags in ``lexicon/layer_feature_types.tsv``.  A
polygon gives its representative point; admin-typed polygons are kept as areas.
A top-level ``license``/``licence`` member is recorded as the layer's licence.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..geo import area_precision_m, label_point, shape_of
from ..models import GazetteerPlace
from .parsed import ARABIC, Origin, Parsed, feature_type, make_place, split_names
from .store import AdminArea

ADMIN_LEVEL = {"governorate": 1, "district": 2, "subdistrict": 3}
_COD_TYPES = {0: "country", 1: "governorate", 2: "district", 3: "subdistrict"}


def load_features(path: Path) -> tuple[list[dict[str, Any]], str | None]:
    """The features of a GeoJSON file or an ESRI shapefile (``.shp`` with its
    ``.dbf``/``.shx`` beside it) and the licence the file states; bad input raises."""
    if path.suffix.lower() == ".shp":
        return _shapefile_features(path), None
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        raise ValueError("not a GeoJSON FeatureCollection")
    licence = data.get("license") or data.get("licence")
    return data["features"], str(licence) if licence else None


def _shapefile_features(path: Path) -> list[dict[str, Any]]:
    """A shapefile's records as GeoJSON features (pyshp; attributes read as UTF-8,
    the encoding of the COD-AB shapefiles' Arabic names)."""
    import shapefile  # lazy: only imports of shapefiles need it

    try:
        with shapefile.Reader(str(path), encoding="utf-8") as reader:
            collection = reader.__geo_interface__
    except shapefile.ShapefileException as exc:
        raise ValueError(str(exc)) from None
    return list(collection.get("features") or [])


def is_cod_ab(features: list[dict[str, Any]]) -> bool:
    props = (features[0].get("properties") or {}) if features else {}
    return any(f"ADM{n}_PCODE" in props for n in range(4))


def cod_level(props: dict[str, Any]) -> int:
    return max((n for n in range(4) if props.get(f"ADM{n}_PCODE")), default=-1)


def _numbered(features: list[dict[str, Any]]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, feature in enumerate(features, start=1):
        yield number, feature if isinstance(feature, dict) else {}


def read_cod_ab(path: Path, origin: Origin, out: Parsed) -> None:
    features, out.licence = load_features(path)
    for number, feature in _numbered(features):
        props = feature.get("properties") or {}
        level = cod_level(props)
        try:
            if level < 0 or not feature.get("geometry"):
                raise ValueError("no ADMn_PCODE or no geometry")
            place, area = _cod_unit(props, level, feature["geometry"], origin)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            out.problems.append(origin.problem(f"feature {number}", str(exc)))
            continue
        if place.district and props.get("ADM2_AR"):
            out.districts_ar[place.district] = str(props["ADM2_AR"])
        out.places.append(place)
        if area is not None:
            out.areas.append(area)


def _cod_unit(
    props: dict[str, Any], level: int, geometry: dict[str, Any], origin: Origin
) -> tuple[GazetteerPlace, AdminArea | None]:
    geom = shape_of(geometry)
    pcode = str(props[f"ADM{level}_PCODE"])
    name_en = str(props.get(f"ADM{level}_EN") or "").strip()
    name_ar = str(props.get(f"ADM{level}_AR") or "").strip()
    if not name_en and not name_ar:
        raise ValueError(f"{pcode}: no ADM{level}_EN or ADM{level}_AR name")
    alternates = [
        str(props.get(f"ADM{level}ALT{i}{lang}") or "")
        for i in (1, 2)
        for lang in ("EN", "AR")
    ]
    arabic, latin = split_names(alternates)
    place = make_place(
        origin,
        pcode,
        _COD_TYPES[level],
        (name_en, name_ar),
        label_point(geom),
        country=str(props.get("ADM0_PCODE") or "")[:2].upper() or None,
        district=str(props.get("ADM2_EN") or "") if level >= 2 else None,
        aliases_ar=arabic,
        aliases_en=latin,
        precision_m=area_precision_m(geom),
    )
    if level == 0:
        return place, None
    return place, AdminArea(place.id, level, place.name_en, place.name_ar, geometry)


def _osm_type(props: dict[str, Any]) -> str | None:
    given = props.get("type") or props.get("kharita:type")
    if isinstance(given, str) and given.strip() and "=" not in given:
        return given.strip()
    codes = [f"{k}={v}" for k, v in props.items() if isinstance(v, str | int)]
    codes += [f"{k}=*" for k in props]
    return feature_type("osm", *codes)


def read_geojson(path: Path, origin: Origin, out: Parsed) -> None:
    features, out.licence = load_features(path)
    for number, feature in _numbered(features):
        props = feature.get("properties") or {}
        try:
            place, area = _feature(props, feature, number, origin)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            out.problems.append(origin.problem(f"feature {number}", str(exc)))
            continue
        out.places.append(place)
        if area is not None:
            out.areas.append(area)


def _feature(
    props: dict[str, Any], feature: dict[str, Any], number: int, origin: Origin
) -> tuple[GazetteerPlace, AdminArea | None]:
    name = str(props.get("name") or "").strip()
    name_ar = str(props.get("name:ar") or "").strip()
    name_en = str(props.get("name:en") or "").strip()
    if name and not name_ar and ARABIC.search(name):
        name_ar = name
    elif name and not name_en and not ARABIC.search(name):
        name_en = name
    if not name_ar and not name_en:
        raise ValueError("no name, name:ar or name:en")
    if not feature.get("geometry"):
        raise ValueError("no geometry")
    geom = shape_of(feature["geometry"])
    kind = _osm_type(props) or "landmark"
    native = str(props.get("@id") or props.get("id") or feature.get("id") or number)
    is_area = geom.geom_type in ("Polygon", "MultiPolygon")
    extra: dict[str, object] = {}
    if is_area:
        extra["precision_m"] = area_precision_m(geom)
    place = make_place(
        origin, native, kind, (name_en, name_ar), label_point(geom), **extra
    )
    level = ADMIN_LEVEL.get(kind)
    if is_area and level is not None:
        area = AdminArea(
            place.id, level, place.name_en, place.name_ar, feature["geometry"]
        )
        return place, area
    return place, None
