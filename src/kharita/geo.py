"""Geometry: the one module that knows shapely, distances and admin polygons.

Coordinates are ``(lat, lon)`` everywhere in kharita; shapely wants
``(x=lon, y=lat)``.  :func:`to_xy`, :func:`from_xy` and :func:`shape_of` are the
only conversions.  Distances: :func:`haversine_km` (fast great circle, for ranking
and thresholds), :func:`approx_km` (equirectangular, cheaper still, for scoring),
:func:`geodesic_km` and :func:`destination` (WGS-84 geodesic through
geographiclib, what geopy's ``geodesic`` wraps, for reported numbers).

Polygons: :func:`read_polygons` reads any GeoJSON of admin units;
:func:`governorate_polygons` reads the shipped ``boundaries/iraq_governorates.geojson``
(none when the file is missing, then :func:`governorate_of` returns ``None``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]

from .shipped import default_directory

LatLon = tuple[float, float]
_WGS84 = Geodesic.WGS84
EARTH_KM = 6371.0088
#: a generous box around Iraq, used only when no boundary polygons are shipped
IRAQ_BBOX = (29.0, 38.7, 38.7, 48.8)  # lat_min, lat_max, lon_min, lon_max
BOUNDARIES_FILE = "boundaries/iraq_governorates.geojson"


def haversine_km(a: LatLon, b: LatLon) -> float:
    """Great-circle distance (mean Earth radius) between two ``(lat, lon)`` points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


class Located(Protocol):
    """Anything with an optional point: places, resolved places, incidents."""

    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...


