"""Shipped sub-district points against the OCHA COD-AB sub-district polygons.

Most sub-district points are approximate (a seat town, or a position recalled from a
cited article).  A shipped row is paired with the COD-AB unit of the same Arabic name
in the same governorate; its point should lie inside that unit.  The share is printed
with every outlier (``pytest -s -m reference``) and a floor is asserted, so a row that
moves further out fails.  Reference files are read in place, never copied.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kharita.gazetteer import default_directory, load_gazetteer
from kharita.geo import contains, distance_deg, shape_of
from kharita.text.normalize import key
from test_gazetteer_reference import OCHA_TO_GAZ  # Halabja is in Sulaymaniyah

#: floors at the figures measured 2026-11-30 (93/136 inside; 130/136 within precision_m)
MIN_INSIDE = 0.68
MIN_WITHIN_PRECISION = 0.95
DESIGNATOR = "ناحيه "


@pytest.fixture(scope="module")
def units(shared_dir: Path) -> dict[tuple[str, str], list[Any]]:
    """``(Arabic key, governorate) -> polygons`` of the COD-AB sub-districts."""
    path = (
        shared_dir
        / "data"
        / "ocha-cod-ab-iraq"
        / "irq_admbnda_adm3_cso_20190603.geojson"
    )
    if not path.is_file():
        pytest.fail(f"reference file missing: {path}")
    out: dict[tuple[str, str], list[Any]] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        where = (key(props["ADM3_AR"]), OCHA_TO_GAZ[props["ADM1_EN"]])
        out.setdefault(where, []).append(shape_of(feature["geometry"]))
    return out


@pytest.mark.reference
@pytest.mark.parametrize(
    ("inside_min", "precision_min"), [(MIN_INSIDE, MIN_WITHIN_PRECISION)]
)
def test_gazetteer_subdistricts_inside_their_cod_ab_unit(
    units: dict[tuple[str, str], list[Any]], inside_min: float, precision_min: float
) -> None:
    assert load_gazetteer().directory == default_directory()
    paired = []
    for place in load_gazetteer().of_type("subdistrict"):
        governorate = (
            "Sulaymaniyah" if place.governorate == "Halabja" else place.governorate
        )
        names = {
            key(n).removeprefix(DESIGNATOR) for n in (place.name_ar, *place.aliases_ar)
        }
        polygons = [g for n in names for g in units.get((n, governorate or ""), [])]
        if polygons:
            paired.append((place, polygons))
    outside = [
        (p, min(distance_deg(g, (p.lat, p.lon)) for g in polys) * 111)
        for p, polys in paired
        if not any(contains(g, (p.lat, p.lon)) for g in polys)
    ]
    share = 1 - len(outside) / len(paired)
    print(
        f"\nshipped sub-district points inside their COD-AB unit (same Arabic name and"
        f" governorate): {len(paired) - len(outside)}/{len(paired)} = {share:.1%}"
    )
    beyond = [(p, km) for p, km in outside if km * 1000 > p.precision_m]
    within = 1 - len(beyond) / len(paired)
    print(
        f"within their stated precision_m of the unit: {len(paired) - len(beyond)}"
        f"/{len(paired)} = {within:.1%}"
    )
    for place, km in sorted(outside, key=lambda pair: -pair[1]):
        flag = "BEYOND precision" if (place, km) in beyond else "within precision"
        print(
            f"  outside: {place.id} {km:.1f} km out, precision {place.precision_m / 1000:.0f} km: {flag}"
        )
    assert share >= inside_min
    assert within >= precision_min
