"""SQLite store: idempotent growth, re-merge, filters, FTS, transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from factories import (
    make_article,
    make_incident,
    make_place,
    make_resolved,
    make_result,
    make_source,
    toy_merge,
)
from kharita.errors import ConfigurationError
from kharita.models import ArticleResult
from kharita.store import Store, article_hash, date_bounds

MOSUL = make_place(
    id="iq-mosul",
    name_en="Mosul",
    name_ar="الموصل",
    lat=36.34,
    lon=43.13,
    governorate="Nineveh",
    district="Mosul",
)


def _result(
    text: str,
    *,
    date: str = "2024-04-20",
    type: str = "airstrike",
    place=None,
    article_id: str | None = None,
) -> ArticleResult:
    art = make_article(text, date=date, **({"id": article_id} if article_id else {}))
    inc = make_incident(
        id=f"inc-{art.id}",
        type=type,
        date=date,
        place=make_resolved(place),
        sources=[make_source(art)],
    )
    return make_result(art, incidents=[inc], places=[make_resolved(place)])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "k.db", merge=toy_merge) as s:
        yield s


@pytest.mark.parametrize("runs", [2, 3])
def test_store_rerun_adds_nothing(store: Store, runs: int) -> None:
    results = [_result("قصف قاعدة كالسو"), _result("انفجار في بغداد", type="ied")]
    reports = [store.add_results(results) for _ in range(runs)]
    assert (reports[0].added, reports[0].skipped) == (2, 0)
    assert all((r.added, r.skipped) == (0, 2) for r in reports[1:])
    assert store.count("articles") == 2
    assert store.count("article_incidents") == 2
    assert store.count("incidents") == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [("قصف قاعدة كالسو", "قَصْف  قاعدة\nكالسو"), ("Strike on Kalsu", "strike  ON kalsu")],
)
def test_store_key_is_normalised_text(store: Store, first: str, second: str) -> None:
    assert article_hash(first) == article_hash(second)
    store.add_results([_result(first)])
    assert store.add_results([_result(second, article_id="other")]).added == 0


@pytest.mark.parametrize("n_new", [1, 2])
def test_store_new_articles_remerge(store: Store, n_new: int) -> None:
    store.add_results([_result("قصف قاعدة كالسو")])
    new = [_result(f"تقرير آخر {i} عن قصف كالسو") for i in range(n_new)]
    report = store.add_results(new)
    assert report.added == n_new and report.incidents == 1
    (incident,) = store.query_incidents()
    assert incident.report_count == 1 + n_new
    assert store.count("incident_sources") == 1 + n_new


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["ied", "airstrike", "shelling"]),
        ({"since": "2024-04-01"}, ["airstrike", "shelling"]),
        ({"since": "2024-04", "until": "2024-04"}, ["airstrike"]),
        ({"until": "2024-03-31"}, ["ied"]),
        ({"types": ["shelling", "ied"]}, ["ied", "shelling"]),
        ({"governorates": ["nineveh"]}, ["shelling"]),
        ({"governorates": ["Babil"], "since": "2024"}, ["ied", "airstrike"]),
    ],
)
def test_store_query_filters(store: Store, kwargs: dict, expected: list[str]) -> None:
    store.add_results(
        [
            _result("قصف كالسو", date="2024-04-20"),
            _result("انفجار عبوة", date="2024-03", type="ied"),
            _result(
                "قصف مدفعي الموصل", date="2024-05-02", type="shelling", place=MOSUL
            ),
        ]
    )
    assert [i.type for i in store.query_incidents(**kwargs)] == expected


@pytest.mark.parametrize("bad", ["yesterday", "2024-13"])
def test_store_query_rejects_bad_dates(store: Store, bad: str) -> None:
    with pytest.raises(ConfigurationError, match="not a date"):
        store.query_incidents(since=bad)


@pytest.mark.parametrize("incident_date", ["2024-04-20", "2024-04", None])
def test_store_roundtrips_incident_objects(
    store: Store, incident_date: str | None
) -> None:
    art = make_article("نص")
    inc = make_incident(
        date=incident_date,
        precision="day" if incident_date else None,
        sources=[make_source(art, highlight=(2, 5))],
    )
    store.add_results([make_result(art, incidents=[inc])])
    assert store.query_incidents() == [inc]
    assert list(store.articles()) == [make_result(art, incidents=[inc])]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("بغداد", True),
        ("بَغْداد", True),
        ("قاعدة", True),
        ("البصرة", False),
        ("بغ", True),
    ],
)
def test_store_fts_finds_clitic_forms(store: Store, query: str, found: bool) -> None:
    store.add_results([_result("وقع انفجار وبغداد تشهد قصفا على قاعده كالسو")])
    hits = store.search_articles(query)
    assert bool(hits) is found


@pytest.mark.parametrize("table", ["articles_fts"])
def test_store_plain_sqlite_can_read_it(tmp_path: Path, table: str) -> None:
    with Store(tmp_path / "k.db", merge=toy_merge) as s:
        s.add_results([_result("انفجار في وبغداد")])
    conn = sqlite3.connect(tmp_path / "k.db")
    try:
        rows = conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH 'بغداد'")
        assert len(rows.fetchall()) == 1
        assert conn.execute("SELECT governorate FROM incidents").fetchone() == (
            "Babil",
        )
    finally:
        conn.close()


@pytest.mark.parametrize(("batch_size", "committed"), [(1, 3), (3, 1)])
def test_store_interrupted_run_keeps_committed(
    tmp_path: Path, batch_size: int, committed: int
) -> None:
    path = tmp_path / "k.db"
    with Store(path, merge=toy_merge) as s:
        s.add_results([_result("مقال أول", type="a")])

    def crashing() -> Iterator[ArticleResult]:
        yield _result("مقال ثان", type="b")
        yield _result("مقال ثالث", type="c")
        raise KeyboardInterrupt

    with Store(path, merge=toy_merge) as s, pytest.raises(KeyboardInterrupt):
        s.add_results(crashing(), batch_size=batch_size)
    with Store(path, merge=toy_merge) as s:
        assert s.count("articles") == committed
        assert s.count("article_incidents") == committed
        assert s.add_results([]).incidents == committed  # the dirty flag re-merges


@pytest.mark.parametrize("create", [False])
def test_store_missing_db_is_configuration_error(tmp_path: Path, create: bool) -> None:
    with pytest.raises(ConfigurationError, match="no such database"):
        Store(tmp_path / "nope.db", create=create)


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2024", False, "2024-01-01"),
        ("2024", True, "2024-12-31"),
        ("2024-02", True, "2024-02-29"),
        ("2024-04-20", True, "2024-04-20"),
        ("bad", False, None),
        (None, False, None),
    ],
)
def test_store_date_bounds(value: str | None, end: bool, expected: str | None) -> None:
    assert date_bounds(value, end=end) == expected


@pytest.mark.parametrize("first_run", [10, 25])
def test_store_default_merge_matches_one_run(
    tmp_path: Path, samples_path: Path, first_run: int
) -> None:
    from kharita.incidents import merge_incidents
    from kharita.ingest import iter_articles
    from kharita.parallel import map_articles

    outputs = map_articles(iter_articles([samples_path]), workers=1)
    results = [r for r in outputs if isinstance(r, ArticleResult)]
    with Store(tmp_path / "k.db") as s:
        s.add_results(results[:first_run])
        report = s.add_results(results)  # a later run over everything
        stored = s.query_incidents()
    assert (report.added, report.skipped) == (len(results) - first_run, first_run)
    expected = merge_incidents(i for r in results for i in r.incidents)
    assert sorted(stored, key=lambda i: i.id) == sorted(expected, key=lambda i: i.id)