def km_apart(a: Located, b: Located) -> float:
    """:func:`haversine_km` between two located things; infinite when either has no point."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return haversine_km((a.lat, a.lon), (b.lat, b.lon))


def approx_km(a: LatLon, b: LatLon) -> float:
    """Equirectangular distance: within 1 % of the great circle up to ~150 km."""
    x = (b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 111.2 * math.hypot(x, b[0] - a[0])


def geodesic_km(a: LatLon, b: LatLon) -> float:
    """WGS-84 geodesic distance (geographiclib directly: same numbers as geopy)."""
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


def shape_of(geometry: dict[str, Any]) -> Any:
    """A prepared shapely geometry from a GeoJSON ``geometry`` mapping."""
    import shapely
    from shapely.geometry import shape

    geom = shape(geometry)
    shapely.prepare(geom)
    return geom


def label_point(geom: Any) -> LatLon:
    """A point guaranteed inside ``geom`` (shapely's representative point)."""
    point = geom.representative_point()
    return from_xy(float(point.x), float(point.y))


def contains(geom: Any, point: LatLon) -> bool:
    import shapely

    x, y = to_xy(point)
    return bool(shapely.contains_xy(geom, x, y))


def distance_deg(geom: Any, point: LatLon) -> float:
    """Planar distance in degrees from ``point`` to ``geom`` (0 inside)."""
    import shapely

    return float(shapely.distance(geom, shapely.Point(*to_xy(point))))


@dataclass(frozen=True, slots=True)
class Area:
    """An admin polygon: ``level`` 1 governorate, 2 district, 3 sub-district."""

    place_id: str
    level: int
    name_en: str
    name_ar: str
    geom: Any = field(compare=False, repr=False)


def read_polygons(
    path: Path, name_field: str = "name_en"
) -> tuple[tuple[str, Any], ...]:
    """``(name, prepared geometry)`` per feature of a GeoJSON file (empty when missing)."""
    if not path.is_file():
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for feature in data.get("features", []):
        if not feature.get("geometry"):
            continue
        props = feature.get("properties") or {}
        name = props.get(name_field) or props.get("name") or ""
        out.append((str(name), shape_of(feature["geometry"])))
    return tuple(out)


@lru_cache(maxsize=1)
def boundaries_path() -> Path:
    return default_directory() / BOUNDARIES_FILE


@lru_cache(maxsize=4)
def governorate_polygons(path: Path | None = None) -> tuple[tuple[str, Any], ...]:
    """The shipped governorate polygons keyed by English name, read once."""
    return read_polygons(path or boundaries_path())


Ring = tuple[tuple[float, float], ...]
_EDGE = 1e-9  # degrees: closer than this to an edge, GEOS decides


@lru_cache(maxsize=2)
def _rings(path: Path) -> tuple[tuple[str, tuple[float, ...], tuple[Ring, ...]], ...]:
    """Each governorate's name, bounding box and rings, straight from the GeoJSON."""
    out = []
    for props, rings in _feature_rings(path):
        name = props.get("name_en") or props.get("name") or ""
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        out.append((str(name), (min(xs), min(ys), max(xs), max(ys)), rings))
    return tuple(out)


@lru_cache(maxsize=2)
def _feature_rings(path: Path) -> tuple[tuple[dict[str, Any], tuple[Ring, ...]], ...]:
    """Each feature's properties and rings (every polygon's), read once."""
    if not path.is_file():
        return ()
    out = []
    for feature in json.loads(path.read_text(encoding="utf-8")).get("features", []):
        geometry = feature.get("geometry")
        if not geometry:
            continue
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = tuple(
            tuple((float(x), float(y)) for x, y, *_ in ring)
            for polygon in polygons
            for ring in polygon
        )
        out.append((feature.get("properties") or {}, rings))
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

    Start-up: a plain-Python point-in-polygon test answers (shapely and numpy
    take longer to import than a whole article takes); points within 1e-9
    degrees of a boundary go to shapely/GEOS, so the answer is GEOS's for every
    point.
    """
    y, x = point
    for name, (x0, y0, x1, y1), rings in _rings(path or boundaries_path()):
        if x0 <= x <= x1 and y0 <= y <= y1:
            inside = _inside(rings, x, y)
            if inside is None:
                return _governorate_of_geos(point, path)
            if inside:
                return name
    return None


def _governorate_of_geos(point: LatLon, path: Path | None = None) -> str | None:
    for name, geom in governorate_polygons(path):
        if contains(geom, point):
            return name
    return None


def in_iraq(point: LatLon, path: Path | None = None) -> bool:
    """Inside an Iraqi governorate polygon (or the Iraq box when none are shipped)."""
    lat_min, lat_max, lon_min, lon_max = IRAQ_BBOX
    if not (lat_min <= point[0] <= lat_max and lon_min <= point[1] <= lon_max):
        return False  # outside the box: no polygon test needed
    if _rings(path or boundaries_path()):
        return governorate_of(point, path) is not None
    return True


def governorates_of(points: list[LatLon], path: Path | None = None) -> list[str | None]:
    """:func:`governorate_of` for many points at once (vectorised; for imports)."""
    import numpy as np
    import shapely

    out: list[str | None] = [None] * len(points)
    if not points:
        return out
    xs = np.fromiter((p[1] for p in points), dtype=float, count=len(points))
    ys = np.fromiter((p[0] for p in points), dtype=float, count=len(points))
    for name, geom in governorate_polygons(path):
        for i in np.flatnonzero(shapely.contains_xy(geom, xs, ys)):
            if out[i] is None:
                out[i] = name
    return out


def area_precision_m(geom: Any) -> float:
    """Half the side of a square of the polygon's area: how far its point may be off."""
    lat = label_point(geom)[0]
    km2 = float(geom.area) * 111.32**2 * math.cos(math.radians(lat))
    return round(max(500.0, 1000.0 * math.sqrt(max(km2, 0.0)) / 2), -2)


#: "northern X" without a distance: the outer third of X along the bearing
SIDE_SHARE = 1 / 3
Point = tuple[float, float]  # (x=lon, y=lat), as in the GeoJSON rings


@lru_cache(maxsize=2)
def _area_rings(path: Path) -> dict[str, tuple[Ring, ...]]:
    """The shipped governorates' rings by gazetteer id (``gov:iq-…``), and
    Iraq's (``country:iq``) as all of them."""
    out = {str(p["id"]): rings for p, rings in _feature_rings(path) if p.get("id")}
    if out:
        out["country:iq"] = tuple(ring for rings in out.values() for ring in rings)
    return out


@lru_cache(maxsize=512)  # a few areas and compass bearings: each cut is computed once
def side_point(
    place_id: str,
    bearing_deg: float,
    share: float = SIDE_SHARE,
    path: Path | None = None,
) -> tuple[LatLon, float] | None:
    """Point and uncertainty (m) of the side of a shipped area (Iraq or a
    governorate) that ``bearing_deg`` names ("northern Iraq", «غربي الأنبار»):
    the area cut across the bearing so that the part kept spans the outer
    ``share`` of its extent along it.  ``None`` for an area with no polygon.

    The point is the part's centroid, or, when that falls outside (a
    crescent), the middle of the part's widest stretch along the centroid's
    parallel: it always lies in the area.  Plain Python (a half-plane clip and
    the shoelace formula in a local equirectangular frame): no shapely import.
    """
    rings = _area_rings(path or boundaries_path()).get(place_id)
    if not rings:
        return None
    scale = math.cos(math.radians(_centroid(rings)[1]))
    flat = [tuple((x * scale, y) for x, y in ring) for ring in rings]
    b = math.radians(bearing_deg)
    dx, dy = math.sin(b), math.cos(b)
    values = [x * dx + y * dy for ring in flat for x, y in ring]
    cut = max(values) - share * (max(values) - min(values))
    parts = [p for p in (_clip(r, dx, dy, cut) for r in flat) if len(p) >= 3]
    cx, cy = _centroid(parts)
    if not any(_inside((p,), cx, cy) for p in parts):
        cx = _widest_middle(parts, cy)
    km2 = sum(abs(_area(p)) for p in parts) * 111.32**2
    precision = round(max(500.0, 1000.0 * math.sqrt(km2) / 2), -2)
    return (cy, cx / scale), precision


def _clip(ring: Ring, dx: float, dy: float, cut: float) -> Ring:
    """The part of ``ring`` where ``x*dx + y*dy >= cut`` (Sutherland-Hodgman)."""
    pts = ring[:-1] if ring and ring[0] == ring[-1] else ring
    out: list[Point] = []
    for i, cur in enumerate(pts):
        prev = pts[i - 1]
        fc = cur[0] * dx + cur[1] * dy - cut
        fp = prev[0] * dx + prev[1] * dy - cut
        if (fc >= 0) != (fp >= 0):
            t = fp / (fp - fc)
            out.append(
                (prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1]))
            )
        if fc >= 0:
            out.append(cur)
    return (*out, out[0]) if out else ()


