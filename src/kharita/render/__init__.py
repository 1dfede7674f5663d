"""Offline HTML incident maps and briefing exports.

>>> html = render_map(incidents, bases=bases, title="Iraq, April 2024", lang="ar")  # doctest: +SKIP
>>> write_html(html, "output/map.html")                                            # doctest: +SKIP
>>> export_png("output/map.html", "output/map.png")                                # doctest: +SKIP
"""

from __future__ import annotations

from .basemap import default_bases
from .export import chromium_browser, embed_snippet, export_pdf, export_png, write_html
from .map import build_map, render_map
from .types import IncidentStyle, load_styles

__all__ = [
    "IncidentStyle",
    "build_map",
    "chromium_browser",
    "default_bases",
    "embed_snippet",
    "export_pdf",
    "export_png",
    "load_styles",
    "render_map",
    "write_html",
]
