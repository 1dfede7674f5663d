"""From one article and its resolved places to incidents and place roles.

1. The folded text is cut into sentences, and sentences again at round-up
   markers (:mod:`kharita.incidents.boundaries`); each unit gets its
   triggers, dates, casualty figures, non-incident cues and a ``prior`` flag
   (a unit that recalls an earlier event: ``الماضي/الفائت``, "last week", a
   month with ``الفائت``, or a day that differs from the incident's date).
2. Units are grouped into events (:mod:`kharita.incidents.segments`): a
   round-up marker opens a new event, a different site or kind of event told
   with its own figures does too; a strong-trigger unit listing two specific
   places far apart is split (:mod:`kharita.incidents.sites`).
3. Per event: type, date, site, casualties from its own units, outcome,
   attribution, excerpt and confidence (:mod:`kharita.incidents.assemble`).
4. Every place mention gets a role (:func:`kharita.incidents.sites.roles`).

The library never reads the wall clock: ``today`` (the run's clock, injected
by the pipeline) only bounds the years an undated article may anchor on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..models import Incident, ResolvedPlace
from ..place_types import is_country
from . import places as P
from ._doc import Doc, Sentence
from .assemble import build_incident, same_day, shared_tolls, similar_kind
from .attribution import doc_actors
from .boundaries import find_boundaries, find_cues, is_general, is_trial, split_units
from .casualties import find_casualties, says_no_casualties
from .dates import (
    DateMention,
    Reference,
    dates_by_span,
    find_dates,
    parse_reference,
    resolve,
    text_reference,
)
from .segments import STRONG_TRIGGER, Cluster, Unit, cluster_units, eligible
from .sites import roles, split_sites
from .types import TriggerMatch, find_triggers


def _analyse(
    doc: Doc, units: list[Sentence], found: list[DateMention], ref: Reference | None
) -> list[Unit]:
    by_unit = dates_by_span(doc.text, [(u.start, u.end) for u in units], found)
    out: list[Unit] = []
    for u in units:
        dates = [(m, resolve(m, ref)) for m in by_unit[u.index]]
        prior = P.is_prior_text(u.text) or any(m.past for m, _ in dates)
        triggers = find_triggers(doc.hits, u.start, u.end)
        if out and out[-1].prior and _continues(doc, out[-1].sentence, u, triggers):
            prior = prior or not dates
        casualties = find_casualties(doc.hits, u.start, u.end)
        zero = says_no_casualties(doc.hits, u.start, u.end)
        cues = find_cues(doc.hits, u.start, u.end)
        starts = [t.start for t in triggers]
        in_general = is_general(cues, starts) and not (casualties or zero)
        general = in_general or is_trial(cues, starts)
        another = _another(doc, triggers)
        similar = doc.hits.found("similar", u.start, u.end)
        out.append(
            Unit(u, triggers, dates, casualties, zero, prior, cues, general,
                 another=another, similar=similar)
        )  # fmt: skip
    return out


def _told_late(
    units: list[Unit], places: Sequence[ResolvedPlace], cues: dict[int, str | None]
) -> list[Cluster]:
    """construction told_late: an article whose only event is dated in the past
    («أصيب مدنيان بقصف ... يوم الجمعة الماضي», "last Friday") reports that
    event; it is not a recollection beside another one."""
    past = [
        u
        for u in units
        if u.prior
        and not u.general
        and any(t.weight >= STRONG_TRIGGER for t in u.triggers)
        and any(d.precision == "day" for _, d in u.dates)  # not "last July"
        and any(
            not p.foreign and p.lat is not None
            for p in eligible(places, cues, u.places)
        )
    ]
    if not past:
        return []
    for u in past:
        u.prior = False
    return cluster_units(units, places, cues)


def _summaries_general(units: list[Unit]) -> None:
    """construction summary_lead: a round-up's total over the places it lists
    ("Bombs and shootings killed 20 people across Iraq", «في مناطق متفرقة»)
    is no incident of its own when another sentence tells one (a strong
    trigger without such a cue)."""
    summary = [any(q.kind == "summary" for q in u.cues) for u in units]
    if any(summary) and any(
        not lead and any(t.weight >= STRONG_TRIGGER for t in u.triggers)
        for u, lead in zip(units, summary, strict=True)
    ):
        for u, lead in zip(units, summary, strict=True):
            u.general = u.general or lead


def _another(doc: Doc, triggers: list[TriggerMatch]) -> bool:
    """construction another_event: a trigger called another one, the word right
    after an Arabic trigger noun («عبوة ناسفة ثانية», «انفجار آخر») or right
    before an English one ("a second bomb", "another blast")."""
    return any(
        doc.hits.found("another", t.end, t.end + 8)
        and doc.text[t.end : t.end + 1].isspace()
        or doc.hits.found("another", max(0, t.start - 9), t.start)
        and doc.text[t.start - 1 : t.start].isspace()
        for t in triggers
    )


def _continues(
    doc: Doc, prev: Sentence, s: Sentence, triggers: list[TriggerMatch]
) -> bool:
    """A sentence that only continues the previous one: same paragraph, weak
    triggers only («Additionally, two other soldiers ... during the attack»)."""
    return all(t.weight < STRONG_TRIGGER for t in triggers) and (
        "\n" not in doc.text[prev.end - 1 : s.start + 1]
    )


def _place_cues(
    doc: Doc, places: Sequence[ResolvedPlace], actors: Sequence[tuple[int, int]]
) -> dict[int, str | None]:
    """The cue role of every mention: actor, reference, launch, dateline or None."""
    cues = {i: P.cue_role(doc, rp) for i, rp in enumerate(places)}
    verbs = [(h.start, h.end) for h in doc.hits.matches("attribution")]
    for i, rp in enumerate(places):
        if cues[i] == "dateline" and P.bracketed_next(doc, places, rp):
            cues[i] = None  # "Qurna district (Basrah)": a container, no dateline
        if _names_an_actor(doc, rp, actors, verbs):
            cues[i] = "actor"
    return cues


def _names_an_actor(
    doc: Doc,
    rp: ResolvedPlace,
    actors: Sequence[tuple[int, int]],
    verbs: Sequence[tuple[int, int]],
) -> bool:
    """construction actor_in_name: a mention is an actor when an actor's name
    covers it ("Washington denied") or it is a country holding one («الولايات
    المتحدة الأمريكية»).  A place named after an actor ("the U.S. embassy in
    Baghdad", «السفارة الأمريكية») is a place like any other, unless it is the
    subject of an attribution cue right beside it («وأطلقت القنصلية الأمريكية في
    أربيل صافرات الإنذار», "a US embassy official")."""
    f0, f1 = doc.folded(rp.start), doc.folded(rp.end)
    inside = [(a, b) for a, b in actors if a < f1 and f0 < b]
    if any(a <= f0 and f1 <= b for a, b in inside):
        return True
    if inside and rp.place is not None and is_country(rp.place.type):
        return True
    text = doc.text
    return bool(inside) and any(
        e <= f0 and not text[e:f0].strip() or f1 <= s and not text[f1:s].strip()
        for s, e in verbs
    )


def _units(
    doc: Doc, places: Sequence[ResolvedPlace], found: list[DateMention],
    ref: Reference | None,
) -> list[Unit]:  # fmt: skip
    starts = [doc.folded(rp.start) for rp in places]
    boundaries = find_boundaries(doc, starts)
    spans = split_units(doc, boundaries)
    units = _analyse(doc, spans, found, ref)
    kinds = {b.start: b.kind for b in boundaries}
    bounds = [u.start for u in spans]
    for u in units:
        u.boundary = kinds.get(u.sentence.start)
    for i, s in enumerate(starts):
        units[_index(bounds, s)].places.append(i)
    return units


def _index(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def extract(
    doc: Doc, places: Sequence[ResolvedPlace], *, today: date | None = None
) -> tuple[tuple[Incident, ...], tuple[ResolvedPlace, ...]]:
    """Incidents of one article (its ``Doc``, with phrase hits), and its places
    with their roles set.

    ``today`` is the run's reference day (never read from the wall clock):
    an undated article anchors its dates on the latest year it states, up to
    ``today``'s year when given.
    """
    article = doc.article
    found = find_dates(doc.text)  # once per text, split by unit in _analyse
    ref = parse_reference(article.date) or text_reference(found, today)
    units = _units(doc, places, found, ref)
    actors = doc_actors(doc)
    cues = _place_cues(doc, places, [(a.start, a.end) for a in actors])
    _summaries_general(units)
    clusters = cluster_units(units, places, cues) or _told_late(units, places, cues)
    inside = P.stated_containers(doc, places)
    clusters = split_sites(doc, clusters, places, cues, inside)
    context = [(u.sentence.start, u.sentence.end) for u in units if not u.prior]
    incidents = [
        build_incident(article, doc, c, n, places, cues, ref, context, inside)
        for n, c in enumerate(clusters, 1)
    ]
    incidents = same_day(shared_tolls(incidents, clusters), clusters)
    incidents = similar_kind(incidents, clusters)
    incidents = [i for i in incidents if i.place is None or not i.place.foreign]
    return tuple(incidents), roles(doc, places, units, clusters, incidents, cues)
