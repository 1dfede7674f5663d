"""Memory and time of ``kharita map`` at scale (issue: nothing lost, memory flat).

Usage (from the repo root, in the venv)::

    python benchmarks/bench_scale.py                       # both tables
    python benchmarks/bench_scale.py --varied 5000 20000   # map memory only
    python benchmarks/bench_scale.py --one-event 1000 4000 10000 --varied
    python benchmarks/bench_scale.py --pythonpath OTHER/src   # another checkout

By default two measurements, each in a fresh child process (peak RSS is
``ru_maxrss`` of that process alone):

* ``--merge``: N reports of the seed article's strike (its incident, extracted
  once, with N distinct sources) merged by ``merge_incidents``: time and
  memory should be linear in N.  ``--pythonpath OLD/src`` runs an older
  checkout for the before column.
* ``--replay``: the results of the 32 samples replayed N times (fresh objects
  per report, as they arrive from a worker; own id and one of 40 outlets),
  collected the way ``map`` does (:class:`kharita.run.IncidentCollector`:
  ``spilled`` to disk where the checkout can, else ``compact`` in memory) or
  the way it did at first (``results``: every article result kept; skipped by
  ``--no-results``), then merged, rendered and written as CSV and GeoJSON.
  Extraction is left out so 100,000 reports take minutes, not hours, on a
  shared machine.  Peak RSS is read when the results are ready (the base:
  interpreter, gazetteer, recogniser), after merging, after rendering and
  after the exports; "merge CPU" is the CPU of keeping and merging alone
  (making the replicas is left out).  The SHA-256 of the three outputs shows
  two checkouts give the same bytes.  The replayed samples hold undated
  incidents without figures, which never merge, so the incidents on the map
  grow with the reports, and every report is one more source the map lists.

The children share a private cache folder, built by one untimed run first.

``--varied`` and ``--one-event`` run whole ``kharita map FILE -o OUT``
processes (start-up, gazetteer, extraction, merging, rendering) instead:

* ``varied``: N reports cycling through the 32 sample articles of
  ``../shared/samples/articles.jsonl`` (read IN PLACE, never copied into the
  repo), each with its own id, URL and one of 40 outlet names.  Memory should
  not grow with N: ``map`` keeps a compact record per incident, not article
  results.
* ``one-event``: N reports of the seed article (one strike), each with its own
  id and outlet: merging should be linear in N (read in place too).

The input files are generated in a temporary folder and deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples" / "articles.jsonl"
SEED = REPO.parent / "shared" / "samples" / "seed-article.txt"


def write_varied(path: Path, n: int) -> None:
    rows = [json.loads(x) for x in SAMPLES.read_text("utf-8").splitlines() if x.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = dict(rows[i % len(rows)])
            row["id"] = f"{row.get('id')}#{i}"
            row["url"] = f"https://example.org/{i}"
            row["outlet"] = f"outlet {i % 40}"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_one_event(path: Path, n: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = {"id": f"seed#{i}", "outlet": f"outlet {i}", "text": text}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


REPLAY = """
import dataclasses, hashlib, json, os, pickle, resource, sys, tempfile, time
from kharita.export.acled_csv import write_csv
from kharita.export.geojson import write_geojson
from kharita.incidents import merge_incidents
from kharita.ingest import iter_articles
from kharita.parallel import map_articles
from kharita.render import render_map

kind, n, samples = sys.argv[1], int(sys.argv[2]), sys.argv[3]
results = [r for r in map_articles(iter_articles([samples]), workers=1)
           if not hasattr(r, "message")]
blobs = [pickle.dumps(r) for r in results]

def replica(i):
    r = pickle.loads(blobs[i % len(blobs)])   # fresh objects, as from a worker
    aid = f"{r.article.id}#{i}"
    incs = tuple(dataclasses.replace(inc, sources=tuple(
        dataclasses.replace(s, article_id=aid, outlet=f"outlet {i % 40}")
        for s in inc.sources)) for inc in r.incidents)
    return dataclasses.replace(r, article=dataclasses.replace(r.article, id=aid),
                               incidents=incs)

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

