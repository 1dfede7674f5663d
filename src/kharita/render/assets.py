"""Inline the vendored JS/CSS (``render/assets/``) into the map page.

Nothing is fetched: every file comes from ``render/assets`` (see its ``VERSIONS.md``),
CSS ``url(...)`` references become ``data:`` URIs, and :func:`assert_offline` refuses
HTML that still points a ``<script>``/``<link>``/``<img>`` at the network.
"""

from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from pathlib import Path

from ..errors import RenderError

ASSETS_DIR = Path(__file__).resolve().parent / "assets"

SCRIPTS = (
    "leaflet/leaflet.js",
    "leaflet.markercluster/leaflet.markercluster.js",
    "kharita.js",
    "kharita-markers.js",
    "kharita-labels.js",
    "kharita-panel.js",
    "kharita-share.js",
)
STYLES = (
    "leaflet/leaflet.css",
    "leaflet.markercluster/MarkerCluster.css",
    "leaflet.markercluster/MarkerCluster.Default.css",
    "kharita.css",
)
MIME = {
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?!data:|#)([^'")?#]+)[^'")]*\1\s*\)""")
EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe|source|embed)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)
CSS_IMPORT = re.compile(r"@import|url\(\s*['\"]?\s*(?:https?:)?//", re.IGNORECASE)


def asset_path(rel: str) -> Path:
    path = ASSETS_DIR / rel
    if not path.is_file():
        raise RenderError(f"missing map asset {rel}; run python tools/build_assets.py")
    return path


def data_uri(path: Path) -> str:
    mime = MIME.get(path.suffix, "application/octet-stream")
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def inline_css(rel: str) -> str:
    """A stylesheet with every local ``url()`` as a data URI, missing files as ``none``."""
    path = asset_path(rel)

    def replace(match: re.Match[str]) -> str:
        target = path.parent / Path(match.group(2)).name
        return f"url({data_uri(target)})" if target.is_file() else "none"

    return CSS_URL.sub(replace, path.read_text(encoding="utf-8"))


def script_safe(text: str) -> str:
    """JS source that cannot close its ``<script>`` element early."""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


@lru_cache(maxsize=1)
def head_block() -> str:
    """``<style>`` and ``<script>`` elements for every vendored asset, in load order."""
    parts = [f"<style>/* {rel} */\n{inline_css(rel)}\n</style>" for rel in STYLES]
    for rel in SCRIPTS:
        source = script_safe(asset_path(rel).read_text(encoding="utf-8"))
        parts.append(f"<script>/* {rel} */\n{source}\n</script>")
    return "\n".join(parts)


@lru_cache(maxsize=1)
def icon_paths() -> dict[str, tuple[int, int, str]]:
    """Font Awesome Free glyphs: ``name -> (width, height, svg path)``."""
    raw = json.loads(asset_path("fa-icons.json").read_text(encoding="utf-8"))
    return {name: (int(w), int(h), str(d)) for name, (w, h, d) in raw.items()}


def assert_offline(html: str) -> None:
    """Raise :class:`RenderError` if the page would load anything from the network."""
    found = EXTERNAL.search(html)
    if found:
        raise RenderError(f"external asset left in map HTML: {found.group(0)[:120]!r}")
    for style in re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.DOTALL):
        if (bad := CSS_IMPORT.search(style)) is not None:
            raise RenderError(
                f"external stylesheet reference in map HTML: {bad.group(0)!r}"
            )
