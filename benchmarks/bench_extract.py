"""Throughput of place recognition + resolution on one core.

Reads ../shared/samples/articles.jsonl in place, replicates it to ``--copies``
articles, and prints articles/s and MB/s (UTF-8) for recognition alone and
for recognition + resolution, with the shipped gazetteer.

    python benchmarks/bench_extract.py --copies 100
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kharita.gazetteer import load_gazetteer
from kharita.mentions import recognizer_for
from kharita.models import Article
from kharita.resolve import resolve_places

SAMPLES = (
    Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "articles.jsonl"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--copies",
        type=int,
        default=100,
        help="how many times to replicate the samples",
    )
    args = parser.parse_args()
    rows = [
        json.loads(line)
        for line in SAMPLES.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    articles = [
        Article(r["id"], r["text"], r.get("lang") or "ar") for r in rows
    ] * args.copies
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    gaz = load_gazetteer()
    t0 = time.perf_counter()
    recognize = recognizer_for(gaz)
    build = time.perf_counter() - t0
    for a in articles[
        : len(rows)
    ]:  # warm-up: lazy imports (shapely) and first-use tables
        resolve_places(a, recognize(a.text, a.lang), gaz)
    t0 = time.perf_counter()
    mentions = [recognize(a.text, a.lang) for a in articles]
    t_rec = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a, m in zip(articles, mentions, strict=True):
        resolve_places(a, m, gaz)
    t_res = time.perf_counter() - t0
    n = len(articles)
    print(
        f"gazetteer {len(gaz.places)} places; recognizer build {build:.2f} s; {n} articles, {megabytes:.1f} MB"
    )
    print(
        f"recognition           {n / t_rec:8.0f} articles/s  {megabytes / t_rec:6.2f} MB/s"
    )
    total = t_rec + t_res
    print(
        f"recognition+resolution {n / total:7.0f} articles/s  {megabytes / total:6.2f} MB/s"
    )


if __name__ == "__main__":
    main()
