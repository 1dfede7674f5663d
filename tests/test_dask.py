"""The per-article function on a local Dask cluster gives the single-process result."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from factories import toy_extract, toy_merge
from kharita.ingest import iter_articles
from kharita.models import ArticleResult
from kharita.parallel import dask_extract, map_articles


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client


def _write_inputs(root: Path, files: int, per_file: int) -> Path:
    folder = root / "articles"
    folder.mkdir()
    for f in range(files):
        lines = []
        for i in range(per_file):
            kind = ("قصف", "انفجار", "BOOM")[(f + i) % 3]
            day = 1 + (f * per_file + i) % 3
            lines.append(
                json.dumps(
                    {
                        "id": f"f{f}-{i}",
                        "text": f"{kind} في بغداد",
                        "date": f"2024-04-0{day}",
                    }
                )
            )
        (folder / f"batch{f}.jsonl").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    (folder / "bad.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize(("files", "per_file"), [(3, 5), (1, 1)])
def test_dask_same_incidents_as_single_process(
    client: object, tmp_path: Path, files: int, per_file: int
) -> None:
    folder = _write_inputs(tmp_path, files, per_file)
    single = list(map_articles(iter_articles([folder]), workers=1, fn=toy_extract))
    distributed = dask_extract([folder], fn=toy_extract)
    assert distributed == single

    def merged(outputs: list) -> list:
        return toy_merge(
            i for r in outputs if isinstance(r, ArticleResult) for i in r.incidents
        )

    assert merged(distributed) == merged(single)
    assert len(merged(single)) >= 1


@pytest.mark.parametrize("npartitions", [None, 2])
def test_dask_pipeline_on_samples_same_incidents(
    client: object, samples_path: Path, npartitions: int | None
) -> None:
    from kharita.incidents import merge_incidents

    single = list(map_articles(iter_articles([samples_path]), workers=1))
    distributed = dask_extract([samples_path], npartitions=npartitions)
    assert distributed == single

    def merged(outputs: list) -> list:
        return merge_incidents(
            i for r in outputs if isinstance(r, ArticleResult) for i in r.incidents
        )

    incidents = merged(single)
    assert merged(distributed) == incidents
    assert len(incidents) > 0
