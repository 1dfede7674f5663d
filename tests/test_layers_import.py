"""Gazetteer layers: import GeoNames / CSV / GeoJSON fixtures, list, remove, merge, use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kharita import api
from kharita.cli import cli
from kharita.gazetteer import default_directory, load_directory, load_gazetteer
from kharita.geo import contains, governorate_of, shape_of
from kharita.layers import detect_format, import_files, list_layers, remove_layer
from kharita.resolve.geocoders import LocalGeocoder

DATA = Path(__file__).resolve().parent / "data" / "layers"
GEONAMES = [DATA / "IQ.txt", DATA / "alternateNamesV2.txt"]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KHARITA_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def geonames_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the GeoNames fixture as layer ``gn-test`` (imported once)."""
    root = tmp_path_factory.mktemp("geonames-layer")
    import_files(GEONAMES, layer="gn-test", data_root=root)
    return root


@pytest.fixture
def with_geonames(geonames_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KHARITA_DATA_DIR", str(geonames_dir))
    return geonames_dir


@pytest.fixture(scope="module")
def geonames_geocoder(geonames_dir: Path) -> LocalGeocoder:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KHARITA_DATA_DIR", str(geonames_dir))
        return LocalGeocoder()


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("IQ.txt", "geonames"),
        ("alternateNamesV2.txt", "geonames-alternates"),
        ("sites.csv", "csv"),
        ("osm.geojson", "geojson"),
    ],
)
def test_layers_detect_format(name: str, fmt: str) -> None:
    assert detect_format(DATA / name) == fmt


def test_layers_import_geonames_keeps_good_rows(data_dir: Path) -> None:
    report = import_files(GEONAMES, layer="gn-test")
    ids = {p.id for p in load_directory(report.layer.path).places}
    assert ids == {f"gn-test:990000{i}" for i in (1, 2, 3, 7)}
    assert report.skipped == 1  # the stream (H.STM)
    assert [p.split(":")[0:2] for p in report.problems] == [
        ["IQ.txt", "5"],
        ["IQ.txt", "6"],
    ]
    assert report.layer.files[1].format == "geonames-alternates"


@pytest.mark.parametrize(
    ("query", "place_id", "kind"),
    [
        ("أم النخيل الشرقية", "gn-test:9900001", "village"),
        ("Umm Nakhil East", "gn-test:9900001", "village"),
        ("تل الغزلان", "gn-test:9900002", "town"),  # Arabic only in alternateNamesV2
        ("معسكر الفجر الجديد", "gn-test:9900003", "base"),
    ],
)
def test_layers_geonames_places_geocode(
    geonames_geocoder: LocalGeocoder, query: str, place_id: str, kind: str
) -> None:
    location = geonames_geocoder.geocode(query)
    assert location is not None
    assert (location.raw["id"], location.raw["type"]) == (place_id, kind)
    point = (location.latitude, location.longitude)
    assert location.raw["governorate"] == governorate_of(point) is not None
    assert "IQ.txt (geonames, layer gn-test)" in location.raw["source"]


def test_layers_alternate_names_add_kurdish(with_geonames: Path) -> None:
    place = load_gazetteer().get("gn-test:9900002")
    assert place.name_ar == "تل الغزلان" and place.aliases_ku == ("گردی غەزلان",)


def test_layers_csv_merges_duplicates_and_reports_bad_rows(data_dir: Path) -> None:
    shipped = load_directory(default_directory())
    report = import_files([DATA / "sites.csv"], layer="notes")
    assert [p.split(":")[1] for p in report.problems] == ["4", "5"]
    merged = load_gazetteer()
    assert len(merged.places) == len(shipped.places) + 1  # Baqubah merged
    assert "سيطرة الوادي الأخضر" in merged.get("notes:s1").aliases_ar
    assert "field notes 2026" in merged.get("notes:s1").source
    assert "notes:s2" not in merged.by_id
    assert {p.id for p in merged.lookup("بعقوبة")} == {
        p.id for p in shipped.lookup("بعقوبة")
    }


def test_layers_geojson_points_polygons_and_licence(data_dir: Path) -> None:
    report = import_files([DATA / "osm.geojson"], layer="osm")
    assert report.layer.licence == "ODbL 1.0 (fictional test data)"
    assert report.layer.areas == 1
    assert report.problems == ("osm.geojson:feature 3: no name, name:ar or name:en",)
    gaz = load_gazetteer()
    assert gaz.get("osm:node/1").type == "village"
    assert gaz.get("osm:relation/2").type == "subdistrict"
    answer = LocalGeocoder().reverse((32.96, 44.06))
    assert answer is not None and answer.raw["id"] == "osm:node/1"
    assert answer.raw["subdistrict"] == "Al-Yanabi Subdistrict"
    assert answer.raw["distance_km"] == pytest.approx(1.48, abs=0.05)


