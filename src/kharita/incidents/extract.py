"""From one article and its resolved places to incidents and place roles.

1. The folded text is cut into sentences; each gets its triggers, dates,
   casualty figures and a ``prior`` flag (a sentence that recalls an earlier
   event: ``الماضي/الفائت``, "last week", a month with ``الفائت``, or a day
   that differs from the incident's date).
2. Non-prior sentences with a trigger are grouped into incidents by site: a
   sentence whose most specific Iraqi place is far (> 25 km) from, and not
   inside, every incident so far starts a new incident when its trigger is a
   strong one; otherwise it joins the first incident.  Non-prior sentences
   with casualty figures (or a "nobody hurt" phrase) and no trigger join the
   first incident; a sentence with only weak triggers continuing a recalled
   event in the same paragraph is itself recalled.  A strong-trigger sentence
   listing two specific places far apart («في أربيل والسليمانية», not «بين X
   وY») splits off the less reported one as its own incident.
3. Per incident: type (trigger weights, title as a hint), site (a place the
   text puts inside another, «كويسنجق بأربيل», beats its container), date,
   casualties, attribution, excerpt and confidence.
4. Every place mention gets a role (see :mod:`kharita.incidents.places`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..geo import km_apart
from ..models import (
    Article,
    EventDate,
    Incident,
    ResolvedPlace,
    Source,
)
from ..text.normalize import fold
from . import places as P
from ._doc import Doc, Sentence, make_doc
from .attribution import ActorMention, find_attribution
from .attribution import doc_actors as _doc_actors
from .casualties import (
    CasualtyMention,
    combine,
    find_casualties,
    says_no_casualties,
    says_revised,
    states_figure,
)
from .dates import (
    DateMention,
    Reference,
    best_date,
    dates_by_span,
    find_dates,
    parse_reference,
    resolve,
    text_reference,
    unknown_date,
)
from .types import TriggerMatch, find_triggers, get_type, registry

SPLIT_KM = 25.0
STRONG_TRIGGER = 2.0
MAX_INCIDENTS = 4
BETWEEN_RANK = 4  # an area or larger: "between X and Y" gives a better point
BETWEEN_KM = 80.0
OFFSET_RANK = 6  # a district or larger takes a reference's offset point
BETWEEN_QUALIFIER = 30  # characters: "between X and Y (Z)" / "in Z province"
SPLIT_RANK = 3  # a second incident needs a site at least as specific as a town
EXCERPT_MIN, EXCERPT_MAX = 300, 500
SEPARATE_RANK = 5  # a sub-district or more specific
_SEPARATELY = re.compile(r"(?<!\w)(?:separate(?:ly)?|منفصل\w*)(?!\w)")
_AND_GAP = re.compile(r"^\s*(?:و|and\s)\s*$")
_BETWEEN = re.compile(r"(?:بين|between)\s+(?:\S+\s+)?$")


@dataclass
class _Sent:
    sentence: Sentence
    triggers: list[TriggerMatch]
    dates: list[tuple[DateMention, EventDate]]
    casualties: list[CasualtyMention]
    zero: set[str]
    prior: bool
    places: list[int] = field(default_factory=list)  # indices into the places list


@dataclass
class _Cluster:
    sents: list[_Sent]
    site: ResolvedPlace | None
    forced: bool = False  # the site was set by a split and is kept
    exclude: set[int] = field(default_factory=set)  # place indices split off


def _analyse(
    doc: Doc, found: list[DateMention], ref: Reference | None, today: date | None
) -> list[_Sent]:
    spans = [(s.start, s.end) for s in doc.sentences]
    by_sentence = dates_by_span(doc.text, spans, found)
    out: list[_Sent] = []
    for s in doc.sentences:
        dates = [(m, resolve(m, ref, today)) for m in by_sentence[s.index]]
        prior = P.is_prior_text(s.text) or any(m.past for m, _ in dates)
        triggers = find_triggers(doc.text, s.start, s.end)
        if out and out[-1].prior and _continues(doc, out[-1].sentence, s, triggers):
            prior = prior or not dates
        out.append(
            _Sent(
                s,
                triggers,
                dates,
                find_casualties(doc.text, s.start, s.end),
                says_no_casualties(doc.text, s.start, s.end),
                prior,
            )
        )
    return out


def _continues(
    doc: Doc, prev: Sentence, s: Sentence, triggers: list[TriggerMatch]
) -> bool:
    """A sentence that only continues the previous one: same paragraph, weak
    triggers only («Additionally, two other soldiers ... during the attack»)."""
    return all(t.weight < STRONG_TRIGGER for t in triggers) and (
        "\n" not in doc.text[prev.end - 1 : s.start + 1]
    )


def _eligible(
    places: Sequence[ResolvedPlace], cues: dict[int, str | None], idx: list[int]
) -> list[ResolvedPlace]:
    return [places[i] for i in idx if cues[i] is None]


def _compatible_site(a: ResolvedPlace, b: ResolvedPlace) -> bool:
    return (
        P.same_place(a, b)
        or P.contains(a, b)
        or P.contains(b, a)
        or km_apart(a, b) <= SPLIT_KM
    )


def _joins(
    cluster: _Cluster, site: ResolvedPlace | None, eligible: list[ResolvedPlace]
) -> bool:
    if site is None or cluster.site is None:
        return True
    return any(_compatible_site(cluster.site, e) for e in eligible if not e.foreign)


def _cluster(
    sents: list[_Sent], places: Sequence[ResolvedPlace], cues: dict[int, str | None]
) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    pending: list[_Sent] = []
    for s in sents:
        if s.prior or not (s.triggers or s.casualties or s.zero):
            continue
        eligible = _eligible(places, cues, s.places)
        if s.triggers and eligible and all(e.foreign for e in eligible):
            continue  # an event abroad (a rocket on a base in Syria): not an Iraqi incident
        site = P.choose_site(eligible)
        if not clusters:
            if s.triggers:
                clusters.append(_Cluster([*pending, s], site))
            else:
                pending.append(s)
            continue
        home = next((c for c in clusters if _joins(c, site, eligible)), None)
        top = max(s.triggers, key=lambda t: t.weight, default=None)
        seen = {t.type for c in clusters for x in c.sents for t in x.triggers}
        strong = (
            top is not None and top.weight >= STRONG_TRIGGER and top.type not in seen
        )
        specific = site is not None and P.rank(site) <= SPLIT_RANK
        if home is None and strong and specific and len(clusters) < MAX_INCIDENTS:
            clusters.append(_Cluster([s], site))
            continue
        if (
            home is not None
            and len(clusters) < MAX_INCIDENTS
            and _separate(home, s, site, top)
        ):
            clusters.append(_Cluster([s], site))
            continue
        home = home or clusters[0]
        home.sents.append(s)
        if home.site is None:
            home.site = site
    return clusters


def _separate(
    home: _Cluster, s: _Sent, site: ResolvedPlace | None, top: TriggerMatch | None
) -> bool:
    """A second event told in its own sentence: a strong trigger of a type that
    cannot describe the first incident's event, its own place (a sub-district
    or more specific; any place after "separately") and its own casualty or
    figure clause ("Hours later a roadside bomb wounded three soldiers in X")."""
    if top is None or top.weight < STRONG_TRIGGER or site is None:
        return False
    if not (s.casualties or s.zero or states_figure(s.sentence.text)):
        return False
    if get_type(top.type).compatible(get_type(_type(home, None)[0])):
        return False
    if home.site is not None and P.same_place(home.site, site):
        return False
    return P.rank(site) <= SEPARATE_RANK or bool(_SEPARATELY.search(s.sentence.text))


def _coordinated(
    doc: Doc, places: Sequence[ResolvedPlace], i: int
) -> ResolvedPlace | None:
    """The mention that ``places[i]`` follows with «و»/"and" («في أربيل
    والسليمانية»), outside a «بين X وY» / "between X and Y" phrase."""
    rp = places[i]
    before = [p for p in places if p.end <= rp.start]
    if not before:
        return None
    prev = max(before, key=lambda p: p.end)
    if not _AND_GAP.match(doc.original_text[prev.end : rp.start]):
        return None
    f0 = doc.folded(prev.start)
    return None if _BETWEEN.search(doc.text[max(0, f0 - 20) : f0]) else prev


def _support(c: _Cluster, places: Sequence[ResolvedPlace], site: ResolvedPlace) -> int:
    """Sentences of ``c`` naming ``site`` or a place inside it."""
    return sum(
        any(
            P.same_place(places[j], site) or P.contains(site, places[j])
            for j in x.places
        )
        for x in c.sents
    )


def _splittable(rp: ResolvedPlace, cue: str | None) -> bool:
    return (
        cue is None
        and not rp.foreign
        and rp.lat is not None
        and P.rank(rp) <= SPLIT_RANK
    )


def _split_sites(
    doc: Doc, clusters: list[_Cluster], places: Sequence[ResolvedPlace],
    cues: dict[int, str | None], inside: dict[str, set[str]],
) -> list[_Cluster]:  # fmt: skip
    """A strong-trigger sentence listing two specific places far apart («3
    مناطق في أربيل والسليمانية») reports two incidents: the less reported place
    (counting places inside it: Koya for Erbil) is split off with the
    sentences naming it."""
    out = list(clusters)
    for c in clusters:
        for s in c.sents:
            if max((t.weight for t in s.triggers), default=0.0) < STRONG_TRIGGER:
                continue
            for i in s.places:
                a, b = _coordinated(doc, places, i), places[i]
                if a is None or len(out) >= MAX_INCIDENTS or _compatible_site(a, b):
                    continue
                ia = places.index(a)
                if not (_splittable(a, cues.get(ia)) and _splittable(b, cues[i])):
                    continue
                rp = a if _support(c, places, a) < _support(c, places, b) else b
                if any(
                    x.site and _compatible_site(x.site, rp) for x in out if x is not c
                ):
                    continue
                c.exclude.update(j for j, p in enumerate(places) if P.same_place(p, rp))
                mine = [
                    x
                    for x in c.sents
                    if any(P.same_place(places[j], rp) for j in x.places)
                ]
                out.append(_Cluster(mine, rp, forced=True))
        c.site = _site(c, places, cues, inside)
    return out


def _type(
    cluster: _Cluster, title: str | None
) -> tuple[str, TriggerMatch | None, float]:
    weights: dict[str, list[float]] = {}
    first = cluster.sents[0].sentence.index
    for s in cluster.sents:
        for t in s.triggers:
            bonus = 2.0 if s.sentence.index == first else 1.0
            weights.setdefault(t.type, []).append(t.weight * bonus)
    if title:
        for t in find_triggers(fold(title)):
            weights.setdefault(t.type, []).append(t.weight)
    # the strongest trigger counts fully, repeats a little: many «الهجوم» do not beat one «عبوة ناسفة»
    scores = {k: max(v) + 0.3 * (sum(v) - max(v)) for k, v in weights.items()}
    if not scores:
        return "other", None, 0.0
    types = registry()
    best = min(scores, key=lambda k: (-scores[k], types[k].priority))
    trig = next((t for s in cluster.sents for t in s.triggers if t.type == best), None)
    if trig is None:
        trig = max(
            (t for s in cluster.sents for t in s.triggers),
            key=lambda t: t.weight,
            default=None,
        )
    return best, trig, scores[best]


def _date(
    cluster: _Cluster, ref: Reference | None, article_date: str | None
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


def _drop_other_days(cluster: _Cluster, event: EventDate) -> None:
    """Sentences whose explicit days all differ from the event's recall other events."""
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


