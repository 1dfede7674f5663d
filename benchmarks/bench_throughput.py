"""Throughput and memory of kharita's extraction, 1 vs 2 worker processes.

Usage (from the repo root, in the venv)::

    python benchmarks/bench_throughput.py                 # the full report
    python benchmarks/bench_throughput.py --n 2000        # a quick one

It reads ``../shared/samples/articles.jsonl`` IN PLACE (licensed text: never
copy it into the repo) and replicates it in memory to N articles, each with a
distinct id and origin.  Every measurement runs in a fresh child process, so
``ru_maxrss`` is the peak of that run alone.

* throughput: ``map_articles`` over 10,000 articles, results consumed and
  dropped, for 1 and 2 workers; articles/s and MB/s of UTF-8 article text,
  pool start-up included, plus articles per CPU-second (main + workers: the
  per-core rate, less sensitive to other load on the machine; CPU time of
  this run only); the gazetteer and recognizer are built before the clock
  starts (workers=1) or by each worker when it starts (workers=2, timed).
* memory: 100,000 articles streamed from a generator through ``map_articles``
  and dropped (what a ``--db`` run does); peak RSS of the main process (and of
  the largest worker), next to the same run with 10,000 articles: if the two
  are close, memory does not grow with the input.

``--fn identity`` swaps the pipeline for a function that returns an empty
result, which measures the cost of the parallel machinery alone.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples" / "articles.jsonl"


def load_samples() -> list[dict[str, str]]:
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def replicate(n: int) -> Iterator[object]:
    """``n`` Articles cycling through the samples (generated lazily)."""
    from kharita.ingest import article_from_record

    rows = load_samples()
    for i in range(n):
        row = dict(rows[i % len(rows)])
        row["id"] = f"{row.get('id')}#{i}"
        yield article_from_record(row, "bench.jsonl", str(i + 1))


def identity(article: object) -> object:
    from kharita.models import ArticleResult

    return ArticleResult(article=article, places=(), incidents=())  # type: ignore[arg-type]


def run_child(
    n: int, workers: int, fn_name: str, chunksize: int, memory: bool
) -> dict[str, float]:
    """One measurement (in this process): stream n articles, drop results."""
    from kharita.parallel import map_articles

    # The "fork" start method makes the workers direct children, so that
    # RUSAGE_CHILDREN reports their peak RSS and CPU time once the pool is shut
    # down (kharita's default, forkserver, differs only in start-up cost).
    start_method = "fork"

    fn = identity if fn_name == "identity" else None
    if fn is None and workers == 1:
        from kharita.gazetteer import load_gazetteer
        from kharita.mentions import recognizer_for

        recognizer_for(load_gazetteer())  # built once, before the clock
    text_bytes = sum(len(r["text"].encode("utf-8")) for r in load_samples())
    mean_bytes = text_bytes / len(load_samples())
    counts = {"results": 0, "errors": 0, "incidents": 0}
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    outputs = map_articles(
        replicate(n),  # type: ignore[arg-type]
        workers=workers,
        fn=fn,  # type: ignore[arg-type]
        chunksize=chunksize,
        start_method=start_method,
    )
    for out in outputs:
        if hasattr(out, "incidents"):
            counts["results"] += 1
            counts["incidents"] += len(out.incidents)
        else:
            counts["errors"] += 1
    seconds = time.perf_counter() - start
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_peak = kids.ru_maxrss / 1024 if workers > 1 else 0.0
    cpu = (
        (me.ru_utime + me.ru_stime - before.ru_utime - before.ru_stime)
        + kids.ru_utime
        + kids.ru_stime
    )  # this run only (not imports, gazetteer load)
    return {
        "n": n,
        "workers": workers,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 1),
        "mb_per_s": round(n * mean_bytes / seconds / 1e6, 3),
        "cpu_s": round(cpu, 1),
        "articles_per_cpu_s": round(n / cpu, 1),
        "peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        ),
        "peak_child_rss_mb": round(worker_peak, 1),
        **counts,
    }


def measure(
    n: int, workers: int, fn_name: str, chunksize: int, memory: bool = False
) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", f"--n={n}", f"--workers={workers}"]
    cmd += [f"--fn={fn_name}", f"--chunksize={chunksize}"]
    cmd += ["--memory"] if memory else []
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles for throughput")
    parser.add_argument(
        "--stream-n", type=int, default=100_000, help="articles for memory"
    )
    parser.add_argument("--workers", type=int, default=0, help="(child) worker count")
    parser.add_argument("--fn", choices=["extract", "identity"], default="extract")
    parser.add_argument("--chunksize", type=int, default=64)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(
            json.dumps(
                run_child(args.n, args.workers, args.fn, args.chunksize, args.memory)
            )
        )
        return
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}, fn={args.fn}")
    rows = [measure(args.n, w, args.fn, args.chunksize) for w in (1, 2)]
    rows += [
        measure(n, w, args.fn, args.chunksize, memory=True)
        for n in (args.n, args.stream_n)
        for w in (1, 2)
    ]
    header = "| articles | workers | seconds | articles/s | MB/s | CPU s | articles/CPU-s | peak RSS main MB | peak RSS worker MB | incidents | errors |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for r in rows:
        print(
            f"| {r['n']:,} | {r['workers']} | {r['seconds']} | {r['articles_per_s']:,.0f} |"
            f" {r['mb_per_s']} | {r['cpu_s']} | {r['articles_per_cpu_s']:,.0f} |"
            f" {r['peak_rss_mb']} | {r['peak_child_rss_mb']} |"
            f" {r['incidents']:,} | {r['errors']} |"
        )


if __name__ == "__main__":
    main()