def _area(ring: Ring) -> float:
    """Signed shoelace area of a closed ring."""
    pairs = zip(ring, ring[1:], strict=False)
    return sum(xa * yb - xb * ya for (xa, ya), (xb, yb) in pairs) / 2


def _centroid(rings: Sequence[Ring]) -> Point:
    """Area-weighted centroid of non-overlapping rings without holes (the
    shipped governorates have none)."""
    total = sx = sy = 0.0
    for ring in rings:
        sign = 1.0 if _area(ring) >= 0 else -1.0
        for (xa, ya), (xb, yb) in zip(ring, ring[1:], strict=False):
            cross = (xa * yb - xb * ya) * sign
            total += cross
            sx += (xa + xb) * cross
            sy += (ya + yb) * cross
    return sx / (3 * total), sy / (3 * total)


def _widest_middle(rings: Sequence[Ring], y: float) -> float:
    """The middle of the widest stretch of ``rings`` along the parallel ``y``."""
    xs = sorted(
        xa + (y - ya) * (xb - xa) / (yb - ya)
        for ring in rings
        for (xa, ya), (xb, yb) in zip(ring, ring[1:], strict=False)
        if (ya > y) != (yb > y)
    )
    spans = list(zip(xs[::2], xs[1::2], strict=False))
    a, b = max(spans, key=lambda s: s[1] - s[0])
    return (a + b) / 2
