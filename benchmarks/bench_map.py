"""Size, load time and redraw time of the offline map at N incidents.

    python benchmarks/bench_map.py                 # 10,000 incidents
    python benchmarks/bench_map.py --n 2000 --runs 1

The map is opened from file:// in headless Debian Chromium with the network
blocked.  "ready" is milliseconds from navigation start until the app's ready mark
(markers clustered, filters, timeline and summary built, view fitted).  "redraw" is
the time from ``map.setView`` (no animation) over Baghdad until two animation frames
have been painted, at zoom 12, 14 and 16 in that order, after the fitted view; the
"z8 -> z9" column repeats the sequence an analyst reported as freezing the page
(fitted view, zoom 8, then Baghdad at zoom 9).  The uncertainty layer is on, as it
is by default.  Numbers, not assertions: the browser tests check behaviour only.
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
  const t0 = performance.now();
  kharita.map.setView([lat, lon], z, {animate: false});
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}"""


def map_inputs() -> dict[str, Any]:
    """Bases, basemap and styles as ``kharita map`` passes them (shipped gazetteer)."""
    try:
        from kharita.api import map_inputs as inputs
    except ImportError:  # an older kharita whose render loaded them itself
        return {}
    return dict(inputs())


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


def measure(browser: Any, path: Path) -> dict[str, float]:
    page, ready = open_page(browser, path)
    out = {"ready": ready}
    for z in (12, 14, 16):
        out[f"z{z}"] = float(page.evaluate(REDRAW, [*BAGHDAD, z]))
    page.evaluate("kharita.fit()")
    page.evaluate(REDRAW, [*BAGHDAD, 8])
    out["z8->z9"] = float(page.evaluate(REDRAW, [*BAGHDAD, 9]))
    page.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    incidents = many_incidents(args.n, excerpt_chars=300)
    t0 = time.perf_counter()
    html = render_map(incidents, title="bench", **map_inputs())
    build_s = time.perf_counter() - t0
    path = write_html(html, Path(tempfile.mkdtemp(prefix="kharita-bench-")) / "m.html")
    runs = []
    with chromium_browser() as browser:
        for _ in range(args.runs):
            runs.append(measure(browser, path))
    keys = list(runs[0])
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    print(
        f"{args.n} incidents, median of {args.runs} page loads, headless Chromium, "
        "file://, network blocked, 1400x900"
    )
    print(f"build {build_s:.2f} s, HTML {path.stat().st_size / 1e6:.2f} MB")
    print("  ".join(f"{k} {med[k]:.0f} ms" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
