"""Regenerate docs/screenshots/ (headless Debian Chromium, file://, network blocked).

    python tools/screenshots.py

Desktop (English and Arabic, popup, timeline selection, city zoom, 10,000 incidents),
phone (390x844, popup open), print (Ctrl+P stylesheet: A4 landscape and portrait PDFs
rendered to PNG with pdftoppm) and export (``--png`` / ``--pdf``).  The incidents are
the test fixtures (``tests/render_fixtures.py``), written for kharita.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from kharita.api import map_inputs
from kharita.models import Attribution, Count, EventDate
from kharita.render import (
    chromium_browser,
    export_pdf,
    export_png,
    render_map,
    write_html,
)
from kharita.render.export import READY

LABELS_FINAL = (
    "(() => { const c = document.querySelector('.leaflet-container');"
    " return c.getAttribute('data-kh-labels') === String(kharita.map.getZoom()); })()"
)
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def _fixtures() -> Any:
    """The map test fixtures (``tests/render_fixtures.py``), loaded by path."""
    spec = importlib.util.spec_from_file_location(
        "render_fixtures", ROOT / "tests" / "render_fixtures.py"
    )
    if spec is None or spec.loader is None:
        raise SystemExit("tests/render_fixtures.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules["render_fixtures"] = module
    spec.loader.exec_module(module)
    return module


_fx = _fixtures()
hostile_incident, many_incidents, sample_incidents = (
    _fx.hostile_incident,
    _fx.many_incidents,
    _fx.sample_incidents,
)

AS_OF = "2026-11-30"


def incidents() -> list[Any]:
    """The fixtures, one with attribution, two undated."""
    base = sample_incidents()
    first = dataclasses.replace(
        base[0],
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        attribution=Attribution(
            perpetrator="Kataib Hezbollah", denied_by="United States"
        ),
    )
    undated = [
        dataclasses.replace(
            b, id=f"undated-{k}", date=EventDate(None, None), killed=Count(None)
        )
        for k, b in enumerate(base[5:7])
    ]
    return [with_evidence(first), *base[1:], *undated]


def with_evidence(incident: Any) -> Any:
    """``incident`` whose first report has a title and, two paragraphs after its
    excerpt, the sentence its casualty figures were read from."""
    src = incident.sources[0]
    said = "وأعلنت خلية الإعلام الأمني مقتل شخص وإصابة 8 آخرين في الانفجار."
    src = dataclasses.replace(
        src,
        title="انفجار داخل معسكر كالسو",
        casualty_sentence=said,
        casualty_start=src.excerpt_start + len(src.excerpt) + 120,
    )
    return dataclasses.replace(incident, sources=(src, *incident.sources[1:]))


def shot(
    browser: Any,
    html: Path,
    png: Path,
    script: str = "",
    size: tuple[int, int] = (1400, 900),
) -> None:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("file:", "data:", "blob:"))
            else r.abort()
        ),
    )
    page.goto(html.as_uri())
    page.wait_for_function(READY, timeout=60_000)
    if script:
        page.evaluate("() => { " + script + " }")
    page.wait_for_function(LABELS_FINAL, timeout=60_000)
    page.wait_for_timeout(600)  # a popup's pan into view
    page.screenshot(path=str(png))
    page.close()


def print_pdf(browser: Any, html: Path, pdf: Path, landscape: bool) -> None:
    """What Ctrl+P gives: the print stylesheet on an A4 page."""
    size = (1050, 740) if landscape else (740, 1050)
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.route(
        "**/*",
        lambda r: (
            r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort()
        ),
    )
    page.goto(html.as_uri())
    page.wait_for_function(READY, timeout=60_000)
    page.emulate_media(media="print")
    page.wait_for_timeout(800)
    page.pdf(path=str(pdf), format="A4", landscape=landscape, print_background=True)
    page.close()


def to_png(pdf: Path, png_stem: Path) -> None:
    if shutil.which("pdftoppm") is None:
        print(f"pdftoppm missing (apt-get install poppler-utils): {pdf} not rendered")
        return
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(png_stem)],
        check=True,
    )


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="kharita-shots-"))
    inputs = map_inputs()
    maps = {
        "en": render_map(incidents(), lang="en", as_of=AS_OF, **inputs),
        "ar": render_map(incidents(), lang="ar", as_of=AS_OF, **inputs),
        "hostile": render_map(
            [hostile_incident()], title="hostile fixture", lang="ar", **inputs
        ),
        "10k": render_map(
            many_incidents(10_000),
            title="10,000 synthetic incidents",
            max_zoom=16,
            **inputs,
        ),
    }
    paths = {k: write_html(v, tmp / f"{k}.html") for k, v in maps.items()}
    for old in OUT.glob("*.png"):
        old.unlink()
    with chromium_browser() as browser:
        shot(browser, paths["en"], OUT / "desktop_en.png")
        shot(browser, paths["ar"], OUT / "desktop_ar.png")
        shot(
            browser,
            paths["en"],
            OUT / "desktop_en_popup.png",
            "kharita.openIncident('inc-1')",
        )
        shot(
            browser,
            paths["ar"],
            OUT / "desktop_ar_popup.png",
            "kharita.openIncident('inc-6')",
        )
        shot(
            browser,
            paths["en"],
            OUT / "desktop_en_timeline_search.png",
            "kharita.setRange('2024-03-01', '2024-04-30'); kharita.setQuery('Ain al Asad')",
        )
        shot(
            browser,
            paths["en"],
            OUT / "desktop_en_city_zoom.png",
            "void kharita.map.setView([33.33, 44.38], 12, {animate: false})",
        )
        shot(
            browser,
            paths["10k"],
            OUT / "desktop_10k_baghdad_z12.png",
            "kharita.map.setView([33.3152, 44.3661], 12, {animate: false})",
        )
        shot(
            browser,
            paths["hostile"],
            OUT / "desktop_hostile_popup.png",
            "kharita.openPopup(0)",
        )
        shot(browser, paths["ar"], OUT / "phone_ar.png", size=(390, 844))
        shot(
            browser,
            paths["ar"],
            OUT / "phone_ar_popup.png",
            "kharita.openIncident('inc-1')",
            size=(390, 844),
        )
        shot(
            browser,
            paths["en"],
            OUT / "frame_600.png",
            "kharita.openIncident('inc-6')",
            size=(1000, 600),
        )
        for landscape in (True, False):
            name = "print_landscape" if landscape else "print_portrait"
            print_pdf(browser, paths["en"], tmp / f"{name}.pdf", landscape)
            to_png(tmp / f"{name}.pdf", OUT / name)
        export_png(paths["en"], OUT / "export_en.png", browser=browser)
        export_pdf(paths["ar"], tmp / "export_ar.pdf", browser=browser)
        to_png(tmp / "export_ar.pdf", OUT / "export_ar_pdf")
    print(f"screenshots in {OUT}; PDFs in {tmp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
