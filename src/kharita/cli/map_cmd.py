"""``kharita map``: the main job, articles in, an offline HTML map out."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import click

from ._common import (
    Tally,
    finish,
    input_options,
    merged,
    output_options,
    require_inputs,
    run_inputs,
    store_sink,
    write_outputs,
)


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
    from ..render.export import (
        chromium_browser,
        export_pdf,
        export_png,
    )  # lazy: start-up

    written: list[str] = []
    with chromium_browser() as browser:
        if png:
            written.append(str(export_png(output, png, browser=browser)))
        if pdf:
            written.append(str(export_pdf(output, pdf, browser=browser)))
    return written


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
    png: str | None,
    pdf: str | None,
    embed: bool,
    **params: Any,
) -> None:
    """Map the incidents of INPUT articles (.jsonl/.json/.txt/.csv/.html, folders, -).

    With --db, new articles are added to the store and the map shows everything
    the store holds (filtered by --since/--until/--type/--governorate).
    """
    # lazy imports: folium, branca, jinja2 and shapely load only when a map is drawn
    from ..render import render_map
    from ..render.basemap import default_bases
    from ..render.export import embed_snippet, write_html
    from ..store import Store, filter_incidents

    require_inputs(params, allow_db=True)
    tally, outputs = Tally(), list[str]()
    with store_sink(params["db"], outputs) as sinks:
        if params["inputs"]:
            tally = run_inputs(ctx, params, keep=not params["db"], sinks=sinks)
    filters = {k: params[k] for k in ("since", "until", "types", "governorates")}
    if params["db"]:
        with Store(params["db"], create=False) as store:
            incidents = store.query_incidents(**filters)
    else:
        incidents = filter_incidents(merged(tally.results), **filters)
    html = render_map(
        incidents, bases=default_bases(), title=title, lang=lang, tiles=tiles
    )
    tally.outputs = [str(write_html(html, Path(output))), *outputs]
    tally.outputs += write_outputs(params, incidents, tally.results)
    tally.outputs += _exports(Path(output), png, pdf)
    if embed:
        click.echo(embed_snippet(Path(output), title=title or "kharita map"))
    finish(ctx, tally, len(incidents))
