"""Segmentation: which clauses of an article report which event.

An article is read as a list of units (its sentences, cut again at round-up
markers, see :mod:`kharita.incidents.boundaries`), each with its triggers,
dates, casualty figures, places and flags.  Units are grouped into clusters,
one per event:

1. **Segments.** A round-up marker («وفي محافظة ديالى،», «وفي حادث منفصل»,
   «إلى ذلك», "In other violence", "Elsewhere") closes the current event: the
   units after it form a new segment and never join an event of an earlier
   segment, so each event keeps its own casualty figures.  A segment with no
   trigger of its own (a reaction, a revised toll after «إلى ذلك») and a
   ``transition``/``roundup_place`` segment that names no other site and no
   other kind of event continue the earlier event they match.
2. **Within a segment** (the whole article when it has no marker), a unit
   with a strong trigger whose most specific Iraqi place - a district or finer
   («في قضاء الدبس» names the town) - is far (> 25 km) from and not inside
   every event so far starts a new event when its trigger is of a type not yet
   seen, or when it states its own figure or a zero, or calls its device
   another one («عبوة ثانية», "a second bomb"): "a different site is a
   different incident".  The container it names for its site («بمحافظة
   ديالى») does not tie it to an earlier event.  A strong trigger of an
   incompatible type with its own figure and place starts one too ("Hours
   later a roadside bomb wounded three soldiers in X").  Otherwise a unit
   joins the first event of its segment.
3. Units that recall an earlier event (``prior``) and units about strikes in
   general (a visit, a condemnation, commentary: ``general``) join no event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..geo import km_apart
from ..models import EventDate, ResolvedPlace
from ..text.phrases import PhraseHits
from . import places as P
from ._doc import Sentence
from .boundaries import Cue
from .casualties import CasualtyMention, states_figure
from .dates import DateMention
from .types import TriggerMatch, find_triggers, get_type, registry

SPLIT_KM = 25.0
STRONG_TRIGGER = 2.0
SEPARATE_RANK = 6  # a district or more specific («في قضاء الدبس» names the town)
_SEPARATELY = re.compile(r"(?<!\w)(?:separate(?:ly)?|منفصل\w*)(?!\w)")


@dataclass
class Unit:
    """A sentence or clause of the article and what it says."""

    sentence: Sentence
    triggers: list[TriggerMatch]
    dates: list[tuple[DateMention, EventDate]]
    casualties: list[CasualtyMention]
    zero: set[str]
    prior: bool
    cues: list[Cue] = field(default_factory=list)
    general: bool = False  # a visit, a statement or commentary, no figure
    boundary: str | None = None  # the kind of marker opening this unit
    places: list[int] = field(default_factory=list)  # indices into the places list
    another: bool = False  # a trigger called another one («عبوة ثانية»)
    similar: bool = False  # its event is called a similar one («بنزاع مماثل»)


@dataclass
class Cluster:
    """The units of one event."""

    sents: list[Unit]
    site: ResolvedPlace | None
    forced: bool = False  # the site was set by a split and is kept
    exclude: set[int] = field(default_factory=set)  # place indices split off
    bounds: tuple[int, int] = (0, 0)  # folded span of its segment (excerpt limits)
    opened_by: str | None = None  # the marker kind opening its segment
    clause: tuple[int, int] | None = None  # folded span of its headline clause


km = km_apart  # the one distance of the package (kharita.geo)


def compatible_site(a: ResolvedPlace, b: ResolvedPlace) -> bool:
    return (
        P.same_place(a, b)
        or P.contains(a, b)
        or P.contains(b, a)
        or km(a, b) <= SPLIT_KM
    )


def eligible(
    places: Sequence[ResolvedPlace], cues: dict[int, str | None], idx: list[int]
) -> list[ResolvedPlace]:
    return [places[i] for i in idx if cues[i] is None]


def _joins(
    cluster: Cluster, site: ResolvedPlace | None, named: list[ResolvedPlace]
) -> bool:
    """A unit joins an event when one of its places may be the event's site;
    the container of the unit's own site does not count («في ناحية الوجيهية
    بمحافظة ديالى» after an event in Tarmiyah: Diyala's point lies 24 km from
    Tarmiyah, but the unit's site is al-Wajihiya)."""
    if site is None or cluster.site is None:
        return True
    return any(
        compatible_site(cluster.site, e)
        for e in named
        if not e.foreign and (P.same_place(e, site) or not P.contains(e, site))
    )


