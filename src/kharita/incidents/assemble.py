"""Assembly: one :class:`~kharita.models.Incident` from one event's units.

Per event: type (:func:`segments.cluster_type`), date (the first unit with a
resolved date; else the article date; else a weekday), the units that recall
other days dropped, site (:mod:`kharita.incidents.sites`), casualties read
only from the event's own units, outcome (``foiled`` when a foiled, defused
or intercepted cue governs the trigger: no casualty figure is kept, only a
stated zero), attribution, an excerpt kept inside the event's segment, and a
confidence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..models import (
    Article,
    EventDate,
    Incident,
    Outcome,
    ResolvedPlace,
    Source,
)
from ..text.normalize import fold
from . import places as P
from ._doc import Doc
from .attribution import find_attribution
from .boundaries import foiled
from .casualties import Toll, says_revised, toll
from .casualty_combine import share
from .dates import Reference, best_date, unknown_date
from .segments import STRONG_TRIGGER, Cluster, Unit, cluster_type
from .sites import cluster_site
from .types import TriggerMatch, get_type

EXCERPT_MIN, EXCERPT_MAX = 300, 500


def _date(
    cluster: Cluster, ref: Reference | None, article_date: str | None
) -> EventDate:
    for s in cluster.sents:
        found = best_date(s.dates)
        if found is not None:
            return found
    weekday = next(
        (d for s in cluster.sents for _, d in s.dates if d.weekday is not None),
        None,
    )
    if ref is not None and not ref.inferred:
        return EventDate(iso=article_date and article_date[: {"day": 10, "month": 7, "year": 4}[ref.precision]],
                         precision=ref.precision, rule="article_date")  # fmt: skip
    return weekday or unknown_date()


def _drop_other_days(cluster: Cluster, event: EventDate) -> None:
    """construction other_days: sentences whose explicit days all lie more than
    a day from the event's recall other events."""
    if event.precision != "day" or not event.iso:
        return
    day = date.fromisoformat(event.iso)
    keep = []
    for s in cluster.sents:
        days = [
            date.fromisoformat(d.iso)
            for _, d in s.dates
            if d.iso and d.precision == "day"
        ]
        if days and all(abs((x - day).days) > 1 for x in days):
            s.prior = True
        else:
            keep.append(s)
    cluster.sents = keep or cluster.sents[:1]


