"""``kharita map``: the main job, articles in, an offline HTML map out."""

from __future__ import annotations

from pathlib import Path

import click

from ..render import render_map
from ..render.basemap import default_bases
from ..render.export import chromium_browser, embed_snippet, export_pdf, export_png, write_html
from ._common import finish, input_options, run_inputs

@click.command("map")
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="output/map.html", show_default=True, help="The HTML map to write.")
@click.option("--title", help="Title shown on the map and in exports.")
@click.option("--lang", type=click.Choice(["en", "ar"]), default="en", show_default=True, help="Interface language.")
@click.option("--tiles", metavar="URL", help="An XYZ tile server URL template (off by default: the map is fully offline).")
@click.option("--png", type=click.Path(dir_okay=False), help="Also write a PNG snapshot (headless Chromium).")
@click.option("--pdf", type=click.Path(dir_okay=False), help="Also write a one-page PDF (headless Chromium).")
@click.option("--embed", is_flag=True, help="Print an <iframe> snippet for the map on stdout.")
@click.pass_context
def map_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    workers: int,
    output: str,
    title: str | None,
    lang: str,
    tiles: str | None,
    png: str | None,
    pdf: str | None,
    embed: bool,
) -> None:
    """Map the incidents of INPUT articles (.jsonl/.json/.txt/.csv/.html, folders, -)."""
    collected = run_inputs(ctx, inputs, workers)
    incidents = collected.incidents
    bases = default_bases()
    html = render_map(incidents, bases=bases, title=title, lang=lang, tiles=tiles)  # type: ignore[arg-type]
    write_html(html, Path(output))
    outputs = [output]
    if png or pdf:
        with chromium_browser() as browser:
            if png:
                export_png(Path(output), Path(png), browser=browser)
                outputs.append(png)
            if pdf:
                export_pdf(Path(output), Path(pdf), browser=browser)
                outputs.append(pdf)
    if embed:
        click.echo(embed_snippet(Path(output), title=title or "kharita map"))
    finish(ctx, collected, len(incidents), outputs)