def segments(units: list[Unit]) -> list[list[Unit]]:
    """Units cut at every unit that opens with a round-up marker; an
    ``antecedent`` clause is a segment of its own and the next sentence
    returns to the segment before it."""
    out: list[list[Unit]] = [[]]
    current = out[0]
    for u in units:
        if u.boundary == "antecedent":
            out.append([u])
            continue
        if u.boundary is not None and current:
            current = []
            out.append(current)
        current.append(u)
    return [s for s in out if s]


def cluster_units(
    units: list[Unit], places: Sequence[ResolvedPlace], cues: dict[int, str | None]
) -> list[Cluster]:
    """One cluster per event (see module doc)."""
    out: list[Cluster] = []
    segs = segments(units)
    for seg in segs:
        bounds = _bounds(seg, units)
        made, pending = _cluster_segment(seg, places, cues)
        homes = []
        for c in made:
            c.bounds, c.opened_by = bounds, seg[0].boundary
            home = _continued(c, out)
            if home is None:
                out.append(c)
            else:
                home.sents.extend(c.sents)
                homes.append(home)
        if not made and pending and out and seg[0].boundary != "separate":
            # a reaction or a revised toll of the last event
            out[-1].sents.extend(pending)
        if out and len(homes) == len(made) and seg[0].boundary != "separate":
            # a segment that tells no event of its own («...، فيما دانت الحكومة
            # الهجوم») still belongs to the excerpt of the event it follows
            last = homes[-1] if homes else out[-1]
            last.bounds = (
                min(last.bounds[0], bounds[0]),
                max(last.bounds[1], bounds[1]),
            )
    return out


def _bounds(seg: list[Unit], units: list[Unit]) -> tuple[int, int]:
    """The folded span from a segment's first unit to the next marker."""
    first, last = seg[0].sentence.index, seg[-1].sentence.index
    nxt = next((u for u in units[last + 1 :] if u.boundary is not None), None)
    end = nxt.sentence.start if nxt is not None else units[-1].sentence.end
    if seg[0].boundary == "antecedent":
        end = seg[-1].sentence.end
    return units[first].sentence.start, end


def _continued(c: Cluster, earlier: list[Cluster]) -> Cluster | None:
    """The earlier event a segment only continues: a topic shift or a round-up
    by place that names no other site and no other kind of event."""
    if not earlier or c.opened_by not in ("transition", "roundup_place"):
        return None
    kinds = {t.type for u in c.sents for t in u.triggers}
    for home in reversed(earlier):
        theirs = {t.type for u in home.sents for t in u.triggers}
        same_kind = all(
            any(get_type(k).compatible(get_type(x)) for x in theirs) for k in kinds
        )
        if not same_kind:
            continue
        if c.site is None or (
            home.site is not None and P.same_place(c.site, home.site)
        ):
            return home
        if c.opened_by == "transition" and (
            home.site is None or P.contains(home.site, c.site)
        ):
            return home  # «إلى ذلك» adding where the same event happened
    return None


