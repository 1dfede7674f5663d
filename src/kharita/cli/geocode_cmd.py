"""``kharita geocode``: look place names up offline (or points, with ``--reverse``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..resolve.geocoders import LocalGeocoder


@click.command("geocode")
@click.argument("queries", nargs=-1, metavar="QUERY...")
@click.option(
    "--input",
    "input_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A UTF-8 file with one query per line.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Answer only matches at least this confident (exact 1.0, fuzzy ~0.6-0.75).",
)
@click.option(
    "--reverse",
    "reverse_point",
    metavar="LAT,LON",
    help="Name the place nearest to a point instead (with its district and governorate).",
)
def geocode(
    queries: tuple[str, ...],
    input_file: Path | None,
    min_confidence: float,
    reverse_point: str | None,
) -> None:
    """Geocode place names offline; prints one JSON line per query.

    Fields: query, name, name_ar, lat, lon, type, governorate, source, match
    (exact / alias / fuzzy), confidence, precision_m (null when not found; -v
    lists the candidates that were turned down, e.g. a foreign place).
    With --reverse LAT,LON: the nearest named place, distance_km, and the
    containing subdistrict, district and governorate.
    """
    from ..resolve.geocoders import LocalGeocoder, geocode_record  # lazy: geopy

    geocoder = LocalGeocoder(min_confidence=min_confidence)
    if reverse_point is not None:
        click.echo(json.dumps(_reverse(geocoder, reverse_point), ensure_ascii=False))
        return
    lines = list(queries)
    if input_file is not None:
        text = input_file.read_text(encoding="utf-8")
        lines.extend(line.strip() for line in text.splitlines() if line.strip())
    if not lines:
        raise click.UsageError("give at least one QUERY, --input FILE or --reverse")
    for query in lines:
        click.echo(json.dumps(geocode_record(geocoder, query), ensure_ascii=False))


def _reverse(geocoder: LocalGeocoder, text: str) -> dict[str, object]:
    try:
        lat, lon = (float(v) for v in text.split(","))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not LAT,LON in degrees", param_hint="--reverse"
        ) from None
    from geopy.location import Location  # lazy: geopy

    location = geocoder.reverse((lat, lon))
    record: dict[str, object] = {"query": f"{lat},{lon}"}
    if not isinstance(location, Location):
        return {**record, "name_en": None}
    raw = location.raw
    keys = ("name_en", "name_ar", "lat", "lon", "type", "distance_km")
    record.update({k: raw[k] for k in keys})
    record.update({k: raw[k] for k in ("subdistrict", "district", "governorate")})
    record["source"] = raw["source"]
    return record
