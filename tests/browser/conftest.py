"""Headless Debian Chromium through Playwright, offline: every non-file/data request is
aborted and recorded.  A missing browser FAILS (in CI and outside it), never skips."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("KHARITA_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
READY = "document.documentElement.getAttribute('data-kharita') === 'ready'"


@dataclass
class MapPage:
    """A loaded map page and everything it tried to do."""

    page: Any
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.external == [], self.external
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        where = "CI" if os.environ.get("CI") else "this machine"
        pytest.fail(
            f"{CHROMIUM} missing on {where}: apt-get install -y chromium (browser tests never skip)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "playwright missing: pip install playwright (never `playwright install`)"
        )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_map(chromium: Any) -> Iterator[Callable[..., MapPage]]:
    pages: list[Any] = []

    def _open(
        path: Path, width: int = 1400, height: int = 900, url: str | None = None
    ) -> MapPage:
        page = chromium.new_page(viewport={"width": width, "height": height})
        pages.append(page)
        result = MapPage(page)

        def route(r: Any) -> None:
            if r.request.url.startswith(("file:", "data:", "blob:")):
                r.continue_()
            else:
                result.external.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: result.errors.append(f"pageerror: {e}"))
        page.on(
            "console",
            lambda m: (
                result.errors.append(f"{m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("dialog", lambda d: (result.dialogs.append(d.message), d.dismiss()))
        page.goto(url or path.resolve().as_uri())
        page.wait_for_function(READY, timeout=20_000)
        return result

    yield _open
    for page in pages:
        page.close()