def _cluster_segment(
    seg: list[Unit], places: Sequence[ResolvedPlace], cues: dict[int, str | None]
) -> tuple[list[Cluster], list[Unit]]:
    clusters: list[Cluster] = []
    pending: list[Unit] = []
    opened = seg[0].boundary is not None
    for s in seg:
        if s.prior or s.general or not (s.triggers or s.casualties or s.zero):
            continue
        named = eligible(places, cues, s.places)
        if s.triggers and named and all(e.foreign for e in named):
            continue  # an event abroad (a rocket on a base in Syria): not an Iraqi incident
        site = P.choose_site(named)
        if not clusters:
            if s.triggers or (opened and _own_figure(s) and site is not None):
                clusters.append(Cluster([*pending, s], site))
                pending = []
            else:
                pending.append(s)
            continue
        _place_unit(clusters, s, site, named)
    return clusters, pending


def _own_figure(s: Unit) -> bool:
    return any(c.count.known and (c.count.min or 0) > 0 for c in s.casualties)


def _place_unit(
    clusters: list[Cluster],
    s: Unit,
    site: ResolvedPlace | None,
    named: list[ResolvedPlace],
) -> None:
    home = next((c for c in clusters if _joins(c, site, named)), None)
    top = max(s.triggers, key=lambda t: t.weight, default=None)
    seen = {t.type for c in clusters for x in c.sents for t in x.triggers}
    strong = top is not None and top.weight >= STRONG_TRIGGER
    if home is None and site is not None and s.similar and (_own_figure(s) or s.zero):
        clusters.append(Cluster([s], site))  # construction similar_event, own sentence
        return
    if home is None and site is not None and strong:
        new_type = top is not None and top.type not in seen
        own = _own_figure(s) or s.zero or s.another
        if (new_type or own) and P.rank(site) <= SEPARATE_RANK:
            clusters.append(Cluster([s], site))
            return
    if home is not None and _separate(home, s, site, top):
        clusters.append(Cluster([s], site))
        return
    home = home or clusters[0]
    home.sents.append(s)
    if home.site is None:
        home.site = site


def _separate(
    home: Cluster, s: Unit, site: ResolvedPlace | None, top: TriggerMatch | None
) -> bool:
    """A second event told in its own sentence: a strong trigger of a type that
    cannot describe the first incident's event, its own place (a sub-district
    or more specific; any place after "separately") and its own casualty or
    figure clause ("Hours later a roadside bomb wounded three soldiers in X")."""
    if top is None or top.weight < STRONG_TRIGGER or site is None:
        return False
    if not (s.casualties or s.zero or states_figure(s.sentence.text)):
        return False
    if get_type(top.type).compatible(get_type(cluster_type(home, None)[0])):
        return False
    if home.site is not None and P.same_place(home.site, site):
        return False
    return P.rank(site) <= SEPARATE_RANK or bool(_SEPARATELY.search(s.sentence.text))


def cluster_type(
    cluster: Cluster, title: PhraseHits | None, lead_end: int | None = None
) -> tuple[str, TriggerMatch | None, float]:
    """The event type of a cluster, its trigger and score: trigger weights
    (the lead counts double: the first unit, and with ``lead_end`` every unit
    of its sentence before that folded offset; the title's phrase hits as a
    hint); the strongest trigger counts fully, repeats a little: many «الهجوم»
    do not beat one «عبوة ناسفة»."""
    weights: dict[str, list[float]] = {}
    first = cluster.sents[0].sentence
    stop = first.end if lead_end is None else max(first.end, lead_end)
    for s in cluster.sents:
        for t in s.triggers:
            bonus = 2.0 if first.start <= s.sentence.start < stop else 1.0
            weights.setdefault(t.type, []).append(t.weight * bonus)
    if title is not None:
        for t in find_triggers(title):
            weights.setdefault(t.type, []).append(t.weight)
    scores = {k: max(v) + 0.3 * (sum(v) - max(v)) for k, v in weights.items()}
    if not scores:
        return "other", None, 0.0
    types = registry()
    best = min(scores, key=lambda k: (-scores[k], types[k].priority))
    every = [t for s in cluster.sents for t in s.triggers]
    trig = next((t for t in every if t.type == best), None)
    if trig is None:
        trig = max(every, key=lambda t: t.weight, default=None)
    return best, trig, scores[best]
