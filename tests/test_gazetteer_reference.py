"""The shipped gazetteer checked against independent reference data in ../shared/data.

Reference files are read in place and never copied.  Each test prints its figures
(run ``pytest -s -m reference``); gazetteer/README.md quotes them.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import shapely
from shapely.geometry import shape

from kharita.gazetteer import load_gazetteer
from kharita.geo import haversine_km
from kharita.resolve.geocoders import LocalGeocoder

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
OCHA = DATA / "ocha-cod-ab-iraq"
AIRFIELDS = DATA / "openflights-iraq-airfields"

# OCHA adm1 English names -> the gazetteer's governorate names.
OCHA_TO_GAZ = {
    "Al-Anbar": "Anbar",
    "Al-Basrah": "Basra",
    "Al-Muthanna": "Muthanna",
    "Al-Najaf": "Najaf",
    "Al-Qadissiya": "Qadisiyah",
    "Al-Sulaymaniyah": "Sulaymaniyah",
    "Babil": "Babil",
    "Baghdad": "Baghdad",
    "Diyala": "Diyala",
    "Duhok": "Duhok",
    "Erbil": "Erbil",
    "Kerbala": "Karbala",
    "Kirkuk": "Kirkuk",
    "Maysan": "Maysan",
    "Ninewa": "Ninawa",
    "Salah Al-Din": "Salah al-Din",
    "Thi Qar": "Dhi Qar",
    "Wassit": "Wasit",
}
#: OCHA's 2019 adm1 has no Halabja: it is part of Sulaymaniyah there.
SAME_AS = {"Halabja": "Sulaymaniyah"}
#: ~3 km: a point this close to its governorate's OCHA polygon agrees.
TOLERANCE_DEG = 0.03
MIN_GOVERNORATE_AGREEMENT = 0.95
AIRFIELD_KM = 5.0
MIN_AIRFIELD_AGREEMENT = 0.9
ADMIN_KM = 50.0
#: floors for the share of OCHA units geocoded by Arabic name within 50 km; adm3 is
#: 238 of 294, sub-districts with no point known standing at their district's point
#: (201 while they were left out)
MIN_ADMIN_SHARE = {1: 0.9, 2: 0.9, 3: 0.78}
#: how news text names a unit of each level (the geocoder strips the designator)
DESIGNATOR = {1: "محافظة", 2: "قضاء", 3: "ناحية"}


def reference(path: Path) -> Path:
    if not path.exists():
        pytest.fail(
            f"reference data missing: {path} (the tests read ../shared/data beside the repo)"
        )
    return path


@cache
def ocha_adm1() -> dict[str, Any]:
    data = json.loads(
        reference(OCHA / "irq_admbnda_adm1_cso_20190603.geojson").read_text(
            encoding="utf-8"
        )
    )
    polygons = {}
    for feature in data["features"]:
        geom = shape(feature["geometry"])
        shapely.prepare(geom)
        polygons[OCHA_TO_GAZ[feature["properties"]["ADM1_EN"]]] = geom
    return polygons


def agrees(place_governorate: str, lat: float, lon: float) -> bool:
    geom = ocha_adm1()[SAME_AS.get(place_governorate, place_governorate)]
    return (
        bool(shapely.contains_xy(geom, lon, lat))
        or geom.distance(shapely.Point(lon, lat)) <= TOLERANCE_DEG
    )


@pytest.mark.reference
@pytest.mark.parametrize("minimum", [MIN_GOVERNORATE_AGREEMENT])
def test_gazetteer_reference_governorates_agree_with_ocha(minimum: float) -> None:
    places = [
        p
        for p in load_gazetteer().places
        if p.in_iraq and p.governorate and p.type != "region"
    ]
    wrong = [p for p in places if not agrees(p.governorate or "", p.lat, p.lon)]
    share = 1 - len(wrong) / len(places)
    print(
        f"\ngovernorate agreement with OCHA adm1: {len(places) - len(wrong)}/{len(places)} = {share:.1%}"
    )
    for place in wrong:
        print(f"  disagrees: {place.id} {place.name_en} stated {place.governorate}")
    assert share >= minimum


def reference_airfields() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for name in ("airports_dafif_iraq_syria.csv", "airports_extended_iraq_syria.csv"):
        with reference(AIRFIELDS / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("icao"):
                    out.setdefault(
                        row["icao"].upper(), (float(row["lat"]), float(row["lon"]))
                    )
    return out


@pytest.mark.reference
@pytest.mark.parametrize("minimum", [MIN_AIRFIELD_AGREEMENT])
def test_gazetteer_reference_airfields_agree_with_openflights(minimum: float) -> None:
    ref = reference_airfields()
    pairs = [
        (p, ref[p.id.split(":")[1].upper()])
        for p in load_gazetteer().places
        if p.id.startswith("icao:") and p.id.split(":")[1].upper() in ref
    ]
    far = [(p, haversine_km((p.lat, p.lon), r)) for p, r in pairs]
    far = [(p, d) for p, d in far if d > AIRFIELD_KM]
    share = 1 - len(far) / len(pairs)
    print(
        f"\nairfields within {AIRFIELD_KM} km of OpenFlights/DAFIF: {len(pairs) - len(far)}/{len(pairs)} = {share:.1%}"
    )
    for place, distance in far:
        print(f"  {place.id} {place.name_en}: {distance:.1f} km")
    assert len(pairs) >= 20
    assert share >= minimum


def ocha_units() -> list[dict[str, str]]:
    with reference(OCHA / "irq_admin_units_ar_en.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        return [
            row for row in csv.DictReader(handle) if row["level"] in ("1", "2", "3")
        ]


@pytest.fixture(scope="module")
def coverage() -> dict[int, tuple[int, int]]:
    geocoder = LocalGeocoder()
    counts: dict[int, list[int]] = {1: [0, 0], 2: [0, 0], 3: [0, 0]}
    for unit in ocha_units():
        level = int(unit["level"])
        counts[level][1] += 1
        point = (float(unit["label_lat"]), float(unit["label_lon"]))
        iraqi = []
        for query in (f"{DESIGNATOR[level]} {unit['name_ar']}", unit["name_ar"]):
            found = geocoder.geocode(query, exactly_one=False)
            iraqi = [loc for loc in found if loc.raw["country"] == "IQ"]
            if iraqi:
                break
        if (
            iraqi
            and haversine_km((iraqi[0].latitude, iraqi[0].longitude), point) <= ADMIN_KM
        ):
            counts[level][0] += 1
    return {level: (hit, total) for level, (hit, total) in counts.items()}


@pytest.mark.reference
@pytest.mark.parametrize("level", [1, 2, 3])
def test_gazetteer_reference_geocodes_ocha_units_by_arabic_name(
    coverage: dict[int, tuple[int, int]], level: int
) -> None:
    hit, total = coverage[level]
    print(
        f"\nOCHA adm{level} units geocoded by Arabic name within {ADMIN_KM:.0f} km: {hit}/{total} = {hit / total:.1%}"
    )
    assert hit / total >= MIN_ADMIN_SHARE[level]


WIKI_SITES = (
    DATA / "wikipedia-iraq-conflict-map-sites" / "military_and_key_sites_partial.tsv"
)
SITE_KM = 15.0
MIN_SITE_AGREEMENT = 0.8


@pytest.mark.reference
@pytest.mark.parametrize("minimum", [MIN_SITE_AGREEMENT])
def test_gazetteer_reference_sites_agree_with_wikipedia_marks(minimum: float) -> None:
    """Sites the geocoder finds by their English map label (not fuzzily) lie near the mark."""
    geocoder = LocalGeocoder()
    with reference(WIKI_SITES).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    found = []
    for row in rows:
        matches = [m for m in geocoder.matches(row["label"]) if m.how != "fuzzy"]
        if matches:
            mark = (float(row["lat"]), float(row["lon"]))
            place = matches[0].place
            found.append((row["label"], haversine_km((place.lat, place.lon), mark)))
    near = [label for label, km in found if km <= SITE_KM]
    print(
        f"\nWikipedia map marks found by label: {len(found)}/{len(rows)};"
        f" within {SITE_KM:.0f} km: {len(near)}"
    )
    for label, km in found:
        print(f"  {label}: {km:.1f} km")
    assert found
    assert len(near) / len(found) >= minimum
