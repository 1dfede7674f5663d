"""``kharita map``: the main job, articles in, an offline HTML map out."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

import click

from ..api import map_inputs
from ..export.geojson import PlacesLayer
from ..models import Incident, RunReport
from ..render import TileSet, read_tiles, render_map
from ..render.export import (
    chromium_browser,
    embed_snippet,
    export_pdf,
    export_png,
    write_html,
)
from ..run import IncidentCollector, Sink
from ..store import Store, StoreSink, incident_filter
from ..store.filters import bound
from ._common import finish, input_options, output_options, require_inputs, run_inputs
from ._outputs import check_outputs, open_store, write_outputs


def _filter_options(fn: Any) -> Any:
    for option in reversed(
        [
            click.option(
                "--since",
                metavar="DATE",
                help="Only incidents on or after DATE (2024, 2024-04, 2024-04-20).",
            ),
            click.option(
                "--until", metavar="DATE", help="Only incidents on or before DATE."
            ),
            click.option(
                "--type",
                "types",
                multiple=True,
                metavar="TYPE",
                help="Only this incident type (repeatable).",
            ),
            click.option(
                "--governorate",
                "governorates",
                multiple=True,
                metavar="NAME",
                help="Only this governorate, English name (repeatable).",
            ),
        ]
    ):
        fn = option(fn)
    return fn


def _exports(output: Path, png: str | None, pdf: str | None) -> list[str]:
    if not (png or pdf):
        return []
    written: list[str] = []
    with chromium_browser() as browser:
        if png:
            written.append(str(export_png(output, png, browser=browser)))
        if pdf:
            written.append(str(export_pdf(output, pdf, browser=browser)))
    return written


def _from_store(
    ctx: click.Context, params: dict[str, Any], store: Store, places: PlacesLayer | None
) -> tuple[RunReport, list[Incident]]:
    """Add the inputs to the store, then everything the store holds (filtered)."""
    report = RunReport()
    if params["inputs"]:
        with StoreSink(store) as sink:
            report = run_inputs(ctx, params, [sink])
    if places is not None:
        for result in store.articles():
            places.add(result)
    return report, store.query_incidents(**_filters(params))


def _from_inputs(
    ctx: click.Context,
    params: dict[str, Any],
    places: PlacesLayer | None,
    collector: IncidentCollector,
) -> tuple[RunReport, Sequence[Incident]]:
    sinks: list[Sink] = [collector] + ([places] if places is not None else [])
    report = run_inputs(ctx, params, sinks)
    return report, collector.finish(keep=incident_filter(**_filters(params)))


def _collect(
    ctx: click.Context,
    params: dict[str, Any],
    places: PlacesLayer | None,
    files: contextlib.ExitStack,
) -> tuple[RunReport, Sequence[Incident]]:
    """The run's report and its merged incidents (from the inputs, on disk until
    ``files`` closes, or from the store)."""
    with open_store(params["db"], create=bool(params["inputs"])) as store:
        if store is not None:
            return _from_store(ctx, params, store, places)
    collector = files.enter_context(IncidentCollector(spill=True))
    return _from_inputs(ctx, params, places, collector)


def _filters(params: dict[str, Any]) -> dict[str, Any]:
    return {k: params[k] for k in ("since", "until", "types", "governorates")}


def _tileset(
    path: str | None, max_zoom: int, incidents: Iterable[Incident]
) -> TileSet | None:
    """The MBTiles tiles around the incidents (size reported on stderr)."""
    if not path:
        return None
    pts = [(i.lat, i.lon) for i in incidents if i.lat is not None and i.lon is not None]
    lats, lons = (
        [p[0] for p in pts] or [29.0, 37.4],
        [p[1] for p in pts] or [38.8, 48.6],
    )
    pad = 0.1
    bounds = (min(lats) - pad, min(lons) - pad, max(lats) + pad, max(lons) + pad)
    tiles = read_tiles(Path(path), bounds, max_zoom)
    click.echo(
        f"basemap: {len(tiles.tiles)} tiles from {path} up to zoom {max_zoom}, "
        f"{tiles.nbytes / 1e6:.1f} MB of tile data embedded",
        err=True,
    )
    return tiles


@click.command("map")
@input_options
@output_options
@_filter_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default="output/map.html",
    show_default=True,
    help="The HTML map to write.",
)
@click.option("--title", help="Title shown on the map and in exports.")
@click.option(
    "--lang",
    type=click.Choice(["en", "ar"]),
    default="en",
    show_default=True,
    help="Interface language.",
)
@click.option(
    "--tiles",
    metavar="URL",
    help="An XYZ tile URL template (off by default: the map is fully offline).",
)
@click.option(
    "--basemap-mbtiles",
    type=click.Path(dir_okay=False),
    help="Embed raster tiles around the incidents from this offline MBTiles file.",
)
@click.option(
    "--basemap-max-zoom",
    type=click.IntRange(0, 19),
    default=14,
    show_default=True,
    help="Deepest zoom of the embedded MBTiles tiles (each level ~4x the size).",
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False),
    help="Also write a PNG snapshot (headless Chromium).",
)
@click.option(
    "--pdf",
    type=click.Path(dir_okay=False),
    help="Also write a one-page PDF (headless Chromium).",
)
@click.option(
    "--embed", is_flag=True, help="Print an <iframe> snippet for the map on stdout."
)
@click.pass_context
def map_command(
    ctx: click.Context,
    /,
    output: str,
    title: str | None,
    lang: Literal["ar", "en"],
    tiles: str | None,
    basemap_mbtiles: str | None,
    basemap_max_zoom: int,
    png: str | None,
    pdf: str | None,
    embed: bool,
    **params: Any,
) -> None:
    """Map the incidents of INPUT articles (.jsonl/.json/.txt/.csv/.html, folders, -).

    With --db, new articles are added to the store and the map shows everything
    the store holds (filtered by --since/--until/--type/--governorate).
    """
    require_inputs(params, allow_db=True)
    bound(params["since"])  # a bad date is refused before any work
    bound(params["until"], end=True)
    check_outputs(params, [output, png, pdf])
    places = PlacesLayer() if params["places_geojson"] else None
    with contextlib.ExitStack() as files:
        report, incidents = _collect(ctx, params, places, files)
        html = render_map(
            incidents,
            title=title,
            lang=lang,
            tiles=tiles,
            as_of=date.today().isoformat(),
            tileset=_tileset(basemap_mbtiles, basemap_max_zoom, incidents),
            **map_inputs(),
        )
        outputs = [str(write_html(html, Path(output)))]
        del html
        outputs += [params["db"]] if params["db"] else []
        outputs += write_outputs(params, incidents, places)
        outputs += _exports(Path(output), png, pdf)
        count = len(incidents)
    if embed:
        click.echo(embed_snippet(Path(output).name, title=title or "kharita map"))
    report = dataclasses.replace(report, outputs=tuple(outputs), incident_count=count)
    finish(ctx, report)
