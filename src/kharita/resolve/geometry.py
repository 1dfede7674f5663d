"""The one place that converts between kharita's ``(lat, lon)`` and shapely's ``(x=lon, y=lat)``.

Distances: :func:`haversine_km` (fast, for ranking), :func:`geodesic_km` and
:func:`destination` (geopy's WGS-84 geodesic, for reported numbers).  Governorate
polygons come from ``gazetteer/boundaries/iraq_governorates.geojson`` when the
file exists; without it :func:`governorate_of` returns ``None``.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]

LatLon = tuple[float, float]
_WGS84 = Geodesic.WGS84
EARTH_KM = 6371.0088
# a generous box around Iraq, used only when no boundary polygons are shipped
IRAQ_BBOX = (29.0, 38.7, 38.7, 48.8)  # lat_min, lat_max, lon_min, lon_max


def haversine_km(a: LatLon, b: LatLon) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def geodesic_km(a: LatLon, b: LatLon) -> float:
    # geographiclib directly (what geopy's geodesic wraps): same numbers, ~10x less overhead
    line = _WGS84.Inverse(a[0], a[1], b[0], b[1], Geodesic.DISTANCE)
    return float(line["s12"]) / 1000.0


@lru_cache(maxsize=4096)  # «شمال بغداد» recurs: the same anchor, bearing and distance
def destination(origin: LatLon, bearing_deg: float, distance_km: float) -> LatLon:
    """The point ``distance_km`` from ``origin`` along ``bearing_deg`` (WGS-84 geodesic)."""
    p = _WGS84.Direct(
        origin[0],
        origin[1],
        bearing_deg,
        distance_km * 1000.0,
        Geodesic.LATITUDE | Geodesic.LONGITUDE,
    )
    return float(p["lat2"]), (float(p["lon2"]) + 180.0) % 360.0 - 180.0


def midpoint(a: LatLon, b: LatLon) -> LatLon:
    """Geodesic midpoint of ``a`` and ``b``."""
    half = geodesic_km(a, b) / 2
    return destination(a, initial_bearing(a, b), half)


def initial_bearing(a: LatLon, b: LatLon) -> float:
    lat1, lat2 = math.radians(a[0]), math.radians(b[0])
    dlon = math.radians(b[1] - a[1])
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(
        dlon
    )
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def to_xy(point: LatLon) -> tuple[float, float]:
    """``(lat, lon)`` -> shapely ``(x=lon, y=lat)``."""
    return point[1], point[0]


def from_xy(x: float, y: float) -> LatLon:
    """shapely ``(x=lon, y=lat)`` -> ``(lat, lon)``."""
    return y, x


@lru_cache(maxsize=1)
def boundaries_path() -> Path:
    from ..gazetteer import default_directory

    return default_directory() / "boundaries" / "iraq_governorates.geojson"


@lru_cache(maxsize=2)
def _governorates(path: Path) -> tuple[tuple[str, Any], ...]:
    import shapely
    from shapely.geometry import shape

    if not path.is_file():
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for feature in data.get("features", []):
        props = feature.get("properties") or {}
        name = (
            props.get("name_en") or props.get("name") or props.get("governorate") or ""
        )
        geom = shape(feature["geometry"])
        shapely.prepare(geom)
        out.append((str(name), geom))
    return tuple(out)


Ring = tuple[tuple[float, float], ...]
_EDGE = 1e-9  # degrees: closer than this to an edge, GEOS decides


@lru_cache(maxsize=2)
def _rings(path: Path) -> tuple[tuple[str, tuple[float, ...], tuple[Ring, ...]], ...]:
    """Each governorate's name, bounding box and rings, straight from the GeoJSON."""
    if not path.is_file():
        return ()
    out = []
    for feature in json.loads(path.read_text(encoding="utf-8")).get("features", []):
        props, geometry = feature.get("properties") or {}, feature["geometry"]
        name = (
            props.get("name_en") or props.get("name") or props.get("governorate") or ""
        )
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = tuple(
            tuple((float(x), float(y)) for x, y, *_ in ring)
            for polygon in polygons
            for ring in polygon
        )
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        out.append((str(name), (min(xs), min(ys), max(xs), max(ys)), rings))
    return tuple(out)


def _inside(rings: tuple[Ring, ...], x: float, y: float) -> bool | None:
    """Even-odd ray test; ``None`` when the point is too close to the boundary to tell."""
    inside = False
    for ring in rings:
        for (xa, ya), (xb, yb) in zip(ring, ring[1:], strict=False):
            if abs(ya - y) < _EDGE and xa > x - _EDGE:
                return None  # on a vertex's level: an edge case for the ray
            if (ya > y) != (yb > y):
                xi = xa + (y - ya) * (xb - xa) / (yb - ya)
                if abs(xi - x) < _EDGE:
                    return None
                if x < xi:
                    inside = not inside
    return inside


@lru_cache(maxsize=4096)  # points are mostly gazetteer places, which recur
def governorate_of(point: LatLon, path: Path | None = None) -> str | None:
    """English name of the governorate polygon containing ``point``, if known.

    Start-up: a plain-Python point-in-polygon test answers (shapely and numpy take
    longer to import than a whole article takes); points within 1e-9 degrees of a
    boundary go to shapely/GEOS, so the answer is GEOS's for every point.
    """
    x, y = to_xy(point)
    for name, (x0, y0, x1, y1), rings in _rings(path or boundaries_path()):
        if x0 <= x <= x1 and y0 <= y <= y1:
            inside = _inside(rings, x, y)
            if inside is None:
                return _governorate_of_geos(point, path)
            if inside:
                return name
    return None


def _governorate_of_geos(point: LatLon, path: Path | None = None) -> str | None:
    import shapely

    x, y = to_xy(point)
    for name, geom in _governorates(path or boundaries_path()):
        if shapely.contains_xy(geom, x, y):
            return name
    return None


def in_iraq(point: LatLon, path: Path | None = None) -> bool:
    """Inside an Iraqi governorate polygon (or the Iraq box when none are shipped)."""
    lat_min, lat_max, lon_min, lon_max = IRAQ_BBOX
    if not (lat_min <= point[0] <= lat_max and lon_min <= point[1] <= lon_max):
        return False  # outside the box: no polygon test needed
    polys = _rings(path or boundaries_path())
    if polys:
        return governorate_of(point, path) is not None
    return True
