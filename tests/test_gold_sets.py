"""The development gold sets in tests/gold/ agree with the sample articles they annotate.

Spans are offsets into the ``text`` of ``../shared/samples/articles.jsonl`` (read in place);
the checks themselves live in ``tests/gold/verify.py`` so they can also run as a script.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parent / "gold"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"kharita_gold_{name}", GOLD / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


verify = _load("verify")
PLACE_LINES: list[dict[str, Any]] = verify.read_jsonl(verify.PLACES)
INCIDENTS: list[dict[str, Any]] = verify.read_jsonl(verify.INCIDENTS)


def _keys(article_id: str) -> set[str]:
    return {i["event_key"] for i in INCIDENTS if i["article_id"] == article_id}


@pytest.mark.parametrize("line", PLACE_LINES, ids=[line["id"] for line in PLACE_LINES])
def test_gold_place_spans_match_article_text(
    line: dict[str, Any], samples: dict[str, dict[str, Any]]
) -> None:
    assert line["id"] in samples
    text = samples[line["id"]]["text"]
    problems = [
        p
        for place in line["places"]
        for p in verify.span_problems(line["id"], text, place)
    ]
    assert problems == []


def test_gold_places_cover_every_sample_article(
    samples: dict[str, dict[str, Any]],
) -> None:
    assert verify.place_problems(samples, PLACE_LINES) == []
    assert sum(len(line["places"]) for line in PLACE_LINES) > 200


def test_gold_incidents_are_consistent_with_places(
    samples: dict[str, dict[str, Any]],
) -> None:
    assert verify.incident_problems(samples, PLACE_LINES, INCIDENTS) == []
    assert len(INCIDENTS) >= 30


def test_gold_files_are_what_the_annotations_build() -> None:
    places, incidents = _load("build_gold").build()
    assert json.loads(json.dumps(places, ensure_ascii=False)) == PLACE_LINES
    assert json.loads(json.dumps(incidents, ensure_ascii=False)) == INCIDENTS


def test_gold_seed_incident_and_roles() -> None:
    (seed,) = [i for i in INCIDENTS if i["article_id"] == "seed-athr-kalsu"]
    assert (seed["type"], seed["date"], seed["date_precision"]) == (
        "air_strike",
        "2024-04-20",
        "day",
    )
    assert (seed["killed"], seed["wounded"]) == (
        {"min": 1, "max": 1},
        {"min": 8, "max": 8},
    )
    assert seed["place_text"] == "كالسو"
    roles = {
        (p["text"], p["role"])
        for line in PLACE_LINES
        if line["id"] == "seed-athr-kalsu"
        for p in line["places"]
    }
    assert {("واشنطن", "actor"), ("دافوس", "other"), ("سويسرا", "other")} <= roles
    assert not {
        r for t, r in roles if t in ("واشنطن", "دافوس", "سويسرا") and r == "site"
    }


@pytest.mark.parametrize(
    ("first", "second"), [("seed-athr-kalsu", "c6"), ("d2", "d5"), ("en8", "en9")]
)
def test_gold_reports_of_one_event_share_a_key(first: str, second: str) -> None:
    assert _keys(first) and _keys(first) == _keys(second)


def test_gold_distinct_events_at_one_place_keep_distinct_keys() -> None:
    assert not _keys("d8") & _keys("d2")
    ain_al_asad = [_keys(a) for a in ("r2", "r4", "r5", "en12", "en16")]
    assert len(set().union(*ain_al_asad)) == len(ain_al_asad)


def test_gold_incidents_are_all_in_iraq() -> None:
    outside = [
        i["article_id"] for i in INCIDENTS if not verify.in_iraq(i["lat"], i["lon"])
    ]
    assert outside == []
