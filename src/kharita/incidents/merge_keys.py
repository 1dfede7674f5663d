"""Which reports merging compares: the buckets a report is filed under and looked up in.

:func:`kharita.incidents.dedup.merge_incidents` files each report under
:func:`bucket_keys` and compares it only with the reports in its
:func:`neighbour_keys`, which hold every earlier report it could be the same
event as (:func:`kharita.incidents.dedup.same_event`): reports dated to the day
by day and nearby grid cells, plus the admin areas that may hold them; the
others by cell, by :func:`report_kind`.  :func:`signature` is everything
``same_event`` reads of a report but its articles.
"""

from __future__ import annotations

import math
from datetime import date

from ..models import Incident
from ..text.normalize import key as name_key

CELL_DEG = (
    0.2  # grid cell for candidate pairs: > SAME_KM in latitude and longitude below 60°
)

Key = tuple[object, ...]


def signature(inc: Incident) -> object:
    """Everything :func:`same_event` reads of a report except its articles."""
    rp = inc.place
    place = None
    if rp is not None:
        place = (
            rp.place.id if rp.place is not None else None,
            rp.lat,
            rp.lon,
            bool(rp.relative is not None and rp.relative.distance_km),
        )
    d = inc.date
    return (
        inc.type,
        place,
        (d.iso, d.precision, d.weekday),
        (inc.killed.min, inc.killed.max),
        (inc.wounded.min, inc.wounded.max),
    )


def report_kind(inc: Incident) -> str:
    """``day`` (dated to the day), ``figure`` (not, but with a positive toll) or
    ``weak`` (neither): which reports a report can ever be the same event as.

    Two day-dated reports must be a day apart at most (the day buckets); any
    other pair must be within ``SAME_KM`` (neighbouring cells), and two reports
    without a day must both state a positive figure: so a ``weak`` report is
    only ever compared with day-dated ones, and thousands of undated reports
    without figures in one city cost linear time.
    """
    if inc.date.precision == "day" and inc.date.iso:
        return "day"
    if inc.killed.min or inc.wounded.min:
        return "figure"
    return "weak"


# the cell buckets a report of each kind is compared with
_COMPARED_CELLS = {
    "day": ("figure", "weak"),
    "figure": ("day-cell", "figure"),
    "weak": ("day-cell",),
}


_AREA_TYPES = ("country", "governorate", "district", "sub-district", "subdistrict")
_DAY_REACH = 2  # cells: NEAR_KM is wider than one cell in longitude


def _area_keys(inc: Incident, day: int) -> list[tuple[object, ...]]:
    """Day buckets of the areas an incident's site lies in (for the area
    incidents that may contain it, :func:`kharita.incidents.places.contains`)."""
    site = inc.place.place if inc.place is not None else None
    if site is None:
        return []
    keys: list[tuple[object, ...]] = [("in-country", day, site.country)]
    if site.governorate:
        keys.append(("in-gov", day, name_key(site.governorate)))
    if site.district:
        keys.append(("in-district", day, name_key(site.district)))
    return keys


def bucket_keys(inc: Incident) -> list[tuple[object, ...]]:
    """The buckets an incident is filed under (none without a place).

    A day-dated incident: its day and grid cell, its day as an area incident
    when its site is an admin area, and its day within the areas that hold it;
    any other: its grid cell, by kind (:func:`report_kind`).
    """
    if inc.place is None:
        return []
    kind = report_kind(inc)
    has_point = inc.lat is not None and inc.lon is not None
    if kind != "day":
        return [(kind, *_cell(inc.lat, inc.lon))] if has_point else []  # type: ignore[arg-type]
    day = _ordinal(inc.date.iso or "")
    keys: list[tuple[object, ...]] = []
    if has_point:
        keys.append(("day", day, *_cell(inc.lat, inc.lon)))  # type: ignore[arg-type]
        keys.append(("day-cell", *_cell(inc.lat, inc.lon)))  # type: ignore[arg-type]
    site = inc.place.place
    if site is not None and site.type in _AREA_TYPES:
        keys.append(("day-area", day))
    return keys + _area_keys(inc, day)


def neighbour_keys(inc: Incident) -> set[tuple[object, ...]]:
    """The buckets holding every earlier report ``inc`` could be the same event as."""
    near: set[tuple[object, ...]] = set()
    if inc.place is None:
        return near
    kind = report_kind(inc)
    has_point = inc.lat is not None and inc.lon is not None
    if kind == "day":
        day = _ordinal(inc.date.iso or "")
        days = (day - 1, day, day + 1)
        if has_point:
            x, y = _cell(inc.lat, inc.lon)  # type: ignore[arg-type]
            reach = range(-_DAY_REACH, _DAY_REACH + 1)
            near.update(
                ("day", d, x + dx, y + dy) for d in days for dx in reach for dy in reach
            )
        near.update(("day-area", d) for d in days)  # areas that may hold it
        near.update(_held_keys(inc, days))  # what it may hold
    if has_point:
        x, y = _cell(inc.lat, inc.lon)  # type: ignore[arg-type]
        near.update(
            (other, x + dx, y + dy)
            for other in _COMPARED_CELLS[kind]
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
        )
    return near


def _held_keys(inc: Incident, days: tuple[int, ...]) -> list[tuple[object, ...]]:
    """For an incident at an admin area: the buckets of what the area holds."""
    site = inc.place.place if inc.place is not None else None
    if site is None or site.type not in _AREA_TYPES:
        return []
    out: list[tuple[object, ...]] = []
    for d in days:
        if site.type == "country":
            out.append(("in-country", d, site.country))
        elif site.type == "governorate":
            out += [
                ("in-gov", d, name_key(n))
                for n in (site.governorate, site.name_en)
                if n
            ]
        else:
            out += [
                ("in-district", d, name_key(n))
                for n in (site.district, site.name_en)
                if n
            ]
    return out


def _ordinal(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)
