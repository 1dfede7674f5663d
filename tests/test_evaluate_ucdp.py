"""``kharita eval`` on UCDP GED headlines: the fixture (fictional headlines in the
UCDP GED CSV format) gives hand-counted figures; the real development file is
read in place and its figures are computed (values are not asserted)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kharita.cli import cli
from kharita.errors import InputError
from kharita.evaluate.ucdp import (
    evaluate_ucdp,
    half_of,
    read_events,
    split_headlines,
)
from kharita.evaluate.ucdp_names import NumberForms, latin_key

FIXTURE = Path(__file__).resolve().parent / "data" / "ucdp_ged_fixture.csv"


@pytest.fixture(scope="module")
def fixture_scores() -> dict[str, Any]:
    return evaluate_ucdp(FIXTURE)


# Hand count of tests/data/ucdp_ged_fixture.csv (event id -> what it tests):
# dev: 900001 prefix+credit, "kills four" at Kirkuk (covered, near, exact);
#      900003 only the governorate named (mapped at its seat, Ramadi: near), "12 dead";
#      900005 names Tikrit, reports no incident; 900006 an archive label only;
#      900007 names no place (not counted); 900008 "at least 9" (open above);
#      900009 a bad latitude (skipped, reported).
# heldout: 900002 possessive "Iraq's Mosul", 900010 "- medics" credit.
DEV = {
    "events": 6,
    "labels_only": 1,
    "counted": 4,
    "named_place": 3,
    "covered": 3,
    "near": 3,
    "covered_place": 2,
    "near_place": 2,
    "stated": 3,
    "killed_exact": 2,
    "killed_min": 3,
}
HELDOUT = {
    "events": 2,
    "labels_only": 0,
    "counted": 2,
    "named_place": 2,
    "covered": 2,
    "near": 2,
    "stated": 2,
    "killed_exact": 2,
}


@pytest.mark.parametrize(("half", "expected"), [("dev", DEV), ("heldout", HELDOUT)])
def test_ucdp_fixture_counts(
    fixture_scores: dict[str, Any], half: str, expected: dict[str, int]
) -> None:
    got = fixture_scores[half]
    assert {k: got[k] for k in expected} == expected


def test_ucdp_fixture_rates_and_failures(fixture_scores: dict[str, Any]) -> None:
    dev = fixture_scores["dev"]
    assert dev["coverage"] == 0.75
    assert dev["acc@50km"] == 1.0
    assert dev["killed_exact_rate"] == round(2 / 3, 4)
    assert dev["killed_min_rate"] == 1.0
    assert dev["failures"] == {
        "no incident (a place was resolved)": 1,
        "killed: open above ('at least N' read as N or more)": 1,
    }


def test_ucdp_bad_row_is_one_line(fixture_scores: dict[str, Any]) -> None:
    assert fixture_scores["skipped_rows"] == [
        "ucdp_ged_fixture.csv:9: latitude is not a number: 'north'"
    ]


def test_ucdp_not_a_ucdp_file(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"other\.csv:1: not a UCDP GED CSV"):
        read_events(other)


def test_ucdp_cli_prints_both_halves() -> None:
    out = CliRunner().invoke(cli, ["eval", str(FIXTURE)])
    assert out.exit_code == 0, out.output
    assert "dev      events 6" in out.output
    assert "coverage 0.750 (3/4)" in out.output
    assert "heldout  events 2" in out.output
    as_json = CliRunner().invoke(cli, ["eval", str(FIXTURE), "--json"])
    assert json.loads(as_json.output)["heldout"]["killed_exact"] == 2


def test_ucdp_half_is_stable() -> None:
    halves = [half_of(str(i)) for i in range(900001, 900013)]
    assert halves == [half_of(str(i)) for i in range(900001, 900013)]
    assert set(halves) == {"dev", "heldout"}


@pytest.mark.parametrize(
    ("headlines", "dates", "expected"),
    [
        # ";" joins headlines; "; " is inside one headline
        ("A kills 3;B wounds 2", "2031-01-01;2031-01-02", ["A kills 3", "B wounds 2"]),
        ("Bombs kill 9; wound 30", "2031-01-01", ["Bombs kill 9; wound 30"]),
    ],
)
def test_ucdp_split_headlines(headlines: str, dates: str, expected: list[str]) -> None:
    assert [h.text for h in split_headlines(headlines, dates)] == expected


@pytest.mark.parametrize(
    ("number", "text", "stated"),
    [
        (4, "Roadside bomb kills four near a market", True),
        (1200, "Blast toll passes 1,200", True),
        (3, "UPDATE 3-Bomb hits a market", False),  # a wire slug is not a figure
        (12, "Bomb kills 120", False),
    ],
)
def test_ucdp_number_stated(number: int, text: str, stated: bool) -> None:
    assert NumberForms.from_lexicon().stated(number, text) is stated


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Qaḑā’ al Fallūjah", "qada falluja"),
        ("Ḩawījah town", "hawija town"),
        ("Iraq's al-Anbar", "iraq anbar"),
        ("Baghdad’s Karrada", "baghdad karrada"),
    ],
)
def test_ucdp_latin_key(name: str, key: str) -> None:
    assert latin_key(name) == key


@pytest.mark.reference
def test_ucdp_reference_figures_computed(shared_dir: Path) -> None:
    path = shared_dir / "data" / "ucdp-ged-iraq" / "ucdp_ged_iraq_dev.csv"
    assert path.is_file(), f"reference file missing: {path}"
    scores = evaluate_ucdp(path)
    assert scores["skipped_rows"] == []
    for half in ("dev", "heldout"):
        s = scores[half]
        assert s["events"] > 0 and s["counted"] > 0 and s["stated"] > 0
        for rate in ("coverage", "acc@50km", "killed_exact_rate", "killed_min_rate"):
            assert 0.0 <= s[rate] <= 1.0
        assert sum(s["failures"].values()) >= s["counted"] - s["covered"]
    assert scores["dev"]["events"] + scores["heldout"]["events"] == 2369