def test_layers_list_and_remove(data_dir: Path) -> None:
    import_files([DATA / "sites.csv"], layer="notes")
    import_files([DATA / "osm.geojson"])
    assert [i.name for i in list_layers()] == ["notes", "osm"]
    before = len(load_gazetteer().places)
    remove_layer("notes")
    assert [i.name for i in list_layers()] == ["osm"]
    assert len(load_gazetteer().places) == before - 1
    with pytest.raises(ValueError, match="no layer 'notes'; layers are: osm"):
        remove_layer("notes")


def test_layers_compiled_index_is_cached(with_geonames: Path) -> None:
    load_gazetteer()
    assert len(list((with_geonames / "cache").glob("gazetteer-*.pickle"))) == 1


def test_layers_article_place_only_the_layer_knows(
    geonames_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "سقطت قذيفة هاون على قرية أم النخيل الشرقية صباح اليوم."
    before = {p.place.id for p in api.extract(text).places if p.place}
    monkeypatch.setenv("KHARITA_DATA_DIR", str(geonames_dir))
    after = {p.place.id for p in api.extract(text).places if p.place}
    assert "gn-test:9900001" not in before and "gn-test:9900001" in after


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["gazetteer", "import", str(DATA / "sites.csv"), "--layer", "notes"],
            "layer notes: 2 places",
        ),
        (["gazetteer", "layers"], "no layers in"),
        (["gazetteer", "remove", "nothing"], "Error: no layer 'nothing'"),
        (["gazetteer", "import", str(DATA / "README.md")], "cannot tell the format"),
    ],
)
def test_layers_cli(data_dir: Path, args: list[str], expected: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert expected in result.output
    # a layer name that does not exist is a usage error (2); a file that cannot
    # be read is a bad input (1)
    code = 2 if "no layer '" in expected else 1 if "cannot" in expected else 0
    assert result.exit_code == code
    assert "Traceback" not in result.output


def _cod_ab_shapefile(folder: Path) -> Path:
    """A fictional COD-AB-style ADM3 shapefile (one unit, Arabic and English names)."""
    import shapefile

    path = folder / "irq_admbnda_adm3_test.shp"
    with shapefile.Writer(
        str(path), shapeType=shapefile.POLYGON, encoding="utf-8"
    ) as w:
        for field in ("ADM3_EN", "ADM3_AR", "ADM3_PCODE", "ADM2_EN", "ADM2_AR"):
            w.field(field, "C", size=60)
        for field in ("ADM2_PCODE", "ADM1_EN", "ADM1_AR", "ADM1_PCODE"):
            w.field(field, "C", size=60)
        ring = [(44.50, 34.10), (44.60, 34.10), (44.60, 34.20), (44.50, 34.20)]
        w.poly([[*ring, ring[0]]])
        w.record(
            "Test Nahiya", "ناحية التجربة", "IQ9999", "Test District",
            "قضاء التجربة", "IQ999", "Diyala", "ديالى", "IQ99",
        )  # fmt: skip
    return path


def test_layers_cod_ab_shapefile_is_read(data_dir: Path) -> None:
    """COD-AB boundaries as an ESRI shapefile: a point inside each unit, the
    polygon kept for containment, the Arabic name geocoding inside it."""
    path = _cod_ab_shapefile(data_dir)
    assert detect_format(path) == "cod-ab"
    report = import_files([path], layer="shp-test")
    assert report.layer.areas == 1 and report.problems == ()
    location = LocalGeocoder().geocode("ناحية التجربة")
    assert location is not None
    assert 34.10 < location.latitude < 34.20 and 44.50 < location.longitude < 44.60


def test_layers_merge_gives_a_row_with_no_point_the_layer_point(
    data_dir: Path, tmp_path: Path
) -> None:
    """A shipped sub-district standing at its district's point takes the point of
    the imported unit it merges with (the unit's polygon holds the shipped point)."""
    shipped = load_directory(default_directory()).get("subdistrict:udaim")
    assert shipped.point_of is not None
    lat, lon = shipped.lat + 0.3, shipped.lon
    ring = [[lon - 0.2, lat - 0.4], [lon + 0.2, lat - 0.4], [lon + 0.2, lat + 0.4]]
    feature = {
        "type": "Feature",
        "id": "relation/9",
        "properties": {"name:ar": "ناحية العظيم", "admin_level": "6"},
        "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
    }
    path = tmp_path / "units.geojson"
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": [feature]}),
        encoding="utf-8",
    )
    import_files([path], layer="units")
    merged = load_gazetteer().get("subdistrict:udaim")
    assert merged.point_of is None and "units.geojson" in merged.source
    assert (merged.lat, merged.lon) != (shipped.lat, shipped.lon)
    assert contains(shape_of(feature["geometry"]), (merged.lat, merged.lon))
    assert not [p for p in load_gazetteer().places if p.id.startswith("units:")]
