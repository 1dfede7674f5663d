"""What reading one import file yields: places, admin areas, problems, provenance."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..geo import governorates_of, in_iraq
from ..lexicon import load_table
from ..models import IRAQ, GazetteerPlace
from ..place_types import default_precision_m
from .store import AdminArea

ARABIC = re.compile("[\u0600-\u06ff]")
UNKNOWN_COUNTRY = "??"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where imported rows come from: file, format and target layer."""

    path: Path
    format: str
    layer: str

    def source(self, native: str) -> str:
        return f"{self.path.name} ({self.format}, layer {self.layer}) {native}".strip()

    def place_id(self, native: str) -> str:
        return f"{self.layer}:{native}"

    def problem(self, row: int | str | None, message: str) -> str:
        where = f"{self.path.name}:{row}" if row is not None else self.path.name
        return f"{where}: {message}"


@dataclass(slots=True)
class Parsed:
    """The result of reading one file (mutable while reading, then handed over)."""

    places: list[GazetteerPlace] = field(default_factory=list)
    areas: list[AdminArea] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: int = 0
    licence: str | None = None
    #: COD-AB district names: English (as in the rows' ``district``) -> Arabic
    districts_ar: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _feature_types() -> dict[tuple[str, str], str]:
    return {
        (row["scheme"], row["code"]): row["type"]
        for row in load_table("layer_feature_types")
    }


def feature_type(scheme: str, *codes: str) -> str | None:
    """The kharita type of the first code (most specific first) the table knows."""
    table = _feature_types()
    for code in codes:
        found = table.get((scheme, code))
        if found:
            return found
    return None


def split_names(names: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(Arabic-script, Latin)`` names, deduplicated, without codes like ``BGW``."""
    arabic: list[str] = []
    latin: list[str] = []
    for name in names:
        name = name.strip()
        if len(name) < 2 or (len(name) <= 4 and name.isupper()):
            continue
        target = arabic if ARABIC.search(name) else latin
        if name not in target and name.isprintable():
            target.append(name)
    return tuple(arabic), tuple(latin)


def make_place(
    origin: Origin,
    native: str,
    kind: str,
    names: tuple[str, str],
    point: tuple[float, float],
    **extra: object,
) -> GazetteerPlace:
    """A place of a layer; a missing Arabic (or English) name takes the other one."""
    name_en, name_ar = names
    fields: dict[str, object] = {
        "precision_m": default_precision_m(kind),
        "country": UNKNOWN_COUNTRY,  # decided for all rows at once by finish()
    }
    fields.update({k: v for k, v in extra.items() if v not in (None, "")})
    return GazetteerPlace(
        id=origin.place_id(native),
        type=kind,
        name_en=name_en or name_ar,
        name_ar=name_ar or name_en,
        lat=round(point[0], 6),
        lon=round(point[1], 6),
        source=origin.source(native),
        **fields,  # type: ignore[arg-type]
    )


def finish(places: list[GazetteerPlace]) -> list[GazetteerPlace]:
    """Rows without a country get ``IQ`` inside Iraq (else ``ZZ``, unknown); Iraqi
    rows without a governorate get the one whose polygon holds them (vectorised)."""
    todo = [
        i
        for i, p in enumerate(places)
        if p.country == UNKNOWN_COUNTRY or (p.in_iraq and not p.governorate)
    ]
    names = governorates_of([(places[i].lat, places[i].lon) for i in todo])
    out = list(places)
    for i, name in zip(todo, names, strict=True):
        place = out[i]
        if place.country == UNKNOWN_COUNTRY:
            inside = name is not None or in_iraq((place.lat, place.lon))
            place = replace(place, country=IRAQ if inside else "ZZ")
        if name and place.in_iraq and not place.governorate:
            place = replace(place, governorate=name)
        out[i] = place
    return out
