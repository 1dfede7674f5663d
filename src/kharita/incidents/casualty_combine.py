"""Combining casualty figures: the mentions of one incident, and reports of one event.

Within an incident (:func:`toll`; :func:`combine` gives killed and wounded):

* a stated total toll ("5 fatalities", "toll rose to 19") beats sub-group
  figures;
* a stated figure beats a quantity word (vague);
* different stated figures are a range between sources (11 officially, 24 by
  a source: 11-24), unless the text reports a revised toll: then the figure
  after a revision word («ارتفعت الحصيلة إلى 15»; the largest of them) - else
  the largest figure - wins (tolls are revised upwards);
* deaths of attackers and of others, both stated, add up (ACLED counts all
  deaths) unless a total toll is stated; the attackers' part is kept as
  ``killed_perpetrators``;
* a "nobody hurt" phrase gives ``Count(0, 0)`` when no figure is stated;
* a combined toll («12 بين قتيل وجريح») is ``casualties``, never killed;
* the figures of one list by place ("5 in Kut, 2 in Hilla") that stay in one
  incident add up.

Across reports of one event (:func:`merge_counts`): the most specific figure
wins.  A vague report never erases or widens a stated one (8 wounded +
"injuries" = 8); different stated figures from different outlets give a
range (min of mins, max of maxes, open if any is open).

A toll stated once for several listed sites ("Car bombs in Kirkuk, Basra kill
30") belongs to the sites together: each site's incident gets its
:func:`share`, 0 to the figure and flagged vague, so that a report stating the
site's own figure beats it and no total counts the figure twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..models import Count


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """A count read next to a cue; folded offsets.

    ``kind`` is killed, wounded or casualties (killed and wounded together).
    """

    kind: str
    count: Count
    start: int
    end: int
    vague: bool = False  # from a quantity word (عشرات, several), not a figure
    total: bool = False  # a total toll ("5 fatalities", "toll rose to 19")
    revised: bool = False  # after a revision word («ارتفعت الحصيلة إلى»)
    who: str = ""  # "perpetrators" when the counted people are the attackers
    part: int | None = None  # one figure of a list by place ("5 in Kut, 2 in Hilla")


@dataclass(frozen=True, slots=True)
class Toll:
    """The casualty figures of one incident."""

    killed: Count = field(default_factory=Count)
    wounded: Count = field(default_factory=Count)
    casualties: Count = field(default_factory=Count)  # killed and wounded together
    killed_perpetrators: Count = field(default_factory=Count)  # included in killed


def _flag(count: Count, vague: bool) -> Count:
    return replace(count, vague=vague) if count.vague != vague else count


def _one(found: Sequence[CasualtyMention], revised: bool) -> Count:
    """One figure from the mentions of one kind (see module doc)."""
    found = _parts_added([m for m in found if m.count.min is not None])
    totals = [m for m in found if m.total and not m.vague]
    if totals:  # construction total: a stated total toll beats sub-group figures
        found = totals
    stated = [m for m in found if not m.vague]
    latest = [m for m in stated if m.revised]
    if latest:  # construction revision: the figure after «ارتفعت الحصيلة إلى»
        return max(latest, key=lambda m: (m.count.min or 0, m.start)).count
    counts = [m.count for m in stated]
    if len(set(counts)) > 1 and not revised:
        return _widen(counts)
    if not found:
        return Count()
    best = max(
        found, key=lambda m: (not m.vague, m.count.min or 0, m.count.max is None)
    )
    return _flag(best.count, best.vague)


def _parts_added(found: list[CasualtyMention]) -> list[CasualtyMention]:
    """construction distributive_figures: figures of one list by place ("5 in
    Kut, 2 in Hilla") that stay in one incident (the places were not split
    apart: «2 في السوق و3 قرب المسجد») add up."""
    out: list[CasualtyMention] = []
    first: dict[int, int] = {}
    for m in found:
        if m.part is None:
            out.append(m)
        elif m.part in first:
            i = first[m.part]
            out[i] = replace(out[i], count=_add(out[i].count, m.count))
        else:
            first[m.part] = len(out)
            out.append(m)
    return out


def _add(a: Count, b: Count) -> Count:
    """Deaths of two groups; a vague group never adds to a stated one."""
    if a.min is None or b.min is None or a.vague or b.vague:
        known = [c for c in (a, b) if c.min is not None]
        return max(known, key=lambda c: (not c.vague, c.min or 0), default=Count())
    hi = None if a.max is None or b.max is None else a.max + b.max
    return Count(a.min + b.min, hi)


def combine(
    mentions: Sequence[CasualtyMention], zero: set[str], *, revised: bool = False
) -> tuple[Count, Count]:
    """(killed, wounded) of an incident: :func:`toll` without the other figures."""
    found = toll(mentions, zero, revised=revised)
    return found.killed, found.wounded


def toll(
    mentions: Sequence[CasualtyMention], zero: set[str], *, revised: bool = False
) -> Toll:
    """The :class:`Toll` of an incident from all its casualty mentions."""
    killed_all = [m for m in mentions if m.kind == "killed"]
    perps = [m for m in killed_all if m.who == "perpetrators"]
    others = [m for m in killed_all if m.who != "perpetrators"]
    k_perp, k_other = _one(perps, revised), _one(others, revised)
    killed = _add(k_other, k_perp)  # construction victims_attackers: all deaths
    if any(m.total and not m.vague for m in killed_all):  # construction total
        killed = _one(killed_all, revised)
    wounded = _one([m for m in mentions if m.kind == "wounded"], revised)
    if killed.min is None and "killed" in zero:  # construction zero
        killed = Count(0, 0)
    if wounded.min is None and "wounded" in zero:
        wounded = Count(0, 0)
    casualties = _one([m for m in mentions if m.kind == "casualties"], revised)
    return Toll(killed, wounded, casualties, k_perp)


def share(count: Count) -> Count:
    """One site's part of a toll stated for several sites: 0..N, vague; an
    explicit zero stays zero, an unknown stays unknown."""
    if count.min is None or count.max == 0:
        return count
    return Count(0, count.max, vague=True)


def _widen(counts: Iterable[Count]) -> Count:
    known = [c for c in counts if c.min is not None]
    if not known:
        return Count()
    hi = None if any(c.max is None for c in known) else max(c.max or 0 for c in known)
    return Count(min(c.min or 0 for c in known), hi)


def merge_counts(counts: Sequence[Count]) -> Count:
    """One figure from several reports of one event (see module doc)."""
    known = [c for c in counts if c.min is not None]
    stated = [c for c in known if not c.vague]
    if stated:
        return _widen(stated)
    if not known:
        return Count()
    return max(known, key=lambda c: c.min or 0)  # vague lower bounds: the tightest
