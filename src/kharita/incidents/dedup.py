"""Merge reports of the same event into one incident.

Two incidents (from different articles) are the same event when their types
are compatible (``family`` in ``incident_types.tsv``), their sites are the same
or near, and the dates allow it:

* both dated to the day: at most 1 day apart, sites <= 25 km apart (or one
  contains the other);
* one dated to the day and one to the month (an article dated only
  ``2024-04``) and the day falls in that month: sites <= 10 km apart and no
  casualty figure conflicts;
* otherwise (a date unknown): strong evidence only - sites <= 10 km apart,
  weekdays (when known) equal, and at least one casualty figure stated and
  non-zero in both and compatible (overlapping, or a toll that grew by at most
  half: 11 -> 15).  Zero-casualty reports of an undated attack on a base that is
  often attacked (Ain al-Asad) therefore stay apart.

Figures are compatible when the ranges overlap or the larger lower bound is at
most 1.5x the smaller.  A merged incident lists every source (earliest first),
keeps the most specific casualty figures (a vague report never erases or widens
a stated one; different stated figures give a range: min of mins, max of maxes,
open if any is open; :func:`kharita.incidents.casualty_combine.merge_counts`), takes
the most precise date, the most specific site, and the first stated
attribution of each kind; its confidence rises with each report.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from ..geo import km_apart
from ..models import Attribution, Count, EventDate, Incident
from ..text.normalize import key as name_key
from . import places as P
from .casualty_combine import merge_counts
from .dates import weekday_of
from .types import get_type

NEAR_KM = 25.0
SAME_KM = 10.0
GROWTH = 1.5
CELL_DEG = (
    0.2  # grid cell for candidate pairs: > SAME_KM in latitude and longitude below 60°
)


def _contained(a: Incident, b: Incident) -> bool:
    if a.place is None or b.place is None:
        return False
    return P.contains(a.place, b.place) or P.contains(b.place, a.place)


def _counts_compatible(a: Count, b: Count) -> bool:
    if a.min is None or b.min is None:
        return True
    if (a.max is None or b.min <= a.max) and (b.max is None or a.min <= b.max):
        return True
    lo, hi = sorted((a.min, b.min))
    return lo > 0 and hi <= GROWTH * lo


def _positive_match(a: Count, b: Count) -> bool:
    return bool(a.min) and bool(b.min) and _counts_compatible(a, b)


def _day_gap(a: EventDate, b: EventDate) -> int | None:
    if a.precision == "day" and b.precision == "day" and a.iso and b.iso:
        return abs((date.fromisoformat(a.iso) - date.fromisoformat(b.iso)).days)
    return None


def same_event(a: Incident, b: Incident) -> bool:
    """True when ``a`` and ``b`` report the same event (see module doc)."""
    if _share_an_article(a, b):
        return False
    if (
        a.place is None
        or b.place is None
        or not get_type(a.type).compatible(get_type(b.type))
    ):
        return False
    km = km_apart(a, b)
    gap = _day_gap(a.date, b.date)
    casualties_ok = _counts_compatible(a.killed, b.killed) and _counts_compatible(
        a.wounded, b.wounded
    )
    if gap is not None:
        return gap <= 1 and (km <= NEAR_KM or _contained(a, b)) and casualties_ok
    if _month_covers(a.date, b.date) or _month_covers(b.date, a.date):
        return km <= SAME_KM and casualties_ok
    wa, wb = weekday_of(a.date), weekday_of(b.date)
    if wa is not None and wb is not None and wa != wb:
        return False
    if (
        a.date.iso
        and b.date.iso
        and not (a.date.iso.startswith(b.date.iso) or b.date.iso.startswith(a.date.iso))
    ):
        return False
    strong = _positive_match(a.killed, b.killed) or _positive_match(
        a.wounded, b.wounded
    )
    return km <= SAME_KM and strong and casualties_ok


def _month_covers(month: EventDate, day: EventDate) -> bool:
    return (
        month.precision == "month" and day.precision == "day"
        and bool(month.iso) and bool(day.iso) and (day.iso or "").startswith(month.iso or "-")
    )  # fmt: skip


def _best_date(dates: list[EventDate]) -> EventDate:
    rank = {"day": 0, "month": 1, "year": 2}
    known = [d for d in dates if d.iso]
    if not known:
        return next((d for d in dates if d.weekday is not None), dates[0])
    return min(known, key=lambda d: rank[d.precision or "year"])


def _attribution(group: list[Incident]) -> Attribution:
    merged = Attribution()
    for inc in group:
        a = inc.attribution
        if merged.perpetrator is None and a.perpetrator is not None:
            merged = replace(
                merged, perpetrator=a.perpetrator, perpetrator_span=a.perpetrator_span
            )
        if merged.claimed_by is None and a.claimed_by is not None:
            merged = replace(
                merged, claimed_by=a.claimed_by, claimed_span=a.claimed_span
            )
        if merged.denied_by is None and a.denied_by is not None:
            merged = replace(merged, denied_by=a.denied_by, denied_span=a.denied_span)
    return merged


def _merge(group: list[Incident]) -> Incident:
    if len(group) == 1:
        return group[0]
    group = sorted(group, key=lambda i: (i.date.iso or "9999", -i.confidence))
    lead = min(
        group,
        key=lambda i: (
            get_type(i.type).priority
            if i.type not in ("explosion", "other", "attack_on_base")
            else 100,
            -i.confidence,
        ),
    )
    placed = [i.place for i in group if i.place is not None]
    site = min(placed, key=lambda p: (P.rank(p), -p.confidence)) if placed else None
    confidence = 1.0 - math.prod(1.0 - i.confidence for i in group)
    return replace(
        lead,
        id=group[0].id,
        date=_best_date([i.date for i in group]),
        killed=merge_counts([i.killed for i in group]),
        wounded=merge_counts([i.wounded for i in group]),
        casualties=merge_counts([i.casualties for i in group]),
        killed_perpetrators=merge_counts([i.killed_perpetrators for i in group]),
        place=site,
        sources=tuple(s for i in group for s in i.sources),
        confidence=round(min(1.0, confidence), 3),
        attribution=_attribution(group),
    )


def merge_incidents(incidents: Iterable[Incident]) -> list[Incident]:
    """Incidents with reports of the same event merged (single-link groups).

    Only candidate pairs are compared: reports dated within a day of each
    other (day buckets) and reports in neighbouring grid cells (``CELL_DEG``,
    wider than ``SAME_KM``), so the groups are the same as comparing every
    pair.  Each new report is compared with the groups already in its
    buckets, member by member until one matches, and a group it already
    belongs to is skipped whole: many reports of one event cost linear time.
    """
    items = list(incidents)
    groups = _Groups(len(items))
    signatures = [_signature(inc) for inc in items]
    buckets: dict[tuple[object, ...], dict[int, list[int]]] = {}
    for i, inc in enumerate(items):
        keys = _bucket_keys(inc)
        unlike: set[object] = set()  # signatures already found not to be i's event
        for key in _neighbour_keys(inc):
            bucket = buckets.get(key)
            if bucket:
                _join_bucket(i, items, groups, bucket, signatures, unlike)
        for key in keys:
            bucket = buckets.setdefault(key, {})
            bucket.setdefault(groups.root(i), []).append(i)
    merged: dict[int, list[Incident]] = {}
    for i, inc in enumerate(items):
        merged.setdefault(groups.root(i), []).append(inc)
    return [_merge(g) for g in merged.values()]


class _Groups:
    """Union-find over item indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.root(j)] = self.root(i)


