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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
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
from .mbtiles import TileSet
from .payload import (
    EPOCH,
    Payload,
    Survey,
    base_row,
    data_element,
    day_span,
    river_labels,
    safe_url,
)
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
WORLD_STYLE = {"stroke": False, "fillColor": "#eeece6", "fillOpacity": 1.0}
# the shipped basemap carries place labels to neighbourhood level at zoom 12-13 and
# nothing finer: without --tiles or MBTiles the map stops there
OFFLINE_MAX_ZOOM = 13
EXTRA_ICONS = ("circle-exclamation", "plane", "shield-halved", "jet-fighter")


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
    _geojson(basemap.world, "world", lambda f: WORLD_STYLE).add_to(m)
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


def add_tiles(m: folium.Map, tiles: str, lang: UiLang, max_zoom: int) -> None:
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
        max_zoom=max_zoom,
    ).add_to(m)


def default_title(incidents: Iterable[Incident], lang: UiLang) -> str:
    """``Incidents in Iraq, first day – last day`` when the caller gives no title."""
    days = [d for i in incidents for d in day_span(i.date) if d is not None]
    return _dated_title(min(days, default=None), max(days, default=None), lang)


def _dated_title(first_day: int | None, last_day: int | None, lang: UiLang) -> str:
    head = label("default_title", lang)
    if first_day is None or last_day is None:
        return head
    first, last = (
        date.fromordinal(EPOCH + d).isoformat() for d in (first_day, last_day)
    )
    sep = "، " if lang == "ar" else ", "
    return f"{head}{sep}{first} – {last}" if first != last else f"{head}{sep}{first}"


@dataclass(frozen=True)
class MapOptions:
    """Everything about one map except its incidents."""

    bases: Sequence[GazetteerPlace] = ()
    title: str | None = None
    lang: UiLang = "en"
    tiles: str | None = None
    styles: Sequence[IncidentStyle] | None = None
    basemap: Basemap | None = None
    compress: bool | None = None
    as_of: str | None = None
    max_zoom: int | None = None
    tileset: TileSet | None = None


def blob(
    incidents: Sequence[Incident],
    payload: Payload,
    seen: Survey,
    opts: MapOptions,
    basemap: Basemap,
    layers: dict[str, str],
) -> dict[str, Any]:
    """The map's data; ``payload`` has surveyed ``incidents`` (``seen``)."""
    lang, styles, gov_ar = opts.lang, payload.styles, payload.gov_ar
    if seen.placed < seen.count:
        logger.info(
            "%d incidents without coordinates left off the map",
            seen.count - seen.placed,
        )
    used_icons = {s.icon for s in styles} | set(EXTRA_ICONS)
    tiles = opts.tileset
    return {
        "lang": lang,
        "title": opts.title or _dated_title(seen.first_day, seen.last_day, lang),
        "asOf": opts.as_of or "",
        "ui": labels(lang),
        "layers": layers,
        "types": [[s.type, s.label_en, s.label_ar, s.colour, s.icon] for s in styles],
        "icons": {n: list(icon_paths()[n]) for n in sorted(used_icons)},
        "places": payload.places.rows,
        "govs": payload.govs.rows,
        "outlets": payload.outlets.rows,
        "inc": payload.rows(incidents),
        "bases": [base_row(b, gov_ar) for b in opts.bases],
        "labels": {
            "countries": basemap.country_labels,
            "governorates": basemap.governorate_labels,
            "cities": basemap.cities,
            "rivers": river_labels(basemap),
        },
        "tiles": None
        if tiles is None
        else {"mime": tiles.mime, "min": tiles.min_zoom, "t": tiles.tiles},
        "attribution": label("attribution", lang)
        + (" · " + tiles.attribution if tiles else ""),
    }


def _max_zoom(opts: MapOptions) -> int:
    if opts.max_zoom is not None:
        return opts.max_zoom
    if opts.tiles:
        return 18
    return max(OFFLINE_MAX_ZOOM, opts.tileset.max_zoom if opts.tileset else 0)


