"""Size, load time and redraw time of the offline map at N incidents.

    python benchmarks/bench_map.py                 # 10,000 incidents, 3 loads
    python benchmarks/bench_map.py --n 2000 --runs 1
    python benchmarks/bench_map.py --write m.html  # build the map only
    python benchmarks/bench_map.py --open a.html b.html   # measure built maps, interleaved

The map is opened from file:// in headless Debian Chromium with the network
blocked.  "ready" is milliseconds from navigation start until the app's ready mark
(every marker clustered and on the map, filters, timeline and summary built, view
fitted).  Each redraw is a ``map.setView`` (no animation) over Baghdad at zoom 12,
14 and 16 in that order after the fitted view, then the sequence an analyst reported
as freezing the page (fitted view, zoom 8, then Baghdad at zoom 9).  Per redraw:

- ``frames``: ms until two animation frames have been painted;
- ``done``: ms until the place labels of the new view are final (the map sets
  ``data-kh-labels`` to the zoom), i.e. everything the redraw does, and two frames;
- ``cpu``: CPU ms of the renderer process meanwhile (less sensitive to other load).

The maps allow zoom 16 (``max_zoom=16``; without tiles the map stops at 13).  The
uncertainty layer is on, as it is by default.  Numbers, not assertions: the browser
tests check behaviour only.  ``--open`` measures maps built by another checkout
(before/after) back to back, alternating between them on every run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from kharita.render import chromium_browser, render_map, write_html  # noqa: E402
from render_fixtures import many_incidents  # noqa: E402

READY = "document.documentElement.getAttribute('data-kharita') === 'ready'"
BAGHDAD = (33.3152, 44.3661)
REDRAW = """async ([lat, lon, z]) => {
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const box = kharita.map.getContainer(), t0 = performance.now();
  kharita.map.setView([lat, lon], z, {animate: false});
  await frames();
  const t1 = performance.now(), end = t1 + 60000;
  while (box.getAttribute('data-kh-labels') !== String(z) && performance.now() < end) {
    await new Promise(r => requestAnimationFrame(r));
  }
  await frames();
  return [t1 - t0, performance.now() - t0];
}"""
STEPS = (("z12", 12), ("z14", 14), ("z16", 16), ("fit", None), ("", 8), ("z8->z9", 9))


def map_inputs() -> dict[str, Any]:
    """Bases, basemap and styles as ``kharita map`` passes them (shipped gazetteer)."""
    try:
        from kharita.api import map_inputs as inputs
    except ImportError:  # an older kharita whose render loaded them itself
        return {}
    return dict(inputs())


def build(n: int, path: Path) -> float:
    """Write the map of ``n`` synthetic incidents to ``path``; seconds taken."""
    incidents = many_incidents(n, excerpt_chars=300)
    t0 = time.perf_counter()
    html = render_map(incidents, title="bench", max_zoom=16, **map_inputs())
    seconds = time.perf_counter() - t0
    write_html(html, path)
    return seconds


def open_page(browser: Any, path: Path) -> tuple[Any, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(600_000)
    page.route(
        "**/*",
        lambda r: (
            r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort()
        ),
    )
    page.goto(path.as_uri(), timeout=600_000)
    page.wait_for_function(READY, timeout=600_000)
    return page, float(page.evaluate("performance.now()"))


def process_ms(cdp: Any) -> float:
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return 1000 * next(m["value"] for m in metrics if m["name"] == "ProcessTime")


def measure(browser: Any, path: Path) -> dict[str, float]:
    page, ready = open_page(browser, path)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    out = {"ready": ready}
    for name, zoom in STEPS:
        if zoom is None:
            page.evaluate("kharita.fit()")
            continue
        cpu = process_ms(cdp)
        frames, done = page.evaluate(REDRAW, [*BAGHDAD, zoom])
        if name:
            out[f"{name} frames"], out[f"{name} done"] = frames, done
            out[f"{name} cpu"] = process_ms(cdp) - cpu
    page.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--write", type=Path, help="build the map to this file and stop"
    )
    parser.add_argument("--open", type=Path, nargs="+", help="measure these built maps")
    args = parser.parse_args()
    if args.write:
        seconds = build(args.n, args.write)
        print(f"{args.n} incidents: build {seconds:.2f} s, {args.write}")
        return 0
    paths = args.open
    if not paths:
        path = Path(tempfile.mkdtemp(prefix="kharita-bench-")) / "m.html"
        print(f"{args.n} incidents: build {build(args.n, path):.2f} s")
        paths = [path]
    runs: dict[Path, list[dict[str, float]]] = {p: [] for p in paths}
    with chromium_browser() as browser:
        for _ in range(args.runs):
            for path in paths:
                runs[path].append(measure(browser, path))
    print(
        f"median of {args.runs} page loads, headless Chromium, file://, network "
        "blocked, 1400x900; ms"
    )
    for path, rows in runs.items():
        med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
        print(f"{path.name}: HTML {path.stat().st_size / 1e6:.2f} MB")
        print("  " + "  ".join(f"{k} {v:.0f}" for k, v in med.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
