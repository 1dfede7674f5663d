"""GeoJSON export: RFC 7946 shape, lon/lat order, loads in shapely."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from shapely.geometry import shape

from factories import (
    make_article,
    make_incident,
    make_place,
    make_resolved,
    make_result,
    make_source,
)
from kharita.errors import ConfigurationError
from kharita.export.geojson import (
    incidents_collection,
    places_collection,
    write_geojson,
)


def _check_rfc7946(doc: dict) -> None:
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) <= {"type", "id", "geometry", "properties", "bbox"}
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        for value in feature["properties"].values():
            assert value is None or isinstance(value, str | int | float | bool)


@pytest.mark.parametrize(("lat", "lon"), [(32.75, 44.39), (36.335, 43.119)])
def test_geojson_incident_lon_lat_order_loads_in_shapely(
    tmp_path: Path, lat: float, lon: float
) -> None:
    place = make_resolved(make_place(lat=lat, lon=lon))
    path = write_geojson([make_incident(place=place)], tmp_path / "inc.geojson")
    doc = json.loads(path.read_text(encoding="utf-8"))
    _check_rfc7946(doc)
    geom = shape(doc["features"][0]["geometry"])
    assert (geom.x, geom.y) == (lon, lat)


@pytest.mark.parametrize("field", ["killed_min", "place_name_ar", "sources", "id"])
def test_geojson_incident_properties_flat(field: str) -> None:
    doc = incidents_collection([make_incident(id="x-1")])
    props = doc["features"][0]["properties"]
    assert field in props
    assert doc["features"][0]["id"] == "x-1"
    assert props["place_name_ar"] == "كالسو"


@pytest.mark.parametrize("copies", [1, 3])
def test_geojson_places_one_feature_per_place(tmp_path: Path, copies: int) -> None:
    results = [make_result(make_article(f"نص {i}", id=f"a{i}")) for i in range(copies)]
    mosul = make_place(id="iq-mosul", name_ar="الموصل", lat=36.34, lon=43.13)
    results.append(
        make_result(make_article("آخر", id="b"), places=[make_resolved(mosul)])
    )
    path = write_geojson(results, tmp_path / "places.geojson", layer="places")
    doc = json.loads(path.read_text(encoding="utf-8"))
    _check_rfc7946(doc)
    props = [f["properties"] for f in doc["features"]]
    assert [p["place_id"] for p in props] == ["iq-kalsu", "iq-mosul"]
    assert (props[0]["mentions"], props[0]["articles"]) == (copies, copies)
    assert props[0]["article_ids"] == ";".join(f"a{i}" for i in range(copies))
    assert shape(doc["features"][1]["geometry"]).coords[0] == (43.13, 36.34)


@pytest.mark.parametrize("n_without_point", [1, 2])
def test_geojson_skips_records_without_coordinates(n_without_point: int) -> None:
    unresolved = make_resolved(lat=None, lon=None, place=None)
    incidents = [
        make_incident(id=f"n{i}", place=unresolved) for i in range(n_without_point)
    ]
    doc = incidents_collection([*incidents, make_incident(id="ok")])
    assert [f["id"] for f in doc["features"]] == ["ok"]
    assert places_collection(incidents)["features"] == []


@pytest.mark.parametrize("layer", ["bases"])
def test_geojson_unknown_layer_lists_options(tmp_path: Path, layer: str) -> None:
    with pytest.raises(ConfigurationError, match="options are: incidents, places"):
        write_geojson([], tmp_path / "x.geojson", layer=layer)  # type: ignore[arg-type]
    assert not (tmp_path / "x.geojson").exists()


@pytest.mark.parametrize("old", ['{"type": "FeatureCollection", "features": []}'])
def test_geojson_write_is_atomic_on_failure(tmp_path: Path, old: str) -> None:
    target = tmp_path / "inc.geojson"
    target.write_text(old, encoding="utf-8")

    def broken():
        yield make_incident()
        raise RuntimeError("crash mid-run")

    with pytest.raises(RuntimeError):
        write_geojson(broken(), target)
    assert target.read_text(encoding="utf-8") == old
    assert [p.name for p in tmp_path.iterdir()] == ["inc.geojson"]


@pytest.mark.parametrize("count", [0, 1, 7])
def test_geojson_incidents_written_one_at_a_time_as_whole(
    tmp_path: Path, count: int
) -> None:
    """The incidents layer is streamed: the same bytes as the whole collection."""
    from kharita.export.geojson import write_collection

    incidents = [
        make_incident(
            id=f"i{k}",
            place=make_resolved(make_place(lat=32.75 + k / 100)),
            sources=[make_source(make_article("قصف\n«وسط» بابل\u2028"))],
        )
        for k in range(count)
    ]
    incidents[::3] = [dataclasses.replace(i, place=None) for i in incidents[::3]]
    write_geojson(incidents, tmp_path / "streamed.geojson")
    write_collection(incidents_collection(incidents), tmp_path / "whole.geojson")
    streamed = (tmp_path / "streamed.geojson").read_bytes()
    assert streamed == (tmp_path / "whole.geojson").read_bytes()
    assert len(json.loads(streamed)["features"]) == count - len(range(0, count, 3))
