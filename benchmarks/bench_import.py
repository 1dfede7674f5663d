"""Import speed of a user gazetteer layer: a synthetic GeoNames-format file.

Writes ``--rows`` rows (default 100,000) of fictional places at random points in
Iraq, in the 19-column GeoNames dump format, each with an Arabic and a Latin
alternate name, into a temporary data folder; then times, each in this process:

1. ``import_files`` (parse, governorate by polygon, write the layer);
2. the first ``load_gazetteer()`` (merge with the shipped gazetteer, index every
   name, pickle the compiled index);
3. a ``load_gazetteer()`` from the on-disk cache (what a new process pays).

    python benchmarks/bench_import.py --rows 100000
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN = "abdfghijklmnqrstuwyz"


def fictional_row(i: int, rng: random.Random) -> str:
    latin = "".join(rng.choice(LATIN) for _ in range(rng.randint(5, 9))).title()
    arabic = "".join(rng.choice(ARABIC_LETTERS) for _ in range(rng.randint(4, 7)))
    lat, lon = rng.uniform(30.0, 37.0), rng.uniform(39.5, 48.0)
    fclass, fcode = rng.choice(
        [("P", "PPL")] * 8 + [("S", "MILB"), ("T", "HLL"), ("H", "STM")]
    )
    cells = [
        str(9_000_000 + i), latin, latin, f"{arabic},{latin} Qaryat",
        f"{lat:.5f}", f"{lon:.5f}", fclass, fcode, "IQ", "", "", "", "", "",
        str(rng.choice([0, 0, 0, 500, 20_000])), "", "50", "Asia/Baghdad", "2026-01-01",
    ]  # fmt: skip
    return "\t".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["KHARITA_DATA_DIR"] = str(root / "data")
        source = root / "IQ.txt"
        rng = random.Random(args.seed)
        lines = (fictional_row(i, rng) for i in range(args.rows))
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        size = source.stat().st_size / 1e6

        from kharita.gazetteer import load_gazetteer
        from kharita.layers import import_files, merge

        load_gazetteer()  # the shipped gazetteer alone, outside the timings
        clock = Clock()
        report = import_files([source], layer="bench")
        clock.lap("import (parse + governorates + write)")
        gazetteer = load_gazetteer()
        clock.lap("first load (merge + index + cache)")
        merge._compiled.cache_clear()  # as a fresh process: read the pickle
        load_gazetteer()
        clock.lap("load from the compiled-index cache")
        print(f"{args.rows:,} GeoNames rows ({size:.1f} MB): "
              f"{report.layer.places:,} places kept, {report.skipped:,} skipped;"
              f" {len(gazetteer.places):,} places after the merge")  # fmt: skip
        clock.print()


class Clock:
    """Wall and CPU seconds per step (CPU time is less sensitive to other load)."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float, float]] = []
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.laps.append((name, wall - self._wall, cpu - self._cpu))
        self._wall, self._cpu = wall, cpu

    def print(self) -> None:
        print(f"{'step':40} {'wall s':>8} {'CPU s':>8}")
        for name, wall, cpu in self.laps:
            print(f"{name:40} {wall:8.2f} {cpu:8.2f}")


if __name__ == "__main__":
    main()