def _cluster(name: str, radius: int, plain_below: int | None = None) -> MarkerCluster:
    options: dict[str, Any] = {
        "spiderfyOnMaxZoom": True,
        "showCoverageOnHover": False,
        "chunkedLoading": True,
        # no zoom animation: at 10,000 incidents its forced layout and transitions over
        # a thousand markers cost more than the redraw itself (benchmarks/README.md)
        "animate": False,
        "maxClusterRadius": radius,
    }
    if plain_below is not None:
        options["disableClusteringAtZoom"] = plain_below
    cluster = MarkerCluster(name=name, options=options)  # type: ignore[no-untyped-call]
    cluster.default_js, cluster.default_css = [], []
    return cluster


def _new_map(basemap: Basemap, opts: MapOptions) -> folium.Map:
    west, south, east, north = basemap.world_box
    m = folium.Map(
        location=IRAQ_CENTRE,
        zoom_start=6,
        tiles=None,
        control_scale=True,
        min_zoom=4,
        max_bounds=True,
        min_lat=south,
        max_lat=north,
        min_lon=west,
        max_lon=east,
    )
    m.options["maxZoom"] = _max_zoom(opts)  # MarkerCluster needs one without tiles
    m.default_js, m.default_css = [], []  # on the instance: folium's lists untouched
    return m


def build_map(
    incidents: Sequence[Incident], opts: MapOptions | None = None, **kwargs: Any
) -> folium.Map:
    """The folium map with every layer; render it with :func:`render_map`.

    Options are a :class:`MapOptions` or its fields as keywords.
    """
    opts = replace(opts or MapOptions(), **kwargs)
    if opts.lang not in ("ar", "en"):
        raise ConfigurationError(f"lang must be 'ar' or 'en', got {opts.lang!r}")
    lang = opts.lang
    basemap = opts.basemap or load_basemap()
    # one pass over the incidents before their rows (they may be read from disk)
    payload = Payload((), governorate_names(basemap.governorates))
    seen = payload.survey(incidents)
    payload.use_styles(style_table(sorted(seen.types), opts.styles))
    m = _new_map(basemap, opts)
    if opts.tiles:
        add_tiles(m, opts.tiles, lang, _max_zoom(opts))
    govs = add_basemap(m, basemap, lang)
    cities = _layer(label("cities", lang), m)
    uncertainty = _layer(label("uncertainty", lang), m)
    cluster = _cluster(label("incidents", lang), 45)
    cluster.add_to(m)
    base_layer = _cluster(label("bases", lang), 28, plain_below=10)
    base_layer.add_to(m)
    control = folium.LayerControl(
        position="topleft" if lang == "ar" else "topright", collapsed=False
    )
    control.add_to(m)
    fixed_ids = _stable_ids(m.get_root(), {})
    layers = {
        "map": m.get_name(),
        "control": control.get_name(),
        "incidents": cluster.get_name(),
        "uncertainty": uncertainty.get_name(),
        "bases": base_layer.get_name(),
        "cities": cities.get_name(),
        "governorates": govs.get_name() if govs is not None else "",
    }
    data = blob(incidents, payload, seen, opts, basemap, layers)
    root = m.get_root()
    if not isinstance(root, Figure):
        raise RenderError("folium map is not inside a Figure")
    tab = html.escape(str(data["title"]))
    root.header.add_child(RawHtml(f"<title>{tab}</title>"), name="kh_title")
    root.header.add_child(RawHtml(head_block()), name="kh_assets")
    root.html.add_child(RawHtml(data_element(data, opts.compress)), name="kh_data")
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
    incidents: Sequence[Incident], opts: MapOptions | None = None, **kwargs: Any
) -> str:
    """The complete, self-contained offline HTML page of the incidents.

    ``bases``, ``basemap`` (with governorates and place labels) and ``styles`` come
    from the caller (``kharita.api.map_inputs()`` reads them from the gazetteer and
    the incident-type registry); without them the map has the shipped basemap only
    and grey markers.
    """
    opts = replace(opts or MapOptions(), **kwargs)
    m = build_map(incidents, opts)
    page: str = m.get_root().render()
    direction = "rtl" if opts.lang == "ar" else "ltr"
    page = page.replace("<html>", f'<html lang="{opts.lang}" dir="{direction}">', 1)
    assert_offline(page)
    return page