def _site(
    cluster: _Cluster,
    places: Sequence[ResolvedPlace],
    cues: dict[int, str | None],
    inside: dict[str, set[str]],
) -> ResolvedPlace | None:
    if cluster.forced and cluster.site is not None:
        return cluster.site
    idx = [i for s in cluster.sents for i in s.places if i not in cluster.exclude]
    site = P.choose_site(_eligible(places, cues, idx), inside)
    if site is None:  # only reference points were named: use them (جنوب بغداد)
        site = P.choose_site([places[i] for i in idx if cues[i] == "reference"])
    if site is None:
        return None
    first = next(places[i] for i in sorted(idx) if P.same_place(places[i], site))
    return _between_point(first, [places[i] for i in sorted(idx)], cues, places)


def _between_point(
    site: ResolvedPlace, named: list[ResolvedPlace],
    cues: dict[int, str | None], places: Sequence[ResolvedPlace],
) -> ResolvedPlace:  # fmt: skip
    """A site less specific than a town, or named right after the pair, that
    the text puts "between X and Y" (two nearby reference points, "in orchards
    between X and Y (Z)") is placed at their midpoint."""
    refs = [p for p in named if cues[places.index(p)] == "reference" and not p.foreign]
    for a, b in zip(refs, refs[1:], strict=False):
        if a.place is None or b.place is None or not P.between_pair(a, b):
            continue
        qualifies = 0 < site.start - b.end <= BETWEEN_QUALIFIER  # "... and Y (Baghdad)"
        if P.rank(site) < BETWEEN_RANK and not qualifies:
            continue
        if km_apart(a, b) > BETWEEN_KM:  # (a may already sit on the road's midpoint)
            continue
        lat, lon = (a.place.lat + b.place.lat) / 2, (a.place.lon + b.place.lon) / 2
        return replace(site, lat=lat, lon=lon)
    return _offset_point(site, refs)


