"""tools/build_gazetteer_admin.py: a curated sub-district with no point known is
shipped at its district's point, and the shipped files say so."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from kharita.gazetteer import load_gazetteer
from kharita.models import GazetteerPlace

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def admin(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(REPO / "tools"))
    import build_gazetteer_admin

    return build_gazetteer_admin


def district(slug: str, name_en: str, governorate: str, **extra: str) -> dict[str, str]:
    return {
        "id": f"district:{slug}",
        "name_en": f"{name_en} District",
        "district": name_en,
        "aliases_en": extra.get("aliases_en", ""),
        "governorate": governorate,
        "lat": extra.get("lat", "34.0"),
        "lon": extra.get("lon", "44.0"),
        "precision_m": extra.get("precision_m", "25000"),
    }


DISTRICTS = [
    district("tuz", "Tuz Khurmatu", "Salah al-Din", aliases_en="Tuz|Tuz Khormato"),
    district("khalis", "Khalis", "Diyala", lat="33.85118", lon="44.52047"),
    district("hit", "Hit", "Anbar", precision_m="30000"),
    district("hit-2", "Hit", "Babil"),
]


@pytest.mark.parametrize(
    ("stated", "governorate", "found"),
    [
        ("Khalis", "Diyala", "district:khalis"),
        ("Tuz", "Salah al-Din", "district:tuz"),  # an English alias names it
        ("Hit", "Anbar", "district:hit"),  # same name elsewhere is not it
        ("Khalis", "Anbar", None),
        ("Nowhere", "Diyala", None),
    ],
)
def test_build_gazetteer_admin_finds_the_stated_district(
    admin: Any, stated: str, governorate: str, found: str | None
) -> None:
    cur = {"district": stated, "governorate": governorate}
    row = admin.district_of(cur, DISTRICTS)
    assert (row["id"] if row else None) == found


@pytest.mark.parametrize(
    ("stated", "governorate", "own_precision", "precision"),
    [
        ("Khalis", "Diyala", "", 25000.0),
        ("Hit", "Anbar", "", 30000.0),
        ("Khalis", "Diyala", "40000", 40000.0),  # never finer than the district
    ],
)
def test_build_gazetteer_admin_places_a_unit_with_no_point_at_its_district(
    admin: Any, stated: str, governorate: str, own_precision: str, precision: float
) -> None:
    cur = {
        "slug": "x",
        "district": stated,
        "governorate": governorate,
        "precision_m": own_precision,
    }
    lat, lon, got, source = admin.borrowed_point("subdistricts.csv", cur, DISTRICTS)
    host = admin.district_of(cur, DISTRICTS)
    assert (lat, lon) == (float(host["lat"]), float(host["lon"]))
    assert got == precision
    assert source == f"no point known: the point of its district {host['id']}"
    place = GazetteerPlace("x", "subdistrict", "X", "س", lat, lon, "IQ", source)
    assert place.point_of == host["id"]


def test_build_gazetteer_admin_stops_when_the_district_is_unknown(admin: Any) -> None:
    cur = {"slug": "x", "district": "Nowhere", "governorate": "Diyala"}
    with pytest.raises(SystemExit, match="x: no point known and no shipped district"):
        admin.borrowed_point("subdistricts.csv", cur, DISTRICTS)


def test_build_gazetteer_admin_ships_every_curated_subdistrict() -> None:
    with (REPO / "gazetteer" / "curated" / "subdistricts.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        curated = {f"subdistrict:{r['slug']}" for r in csv.DictReader(handle)}
    gazetteer = load_gazetteer(REPO / "gazetteer")
    shipped = gazetteer.of_type("subdistrict")
    assert {p.id for p in shipped} == curated
    for place in (p for p in shipped if p.point_of):
        host = gazetteer.get(place.point_of or "")
        assert (host.type, host.governorate) == ("district", place.governorate)
        assert (place.lat, place.lon) == (host.lat, host.lon)
        assert place.precision_m >= host.precision_m
