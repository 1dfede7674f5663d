"""Load the shipped gazetteer (``gazetteer/*.csv``) into an immutable, name-indexed
:class:`Gazetteer`.

File format (one CSV per layer, UTF-8, header row; lists are ``|``-separated):

``id,type,name_en,name_ar,aliases_ar,aliases_en,aliases_ku,lat,lon,governorate,
district,country,population,precision_m,source`` plus the optional
``ambiguous,ambiguous_names`` (names of the row that are also common words).

Every coordinate has a ``source``.  Names are indexed by :func:`kharita.text.normalize.key`.
:func:`load_gazetteer` raises the first structural error of the files;
:func:`check_gazetteer` lists every problem, including points outside the
governorate polygon their row names.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import cached, content_hash, dump_pickle, load_pickle, source_files
from .errors import GazetteerError
from .geo import Area
from .models import GazetteerPlace
from .shipped import default_directory as default_directory
from .text.normalize import key

REQUIRED_COLUMNS = (
    "id",
    "type",
    "name_en",
    "name_ar",
    "lat",
    "lon",
    "country",
    "source",
)
OPTIONAL_COLUMNS = (
    "ambiguous",
    "ambiguous_names",
    "aliases_ar",
    "aliases_en",
    "aliases_ku",
    "governorate",
    "district",
    "population",
    "precision_m",
)


@dataclass(frozen=True)
class Gazetteer:
    """All places plus a normalised-name index. Build with :func:`load_gazetteer`."""

    places: tuple[GazetteerPlace, ...]
    by_id: dict[str, GazetteerPlace] = field(repr=False)
    by_key: dict[str, tuple[str, ...]] = field(repr=False)
    directory: Path | None = None
    ambiguous: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    #: admin polygons from user layers (``kharita gazetteer import``), any order
    areas: tuple[Area, ...] = field(default=(), repr=False)

    def get(self, place_id: str) -> GazetteerPlace:
        return self.by_id[place_id]

    def lookup(self, name: str) -> tuple[GazetteerPlace, ...]:
        """Places any of whose names normalise to the same key as ``name``."""
        return tuple(self.by_id[i] for i in self.by_key.get(key(name), ()))

    def keys(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """``(normalised name, place ids)`` pairs, for building matchers."""
        return iter(self.by_key.items())

    def of_type(self, *types: str) -> tuple[GazetteerPlace, ...]:
        return tuple(p for p in self.places if p.type in types)

    def is_ambiguous(self, place_id: str, name: str) -> bool:
        """Whether ``name`` (any spelling) of this place is also a common word."""
        names = self.ambiguous.get(place_id)
        return names is not None and key(name) in names


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _float(value: str, path: str, row: int, column: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise GazetteerError(
            path, row, f"{column} is not a number: {value!r}"
        ) from None
    if not math.isfinite(number):
        raise GazetteerError(path, row, f"{column} is not finite: {value!r}")
    return number


def parse_row(row: dict[str, str], path: str, line: int) -> GazetteerPlace:
    """One CSV row to a :class:`GazetteerPlace`, or a one-line :class:`GazetteerError`."""
    for column in REQUIRED_COLUMNS:
        if not (row.get(column) or "").strip():
            raise GazetteerError(path, line, f'empty required column "{column}"')
    lat = _float(row["lat"], path, line, "lat")
    lon = _float(row["lon"], path, line, "lon")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerError(path, line, f"coordinates out of range: {lat}, {lon}")
    population = row.get("population") or ""
    precision = row.get("precision_m") or ""
    return GazetteerPlace(
        id=row["id"].strip(),
        type=row["type"].strip(),
        name_en=row["name_en"].strip(),
        name_ar=row["name_ar"].strip(),
        lat=lat,
        lon=lon,
        country=row["country"].strip(),
        source=row["source"].strip(),
        governorate=(row.get("governorate") or "").strip() or None,
        district=(row.get("district") or "").strip() or None,
        aliases_ar=_split(row.get("aliases_ar")),
        aliases_en=_split(row.get("aliases_en")),
        aliases_ku=_split(row.get("aliases_ku")),
        population=int(_float(population, path, line, "population"))
        if population.strip()
        else None,
        precision_m=_float(precision, path, line, "precision_m")
        if precision.strip()
        else 5000.0,
        seat=(row.get("seat") or "").strip() or None,
    )


def ambiguous_names(row: dict[str, str]) -> frozenset[str]:
    """Keys of the names a row marks as common words (``ambiguous_names``)."""
    return frozenset(key(n) for n in _split(row.get("ambiguous_names")) if key(n))


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, row)`` pairs of one CSV file; missing columns raise."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError(path.name, 1, f"missing columns: {', '.join(missing)}")
        yield from enumerate(reader, start=2)


def read_places(path: Path) -> Iterator[GazetteerPlace]:
    """Rows of one gazetteer CSV file; the first bad row raises."""
    for line, row in read_rows(path):
        yield parse_row(row, path.name, line)


def build(
    places: list[GazetteerPlace],
    directory: Path | None = None,
    ambiguous: dict[str, frozenset[str]] | None = None,
    origins: dict[str, str] | None = None,
    *,
    areas: Iterable[Area] = (),
    keys: dict[str, str] | None = None,
) -> Gazetteer:
    """Index ``places`` by id and by every normalised name.

    ``keys``: a ``name -> key(name)`` memo shared with the caller (filled here)."""
    memo = {} if keys is None else keys
    by_id: dict[str, GazetteerPlace] = {}
    index: dict[str, list[str]] = {}
    for place in places:
        if place.id in by_id:
            where = (origins or {}).get(place.id, str(directory or ""))
            raise GazetteerError(where, None, f"duplicate id {place.id!r}")
        by_id[place.id] = place
        for name in place.names:
            k = memo.get(name)
            if k is None:
                k = memo[name] = key(name)
            if k and place.id not in index.setdefault(k, []):
                index[k].append(place.id)
    return Gazetteer(
        places=tuple(places),
        by_id=by_id,
        by_key={k: tuple(v) for k, v in index.items()},
        directory=directory,
        ambiguous=dict(ambiguous or {}),
        areas=tuple(areas),
    )


def gazetteer_files(root: Path) -> list[Path]:
    files = sorted(root.glob("*.csv"))
    if not files:
        raise GazetteerError(str(root), None, "no gazetteer CSV files found")
    return files


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The gazetteer of ``directory``; by default the shipped one plus the user's layers.

    Layers (``kharita gazetteer import``) live in the user data folder
    (``$KHARITA_DATA_DIR`` overrides it) and are merged in only when no
    ``directory`` is given.  Raises :class:`GazetteerError` (``file:row:
    message``) on the first bad row or duplicate id.
    """
    if directory is not None:
        return load_directory(Path(directory))
    # imported here: the layers package builds on this module
    from .layers.merge import with_layers

    return with_layers(default_directory())


