"""Write the map: atomic HTML, PNG/PDF briefing images through headless Chromium, iframe snippet.

PNG and PDF use Playwright driving Debian's Chromium (``/usr/bin/chromium``, or
``$KHARITA_CHROMIUM``); Playwright is imported only here, only when exporting.
The page is opened from ``file://`` with every other request aborted, switched to
export mode (interactive controls hidden, title/legend/date range/source note kept)
and framed on the incidents.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..export.atomic import atomic_open

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
READY = "document.documentElement.getAttribute('data-kharita') === 'ready'"


def write_html(text: str, path: str | os.PathLike[str]) -> Path:
    """Write ``text`` to ``path`` atomically (temp file in the same folder, then rename)."""
    with atomic_open(path, newline="\n") as handle:
        handle.write(text)
    return Path(path)


def chromium_path() -> str:
    path = os.environ.get("KHARITA_CHROMIUM", CHROMIUM)
    if not Path(path).is_file():
        raise RenderError(
            f"Chromium not found at {path}; install it with: apt-get install -y chromium"
        )
    return path


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """A headless Debian Chromium (Playwright ``Browser``), closed on exit."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise RenderError(
            'PNG/PDF export needs playwright: pip install "kharita[export]"'
            " (and apt-get install chromium)"
        ) from None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_map(
    html_path: str | os.PathLike[str], width: int, height: int, browser: Any = None
) -> Iterator[Any]:
    """A Playwright page showing the map in export mode, no network.

    Pass ``browser`` (from :func:`chromium_browser`) to reuse one Chromium for several exports.
    """
    source = Path(html_path).resolve()
    if not source.is_file():
        raise RenderError(f"{source}: no such map file")
    if browser is None:
        with chromium_browser() as own, open_map(source, width, height, own) as page:
            yield page
        return
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.route(
            "**/*",
            lambda r: (
                r.continue_()
                if r.request.url.startswith(("file:", "data:"))
                else r.abort()
            ),
        )
        page.goto(source.as_uri())
        page.wait_for_function(READY, timeout=30_000)
        page.evaluate("window.kharita.exportMode()")
        page.wait_for_timeout(600)  # cluster and fit animations
        yield page
    finally:
        page.close()


def export_png(
    html_path: str | os.PathLike[str],
    png_path: str | os.PathLike[str],
    *,
    width: int = 1600,
    height: int = 1000,
    browser: Any = None,
) -> Path:
    """A PNG of the map framed on its incidents, with title, legend, dates and sources."""
    target = Path(png_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open_map(html_path, width, height, browser) as page:
        page.screenshot(path=str(target))
    return target


def export_pdf(
    html_path: str | os.PathLike[str],
    pdf_path: str | os.PathLike[str],
    *,
    width: int = 1600,
    height: int = 1000,
    browser: Any = None,
) -> Path:
    """A one-page landscape PDF of the same view as :func:`export_png`."""
    target = Path(pdf_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open_map(html_path, width, height, browser) as page:
        page.emulate_media(media="screen")
        page.pdf(
            path=str(target),
            width=f"{width}px",
            height=f"{height}px",
            print_background=True,
            page_ranges="1",
            margin={"top": "0", "right": "0", "bottom": "0", "left": "0"},
        )
    return target


def embed_snippet(
    path: str | os.PathLike[str],
    *,
    title: str = "kharita map",
    width: str = "100%",
    height: str = "600",
) -> str:
    """An ``<iframe>`` that embeds the map file (``path`` as given: relative or URL)."""
    src = str(path)
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'width="{html.escape(width, quote=True)}" height="{html.escape(height, quote=True)}" '
        'style="border:0" loading="lazy" sandbox="allow-scripts allow-popups '
        'allow-popups-to-escape-sandbox allow-downloads"></iframe>'
    )
