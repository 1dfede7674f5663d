"""The English incident-summary gold sets agree with the summaries they annotate.

``tests/data/en_summaries.jsonl`` (original illustrative texts), ``tests/gold/en_places_dev.jsonl``
and ``tests/gold/en_incidents_dev.jsonl`` are all written by ``tests/gold/build_en_gold.py``;
the span/incident checks are the ones of ``tests/gold/verify.py``.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
GOLD = TESTS / "gold"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"kharita_gold_en_{name}", GOLD / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


verify = _load("verify")
build_en = _load("build_en_gold")
ARTICLES: list[dict[str, Any]] = verify.read_jsonl(
    TESTS / "data" / "en_summaries.jsonl"
)
BY_ID = {a["id"]: a for a in ARTICLES}
PLACE_LINES: list[dict[str, Any]] = verify.read_jsonl(GOLD / "en_places_dev.jsonl")
INCIDENTS: list[dict[str, Any]] = verify.read_jsonl(GOLD / "en_incidents_dev.jsonl")


@pytest.mark.parametrize("line", PLACE_LINES, ids=[line["id"] for line in PLACE_LINES])
def test_gold_en_place_spans_match_summary_text(line: dict[str, Any]) -> None:
    text = BY_ID[line["id"]]["text"]
    assert [text[p["start"] : p["end"]] for p in line["places"]] == [
        p["text"] for p in line["places"]
    ]
    problems = [
        p
        for place in line["places"]
        for p in verify.span_problems(line["id"], text, place)
    ]
    assert problems == []


def test_gold_en_places_cover_every_summary() -> None:
    assert verify.place_problems(BY_ID, PLACE_LINES) == []
    assert len(ARTICLES) == 44


def test_gold_en_incidents_are_consistent_with_places() -> None:
    assert verify.incident_problems(BY_ID, PLACE_LINES, INCIDENTS) == []
    for inc in INCIDENTS:
        text = BY_ID[inc["article_id"]]["text"]
        assert text[inc["place_start"] : inc["place_end"]] == inc["place_text"]


def test_gold_en_files_are_what_the_annotations_build() -> None:
    arts, places, incidents = build_en.build()
    assert json.loads(json.dumps(arts, ensure_ascii=False)) == ARTICLES
    assert json.loads(json.dumps(places, ensure_ascii=False)) == PLACE_LINES
    assert json.loads(json.dumps(incidents, ensure_ascii=False)) == INCIDENTS


def test_gold_en_records_have_the_summary_schema() -> None:
    for art in ARTICLES:
        assert set(art) == {"id", "lang", "outlet", "url", "date", "title", "text"}
        assert (art["lang"], art["outlet"], art["url"], art["title"]) == (
            "en",
            "kharita illustrative example",
            None,
            None,
        )


def test_gold_en_dedup_and_multi_incident_counts() -> None:
    keys = Counter(i["event_key"] for i in INCIDENTS)
    per_article = Counter(i["article_id"] for i in INCIDENTS)
    assert sum(n - 1 for n in keys.values()) == 4  # four re-reports of an event
    assert sorted(a for a, n in per_article.items() if n == 2) == [
        "en-sum-20",
        "en-sum-32",
        "en-sum-33",
    ]
    # every summary reports an incident but en-sum-43 (an advance only intended)
    assert set(BY_ID) - set(per_article) == {"en-sum-43"}
    for key, n in keys.items():
        if n > 1:
            assert (
                len({i["article_id"] for i in INCIDENTS if i["event_key"] == key}) == n
            )


def test_gold_en_covers_every_incident_type() -> None:
    types = {i["type"] for i in INCIDENTS}
    assert verify.INCIDENT_TYPES - types == {"attack_on_base", "other"}