@lru_cache(maxsize=8)
def load_directory(root: Path) -> Gazetteer:
    """Every ``*.csv`` of one gazetteer folder, indexed (cached per folder).

    Polygon agreement is checked by :func:`kharita.gazetteer_check.check_gazetteer` only.
    """
    # start-up cache (kharita.cache): a parsed gazetteer of some size (the shipped
    # one), keyed by its files and this module; small ones are quicker to parse
    files = gazetteer_files(root)
    if sum(f.stat().st_size for f in files) < CACHE_MIN_BYTES:
        return _read(root, files)
    code = source_files(__name__, "kharita.models", "kharita.text.normalize")
    key = content_hash(str(root), files, code)
    return cached("gazetteer", key, lambda: _read(root, files), _dump, _load)


def _dump(gazetteer: Gazetteer, path: Path) -> None:
    dump_pickle(pack(gazetteer), path)


def _load(path: Path) -> Gazetteer:
    return unpack(load_pickle(tuple)(path))


_FIELDS = tuple(f.name for f in fields(GazetteerPlace))


def pack(gazetteer: Gazetteer) -> tuple[object, ...]:
    """``gazetteer`` as plain tuples, dicts and WKB, for a cache file: pickles and
    unpickles several times faster than the dataclasses (:func:`unpack` reverses it)."""
    areas: tuple[tuple[object, ...], ...] = ()
    if gazetteer.areas:
        import shapely  # lazy: only user layers bring polygons

        areas = tuple(
            (a.place_id, a.level, a.name_en, a.name_ar, shapely.to_wkb(a.geom))
            for a in gazetteer.areas
        )
    return (
        tuple(tuple(getattr(p, f) for f in _FIELDS) for p in gazetteer.places),
        gazetteer.by_key,
        gazetteer.directory,
        gazetteer.ambiguous,
        areas,
    )


def unpack(data: tuple[Any, ...]) -> Gazetteer:
    """The :class:`Gazetteer` :func:`pack` was given."""
    rows, by_key, directory, ambiguous, packed_areas = data
    places = tuple(GazetteerPlace(*row) for row in rows)
    areas: tuple[Area, ...] = ()
    if packed_areas:
        import shapely  # lazy: only user layers bring polygons

        areas = tuple(
            Area(pid, level, en, ar, shapely.from_wkb(wkb))
            for pid, level, en, ar, wkb in packed_areas
        )
    return Gazetteer(
        places=places,
        by_id={p.id: p for p in places},
        by_key=by_key,
        directory=directory,
        ambiguous=ambiguous,
        areas=areas,
    )


CACHE_MIN_BYTES = 100_000


def _read(root: Path, files: list[Path]) -> Gazetteer:
    places: list[GazetteerPlace] = []
    ambiguous: dict[str, frozenset[str]] = {}
    origins: dict[str, str] = {}
    for path in files:
        for line, row in read_rows(path):
            place = parse_row(row, path.name, line)
            if place.id in origins:
                raise GazetteerError(
                    path.name,
                    line,
                    f"duplicate id {place.id!r} (first in {origins[place.id]})",
                )
            origins[place.id] = f"{path.name}:{line}"
            places.append(place)
            names = ambiguous_names(row)
            if names:
                ambiguous[place.id] = names
    return build(places, root, ambiguous, origins)
