"""Outputs beside the map: GeoJSON, CSV, the SQLite store, filters, --online."""

from __future__ import annotations

import csv
import json
import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from shapely.geometry import shape

from kharita.cli import cli

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles.jsonl"


def _run(args: list[str], stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)


def test_cli_outputs_geojson_csv_and_store(tmp_path: Path) -> None:
    out = {
        name: tmp_path / name
        for name in ("i.geojson", "p.geojson", "i.csv", "k.db", "x.jsonl")
    }
    result = _run(
        [
            "extract",
            str(EXAMPLES),
            "-o",
            str(out["x.jsonl"]),
            "--geojson",
            str(out["i.geojson"]),
            "--places-geojson",
            str(out["p.geojson"]),
            "--csv",
            str(out["i.csv"]),
            "--db",
            str(out["k.db"]),
        ]
    )
    assert result.exit_code == 0, result.output
    features = json.loads(out["i.geojson"].read_text(encoding="utf-8"))["features"]
    assert features and all(shape(f["geometry"]).is_valid for f in features)
    lon, lat = features[0]["geometry"]["coordinates"]
    assert 38 < lon < 49 and 29 < lat < 38  # RFC 7946: lon, lat
    assert json.loads(out["p.geojson"].read_text(encoding="utf-8"))["features"]
    with out["i.csv"].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(features)
    assert {"event_date", "event_type", "latitude", "longitude", "fatalities"} <= set(
        rows[0]
    )
    with sqlite3.connect(out["k.db"]) as db:
        assert db.execute("select count(*) from articles").fetchone()[0] == 20
    assert len(out["x.jsonl"].read_text(encoding="utf-8").splitlines()) == 20


def test_cli_map_db_is_idempotent_and_filters(tmp_path: Path) -> None:
    db, html = tmp_path / "k.db", tmp_path / "m.html"
    first = _run(["map", str(EXAMPLES), "--db", str(db), "-o", str(html)])
    again = _run(["map", str(EXAMPLES), "--db", str(db), "-o", str(html)])
    assert first.exit_code == again.exit_code == 0
    total = first.stderr.strip().splitlines()[-1]
    assert again.stderr.strip().splitlines()[-1] == total  # nothing added twice
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 20
    only = _run(["map", "--db", str(db), "--type", "ied", "-o", str(html)])
    assert only.exit_code == 0
    count = int(only.stderr.split(" incidents")[0].rsplit(" ", 1)[-1])
    assert 0 < count < int(total.split(" incidents")[0].rsplit(" ", 1)[-1])


@pytest.mark.parametrize("bad", ["2024-13", "yesterday"])
def test_cli_map_bad_date_is_one_line(tmp_path: Path, bad: str) -> None:
    result = _run(
        ["map", str(EXAMPLES), "--since", bad, "-o", str(tmp_path / "m.html")]
    )
    assert result.exit_code == 2  # usage
    assert result.stderr.strip().splitlines() == [
        f"Error: not a date: {bad!r} (use 2024, 2024-04 or 2024-04-20)"
    ]


def test_cli_online_fills_a_village_from_a_local_nominatim(
    tmp_path: Path, fake_server: str
) -> None:
    text = "قتل شخصان بانفجار عبوة ناسفة في قرية البو حياة غربي الرمادي"
    result = _run(
        [
            "extract",
            "-",
            "--online",
            "--nominatim",
            f"http://{fake_server}",
            "--geocode-cache",
            str(tmp_path),
        ],
        stdin=text,
    )
    assert result.exit_code == 0, result.output
    places = json.loads(result.stdout)["places"]
    village = [p for p in places if "البو حياة" in p["text"]]
    assert (
        village
        and village[0]["name"] == "Albu Hayat"
        and village[0]["lat"] == pytest.approx(33.4123)
    )


def test_cli_online_offline_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a loopback port with nothing listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = _run(
        [
            "extract",
            "-",
            "--online",
            "--nominatim",
            f"http://127.0.0.1:{port}",
            "--geocode-cache",
            str(tmp_path),
        ],
        stdin="انفجار في قرية البو حياة",
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "Error: online geocoder unavailable (offline?)"
    )


def test_cli_without_online_never_builds_a_geocoder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kharita.resolve.online as online

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network geocoder built without --online")

    monkeypatch.setattr(online.OnlineFallback, "__init__", refuse)
    result = _run(["extract", "-"], stdin="انفجار في قرية البو حياة")
    assert result.exit_code == 0


def test_cli_extract_output_dash_is_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run(["-q", "extract", str(EXAMPLES), "-o", "-"])
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert len(lines) > 1 and all("incidents" in x for x in lines)
    assert not (tmp_path / "-").exists()
