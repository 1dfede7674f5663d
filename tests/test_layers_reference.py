"""OCHA COD-AB boundaries imported as a layer (read in place from ../shared/data).

Figures (``pytest -s -m reference tests/test_layers_reference.py``): how many
COD-AB units' Arabic names geocode inside their own polygon with and without the
layer, and that no unit name is ever answered with a place outside Iraq.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kharita import api
from kharita.gazetteer import load_directory
from kharita.geo import contains, shape_of
from kharita.layers import import_files
from kharita.resolve.geocoders import LocalGeocoder

LEVELS = (1, 2, 3)
#: after import, the share of units whose Arabic name lands inside the unit
MIN_INSIDE_WITH_LAYER = {1: 1.0, 2: 0.95, 3: 0.93}


@pytest.fixture(scope="module")
def cod_files(shared_dir: Path) -> list[Path]:
    """The COD-AB GeoJSON files, read in place (a missing file fails, never skips)."""
    folder = shared_dir / "data" / "ocha-cod-ab-iraq"
    paths = [folder / f"irq_admbnda_adm{n}_cso_20190603.geojson" for n in LEVELS]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        pytest.fail(f"reference files missing: {', '.join(missing)}")
    return paths


@pytest.fixture(scope="module")
def units(cod_files: list[Path]) -> list[tuple[int, str, str, Any]]:
    """``(level, pcode, Arabic name, polygon)`` of every COD-AB unit."""
    out = []
    for level, path in zip(LEVELS, cod_files, strict=True):
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            props = feature["properties"]
            out.append(
                (
                    level,
                    props[f"ADM{level}_PCODE"],
                    props[f"ADM{level}_AR"],
                    shape_of(feature["geometry"]),
                )
            )
    return out


@pytest.fixture(scope="module")
def cod_dir(tmp_path_factory: pytest.TempPathFactory, cod_files: list[Path]) -> Path:
    root = tmp_path_factory.mktemp("cod-ab")
    report = import_files(cod_files, layer="cod-ab", data_root=root)
    assert report.problems == () and report.layer.areas == 413
    return root


@pytest.fixture(scope="module")
def geocoders(cod_dir: Path) -> dict[str, LocalGeocoder]:
    shipped = LocalGeocoder()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KHARITA_DATA_DIR", str(cod_dir))
        layered = LocalGeocoder()
    return {"shipped": shipped, "layered": layered}


def inside_counts(
    geocoder: LocalGeocoder, units: list[tuple[int, str, str, Any]]
) -> dict[int, tuple[int, int]]:
    counts = {level: [0, 0] for level in LEVELS}
    for level, _pcode, name, polygon in units:
        counts[level][1] += 1
        found = geocoder.geocode(name)
        if found is not None and contains(polygon, (found.latitude, found.longitude)):
            counts[level][0] += 1
    return {level: (hit, total) for level, (hit, total) in counts.items()}


@pytest.mark.reference
def test_layers_reference_cod_ab_names_geocode_inside_their_units(
    geocoders: dict[str, LocalGeocoder], units: list[tuple[int, str, str, Any]]
) -> None:
    before = inside_counts(geocoders["shipped"], units)
    after = inside_counts(geocoders["layered"], units)
    for level in LEVELS:
        (b, total), (a, _) = before[level], after[level]
        print(
            f"\nCOD-AB adm{level} Arabic names geocoded inside their own polygon:"
            f" shipped {b}/{total} = {b / total:.1%}; with the COD-AB layer {a}/{total} = {a / total:.1%}"
        )
        assert a / total >= MIN_INSIDE_WITH_LAYER[level]
        assert a >= b


@pytest.mark.reference
@pytest.mark.parametrize("which", ["shipped", "layered"])
def test_layers_reference_no_cod_ab_name_answered_abroad(
    geocoders: dict[str, LocalGeocoder],
    units: list[tuple[int, str, str, Any]],
    which: str,
) -> None:
    abroad = [
        (name, found.raw["name_en"], found.raw["country"])
        for _level, _pcode, name, _polygon in units
        for query in (name, f"ناحية {name}")
        if (found := geocoders[which].geocode(query)) is not None
        and found.raw["country"] != "IQ"
    ]
    assert abroad == []


@pytest.mark.reference
@pytest.mark.parametrize(("query", "pcode"), [("برادوست", "IQG11Q05N06")])
def test_layers_reference_reverse_names_the_units(
    geocoders: dict[str, LocalGeocoder], query: str, pcode: str
) -> None:
    found = geocoders["layered"].geocode(query)
    assert found is not None and found.raw["id"] == f"cod-ab:{pcode}"
    back = geocoders["layered"].reverse((found.latitude, found.longitude))
    assert back is not None
    assert (back.raw["subdistrict"], back.raw["district"], back.raw["governorate"]) == (
        "Bradost",
        "Rawanduz",
        "Erbil",
    )


@pytest.mark.reference
@pytest.mark.parametrize(
    ("text", "pcode"),
    [("اشتباكات عنيفة في ناحية برادوست شمال أربيل أمس.", "IQG11Q05N06")],
)
def test_layers_reference_article_mapped_to_layer_subdistrict(
    cod_dir: Path, monkeypatch: pytest.MonkeyPatch, text: str, pcode: str
) -> None:
    monkeypatch.setenv("KHARITA_DATA_DIR", str(cod_dir))
    places = {p.place.id for p in api.extract(text).places if p.place}
    assert f"cod-ab:{pcode}" in places


@pytest.mark.reference
@pytest.mark.parametrize(
    ("pcode", "district", "governorate"),
    [("IQG07Q04N02", "Musayyib", "Babil"), ("IQG11Q05N06", "Rawanduz", "Erbil")],
)
def test_layers_reference_cod_ab_rows_use_shipped_names(
    cod_dir: Path, pcode: str, district: str, governorate: str
) -> None:
    """Imported units carry the shipped spelling of their district and governorate
    (COD-AB: Al-Mussyab, Babil), so containment rules compare like with like."""
    place = load_directory(cod_dir / "layers" / "cod-ab").get(f"cod-ab:{pcode}")
    assert (place.district, place.governorate) == (district, governorate)
