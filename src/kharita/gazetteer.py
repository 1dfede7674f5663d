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
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .cache import cached, content_hash, dump_pickle, load_pickle, source_files
from .errors import GazetteerError
from .models import GazetteerPlace
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


def default_directory() -> Path:
    """``$KHARITA_GAZETTEER``, else the gazetteer shipped inside the package.

    The repository's top-level ``gazetteer/`` folder is installed as the data package
    ``kharita.gazetteer_data`` (see ``setup.py``), in wheels and editable installs alike.
    """
    env = os.environ.get("KHARITA_GAZETTEER")
    if env:
        return Path(env)
    shipped = resources.files("kharita.gazetteer_data")
    if not isinstance(shipped, Path):  # e.g. a zipped install: no folder to glob
        raise GazetteerError(
            str(shipped),
            None,
            "shipped gazetteer is not a folder; set KHARITA_GAZETTEER",
        )
    return shipped


@dataclass(frozen=True)
class Gazetteer:
    """All places plus a normalised-name index. Build with :func:`load_gazetteer`."""

    places: tuple[GazetteerPlace, ...]
    by_id: dict[str, GazetteerPlace] = field(repr=False)
    by_key: dict[str, tuple[str, ...]] = field(repr=False)
    directory: Path | None = None
    ambiguous: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

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
) -> Gazetteer:
    """Index ``places`` by id and by every normalised name."""
    by_id: dict[str, GazetteerPlace] = {}
    index: dict[str, list[str]] = {}
    for place in places:
        if place.id in by_id:
            where = (origins or {}).get(place.id, str(directory or ""))
            raise GazetteerError(where, None, f"duplicate id {place.id!r}")
        by_id[place.id] = place
        for name in place.names:
            k = key(name)
            if k and place.id not in index.setdefault(k, []):
                index[k].append(place.id)
    return Gazetteer(
        places=tuple(places),
        by_id=by_id,
        by_key={k: tuple(v) for k, v in index.items()},
        directory=directory,
        ambiguous=dict(ambiguous or {}),
    )


def gazetteer_files(root: Path) -> list[Path]:
    files = sorted(root.glob("*.csv"))
    if not files:
        raise GazetteerError(str(root), None, "no gazetteer CSV files found")
    return files


@lru_cache(maxsize=8)
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Load every ``*.csv`` in ``directory`` (default: the shipped gazetteer), cached.

    Raises :class:`GazetteerError` (``file:row: message``) on the first bad row or
    duplicate id.  Polygon agreement is checked by :func:`check_gazetteer` only.
    """
    root = Path(directory) if directory is not None else default_directory()
    # start-up cache (kharita.cache): a parsed gazetteer of some size (the shipped
    # one), keyed by its files and this module; small ones are quicker to parse
    files = gazetteer_files(root)
    if sum(f.stat().st_size for f in files) < CACHE_MIN_BYTES:
        return _read(root, files)
    code = source_files(__name__, "kharita.models", "kharita.text.normalize")
    key = content_hash(str(root), files, code)
    load = load_pickle(Gazetteer)
    return cached("gazetteer", key, lambda: _read(root, files), dump_pickle, load)


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


# ------------------------------------------------------------------ checking

KNOWN_TYPES = frozenset(
    [
        "governorate",
        "region",
        "district",
        "subdistrict",
        "city",
        "town",
        "village",
        "neighbourhood",
        "base",
        "airbase",
        "airport",
        "border_crossing",
        "oil_field",
        "gas_field",
        "dam",
        "bridge",
        "checkpoint",
        "river",
        "lake",
        "mountain",
        "country",
        "foreign_city",
        "landmark",
    ]
)
#: Governorates without a polygon of their own, checked against their parent.
POLYGON_OF = {"Halabja": "Sulaymaniyah"}
#: How far (degrees, ~3 km) a point may lie outside its stated governorate polygon.
POLYGON_TOLERANCE_DEG = 0.03


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of :func:`check_gazetteer`: ``file:row: message``."""

    path: str
    row: int | None
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.row}" if self.row is not None else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class GazetteerReport:
    """What :func:`check_gazetteer` found: counts and every problem."""

    directory: str
    by_type: dict[str, int]
    by_layer: dict[str, int]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def total(self) -> int:
        return sum(self.by_layer.values())

    @property
    def ok(self) -> bool:
        return not self.errors