def _offset_point(site: ResolvedPlace, refs: list[ResolvedPlace]) -> ResolvedPlace:
    """A district or larger site with one reference inside it described by a
    bearing ("in the desert south of Rutba (Anbar)") takes the reference's
    offset point: the best estimate of where in the area it happened."""
    if P.rank(site) < OFFSET_RANK:
        return site
    moved = [
        r for r in refs
        if r.relative is not None and r.relative.bearing_deg is not None
        and r.lat is not None and P.contains(site, r)
    ]  # fmt: skip
    if len(moved) != 1:
        return site
    return replace(site, lat=moved[0].lat, lon=moved[0].lon)


def _excerpt(
    doc: Doc, cluster: _Cluster, trig: TriggerMatch | None, site: ResolvedPlace | None
) -> tuple[int, int]:
    """Original ``[start, end)`` of the sentences around trigger and site (300-500 chars)."""
    sents = doc.sentences
    anchor = (
        [doc.sentence_at(trig.start).index]
        if trig
        else [cluster.sents[0].sentence.index]
    )
    if site is not None:
        anchor.append(doc.sentence_at(doc.folded(site.start)).index)
    lo, hi = min(anchor), max(anchor)
    while sents[hi].end - sents[lo].start > EXCERPT_MAX and hi > lo:
        hi -= 1
    while sents[hi].end - sents[lo].start < EXCERPT_MIN:
        if hi + 1 < len(sents) and sents[hi + 1].end - sents[lo].start <= EXCERPT_MAX:
            hi += 1
        elif lo > 0 and sents[hi].end - sents[lo - 1].start <= EXCERPT_MAX:
            lo -= 1
        else:
            break
    start, end = doc.original(sents[lo].start, sents[hi].end)
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


