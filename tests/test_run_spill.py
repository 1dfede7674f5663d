"""IncidentCollector(spill=True): the same incidents as in memory, no file left behind."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import (
    make_article,
    make_incident,
    make_place,
    make_resolved,
    make_result,
    make_source,
)
from kharita import run as run_module
from kharita.cli import cli
from kharita.incidents import merge_incidents
from kharita.incidents.compact import stripped
from kharita.models import ArticleResult, Count, Evidence, Incident
from kharita.run import IncidentCollector
from kharita.spill import SpillFile

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
TYPES = ("air_strike", "drone_strike", "rocket_attack", "ied", "armed_clash")


def _results(seed: int, articles: int) -> list[ArticleResult]:
    """Random articles of one to three incidents around a few sites and days;
    some incidents cite a second article, a few none."""
    rng = random.Random(seed)
    out = []
    for a in range(articles):
        article = make_article(f"تقرير {a % 7}", id=f"a{a}", outlet=f"o{a % 3}")
        incidents = []
        for k in range(rng.choice([1, 1, 2, 3])):
            place = make_place(
                id=f"p{rng.randrange(5)}",
                lat=33.0 + rng.choice([0.0, 0.05, 0.3]),
                lon=44.0 + rng.choice([0.0, 0.07, 0.19, 0.41]),
            )
            day = rng.choice(["2024-04-19", "2024-04-20", "2024-04-22"])
            date, precision = rng.choice(
                [(day, "day"), ("2024-04", "month"), (None, None)]
            )
            evidence = (Evidence("prior", 0.5),) if rng.random() < 0.3 else ()
            sources = [make_source(article)]
            if rng.random() < 0.1:
                sources.append(
                    make_source(make_article("نقلا", id=f"a{rng.randrange(a + 1)}"))
                )
            elif rng.random() < 0.03:
                sources = []
            incident = make_incident(
                id=f"i{a}-{k}",
                type=rng.choice(TYPES),
                date=date,
                precision=precision,
                killed=rng.choice([(None, None), (0, 0), (2, 3), (5, 5)]),
                wounded=rng.choice([(None, None), (4, 4)]),
                place=make_resolved(place, evidence=evidence),
                sources=sources,
                confidence=rng.choice([0.0, 0.4, 0.9]),
            )
            if rng.random() < 0.2:
                incident = dataclasses.replace(incident, killed=Count(2, 2, vague=True))
            incidents.append(incident)
        out.append(make_result(article, incidents=incidents))
    return out


def _recent_april(incident: Incident) -> bool:
    return (incident.date.iso or "").startswith("2024-04-2")


@pytest.mark.parametrize("seed", range(12))
def test_run_spilled_collector_equals_in_memory(seed: int) -> None:
    results = _results(seed, 60)
    in_memory = IncidentCollector()
    with IncidentCollector(spill=True) as spilled:
        for result in results:
            in_memory.add(result)
            spilled.add(result)
        expected = in_memory.merged()
        assert len(spilled) == len(in_memory)
        # repr: every field, a count's vague flag too (== leaves it out)
        assert [repr(i) for i in spilled.merged()] == [repr(i) for i in expected]
        assert [repr(i) for i in spilled.finish(keep=_recent_april)] == [
            repr(i) for i in expected if _recent_april(i)
        ]
    reports = [stripped(i) for r in results for i in r.incidents]
    assert [repr(i) for i in merge_incidents(reports)] == [repr(i) for i in expected]
    assert any(len(i.sources) > 2 for i in expected)  # some reports merged


@pytest.mark.parametrize("seed", [0, 1])
def test_run_spilled_collector_keeps_everything_when_not_compact(seed: int) -> None:
    results = _results(seed, 40)
    reports = [i for r in results for i in r.incidents]
    with IncidentCollector(spill=True, compact=False) as spilled:
        for result in results:
            spilled.add(result)
        merged = [repr(i) for i in spilled.finish()]
    assert merged == [repr(i) for i in merge_incidents(reports)]
    assert any("Evidence(" in m for m in merged)


def test_run_spilled_collector_shares_values_within_an_incident() -> None:
    with IncidentCollector(spill=True) as collector:
        for k in range(40):
            article = make_article(
                "قصف قاعدة كالسو في بابل", id=f"a{k}", outlet=f"o{k % 2}"
            )
            report = make_incident(
                id=f"i{k}", type="air_strike", sources=[make_source(article)]
            )
            collector.add(make_result(article, incidents=[report]))
        (merged,) = collector.finish()
    first, *others = merged.sources
    assert [s.article_id for s in merged.sources] == [f"a{k}" for k in range(40)]
    assert all(s.excerpt is first.excerpt for s in others)
    assert merged.sources[2].outlet is first.outlet


class _Recorded(SpillFile):
    made: list[SpillFile] = []

    def __init__(self, folder: str | Path | None = None) -> None:
        super().__init__(folder)
        self.made.append(self)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[SpillFile]:
    made: list[SpillFile] = []
    monkeypatch.setattr(_Recorded, "made", made)
    monkeypatch.setattr(run_module, "SpillFile", _Recorded)
    return made


@pytest.mark.parametrize("fail", [False, True])
def test_run_spilled_collector_removes_its_files(
    recorded: list[SpillFile], tmp_path: Path, fail: bool
) -> None:
    results = _results(3, 20)
    try:
        with IncidentCollector(spill=True, spill_folder=tmp_path) as collector:
            for result in results:
                collector.add(result)
            merged = collector.finish()
            assert recorded[0].closed and not recorded[1].closed  # reports gone
            assert list(merged)
            if fail:
                raise KeyboardInterrupt
    except KeyboardInterrupt:
        assert fail
    assert len(recorded) == 2 and all(f.closed for f in recorded)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(RuntimeError, match="after finish"):
        collector.add(results[0])


@pytest.mark.parametrize("fail", [False, True])
def test_run_map_command_closes_its_files(
    recorded: list[SpillFile],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fail: bool,
) -> None:
    if fail:
        from kharita.cli import map_cmd

        def interrupted(*args: object, **kwargs: object) -> None:
            assert recorded and not recorded[-1].closed  # rendering from disk
            raise KeyboardInterrupt

        monkeypatch.setattr(map_cmd, "write_outputs", interrupted)
    out = [str(tmp_path / n) for n in ("m.html", "i.csv", "i.geojson")]
    args = ["map", str(EXAMPLES), "-o", out[0], "--csv", out[1], "--geojson", out[2]]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == (130 if fail else 0), result.output
    assert len(recorded) == 2 and all(f.closed for f in recorded)
