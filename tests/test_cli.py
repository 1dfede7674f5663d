"""The command line end to end: the founding example, bad records, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from geopy.distance import geodesic

from kharita.cli import cli

# Camp Kalsu's published location (gazetteer/curated: the `source` column cites it).
KALSU = (32.9, 44.27)
FOREIGN_NAMES = ("واشنطن", "دافوس", "سويسرا", "سوريا")


def _run(args: list[str], stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_result(seed_path: Path) -> dict[str, object]:
    result = _run(["extract", str(seed_path)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    return json.loads(lines[0])  # type: ignore[no-any-return]


def test_cli_seed_is_one_incident_at_kalsu(seed_result: dict) -> None:  # type: ignore[type-arg]
    incidents = seed_result["incidents"]
    assert len(incidents) == 1
    incident = incidents[0]
    assert geodesic(KALSU, (incident["lat"], incident["lon"])).km < 5
    assert incident["date"] == "2024-04-20"
    assert incident["killed"] == {"min": 1, "max": 1}
    assert incident["wounded"] == {"min": 8, "max": 8}
    assert "كالسو" in incident["sources"][0]["excerpt"]


def test_cli_seed_keeps_foreign_places_off_the_incident(seed_result: dict) -> None:  # type: ignore[type-arg]
    places = seed_result["places"]
    foreign = [p for p in places if any(n in p["text"] for n in FOREIGN_NAMES)]
    assert foreign, "foreign places are recognised, not dropped"
    assert all(p["foreign"] and p["role"] != "site" for p in foreign)
    for incident in seed_result["incidents"]:
        assert incident["place_id"] not in {p["id"] for p in foreign}


def test_cli_seed_offsets_index_the_input_text(
    seed_result: dict, seed_path: Path
) -> None:  # type: ignore[type-arg]
    text = seed_path.read_text(encoding="utf-8")
    for place in seed_result["places"]:
        assert text[place["start"] : place["end"]] == place["text"]


def test_cli_map_samples_with_a_bad_line(tmp_path: Path, samples_path: Path) -> None:
    broken = tmp_path / "articles.jsonl"
    good = samples_path.read_text(encoding="utf-8")
    broken.write_text(
        good + '{"id": "bad", "title": "no text here"}\n', encoding="utf-8"
    )
    output = tmp_path / "samples.html"
    result = _run(["map", str(broken), "-o", str(output)])
    assert result.exit_code == 1
    errors = [
        line for line in result.stderr.splitlines() if line.startswith(str(broken))
    ]
    assert errors == [f'{broken}:33: missing field "text"']
    assert "33 articles read, 1 failed" in result.stderr
    html = output.read_text(encoding="utf-8")
    assert "كالسو" in html and "Traceback" not in result.output


def test_cli_extract_reads_stdin() -> None:
    result = _run(
        ["extract", "-"],
        stdin="انفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد أسفر عن إصابة ثلاثة جنود",
    )
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert any(p["name"] and "Tarmiyah" in p["name"] for p in record["places"])


def test_cli_missing_input_is_one_line(tmp_path: Path) -> None:
    result = _run(["extract", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert (
        result.stderr.splitlines()[0]
        == f"{tmp_path / 'nope.jsonl'}: no such file or directory"
    )