def _pieces(doc: Doc, bounds: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentences of ``doc`` clipped to ``bounds`` (an event's segment)."""
    lo, hi = bounds
    if hi <= lo:
        lo, hi = 0, len(doc.text)
    return [
        (max(s.start, lo), min(s.end, hi))
        for s in doc.sentences
        if s.start < hi and s.end > lo
    ]


def _excerpt(
    doc: Doc, cluster: Cluster, trig: TriggerMatch | None, site: ResolvedPlace | None
) -> tuple[int, int]:
    """Original ``[start, end)`` of the sentences around trigger and site
    (300-500 chars), never outside the event's own segment."""
    sents = _pieces(doc, cluster.bounds)
    starts = [a for a, _ in sents]

    def at(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    anchor = [at(trig.start if trig else cluster.sents[0].sentence.start)]
    if site is not None and sents[0][0] <= doc.folded(site.start) < sents[-1][1]:
        anchor.append(at(doc.folded(site.start)))
    lo, hi = min(anchor), max(anchor)
    while sents[hi][1] - sents[lo][0] > EXCERPT_MAX and hi > lo:
        hi -= 1
    while sents[hi][1] - sents[lo][0] < EXCERPT_MIN:
        if hi + 1 < len(sents) and sents[hi + 1][1] - sents[lo][0] <= EXCERPT_MAX:
            hi += 1
        elif lo > 0 and sents[hi][1] - sents[lo - 1][0] <= EXCERPT_MAX:
            lo -= 1
        else:
            break
    start, end = doc.original(sents[lo][0], sents[hi][1])
    if end - start > EXCERPT_MAX:
        centre = site.start if site is not None and start <= site.start < end else start
        start = max(start, centre - EXCERPT_MAX // 2)
        end = min(end, start + EXCERPT_MAX)
    text = doc.original_text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _casualties(
    doc: Doc, cluster: Cluster, trig: TriggerMatch | None
) -> tuple[Toll, Outcome]:
    """The figures from the event's own units, and its outcome: a
    foiled attack keeps only a stated zero («دون وقوع إصابات»), no figure."""
    zero = set().union(*(s.zero for s in cluster.sents))
    home = next(
        (
            s
            for s in cluster.sents
            if trig and s.sentence.start <= trig.start < s.sentence.end
        ),
        None,
    )
    if (
        trig is not None
        and home is not None
        and foiled(home.cues, trig.start, trig.end)
    ):
        return toll([], zero, revised=False), "foiled"
    lo, hi = cluster.clause or (0, len(doc.text))
    mentions = [m for s in cluster.sents for m in s.casualties if lo <= m.start < hi]
    revised = any(
        says_revised(doc.hits, s.sentence.start, s.sentence.end) for s in cluster.sents
    )
    return toll(mentions, zero, revised=revised), "completed"


def _figures_sentence(
    doc: Doc, cluster: Cluster, figures: Toll, *, zero_only: bool = False
) -> tuple[int, int] | None:
    """Original ``[start, end)`` of the sentence whose figure became the toll
    (killed, else wounded, else the combined figure; the first sentence with a
    figure when the toll widens several; else the first one stating that nobody
    was hurt; only that one for a foiled attack, whose figures are not kept),
    at most EXCERPT_MAX chars around it."""
    found = [] if zero_only else [
        (s, m) for s in cluster.sents for m in s.casualties if m.count.min is not None
    ]  # fmt: skip
    wanted = [(k, c) for k, c in (("killed", figures.killed), ("wounded", figures.wounded),
              ("casualties", figures.casualties)) if c.min is not None]  # fmt: skip
    best = next(
        ((s, m) for k, c in wanted for s, m in found if m.kind == k and m.count == c),
        None,
    )
    kinds = {k for k, _ in wanted}
    best = best or next(((s, m) for s, m in found if m.kind in kinds), None)
    if best is not None:
        unit = best[0]
        at, _ = doc.original(best[1].start, best[1].end)
    else:  # a stated zero («دون وقوع إصابات», "no one was hurt")
        zero = next((s for s in cluster.sents if s.zero), None)
        if zero is None:
            return None
        unit, at = zero, doc.original(zero.sentence.start, zero.sentence.end)[0]
    lo, hi = doc.original(*_own_sentence(doc, cluster, unit))
    if hi - lo > EXCERPT_MAX:
        lo = max(lo, min(at - EXCERPT_MAX // 2, hi - EXCERPT_MAX))
        hi = lo + EXCERPT_MAX
    text = doc.original_text
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return (lo, hi) if lo < hi else None


def _own_sentence(doc: Doc, cluster: Cluster, unit: Unit) -> tuple[int, int]:
    """Folded span of the sentence holding ``unit``, clipped to the event's
    segment: a clause that only continues the event («...، فيما اقتصرت
    الأضرار على مبنى») stays in, the clause of another event stays out."""
    sent = doc.sentence_at(unit.sentence.start)
    lo, hi = max(sent.start, cluster.bounds[0]), min(sent.end, cluster.bounds[1])
    if not lo <= unit.sentence.start < hi:
        return unit.sentence.start, unit.sentence.end
    return lo, hi


def _confidence(score: float, site: ResolvedPlace | None, when: EventDate) -> float:
    type_part = min(1.0, score / 4.0)
    site_part = site.confidence * (1 - min(P.rank(site), 10) / 20) if site else 0.1
    date_part = {"day": 1.0, "month": 0.6, "year": 0.4}.get(when.precision or "", 0.2)
    return round(
        max(0.0, min(1.0, 0.45 * type_part + 0.4 * site_part + 0.15 * date_part)), 3
    )


def build_incident(
    article: Article, doc: Doc, cluster: Cluster, n: int, places: Sequence[ResolvedPlace],
    cues: dict[int, str | None], ref: Reference | None, context: list[tuple[int, int]],
    inside: dict[str, set[str]],
) -> Incident:  # fmt: skip
    title = doc.hits.matcher(fold(article.title)) if article.title else None
    lead = doc.sentence_at(cluster.sents[0].sentence.start).end
    kind, trig, score = cluster_type(cluster, title, lead)
    when = _date(cluster, ref, article.date)
    _drop_other_days(cluster, when)
    site = cluster_site(cluster, places, cues, inside)
    figures, outcome = _casualties(doc, cluster, trig)
    spans = sorted(
        {*context, *((s.sentence.start, s.sentence.end) for s in cluster.sents)}
    )
    info = get_type(kind)
    related = [
        s
        for s in cluster.sents
        if any(get_type(t.type).compatible(info) for t in s.triggers)
    ]
    perp_spans = [(s.sentence.start, s.sentence.end) for s in related]
    trig_spans = [
        (t.start, t.end) for s in related for t in s.triggers if not t.bare_verb
    ]
    attribution, _ = find_attribution(doc, spans, trig_spans, perp_spans)
    start, end = _excerpt(doc, cluster, trig, site)
    highlight = None
    if site is not None and start <= site.start and site.end <= end:
        highlight = (site.start - start, site.end - start)
    said = _figures_sentence(doc, cluster, figures, zero_only=outcome == "foiled")
    source = Source(
        article_id=article.id, outlet=article.outlet, url=article.url, date=article.date,
        excerpt=doc.original_text[start:end], excerpt_start=start, highlight=highlight, lang=article.lang,
        title=article.title, casualty_sentence=doc.original_text[slice(*said)] if said else "",
        casualty_start=said[0] if said else None,
    )  # fmt: skip
    return Incident(
        id=f"{article.id}#{n}", type=kind, date=when, killed=figures.killed, wounded=figures.wounded, place=site,
        sources=(source,), confidence=_confidence(score, site, when),
        acled_event_type=info.acled_event_type, acled_sub_event_type=info.acled_sub_event_type,
        attribution=attribution, trigger=doc.original_text[slice(*doc.original(trig.start, trig.end))] if trig else "",
        trigger_span=doc.original(trig.start, trig.end) if trig else None, outcome=outcome,
        casualties=figures.casualties, killed_perpetrators=figures.killed_perpetrators,
    )  # fmt: skip


def shared_tolls(incidents: list[Incident], clusters: list[Cluster]) -> list[Incident]:
    """Listed sites sharing one stated toll ("Car bombs in Kirkuk, Basra kill
    30", «مقتل 5 بقصف في أربيل والسليمانية»): a clause with figures that more
    than one event holds (the split of :func:`sites.split_sites`) gives each
    of them only its :func:`share` of the figures, never the whole."""
    holders = Counter(id(s) for c in clusters for s in c.sents if s.casualties)
    out = []
    for inc, c in zip(incidents, clusters, strict=True):
        figures = [s for s in c.sents if s.casualties]
        if c.clause is None and figures and all(holders[id(s)] > 1 for s in figures):
            inc = replace(
                inc,
                killed=share(inc.killed),
                wounded=share(inc.wounded),
                casualties=share(inc.casualties),
                killed_perpetrators=share(inc.killed_perpetrators),
            )
        out.append(inc)
    return out


def same_day(incidents: list[Incident], clusters: list[Cluster]) -> list[Incident]:
    """A later incident with no date of its own ("Hours later", "on the same
    day") happened on the first incident's day, not on the article's."""
    if len(incidents) < 2 or incidents[0].date.precision != "day":
        return incidents
    first = incidents[0].date
    out = [incidents[0]]
    for inc, c in zip(incidents[1:], clusters[1:], strict=False):
        own = any(d.iso for s in c.sents for _, d in s.dates)
        out.append(inc if own else replace(inc, date=first))
    return out


def similar_kind(incidents: list[Incident], clusters: list[Cluster]) -> list[Incident]:
    """construction similar_event: a later incident with no strong trigger of
    its own that its text calls "similar" («بنزاع مماثل», "a similar attack":
    "attack" names no kind) is of the type of the incident told before it."""
    out = incidents[:1]
    for inc, c in zip(incidents[1:], clusters[1:], strict=False):
        strongest = max((t.weight for s in c.sents for t in s.triggers), default=0.0)
        if strongest >= STRONG_TRIGGER or not any(s.similar for s in c.sents):
            out.append(inc)
            continue
        info = get_type(out[-1].type)
        out.append(
            replace(
                inc,
                type=info.type,
                acled_event_type=info.acled_event_type,
                acled_sub_event_type=info.acled_sub_event_type,
            )
        )
    return out
