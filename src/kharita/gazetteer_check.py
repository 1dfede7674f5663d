"""``kharita gazetteer check``: every problem of a gazetteer directory, never raising.

Structure (columns, numbers, duplicate ids), vocabulary (known types, ISO country
codes) and geometry: a point more than ~3 km outside the governorate polygon its
row names is a warning.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import GazetteerError
from .gazetteer import default_directory, gazetteer_files, parse_row, read_rows
from .geo import BOUNDARIES_FILE, contains, distance_deg, governorate_polygons
from .models import GazetteerPlace
from .text.normalize import key

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


def check_gazetteer(
    directory: Path | None = None, boundaries: Path | None = None
) -> GazetteerReport:
    """Validate every file and row of a gazetteer directory; never raises on bad rows.

    ``boundaries``: the governorate polygons to check points against (default: the
    directory's own ``boundaries/iraq_governorates.geojson``)."""
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
    problems.extend(_polygon_problems(located, boundaries or root / BOUNDARIES_FILE))
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
    located: list[tuple[str, int, GazetteerPlace]], boundaries: Path
) -> list[Problem]:
    """Points outside the polygon of the governorate their row names."""
    polygons = dict(governorate_polygons(boundaries))
    if not polygons:
        return [
            Problem(
                str(boundaries),
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
        point = (place.lat, place.lon)
        if contains(geom, point):
            continue
        gap = distance_deg(geom, point)
        if gap > POLYGON_TOLERANCE_DEG:
            actual = next(
                (n for n, g in polygons.items() if contains(g, point)),
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
