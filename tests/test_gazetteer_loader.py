"""The gazetteer loader: parsing, one-line validation errors, the checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from kharita.errors import GazetteerError
from kharita.gazetteer import load_directory, load_gazetteer
from kharita.gazetteer_check import check_gazetteer

HEADER = (
    "id,type,name_en,name_ar,aliases_ar,aliases_en,aliases_ku,lat,lon,governorate,"
    "district,country,population,precision_m,source,ambiguous,ambiguous_names\n"
)
GOOD = "t:1,town,Balad,بلد,,Balad town,,34.015,44.146,Salah al-Din,,IQ,42088,3000,test,1,بلد\n"


def write(tmp_path: Path, body: str, name: str = "layer.csv") -> Path:
    (tmp_path / name).write_text(HEADER + body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "t:1,town,X,س,,,,nan,44,Baghdad,,IQ,,,test,,\n",
            "layer.csv:2: lat is not finite",
        ),
        (
            "t:1,town,X,س,,,,abc,44,Baghdad,,IQ,,,test,,\n",
            "layer.csv:2: lat is not a number",
        ),
        (
            "t:1,town,X,س,,,,95,44,Baghdad,,IQ,,,test,,\n",
            "layer.csv:2: coordinates out of range",
        ),
        (
            "t:1,town,X,,,,,33,44,Baghdad,,IQ,,,test,,\n",
            'layer.csv:2: empty required column "name_ar"',
        ),
        (
            "t:1,town,X,س,,,,33,44,Baghdad,,IQ,,,,,\n",
            'layer.csv:2: empty required column "source"',
        ),
        (GOOD + GOOD, "layer.csv:3: duplicate id 't:1'"),
        (
            "t:1,town,X,س,,,,33,44,Baghdad,,IQ,many,,test,,\n",
            "layer.csv:2: population is not a number",
        ),
    ],
)
def test_gazetteer_bad_row_raises_one_line_error(
    tmp_path: Path, body: str, expected: str
) -> None:
    with pytest.raises(GazetteerError) as caught:
        load_directory.__wrapped__(write(tmp_path, body))
    message = str(caught.value)
    assert message.startswith(expected)
    assert "\n" not in message


@pytest.mark.parametrize("missing", ["lat", "source"])
def test_gazetteer_missing_column_names_file_and_row(
    tmp_path: Path, missing: str
) -> None:
    header = ",".join(c for c in HEADER.strip().split(",") if c != missing)
    (tmp_path / "bad.csv").write_text(header + "\n", encoding="utf-8")
    with pytest.raises(
        GazetteerError, match=f"^bad.csv:1: missing columns: {missing}$"
    ):
        load_directory.__wrapped__(tmp_path)


@pytest.mark.parametrize(("name", "expected"), [("بلد", True), ("Balad town", False)])
def test_gazetteer_is_ambiguous_reads_ambiguous_names(
    tmp_path: Path, name: str, expected: bool
) -> None:
    gazetteer = load_directory.__wrapped__(write(tmp_path, GOOD))
    assert gazetteer.is_ambiguous("t:1", name) is expected


@pytest.mark.parametrize(
    ("body", "severity", "fragment"),
    [
        (
            "t:1,town,X,س,,,,33.3,44.4,Basra,,IQ,,,test,,\n",
            "warning",
            "outside Basra (inside Baghdad)",
        ),
        (
            "t:1,town,X,س,,,,33.3,44.4,Atlantis,,IQ,,,test,,\n",
            "error",
            "unknown governorate 'Atlantis'",
        ),
        (
            "t:1,town,X,س,,,,33.3,44.4,Baghdad,,Iraq,,,test,,\n",
            "error",
            "not ISO 3166-1 alpha-2",
        ),
        (
            "t:1,spaceport,X,س,,,,33.3,44.4,Baghdad,,IQ,,,test,,\n",
            "warning",
            "unknown type 'spaceport'",
        ),
        (
            GOOD + "t:2,town,X,س,,,,nan,44,Baghdad,,IQ,,,test,,\n",
            "error",
            "lat is not finite",
        ),
    ],
)
def test_gazetteer_check_reports_every_problem(
    tmp_path: Path, body: str, severity: str, fragment: str
) -> None:
    boundaries = tmp_path / "boundaries"
    boundaries.mkdir()
    shipped = (
        Path(__file__).resolve().parents[1]
        / "gazetteer"
        / "boundaries"
        / "iraq_governorates.geojson"
    )
    (boundaries / "iraq_governorates.geojson").write_bytes(shipped.read_bytes())
    report = check_gazetteer(write(tmp_path, body))
    found = [p for p in report.problems if fragment in p.message]
    assert [p.severity for p in found] == [severity]
    assert "\n" not in str(found[0])


@pytest.mark.parametrize(
    "layer", ["governorates", "cities_geonames", "airfields", "sites", "countries"]
)
def test_gazetteer_shipped_files_check_without_errors(layer: str) -> None:
    report = check_gazetteer()
    assert report.errors == ()
    assert report.by_layer[layer] > 0


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("كالسو", "site:camp-kalsu"),
        ("عين الأسد", "icao:oraa"),
        ("نينوي", "gov:iq-ni"),
        ("سويسرا", "country:ch"),
    ],
)
def test_gazetteer_shipped_lookup_finds_key_places(name: str, place_id: str) -> None:
    assert place_id in {p.id for p in load_gazetteer().lookup(name)}
