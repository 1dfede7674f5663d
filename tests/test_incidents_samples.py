"""The issue's acceptance cases on the sample articles, through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from kharita.incidents import merge_incidents
from kharita.models import Article, ArticleResult, Count, Incident
from kharita.pipeline import extract_article


def _result(
    samples: dict[str, dict[str, Any]], gazetteer: Any, aid: str
) -> ArticleResult:
    row = samples[aid]
    article = Article(
        id=row["id"], text=row["text"], lang=row["lang"], outlet=row["outlet"],
        url=row["url"], date=row["date"], title=row["title"],
    )  # fmt: skip
    return extract_article(article, gazetteer)


def _merged(
    samples: dict[str, dict[str, Any]], gazetteer: Any, ids: list[str]
) -> list[Incident]:
    return merge_incidents(
        i for aid in ids for i in _result(samples, gazetteer, aid).incidents
    )


def test_incidents_seed_article(
    samples: dict[str, dict[str, Any]], gazetteer: Any
) -> None:
    result = _result(samples, gazetteer, "seed-athr-kalsu")
    (inc,) = result.incidents
    assert inc.type == "air_strike"
    assert inc.acled_sub_event_type == "Air/drone strike"
    assert inc.place is not None and inc.place.place is not None
    assert "kalsu" in inc.place.place.name_en.lower()
    assert (inc.date.iso, inc.date.precision) == ("2024-04-20", "day")
    assert (inc.killed, inc.wounded) == (Count(1, 1), Count(8, 8))
    assert inc.attribution.denied_by == "United States"
    assert inc.attribution.perpetrator is None
    roles = {
        p.role
        for p in result.places
        if p.place is not None and p.place.name_en in ("Davos", "Switzerland")
    }
    assert roles == {"prior"}


@pytest.mark.parametrize(
    ("ids", "groups"),
    [
        (["seed-athr-kalsu", "c6"], 1),
        (["d2", "d5"], 1),
        (["d2", "d5", "d8"], 2),
        (["r2", "r4", "r5", "en16"], 4),
    ],
)
def test_incidents_samples_dedup(
    samples: dict[str, dict[str, Any]], gazetteer: Any, ids: list[str], groups: int
) -> None:
    assert len(_merged(samples, gazetteer, ids)) == groups


def test_incidents_samples_merged_sources(
    samples: dict[str, dict[str, Any]], gazetteer: Any
) -> None:
    (inc,) = _merged(samples, gazetteer, ["d2", "d5"])
    assert {s.article_id for s in inc.sources} == {"d2", "d5"}
    assert inc.killed == Count(11, 15)
