"""Parallel extraction: identical, ordered output; bounded; errors isolated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factories import make_article, toy_extract
from kharita.errors import ConfigurationError
from kharita.ingest import iter_articles
from kharita.models import Article, ArticleResult, RecordError
from kharita.parallel import map_articles


def _records(n: int) -> list[Article | RecordError]:
    out: list[Article | RecordError] = []
    for i in range(n):
        if i % 17 == 5:
            out.append(RecordError("in.jsonl", str(i + 1), 'missing field "text"'))
        elif i % 23 == 7:
            out.append(
                make_article(f"BOOM {i}", id=f"a{i}", origin=f"in.jsonl:{i + 1}")
            )
        else:
            text = f"{('قصف', 'انفجار', 'اشتباك')[i % 3]} رقم {i} في بغداد"
            out.append(make_article(text, id=f"a{i}", origin=f"in.jsonl:{i + 1}"))
    return out


@pytest.mark.parametrize(("n", "chunksize"), [(0, 4), (1, 4), (101, 4), (250, 64)])
def test_parallel_two_workers_equal_one(n: int, chunksize: int) -> None:
    records = _records(n)
    one = list(map_articles(records, workers=1, fn=toy_extract))
    two = list(map_articles(records, workers=2, fn=toy_extract, chunksize=chunksize))
    assert two == one
    assert len(one) == n


@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_isolates_failures(workers: int) -> None:
    records = _records(40)
    out = list(map_articles(records, workers=workers, fn=toy_extract, chunksize=3))
    errors = [r for r in out if isinstance(r, RecordError)]
    assert [str(e) for e in errors] == [
        'in.jsonl:6: missing field "text"',
        "in.jsonl:8: extraction failed: ValueError: toy failure",
        'in.jsonl:23: missing field "text"',
        "in.jsonl:31: extraction failed: ValueError: toy failure",
        'in.jsonl:40: missing field "text"',
    ]
    assert sum(isinstance(r, ArticleResult) for r in out) == 35


@pytest.mark.parametrize(("chunksize", "in_flight"), [(4, 2), (1, 3)])
def test_parallel_streams_with_bounded_lookahead(
    chunksize: int, in_flight: int
) -> None:
    consumed = 0

    def source() -> Iterator[Article]:
        nonlocal consumed
        for i in range(10_000):
            consumed += 1
            yield make_article(f"نص {i}", id=str(i))

    stream = map_articles(
        source(),
        workers=2,
        fn=toy_extract,
        chunksize=chunksize,
        max_in_flight=in_flight,
    )
    first = next(stream)
    assert isinstance(first, ArticleResult) and first.article.id == "0"
    assert consumed <= (in_flight + 1) * chunksize
    stream.close()


@pytest.mark.parametrize(("workers", "chunksize"), [(0, 1), (2, 0)])
def test_parallel_rejects_bad_settings(workers: int, chunksize: int) -> None:
    with pytest.raises(ConfigurationError):
        list(map_articles([], workers=workers, chunksize=chunksize, fn=toy_extract))


@pytest.mark.parametrize(("chunksize", "pass_gazetteer"), [(4, False), (7, True)])
def test_parallel_pipeline_on_samples_equal_one_worker(
    samples_path: Path, gazetteer: object, chunksize: int, pass_gazetteer: bool
) -> None:
    records = list(iter_articles([samples_path]))
    gaz = gazetteer if pass_gazetteer else None
    one = list(map_articles(records, workers=1, gazetteer=gaz))  # type: ignore[arg-type]
    two = list(map_articles(records, workers=2, chunksize=chunksize, gazetteer=gaz))  # type: ignore[arg-type]
    assert two == one
    assert sum(len(r.incidents) for r in one if isinstance(r, ArticleResult)) > 0
