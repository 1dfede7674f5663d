"""Offline HTML incident maps and briefing exports.

>>> html = render_map(incidents, bases=bases, basemap=basemap, styles=styles,
...                   title="Iraq, April 2024", lang="ar")                       # doctest: +SKIP
>>> write_html(html, "output/map.html")                                            # doctest: +SKIP
>>> export_png("output/map.html", "output/map.png")                                # doctest: +SKIP
"""

from __future__ import annotations

from .basemap import Basemap, base_places, load_basemap
from .export import chromium_browser, embed_snippet, export_pdf, export_png, write_html
from .map import MapOptions, build_map, render_map
from .mbtiles import TileSet, read_tiles
from .types import IncidentStyle, load_styles

__all__ = [
    "Basemap",
    "IncidentStyle",
    "MapOptions",
    "TileSet",
    "base_places",
    "build_map",
    "chromium_browser",
    "load_basemap",
    "read_tiles",
    "embed_snippet",
    "export_pdf",
    "export_png",
    "load_styles",
    "render_map",
    "write_html",
]
