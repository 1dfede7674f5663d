"""Whole-process throughput (1 and 2 workers) and one-article start-up of ``kharita extract``.

Usage (from the repo root, in the venv)::

    python benchmarks/bench_throughput.py                   # 3,200 articles, 7 start-ups
    python benchmarks/bench_throughput.py --n 640 --startups 3
    python benchmarks/bench_throughput.py --kharita OTHER_VENV/bin/kharita   # another install

Everything is measured back to back in one run, each as a fresh ``kharita`` process, so
start-up (imports, gazetteer, matchers) is included, as a user sees it:

* throughput: ``kharita -q extract ARTICLES.jsonl > /dev/null`` with ``--workers 1``
  and ``--workers 2`` over N articles: the 32 samples of
  ``../shared/samples/articles.jsonl`` (read in place: licensed text, never copied into
  the repo) replicated with distinct ids into a temporary folder that is deleted after
  the run.  Articles/s = N / wall seconds; CPU seconds of the process and every
  process under it (workers forked from it or from a forkserver), read from
  ``/proc`` while it runs (Linux; elsewhere the figure counts the processes waited
  for only).
* start-up: ``kharita -q extract ../shared/samples/seed-article.txt`` in a fresh process,
  ``--startups`` times after one untimed run (which fills the on-disk caches: the first
  run after an install or an upgrade builds them, see ``kharita.cache``); median wall time.

The replicated articles are the same 32 texts over and over: nothing in kharita keeps
results keyed on an article's text, so each copy costs what a new article of that size
would.  The runs use a cache folder of their own in the temporary folder (unless
``KHARITA_CACHE_DIR`` is set).

The child processes run with Python's default bytecode caching (``PYTHONDONTWRITEBYTECODE``
is removed from their environment): without it an editable install recompiles every
module at each start, which no installed wheel does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "samples"
SAMPLES = SHARED / "articles.jsonl"
SEED = SHARED / "seed-article.txt"


def replicate(n: int, folder: Path) -> Path:
    """``n`` articles cycling through the samples, each with its own id."""
    rows = [
        json.loads(line)
        for line in SAMPLES.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    target = folder / "articles.jsonl"
    with target.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = dict(rows[i % len(rows)])
            row["id"] = f"{row.get('id')}#{i}"
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return target


TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _family_cpu(root: int, seen: dict[int, int]) -> None:
    """Record in ``seen`` the CPU ticks so far of ``root`` and every process under it
    (``/proc/PID/task/PID/children``: a few small reads, not a scan of ``/proc``)."""
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        seen[pid] = int(fields[11]) + int(fields[12])
        todo.extend(int(c) for c in children)


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``command``, its workers included."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # a cache folder of this run's own (filled by the untimed start-up), unless one is
    # given: other installs sharing the user's folder cannot rebuild it mid-run
    env.setdefault("KHARITA_CACHE_DIR", str(cwd / "cache"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    ticks: dict[int, int] = {}
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        ) as child,
    ):
        while Path("/proc").is_dir() and child.poll() is None:
            _family_cpu(child.pid, ticks)
            time.sleep(0.05)
        wall = time.perf_counter() - start
        if child.returncode != 0:
            errors.seek(0)
            message = errors.read().decode()
            raise SystemExit(f"{' '.join(command)} failed:\n{message}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ``waited`` is exact for the processes waited for (this one, workers forked from
    # it); a forkserver's workers are not among them, but their ticks as last seen
    # are (up to 50 ms short per process)
    return wall, max(waited, sum(ticks.values()) / TICK)


def throughput(kharita: str, articles: Path, n: int, workers: int) -> dict[str, float]:
    command = [kharita, "-q", "extract", str(articles)]  # stdout to /dev/null
    wall, cpu = run([*command, "--workers", str(workers)], articles.parent)
    return {
        "workers": workers,
        "seconds": round(wall, 2),
        "articles_per_s": round(n / wall),
        "cpu_s": round(cpu, 2),
    }


def startup(kharita: str, folder: Path, runs: int) -> dict[str, float]:
    command = [kharita, "-q", "extract", str(SEED)]
    run(command, folder)  # untimed: fills the caches
    walls, cpus = zip(*(run(command, folder) for _ in range(runs)), strict=True)
    return {
        "runs": runs,
        "median_s": round(statistics.median(walls), 3),
        "min_s": round(min(walls), 3),
        "median_cpu_s": round(statistics.median(cpus), 3),
    }


def default_kharita() -> str:
    found = Path(sys.executable).parent / "kharita"
    return str(found) if found.exists() else (shutil.which("kharita") or "kharita")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=3200, help="articles for throughput")
    parser.add_argument("--startups", type=int, default=7, help="timed start-ups")
    parser.add_argument("--kharita", default=default_kharita(), help="executable")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kharita-bench-") as tmp:
        folder = Path(tmp)
        articles = replicate(args.n, folder)
        start = startup(args.kharita, folder, args.startups)
        rows = [throughput(args.kharita, articles, args.n, w) for w in (1, 2)]
    speedup = rows[0]["seconds"] / rows[1]["seconds"]
    print(f"kharita: {args.kharita}; cpus: {os.cpu_count()}; load: {os.getloadavg()}")
    print("| measurement | wall | rate | CPU s |")
    print("|---|---|---|---|")
    print(
        f"| start-up, one article (median of {start['runs']}, min {start['min_s']} s)"
        f" | {start['median_s']} s | | {start['median_cpu_s']} |"
    )
    for r in rows:
        print(
            f"| {args.n:,} articles, --workers {r['workers']} | {r['seconds']} s"
            f" | {r['articles_per_s']:,} articles/s | {r['cpu_s'] or 'n/a'} |"
        )
    print(f"2 workers vs 1: {speedup:.2f}x")
    print(json.dumps({"startup": start, "throughput": rows, "speedup": speedup}))


if __name__ == "__main__":
    main()