def check_gazetteer(directory: Path | None = None) -> GazetteerReport:
    """Validate every file and row of a gazetteer directory; never raises on bad rows."""
    root = Path(directory) if directory is not None else default_directory()
    problems: list[Problem] = []
    by_type: dict[str, int] = {}
    by_layer: dict[str, int] = {}
    located: list[tuple[str, int, GazetteerPlace]] = []
    seen: dict[str, str] = {}
    try:
        files = gazetteer_files(root)
    except GazetteerError as exc:
        return GazetteerReport(
            str(root), {}, {}, (Problem(exc.path, exc.row, exc.message),)
        )
    for path in files:
        for line, place in _checked_rows(path, problems):
            by_layer[path.stem] = by_layer.get(path.stem, 0) + 1
            by_type[place.type] = by_type.get(place.type, 0) + 1
            _check_place(place, path.name, line, seen, problems)
            located.append((path.name, line, place))
    problems.extend(_polygon_problems(located, root))
    return GazetteerReport(str(root), by_type, by_layer, tuple(problems))


def _checked_rows(
    path: Path, problems: list[Problem]
) -> Iterator[tuple[int, GazetteerPlace]]:
    try:
        for line, row in read_rows(path):
            try:
                yield line, parse_row(row, path.name, line)
            except GazetteerError as exc:
                problems.append(Problem(exc.path, exc.row, exc.message))
    except GazetteerError as exc:
        problems.append(Problem(exc.path, exc.row, exc.message))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(path.name, None, f"unreadable: {exc}"))


def _check_place(
    place: GazetteerPlace,
    name: str,
    line: int,
    seen: dict[str, str],
    problems: list[Problem],
) -> None:
    if place.id in seen:
        problems.append(
            Problem(
                name, line, f"duplicate id {place.id!r} (first in {seen[place.id]})"
            )
        )
    else:
        seen[place.id] = f"{name}:{line}"
    if not key(place.name_ar) or not key(place.name_en):
        problems.append(
            Problem(name, line, "a primary name is empty after normalisation")
        )
    if place.type not in KNOWN_TYPES:
        problems.append(Problem(name, line, f"unknown type {place.type!r}", "warning"))
    if len(place.country) != 2 or not place.country.isupper():
        problems.append(
            Problem(name, line, f"country is not ISO 3166-1 alpha-2: {place.country!r}")
        )
    if (
        place.in_iraq
        and place.type not in ("country", "region", "river")
        and not place.governorate
    ):
        problems.append(
            Problem(name, line, "Iraqi place without a governorate", "warning")
        )
    if place.precision_m <= 0:
        problems.append(
            Problem(name, line, f"precision_m must be positive: {place.precision_m}")
        )


def _polygon_problems(
    located: list[tuple[str, int, GazetteerPlace]], root: Path
) -> list[Problem]:
    """Points outside the polygon of the governorate their row names."""
    import shapely

    polygons = load_governorate_polygons(root)
    if not polygons:
        return [
            Problem(
                str(root / BOUNDARIES_FILE),
                None,
                "governorate polygons missing",
                "warning",
            )
        ]
    problems: list[Problem] = []
    for name, line, place in located:
        if not place.in_iraq or not place.governorate:
            continue
        target = POLYGON_OF.get(place.governorate, place.governorate)
        geom = polygons.get(target)
        if geom is None:
            problems.append(
                Problem(name, line, f"unknown governorate {place.governorate!r}")
            )
            continue
        if shapely.contains_xy(geom, place.lon, place.lat):
            continue
        gap = shapely.distance(geom, shapely.Point(place.lon, place.lat))
        if gap > POLYGON_TOLERANCE_DEG:
            actual = next(
                (
                    n
                    for n, g in polygons.items()
                    if shapely.contains_xy(g, place.lon, place.lat)
                ),
                "none",
            )
            problems.append(
                Problem(
                    name,
                    line,
                    f"{place.id} is {gap * 111:.0f} km outside {place.governorate} (inside {actual})",
                    "warning",
                )
            )
    return problems


BOUNDARIES_FILE = "boundaries/iraq_governorates.geojson"


def load_governorate_polygons(root: Path | None = None) -> dict[str, object]:
    """Prepared shapely geometries of the shipped governorates keyed by ``name_en``."""
    import json

    import shapely
    from shapely.geometry import shape

    path = (root or default_directory()) / BOUNDARIES_FILE
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, object] = {}
    for feature in data["features"]:
        geom = shape(feature["geometry"])
        shapely.prepare(geom)
        out[feature["properties"]["name_en"]] = geom
    return out