def _confidence(score: float, site: ResolvedPlace | None, when: EventDate) -> float:
    type_part = min(1.0, score / 4.0)
    site_part = site.confidence * (1 - min(P.rank(site), 10) / 20) if site else 0.1
    date_part = {"day": 1.0, "month": 0.6, "year": 0.4}.get(when.precision or "", 0.2)
    return round(
        max(0.0, min(1.0, 0.45 * type_part + 0.4 * site_part + 0.15 * date_part)), 3
    )


def _incident(
    article: Article, doc: Doc, cluster: _Cluster, n: int, places: Sequence[ResolvedPlace],
    cues: dict[int, str | None], ref: Reference | None, context: list[tuple[int, int]],
    inside: dict[str, set[str]],
) -> Incident:  # fmt: skip
    kind, trig, score = _type(cluster, article.title)
    when = _date(cluster, ref, article.date)
    _drop_other_days(cluster, when)
    site = _site(cluster, places, cues, inside)
    mentions = [m for s in cluster.sents for m in s.casualties]
    revised = any(
        says_revised(doc.text, s.sentence.start, s.sentence.end) for s in cluster.sents
    )
    zero = set().union(*(s.zero for s in cluster.sents))
    killed, wounded = combine(mentions, zero, revised=revised)
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
    trig_spans = [(t.start, t.end) for s in related for t in s.triggers]
    attribution, _ = find_attribution(doc, spans, trig_spans, perp_spans)
    start, end = _excerpt(doc, cluster, trig, site)
    highlight = None
    if site is not None and start <= site.start and site.end <= end:
        highlight = (site.start - start, site.end - start)
    source = Source(
        article_id=article.id, outlet=article.outlet, url=article.url, date=article.date,
        excerpt=doc.original_text[start:end], excerpt_start=start, highlight=highlight, lang=article.lang,
    )  # fmt: skip
    return Incident(
        id=f"{article.id}#{n}", type=kind, date=when, killed=killed, wounded=wounded, place=site,
        sources=(source,), confidence=_confidence(score, site, when),
        acled_event_type=info.acled_event_type, acled_sub_event_type=info.acled_sub_event_type,
        attribution=attribution, trigger=doc.original_text[slice(*doc.original(trig.start, trig.end))] if trig else "",
        trigger_span=doc.original(trig.start, trig.end) if trig else None,
    )  # fmt: skip


