"""The plain-Python governorate test gives GEOS's answer for every point."""

from __future__ import annotations

from pathlib import Path

from kharita import geo as geometry
from kharita.gazetteer import load_gazetteer


def _points() -> list[tuple[float, float]]:
    """Gazetteer places, a 0.25-degree grid over Iraq, every vertex and edge midpoint."""
    path = geometry.boundaries_path()
    points = [(p.lat, p.lon) for p in load_gazetteer().places if p.country == "IQ"]
    points += [(29.0 + i * 0.25, 38.7 + j * 0.25) for i in range(40) for j in range(41)]
    for _name, _box, rings in geometry._rings(path):
        for ring in rings:
            for (xa, ya), (xb, yb) in zip(ring, ring[1:], strict=False):
                points += [(ya, xa), ((ya + yb) / 2, (xa + xb) / 2)]
    return points


def test_geometry_governorate_of_equals_geos() -> None:
    path = geometry.boundaries_path()
    points = _points()
    plain = [geometry.governorate_of.__wrapped__(p, path) for p in points]
    geos = [geometry._governorate_of_geos(p, path) for p in points]
    assert plain == geos
    assert len({g for g in plain if g}) == 18  # every governorate is hit somewhere
    assert plain.count(None) > 100  # and points outside all of them exist


def test_geometry_in_iraq_without_polygons_uses_the_box(tmp_path: Path) -> None:
    missing = tmp_path / "none.geojson"
    assert geometry.in_iraq((33.3, 44.4), missing)
    assert not geometry.in_iraq((48.85, 2.35), missing)