def _join_bucket(
    i: int,
    items: list[Incident],
    groups: _Groups,
    bucket: dict[int, list[int]],
    signatures: list[object],
    unlike: set[object],
) -> None:
    """Join item ``i`` to every group of ``bucket`` one of whose members is its event.

    Reports with the same :func:`_signature` answer :func:`same_event` alike
    (but for sharing an article), so a signature found unlike ``i`` is not
    asked again: many copies of other events cost one comparison each kind.
    """
    for key in list(bucket):
        root = groups.root(key)
        if root != key:  # groups merged since: fold the member lists together
            members = bucket.pop(key)
            bucket.setdefault(root, []).extend(members)
    for root, members in list(bucket.items()):
        if groups.root(root) == groups.root(i):
            continue
        for j in members:
            if signatures[j] in unlike:
                continue
            if same_event(items[j], items[i]):
                groups.union(root, i)
                break
            if not _share_an_article(items[j], items[i]):
                unlike.add(signatures[j])


def _share_an_article(a: Incident, b: Incident) -> bool:
    return bool({s.article_id for s in a.sources} & {s.article_id for s in b.sources})


def _signature(inc: Incident) -> object:
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


def _kind(inc: Incident) -> str:
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


def _bucket_keys(inc: Incident) -> list[tuple[object, ...]]:
    """The buckets an incident is filed under (none without a place).

    A day-dated incident: its day and grid cell, its day as an area incident
    when its site is an admin area, and its day within the areas that hold it;
    any other: its grid cell, by kind (:func:`_kind`).
    """
    if inc.place is None:
        return []
    kind = _kind(inc)
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


def _neighbour_keys(inc: Incident) -> set[tuple[object, ...]]:
    """The buckets holding every earlier report ``inc`` could be the same event as."""
    near: set[tuple[object, ...]] = set()
    if inc.place is None:
        return near
    kind = _kind(inc)
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
