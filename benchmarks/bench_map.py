"""Size and load time of the offline map at N incidents, against plain folium.

    python benchmarks/bench_map.py            # 10,000 incidents
    python benchmarks/bench_map.py --n 2000

Both maps are fully inlined and opened from file:// in headless Debian Chromium with
the network blocked.  "ready" is milliseconds from navigation start until the map is
usable: for kharita the app's ready mark (markers clustered, filters and summary
built, view fitted); for plain folium the first marker/cluster icon in the DOM after
the load event.  Plain folium = one ``folium.Marker`` + lazy ``folium.Popup`` (the
same escaped popup HTML from ``kharita.render.popups``) per incident in a
``MarkerCluster``, with Leaflet and MarkerCluster inlined (no jQuery: popups are
never opened during the timing).  Numbers, not assertions.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import folium
from folium.plugins import MarkerCluster

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from kharita.render import chromium_browser, render_map, write_html  # noqa: E402
from kharita.render.assets import head_block  # noqa: E402
from kharita.render.map import RawHtml  # noqa: E402
from kharita.render.popups import incident_popup_html  # noqa: E402
from kharita.render.types import style_table  # noqa: E402
from render_fixtures import many_incidents  # noqa: E402

READY_KHARITA = "document.documentElement.getAttribute('data-kharita') === 'ready'"
READY_FOLIUM = "document.readyState === 'complete' && !!document.querySelector('.leaflet-marker-icon, .marker-cluster')"


def plain_folium(incidents: list) -> str:  # type: ignore[type-arg]
    styles = {s.type: s for s in style_table(sorted({i.type for i in incidents}))}
    m = folium.Map(location=(33.2, 43.7), zoom_start=6, tiles=None)
    m.options["maxZoom"] = 18
    m.default_js, m.default_css = [], []
    cluster = MarkerCluster()
    cluster.default_js, cluster.default_css = [], []
    cluster.add_to(m)
    for inc in incidents:
        html = incident_popup_html(inc, styles[inc.type], "en")
        folium.Marker(
            (inc.lat, inc.lon), popup=folium.Popup(html, max_width=360, lazy=True)
        ).add_to(cluster)
    m.get_root().header.add_child(RawHtml(head_block()), name="assets")
    return str(m.get_root().render())


def real_excerpts(incidents: list, path: Path, chars: int, seed: int = 3) -> list:  # type: ignore[type-arg]
    """Swap each excerpt for a random ``chars``-long window of a real article (read in place)."""
    rng = random.Random(seed)
    texts = [
        json.loads(ln)["text"]
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ]
    texts = [t for t in texts if len(t) > chars]
    out = []
    for inc in incidents:
        text = rng.choice(texts)
        start = rng.randrange(0, len(text) - chars)
        window = text[start : start + chars]
        src = dataclasses.replace(inc.sources[0], excerpt=window, highlight=(10, 20))
        out.append(dataclasses.replace(inc, sources=(src,)))
    return out


def load_ms(browser: object, path: Path, ready: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
        page.route(
            "**/*",
            lambda r: (
                r.continue_()
                if r.request.url.startswith(("file:", "data:"))
                else r.abort()
            ),
        )
        page.goto(path.as_uri(), timeout=120_000)
        page.wait_for_function(ready, timeout=120_000)
        times.append(page.evaluate("performance.now()"))
        page.close()
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--excerpt-chars", type=int, default=300)
    parser.add_argument(
        "--texts",
        type=Path,
        default=ROOT.parent / "shared/samples/articles.jsonl",
        help="real articles to cut excerpts from (read in place; synthetic if missing)",
    )
    args = parser.parse_args()
    incidents = many_incidents(args.n, excerpt_chars=args.excerpt_chars)
    if args.texts.is_file():
        incidents = real_excerpts(incidents, args.texts, args.excerpt_chars)
    out = Path(tempfile.mkdtemp(prefix="kharita-bench-"))
    rows = []
    for name, build, ready in (
        ("kharita", lambda: render_map(incidents, title="bench"), READY_KHARITA),
        ("plain folium", lambda: plain_folium(incidents), READY_FOLIUM),
    ):
        t0 = time.perf_counter()
        html = build()
        build_s = time.perf_counter() - t0
        path = write_html(html, out / f"{name.replace(' ', '_')}.html")
        rows.append([name, build_s, path.stat().st_size / 1e6, path, ready])
    with chromium_browser() as browser:
        for row in rows:
            row.append(load_ms(browser, row[3], row[4], args.runs))
    print(
        f"{args.n} incidents (excerpts {args.excerpt_chars} chars from {args.texts.name if args.texts.is_file() else 'synthetic text'}), median of {args.runs} loads, headless Chromium, file://, network blocked"
    )
    print(f"{'map':14} {'build s':>8} {'HTML MB':>8} {'ready ms':>9}")
    for name, build_s, mb, _path, _ready, ms in rows:
        print(f"{name:14} {build_s:8.2f} {mb:8.2f} {ms:9.0f}")
    k, f = rows
    print(
        f"ratio plain/kharita: size x{f[2] / k[2]:.1f}, ready x{f[5] / k[5]:.1f}, build x{f[1] / k[1]:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
