"""``import_files``: read gazetteer files of any supported format into one layer.

Formats (``--format``): ``geonames`` (dump and ``alternateNamesV2.txt``),
``cod-ab`` (OCHA admin boundaries GeoJSON), ``geojson`` (named points/polygons,
e.g. OSM exports), ``csv``; ``auto`` decides from the name and content.  A bad
row is one problem line naming file and row; every good row is imported.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ConfigurationError, InputError
from ..gazetteer import default_directory, load_directory
from ..models import GazetteerPlace
from .features import is_cod_ab, load_features, read_cod_ab, read_geojson
from .parsed import Origin, Parsed, finish
from .store import LayerInfo, SourceFile, layer_name, write_layer
from .tabular import GEONAMES_COLUMNS, add_alternate_names, read_csv, read_geonames

FORMATS = ("auto", "geonames", "cod-ab", "geojson", "csv")
Reader = Callable[[Path, Origin, Parsed], None]
_READERS: dict[str, Reader] = {
    "geonames": read_geonames,
    "geonames-alternates": add_alternate_names,
    "cod-ab": read_cod_ab,
    "geojson": read_geojson,
    "csv": read_csv,
}


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: the layer written, rows kept and skipped, problems."""

    layer: LayerInfo
    skipped: int
    problems: tuple[str, ...]


def detect_format(path: Path) -> str:
    """The format of ``path`` from its name and first bytes, or a one-line error."""
    name = path.name.lower()
    if name.endswith(".zip"):
        raise InputError(
            path.name,
            None,
            "unzip the shapefile first and import its .shp (with .dbf and .shx beside it)",
        )
    if name.startswith("alternatenames"):
        return "geonames-alternates"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".geojson", ".json", ".shp")):
        try:
            features, _ = load_features(path)
        except (ValueError, OSError) as exc:
            kind = "shapefile" if name.endswith(".shp") else "GeoJSON"
            raise InputError(path.name, None, f"unreadable {kind}: {exc}") from None
        return "cod-ab" if is_cod_ab(features) else "geojson"
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    if first.count("\t") == GEONAMES_COLUMNS - 1:
        return "geonames"
    raise InputError(
        path.name,
        None,
        f"cannot tell the format; give --format ({', '.join(FORMATS[1:])})",
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _order(paths: Sequence[Path], fmt: str) -> list[tuple[Path, str]]:
    """Files with their formats; alternate names after the dumps they extend."""
    chosen = [(p, detect_format(p) if fmt == "auto" else fmt) for p in paths]
    for i, (path, kind) in enumerate(chosen):
        if kind == "geonames" and path.name.lower().startswith("alternatenames"):
            chosen[i] = (path, "geonames-alternates")
    return sorted(chosen, key=lambda pair: pair[1] == "geonames-alternates")


def import_files(
    paths: Sequence[Path],
    *,
    fmt: str = "auto",
    layer: str | None = None,
    licence: str | None = None,
    data_root: Path | None = None,
) -> ImportReport:
    """Read ``paths`` into layer ``layer`` (default: the first file's stem) and write it."""
    if fmt not in FORMATS:
        raise ConfigurationError(
            f"unknown format {fmt!r}; options are: {', '.join(FORMATS)}"
        )
    if not paths:
        raise ConfigurationError("give at least one file to import")
    name = layer_name(layer or paths[0].stem)
    parsed = Parsed()
    files = []
    for path, kind in _order(paths, fmt):
        try:
            _READERS[kind](path, Origin(path, kind, name), parsed)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
            raise InputError(path.name, None, f"unreadable: {exc}") from None
        files.append(SourceFile(path.name, kind, _sha256(path)))
    places = _unique(finish(parsed.places), parsed.problems)
    if parsed.districts_ar:
        places = shipped_district_names(places, parsed.districts_ar)
    info = write_layer(
        name, places, parsed.areas, files, licence or parsed.licence, data_root
    )
    return ImportReport(info, parsed.skipped, tuple(parsed.problems))


def shipped_district_names(
    places: list[GazetteerPlace], districts_ar: dict[str, str]
) -> list[GazetteerPlace]:
    """COD-AB district names replaced by the shipped gazetteer's spelling of the same
    district (same Arabic name, same governorate), so "X in district Y" rules,
    which compare these names, work across shipped and imported rows."""
    shipped = load_directory(default_directory())
    spelling: dict[tuple[str | None, str | None], str] = {}
    for en, ar in districts_ar.items():
        for other in shipped.lookup(ar):
            if other.type == "district" and other.district:
                spelling[(en, other.governorate)] = other.district
    return [
        replace(p, district=spelling[(p.district, p.governorate)])
        if (p.district, p.governorate) in spelling
        else p
        for p in places
    ]


def _unique(places: list[GazetteerPlace], problems: list[str]) -> list[GazetteerPlace]:
    seen: set[str] = set()
    out: list[GazetteerPlace] = []
    for place in places:
        if place.id in seen:
            problems.append(
                f"{place.source}: duplicate id {place.id!r}, kept the first"
            )
            continue
        seen.add(place.id)
        out.append(place)
    return out
