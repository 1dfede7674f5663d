"""Regenerate the screenshots in this folder (headless Debian Chromium, offline).

python docs/screenshots/make_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from kharita.render import (  # noqa: E402
    chromium_browser,
    default_bases,
    export_pdf,
    export_png,
    render_map,
    write_html,
)
from kharita.render.export import READY  # noqa: E402
from render_fixtures import hostile_incident, many_incidents, sample_incidents  # noqa: E402


def shot(
    browser: object,
    html: Path,
    png: Path,
    script: str = "",
    wait: int = 900,
    size: tuple[int, int] = (1400, 900),
) -> None:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})  # type: ignore[attr-defined]
    page.route(
        "**/*",
        lambda r: (
            r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort()
        ),
    )
    page.goto(html.as_uri())
    page.wait_for_function(READY)
    if script:
        page.evaluate("() => { " + script + " }")  # statements; nothing returned
    page.wait_for_timeout(wait)
    page.screenshot(path=str(png))
    page.close()


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="kharita-shots-"))
    bases = default_bases()
    maps = {
        "en": render_map(
            sample_incidents(),
            bases=bases,
            title="Incidents in Iraq, 2024 (test fixture)",
            lang="en",
        ),
        "ar": render_map(
            sample_incidents(),
            bases=bases,
            title="حوادث في العراق ٢٠٢٤ (بيانات اختبار)",
            lang="ar",
        ),
        "hostile": render_map([hostile_incident()], title="hostile fixture", lang="ar"),
        "10k": render_map(
            many_incidents(10_000),
            bases=bases,
            title="10,000 synthetic incidents",
            lang="en",
        ),
    }
    paths = {k: write_html(v, tmp / f"{k}.html") for k, v in maps.items()}
    with chromium_browser() as browser:
        shot(browser, paths["en"], HERE / "map_en.png")
        shot(browser, paths["ar"], HERE / "map_ar.png")
        shot(
            browser,
            paths["ar"],
            HERE / "map_ar_popup.png",
            "kharita.setQuery('بغداد'); kharita.openPopup(0)",
            1500,
        )
        shot(
            browser,
            paths["en"],
            HERE / "map_en_town_zoom.png",
            "kharita.map.setView([32.76, 44.29], 11)",
        )
        shot(
            browser,
            paths["hostile"],
            HERE / "map_hostile_popup.png",
            "kharita.openPopup(0)",
            1500,
        )
        shot(
            browser,
            paths["ar"],
            HERE / "map_ar_tooltip_spiderfy.png",
            "kharita.map.setView([33.33, 44.38], 12); const m = kharita.app.marker(kharita.app.visible[0]);"
            " kharita.app.cluster.zoomToShowLayer(m, () => m.openTooltip())",
            1500,
        )
        shot(
            browser,
            paths["ar"],
            HERE / "map_ar_baghdad_z12.png",
            "kharita.map.setView([33.33, 44.38], 12)",
        )
        shot(browser, paths["10k"], HERE / "map_10k.png")
        shot(browser, paths["ar"], HERE / "map_ar_small_screen.png", size=(420, 780))
        export_png(paths["en"], HERE / "export_en.png", browser=browser)
        export_pdf(paths["ar"], tmp / "export_ar.pdf", browser=browser)
    if shutil.which("pdftoppm"):  # the PDF's first page as an image, to check by eye
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-singlefile",
                str(tmp / "export_ar.pdf"),
                str(HERE / "export_ar_pdf"),
            ],
            check=True,
        )
    print(tmp / "export_ar.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
