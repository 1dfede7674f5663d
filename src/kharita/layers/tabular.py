"""Readers of tabular gazetteer files: GeoNames dumps and plain CSV.

GeoNames (``IQ.txt``, ``allCountries.txt``): the 19 tab-separated columns of the
dump (geonames.org/export/dump/readme.txt).  Feature classes P, A, S and T are
kept when ``lexicon/layer_feature_types.tsv`` maps their code; Arabic-script
alternate names become ``aliases_ar``.  An ``alternateNamesV2.txt`` given with
the dump adds its ``ar`` (Arabic) and ``ckb``/``ku`` (Kurdish) names.

CSV: a header with ``name_ar`` and/or ``name_en``, ``lat``, ``lon`` and the
optional ``id``, ``type``, ``aliases_ar``, ``aliases_en`` (``|``-separated),
``country``, ``governorate``, ``population``, ``source``.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..models import GazetteerPlace
from .parsed import ARABIC, Origin, Parsed, feature_type, make_place, split_names

GEONAMES_COLUMNS = 19
ALTERNATE_COLUMNS = (8, 10)  # alternateNames.txt (old) / alternateNamesV2.txt
_KURDISH = frozenset({"ckb", "ku", "kmr"})
_BIG_CITY = 100_000
_TOWN = 10_000


def _point(lat: str, lon: str) -> tuple[float, float]:
    try:
        point = (float(lat), float(lon))
    except ValueError:
        raise ValueError(f"lat/lon is not a number: {lat!r}, {lon!r}") from None
    if not all(math.isfinite(v) for v in point) or not (
        -90 <= point[0] <= 90 and -180 <= point[1] <= 180
    ):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    return point


def _lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip() and not line.startswith("#"):
                yield number, line.rstrip("\r\n").split("\t")


def _settlement_type(kind: str, population: int | None) -> str:
    if kind in ("village", "town") and population:
        if population >= _BIG_CITY:
            return "city"
        if population >= _TOWN:
            return "town"
    return kind


def read_geonames(path: Path, origin: Origin, out: Parsed) -> None:
    """Rows of a GeoNames dump into ``out``; a bad row is one problem line."""
    for number, cells in _lines(path):
        if len(cells) != GEONAMES_COLUMNS:
            out.problems.append(
                origin.problem(number, f"{len(cells)} columns, GeoNames has 19")
            )
            continue
        kind = feature_type("geonames", f"{cells[6]}.{cells[7]}", cells[6])
        if kind is None:
            out.skipped += 1
            continue
        try:
            point = _point(cells[4], cells[5])
            population = int(cells[14]) if cells[14].strip() else None
        except ValueError as exc:
            out.problems.append(origin.problem(number, str(exc)))
            continue
        arabic, latin = split_names([cells[1], cells[2], *cells[3].split(",")])
        name_en = cells[1] if not ARABIC.search(cells[1]) else (latin or ("",))[0]
        place = make_place(
            origin,
            cells[0],
            _settlement_type(kind, population or None),
            (name_en, arabic[0] if arabic else ""),
            point,
            country=cells[8].upper() or None,
            aliases_ar=arabic[1:],
            aliases_en=tuple(n for n in latin if n != name_en),
            population=population or None,
        )
        out.places.append(place)


def add_alternate_names(path: Path, origin: Origin, out: Parsed) -> None:
    """Arabic, English and Kurdish names of ``alternateNamesV2.txt`` onto places read."""
    index = {p.id: i for i, p in enumerate(out.places)}
    extra: dict[int, dict[str, list[str]]] = {}
    for number, cells in _lines(path):
        if len(cells) not in ALTERNATE_COLUMNS:
            out.problems.append(
                origin.problem(number, f"{len(cells)} columns, not alternate names")
            )
            continue
        i = index.get(origin.place_id(cells[1]))
        lang = "ku" if cells[2] in _KURDISH else cells[2]
        if i is not None and lang in ("ar", "en", "ku") and cells[3].strip():
            extra.setdefault(i, {}).setdefault(lang, []).append(cells[3].strip())
    for i, names in extra.items():
        out.places[i] = _with_names(out.places[i], names)


def _with_names(place: GazetteerPlace, names: dict[str, list[str]]) -> GazetteerPlace:
    def new(lang: str) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(n for n in names.get(lang, []) if n not in place.names)
        )

    arabic = list(new("ar"))
    if place.name_ar == place.name_en and arabic:  # no Arabic name until now
        place = replace(place, name_ar=arabic.pop(0))
    return replace(
        place,
        aliases_ar=place.aliases_ar + tuple(arabic),
        aliases_en=place.aliases_en + new("en"),
        aliases_ku=place.aliases_ku + new("ku"),
    )


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def read_csv(path: Path, origin: Origin, out: Parsed) -> None:
    """Rows of a user CSV into ``out``; a bad row is one problem line."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = set(reader.fieldnames or ())
        missing = {"lat", "lon"} - header
        if missing or not header & {"name_ar", "name_en"}:
            need = ", ".join(sorted(missing)) or "name_ar or name_en"
            out.problems.append(origin.problem(1, f"missing columns: {need}"))
            return
        for number, row in enumerate(reader, start=2):
            try:
                out.places.append(_csv_place(row, number, origin))
            except (ValueError, TypeError) as exc:
                out.problems.append(origin.problem(number, str(exc)))


def _csv_place(row: dict[str, str], number: int, origin: Origin) -> GazetteerPlace:
    name_ar = (row.get("name_ar") or "").strip()
    name_en = (row.get("name_en") or "").strip()
    if not name_ar and not name_en:
        raise ValueError("no name_ar or name_en")
    point = _point(row.get("lat") or "", row.get("lon") or "")
    population = (row.get("population") or "").strip()
    source = (row.get("source") or "").strip()
    place = make_place(
        origin,
        (row.get("id") or "").strip() or f"row{number}",
        (row.get("type") or "").strip() or "landmark",
        (name_en, name_ar),
        point,
        country=(row.get("country") or "").strip().upper() or None,
        governorate=(row.get("governorate") or "").strip() or None,
        aliases_ar=_split(row.get("aliases_ar")),
        aliases_en=_split(row.get("aliases_en")),
        population=int(float(population)) if population else None,
    )
    if source:
        place = replace(place, source=f"{place.source}; {source}")
    return place