ready = peak()   # interpreter, gazetteer, recogniser, the 32 results
start, cpu = time.perf_counter(), time.process_time()
merge_cpu = 0.0   # CPU of keeping and merging, without making the replicas
mode = "results"
if kind == "compact":
    import inspect
    from kharita.run import IncidentCollector
    # as `map` keeps them: on disk where the checkout can (`spill`), else in memory
    spill = "spill" in inspect.signature(IncidentCollector).parameters
    mode = "spilled" if spill else "compact"
    sink = IncidentCollector(spill=True) if spill else IncidentCollector()
    for i in range(n):
        r = replica(i)
        t = time.process_time()
        sink.add(r)
        merge_cpu += time.process_time() - t
    t = time.process_time()
    merged = sink.finish() if hasattr(sink, "finish") else sink.merged()
else:   # what map did before: every whole article result kept
    kept = [replica(i) for i in range(n)]
    t = time.process_time()
    merged = merge_incidents(i for r in kept for i in r.incidents)
merge_cpu += time.process_time() - t
merged_peak = peak()
page = render_map(merged).encode("utf-8")
rendered_peak, html_mb, digest = peak(), len(page) / 1e6, hashlib.sha256(page)
del page
with tempfile.TemporaryDirectory() as tmp:   # the other outputs of the same incidents
    write_csv(merged, os.path.join(tmp, "i.csv"))
    write_geojson(merged, os.path.join(tmp, "i.geojson"))
    exported_peak = peak()   # before the outputs are read back for their digest
    for name in ("i.csv", "i.geojson"):
        with open(os.path.join(tmp, name), "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
print(time.perf_counter() - start, time.process_time() - cpu, merge_cpu,
      ready, merged_peak, rendered_peak, exported_peak, len(merged),
      sum(len(m.sources) for m in merged), html_mb, digest.hexdigest()[:12], mode)
"""

WARM = """
import sys
from kharita.ingest import iter_articles
from kharita.parallel import map_articles
list(map_articles(iter_articles([sys.argv[1]]), workers=1))
"""

MERGE = """
import dataclasses, resource, sys, time
from kharita.incidents import merge_incidents
from kharita.ingest import iter_articles
from kharita.parallel import map_articles

n, seed = int(sys.argv[1]), sys.argv[2]
result = next(r for r in map_articles(iter_articles([seed]), workers=1))
incident = result.incidents[0]
source = incident.sources[0]
reports = [dataclasses.replace(incident, id=f"i{k}", sources=(
    dataclasses.replace(source, article_id=f"seed#{k}", outlet=f"outlet {k}"),))
    for k in range(n)]
start, cpu = time.perf_counter(), time.process_time()
merged = merge_incidents(reports)
print(time.perf_counter() - start, time.process_time() - cpu,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(merged))
"""


def run_child(code: str, args: list[str], pythonpath: str | None) -> list[str]:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def replay_table(
    sizes: list[int], pythonpath: str | None, with_results: bool = True
) -> None:
    label = pythonpath or "this checkout"
    print(
        f"\nmap memory: sample results replayed N times, merged and rendered ({label})"
    )
    print(
        "| reports | kept | seconds | CPU s | merge CPU s | peak RSS MB: ready"
        " / merged / rendered / exported | incidents | sources listed | HTML MB"
        " | sha256 of HTML+CSV+GeoJSON |\n"
        "|---|---|---|---|---|---|---|---|---|---|"
    )
    for n in sizes:
        for kind in ("results", "compact"):
            if kind == "results" and (n > 20000 or not with_results):
                continue  # the old way needs gigabytes there
            args = [kind, str(n), str(SAMPLES)]
            out = run_child(REPLAY, args, pythonpath)
            sec, cpu, merge_cpu, ready, merged, rendered, exported = map(float, out[:7])
            incidents, sources, html_mb, digest, mode = out[7:]
            cells = (
                f"{sec:.1f} | {cpu:.1f} | {merge_cpu:.1f} | {ready:.0f} / {merged:.0f}"
                f" / {rendered:.0f} / {exported:.0f} | {incidents} | {sources} | "
                f"{float(html_mb):.1f} | {digest}"
            )
            print(f"| {n:,} | {mode} | {cells} |", flush=True)


def merge_table(sizes: list[int], pythonpath: str | None) -> None:
    label = pythonpath or "this checkout"
    print(f"\nmerging N reports of one event (the seed strike), {label}")
    print("| reports | seconds | CPU s | peak RSS MB | incidents |")
    print("|---|---|---|---|---|")
    for n in sizes:
        sec, cpu, peak, count = run_child(MERGE, [str(n), str(SEED)], pythonpath)
        row = f"| {n:,} | {float(sec):.2f} | {float(cpu):.2f} | {float(peak):.0f} | {count} |"
        print(row, flush=True)


def run_map(path: Path, pythonpath: str | None) -> tuple[float, float, float, str]:
    """``(seconds, CPU seconds, peak RSS in MB, summary line)`` of one ``kharita
    map`` process."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    out = path.with_suffix(".html")
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter();"
        "p = subprocess.run([sys.executable, '-m', 'kharita', '-q', 'map', sys.argv[1],"
        " '-o', sys.argv[2]], capture_output=True, text=True);"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024,"
        " p.returncode);"
        "print(p.stderr.strip().splitlines()[-1] if p.stderr.strip() else '')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    first, _, summary = done.stdout.partition("\n")
    seconds, cpu, peak, rc = first.split()
    return float(seconds), float(cpu), float(peak), f"rc {rc} {summary.strip()}"


def table(kind: str, sizes: list[int], pythonpath: str | None) -> None:
    writer = write_varied if kind == "varied" else write_one_event
    print(f"\n{kind}: kharita map, whole process")
    print(
        "| reports | seconds | CPU s | peak RSS MB | summary |\n|---|---|---|---|---|"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"{kind}-{n}.jsonl"
            writer(path, n)
            seconds, cpu, peak, summary = run_map(path, pythonpath)
            cells = f"{seconds:.1f} | {cpu:.1f} | {peak:.0f} | {summary}"
            print(f"| {n:,} | {cells} |", flush=True)
            path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--varied", type=int, nargs="*", help="sizes (default 5k 20k 100k)"
    )
    parser.add_argument(
        "--one-event", type=int, nargs="*", help="sizes (default 1k 4k 10k)"
    )
    parser.add_argument(
        "--replay", type=int, nargs="*", help="sizes (default 5k 20k 100k)"
    )
    parser.add_argument(
        "--merge", type=int, nargs="*", help="sizes (default 1k 4k 10k)"
    )
    parser.add_argument(
        "--no-results",
        action="store_true",
        help="--replay: only the way map keeps reports (not every result kept)",
    )
    parser.add_argument("--pythonpath", help="run another checkout's src/")
    args = parser.parse_args()
    chosen = [args.varied, args.one_event, args.replay, args.merge]
    default = not any(c is not None for c in chosen)
    with tempfile.TemporaryDirectory() as cache:
        # a private cache, built once before any measurement: a shared one is
        # rebuilt (at about twice the memory) whenever another checkout's code
        # wrote it last
        os.environ["KHARITA_CACHE_DIR"] = cache
        run_child(WARM, [str(SAMPLES)], args.pythonpath)
        if args.merge is not None or default:
            merge_table(args.merge or [1000, 4000, 10000], args.pythonpath)
        if args.replay is not None or default:
            sizes = args.replay or [5000, 20000, 100000]
            replay_table(sizes, args.pythonpath, not args.no_results)
        if args.one_event is not None:
            sizes = args.one_event or [1000, 4000, 10000]
            table("one-event", sizes, args.pythonpath)
        if args.varied is not None:
            table("varied", args.varied or [5000, 20000, 100000], args.pythonpath)
    print(
        f"\n(load average at the end: {os.getloadavg()[0]:.1f}; {time.strftime('%Y-%m-%d %H:%M')})"
    )


if __name__ == "__main__":
    main()
