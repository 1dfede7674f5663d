"""``kharita geocode``: look place names up in the offline gazetteer, one JSON line each."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("geocode")
@click.argument("queries", nargs=-1, metavar="QUERY...")
@click.option(
    "--input",
    "input_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A UTF-8 file with one query per line.",
)
def geocode(queries: tuple[str, ...], input_file: Path | None) -> None:
    """Geocode place names offline; prints one JSON line per query.

    Fields: query, name, name_ar, lat, lon, type, governorate, source, confidence
    (null when the name is not in the gazetteer).
    """
    lines = list(queries)
    if input_file is not None:
        text = input_file.read_text(encoding="utf-8")
        lines.extend(line.strip() for line in text.splitlines() if line.strip())
    if not lines:
        raise click.UsageError("give at least one QUERY or --input FILE")
    from ..resolve.geocoders import LocalGeocoder, geocode_record  # lazy: geopy

    geocoder = LocalGeocoder()
    for query in lines:
        click.echo(json.dumps(geocode_record(geocoder, query), ensure_ascii=False))
