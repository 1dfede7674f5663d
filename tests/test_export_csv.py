"""ACLED-style CSV export, read back with the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from factories import make_incident, make_place, make_resolved, make_source
from kharita.export.acled_csv import COLUMNS, event_date, geo_precision, write_csv


def _read(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_csv_roundtrip_columns_and_values(tmp_path: Path, encoding: str) -> None:
    path = write_csv([make_incident(id="i1")], tmp_path / "x.csv", encoding=encoding)
    rows = _read(path, encoding)
    assert list(rows[0]) == list(COLUMNS)
    row = rows[0]
    assert row["incident_id"] == "i1"
    assert (row["latitude"], row["longitude"]) == ("32.75", "44.39")
    assert (row["admin1"], row["location"]) == ("Babil", "Kalsu")
    assert (row["event_date"], row["time_precision"]) == ("2024-04-20", "1")
    assert (row["fatalities"], row["killed_max"], row["wounded_min"]) == ("1", "1", "8")
    assert row["geo_precision"] == "1"


@pytest.mark.parametrize(
    ("killed", "fatalities", "killed_max"),
    [((2, 5), "2", "5"), ((None, None), "0", "")],
)
def test_csv_fatalities_is_conservative(
    tmp_path: Path, killed: tuple, fatalities: str, killed_max: str
) -> None:
    path = write_csv([make_incident(killed=killed)], tmp_path / "x.csv")
    row = _read(path)[0]
    assert (row["fatalities"], row["killed_max"]) == (fatalities, killed_max)


@pytest.mark.parametrize(
    ("iso", "precision", "date", "code"),
    [
        ("2024-04", "month", "2024-04-01", "3"),
        ("2024", "year", "2024-01-01", "3"),
        (None, None, "", ""),
    ],
)
def test_csv_time_precision(
    tmp_path: Path, iso: str | None, precision: str | None, date: str, code: str
) -> None:
    path = write_csv([make_incident(date=iso, precision=precision)], tmp_path / "x.csv")
    row = _read(path)[0]
    assert (row["event_date"], row["time_precision"]) == (date, code)
    assert event_date(iso) == date


@pytest.mark.parametrize(
    ("metres", "code"), [(500.0, 1), (5_000.0, 1), (20_000.0, 2), (80_000.0, 3)]
)
def test_csv_geo_precision_from_metres(metres: float, code: int) -> None:
    assert geo_precision(metres) == code


@pytest.mark.parametrize("hostile", ['=HYPERLINK("http://x")', "+1+1", "@SUM(A1)"])
def test_csv_neutralises_formulas_and_keeps_arabic(
    tmp_path: Path, hostile: str
) -> None:
    src = make_source(excerpt=hostile, outlet='وكالة, "الأنباء"\nسطر')
    path = write_csv([make_incident(sources=[src])], tmp_path / "x.csv")
    row = _read(path)[0]
    assert row["notes"] == "'" + hostile
    assert row["source"] == 'وكالة, "الأنباء"\nسطر'


@pytest.mark.parametrize("n", [0, 3])
def test_csv_multiple_sources_joined(tmp_path: Path, n: int) -> None:
    sources = [make_source(url=f"https://e.org/{i}", outlet=f"O{i}") for i in range(n)]
    place = make_resolved(make_place(governorate=None, district=None))
    path = write_csv([make_incident(sources=sources, place=place)], tmp_path / "x.csv")
    row = _read(path)[0]
    assert row["report_count"] == str(n)
    assert row["sources"] == ";".join(f"https://e.org/{i}" for i in range(n))
    assert row["admin1"] == ""