def _same_day(incidents: list[Incident], clusters: list[_Cluster]) -> list[Incident]:
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


def _roles(
    doc: Doc, places: Sequence[ResolvedPlace], sents: list[_Sent], clusters: list[_Cluster],
    incidents: list[Incident], cues: dict[int, str | None], actors: list[ActorMention],
) -> tuple[ResolvedPlace, ...]:  # fmt: skip
    in_cluster = {s.sentence.index for c in clusters for s in c.sents}
    sent_of = {i: s.sentence.index for s in sents for i in s.places}
    sites = [inc.place for inc in incidents if inc.place is not None]
    out = []
    for i, rp in enumerate(places):
        f0, f1 = doc.folded(rp.start), doc.folded(rp.end)
        role: str
        if cues[i] == "actor" or any(a.start < f1 and f0 < a.end for a in actors):
            role = "actor"
        elif any(P.same_place(rp, s) for s in sites) and not (
            sent_of.get(i) is not None and sents[sent_of[i]].prior
        ):
            role = "site"
        elif (
            sent_of.get(i) is not None
            and sents[sent_of[i]].prior
            and sent_of.get(i) not in in_cluster
        ):
            role = "prior"
        elif any(P.contains(rp, s) for s in sites):
            role = "container"
        elif cues[i] in ("reference", "launch"):
            role = "reference"
        else:
            role = "other"
        out.append(replace(rp, role=role))  # type: ignore[arg-type]
    return tuple(out)


def extract(
    article: Article, places: Sequence[ResolvedPlace], *, today: date | None = None
) -> tuple[tuple[Incident, ...], tuple[ResolvedPlace, ...]]:
    """Incidents of one article, and its places with their roles set."""
    doc = make_doc(article.text)
    found = find_dates(doc.text)  # once per text, split by sentence in _analyse
    ref = parse_reference(article.date) or text_reference(found, today or date.today())
    sents = _analyse(doc, found, ref, today)
    for i, rp in enumerate(places):
        sents[doc.sentence_at(doc.folded(rp.start)).index].places.append(i)
    cues = {i: P.cue_role(doc, rp) for i, rp in enumerate(places)}
    for i, rp in enumerate(
        places
    ):  # "Qurna district (Basrah)": a container, no dateline
        if cues[i] == "dateline" and P.bracketed_next(doc, places, rp):
            cues[i] = None
    actors = _doc_actors(doc.text)
    for i, rp in enumerate(places):
        f0, f1 = doc.folded(rp.start), doc.folded(rp.end)
        if any(a.start < f1 and f0 < a.end for a in actors):
            cues[i] = "actor"
    clusters = _cluster(sents, places, cues)
    inside = P.stated_containers(doc, places)
    clusters = _split_sites(doc, clusters, places, cues, inside)
    context = [
        (s.sentence.start, s.sentence.end) for s in sents if not s.prior
    ]  # claims, denials
    incidents = [
        _incident(article, doc, c, n, places, cues, ref, context, inside)
        for n, c in enumerate(clusters, 1)
    ]
    incidents = _same_day(incidents, clusters)
    incidents = [inc for inc in incidents if inc.place is None or not inc.place.foreign]
    return tuple(incidents), _roles(
        doc, places, sents, clusters, incidents, cues, actors
    )
