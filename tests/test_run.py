"""The one run loop: one RunReport, sinks fed as results stream by, compact incidents."""

from __future__ import annotations

import json
from pathlib import Path

import kharita
from factories import make_article, make_incident, make_result, make_source
from kharita.export.geojson import incidents_collection
from kharita.incidents import merge_incidents
from kharita.models import ArticleResult, RecordError, RunReport
from kharita.run import IncidentCollector, ResultCollector, run
from kharita.serialize import incident_to_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class _Order:
    def __init__(self) -> None:
        self.ids: list[str] = []

    def add(self, result: ArticleResult) -> None:
        self.ids.append(result.article.id)


def test_run_feeds_every_sink_in_input_order(tmp_path: Path) -> None:
    bad = tmp_path / "mixed.jsonl"
    bad.write_text(
        '{"id": "a", "text": "قصف في بغداد"}\n{"id": "b"}\n{"id": "c", "text": "انفجار في الموصل"}\n',
        encoding="utf-8",
    )
    order, kept, errors = _Order(), ResultCollector(), list[RecordError]()
    report = run([bad], sinks=[order, kept], on_error=errors.append)
    assert isinstance(report, RunReport)
    assert order.ids == ["a", "c"] == [r.article.id for r in kept.results]
    assert [str(e) for e in errors] == [f'{bad}:2: missing field "text"']
    assert (report.articles_read, report.articles_failed) == (3, 1)
    assert report.errors == tuple(errors)
    assert report.places == sum(len(r.places) for r in kept.results)
    assert report.incident_count == sum(len(r.incidents) for r in kept.results)


def test_api_process_is_the_run_loop_keeping_results() -> None:
    report = kharita.process(EXAMPLES)
    assert isinstance(report, RunReport)
    assert report.articles_read == len(report.results) + len(report.errors) > 20
    expected = merge_incidents(i for r in report.results for i in r.incidents)
    assert list(report.incidents) == expected


def test_compact_incidents_give_the_same_outputs() -> None:
    report = kharita.process(EXAMPLES)
    compact = IncidentCollector()
    for result in report.results:
        compact.add(result)
    merged = compact.merged()
    assert len(compact) == report.incident_count
    assert all(not i.place or not i.place.alternatives for i in merged)
    assert any(i.place and i.place.alternatives for i in report.incidents)
    assert [incident_to_dict(i) for i in merged] == [
        incident_to_dict(i) for i in report.incidents
    ]
    assert json.dumps(incidents_collection(merged)) == json.dumps(
        incidents_collection(report.incidents)
    )


def test_compact_incidents_store_equal_values_once() -> None:
    """Reports of one event from many outlets keep one copy of what they share."""
    collector = IncidentCollector()
    for k in range(3):
        # fresh but equal objects for every report, as from a worker process
        text = "".join(["قصف قاعدة ", "كالسو في بابل"])
        article = make_article(text, id=f"a{k}", outlet=f"outlet {k % 2}")
        report = make_incident(
            id=f"i{k}", type="air_strike", sources=[make_source(article)]
        )
        collector.add(make_result(article, incidents=[report]))
    (merged,) = collector.merged()
    first, *others = merged.sources
    assert [s.article_id for s in merged.sources] == ["a0", "a1", "a2"]
    assert all(s.excerpt is first.excerpt for s in others)
    assert merged.sources[2].outlet is first.outlet
    assert [s.outlet for s in merged.sources] == ["outlet 0", "outlet 1", "outlet 0"]


def test_run_two_workers_write_the_lines_of_one(tmp_path: Path) -> None:
    # with only encoding sinks the workers send back JSON lines, not results
    import io

    from kharita.export.jsonl import JsonLinesSink

    mixed = tmp_path / "mixed.jsonl"
    rows = [{"id": f"a{i}", "text": f"قصف جوي في بغداد رقم {i}"} for i in range(40)]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines[7] = '{"id": "broken"}'
    mixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen = []
    for workers in (1, 2):
        buffer, kept = io.StringIO(), ResultCollector()
        report = run([EXAMPLES, mixed], workers=workers, sinks=[JsonLinesSink(buffer)])
        run([EXAMPLES, mixed], workers=workers, sinks=[kept])  # results come back
        seen.append((buffer.getvalue(), report, [r.article.id for r in kept.results]))
    assert seen[0] == seen[1]
    assert seen[0][1].articles_failed == 1 and seen[0][1].incident_count > 0
