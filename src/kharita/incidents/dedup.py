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
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import Protocol, TypeAlias

from ..geo import km_apart
from ..models import Attribution, Count, EventDate, Incident
from . import places as P
from .casualty_combine import merge_counts
from .dates import weekday_of
from .groups import ArticleKeys, Groups
from .merge_keys import Key, bucket_keys, neighbour_keys, signature
from .types import get_type

# report numbers in an array("q"): 8 bytes each, not an int object and a pointer
Members: TypeAlias = "array[int]"

NEAR_KM = 25.0
SAME_KM = 10.0
GROWTH = 1.5


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


def merge_group(group: list[Incident]) -> Incident:
    """One incident of the reports of one event (in the order they came)."""
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

    The groups are those of comparing every pair (see :class:`Merger`).
    """
    merger = Merger()
    for incident in incidents:
        merger.add(incident)
    return merger.merged()


class Reports(Protocol):
    """Where a :class:`Merger` keeps the reports: a list, or on disk
    (:class:`kharita.spill.SpillFile`)."""

    def append(self, report: Incident, /) -> object: ...

    def __getitem__(self, index: int, /) -> Incident: ...


class Merger:
    """Single-link groups of reports, built as the reports arrive.

    Each report is compared only with the reports in its buckets
    (:func:`~kharita.incidents.merge_keys.neighbour_keys`), so the groups are
    the same as comparing every pair.  In a bucket, reports are filed by
    :func:`~kharita.incidents.merge_keys.signature` and then by group:
    reports alike in everything :func:`same_event` reads answer it alike (but
    for sharing an article), so a new report asks it once per signature it
    meets, of the signature's first report, and joins every group of a
    signature that is its event.  The time per report is the number of
    distinct signatures near it, not the number of reports: copies of one
    event, or of a few, cost linear time.

    Merging reads nothing else of the reports: they are kept in ``reports``
    (a list by default, or a file) and read again only to merge each group
    (:meth:`groups`, :func:`merge_group`).  In memory stay each signature's
    first report without its sources, and for every report its group and its
    articles (:mod:`~kharita.incidents.groups`) and its number in its buckets:
    about a hundred bytes, however long its texts.
    """

    def __init__(self, reports: Reports | None = None) -> None:
        self._reports: Reports = [] if reports is None else reports
        self._groups = Groups()
        self._articles = ArticleKeys()
        # signature -> (the signature, stored once; its first report, no sources)
        self._signatures: dict[object, tuple[object, Incident]] = {}
        self._buckets: dict[Key, dict[object, dict[int, Members]]] = {}

    def __len__(self) -> int:
        return len(self._groups)

    def add(self, incident: Incident) -> None:
        """File one report, joining the groups of the earlier reports of its event."""
        self._reports.append(incident)
        self._articles.add(incident)
        i = self._groups.add()
        found = signature(incident)
        known = self._signatures.get(found)
        if known is None:
            known = self._signatures[found] = (found, replace(incident, sources=()))
        verdicts: dict[object, bool] = {}  # same_event of i and each signature met
        for key in neighbour_keys(incident):
            bucket = self._buckets.get(key)
            if bucket:
                self._join_bucket(i, incident, bucket, verdicts)
        root = self._groups.root(i)
        for key in bucket_keys(incident):
            groups = self._buckets.setdefault(key, {}).setdefault(known[0], {})
            members = groups.get(root)
            if members is None:
                members = groups[root] = array("q")
            members.append(i)

    def merged(self) -> list[Incident]:
        """One incident per group, groups in the order of their first report."""
        return list(self.iter_merged())

    def iter_merged(self) -> Iterator[Incident]:
        """:meth:`merged` one group at a time."""
        reports = self._reports
        for members in self.groups():
            yield merge_group([reports[j] for j in members])

    def groups(self) -> Iterator[list[int]]:
        """The numbers of the reports of each group (in the order they came),
        groups in the order of their first report."""
        return self._groups.members()

    def _join_bucket(
        self,
        i: int,
        incident: Incident,
        bucket: dict[object, dict[int, Members]],
        verdicts: dict[object, bool],
    ) -> None:
        for sig, groups in bucket.items():
            verdict = verdicts.get(sig)
            if verdict is None:
                if self._unshared_member(i, groups.values()) is None:
                    continue  # every member is from one of i's articles
                first = self._signatures[sig][1]
                verdict = verdicts[sig] = same_event(first, incident)
            if verdict:
                self._join_groups(i, groups)

    def _join_groups(self, i: int, groups: dict[int, Members]) -> None:
        """Join ``i`` to every group of ``groups`` with a member from another article."""
        find = self._groups.root
        for key in list(groups):  # groups merged since filing: fold their lists
            root = find(key)
            if root != key:
                members = groups.pop(key)
                kept = groups.setdefault(root, array("q"))
                if len(kept) < len(members):
                    kept, members = members, kept
                    groups[root] = kept
                kept.extend(members)
        for key, members in list(groups.items()):
            if find(key) != find(i) and self._unshared_member(i, [members]) is not None:
                self._groups.union(key, i)

    def _unshared_member(self, i: int, member_lists: Iterable[Members]) -> int | None:
        """The first member not sharing an article with report ``i``."""
        share = self._articles.share
        for members in member_lists:
            for j in members:
                if not share(j, i):
                    return j
        return None


def _share_an_article(a: Incident, b: Incident) -> bool:
    return bool({s.article_id for s in a.sources} & {s.article_id for s in b.sources})
