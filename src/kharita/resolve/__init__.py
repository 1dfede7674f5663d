"""Resolution: pick the place each mention names, say how sure, and why.

:func:`resolve_places` runs in passes over one article:

1. candidates of every mention and the article context (areas and countries
   it names, whether it is about Iraq);
2. every candidate scored by the rules of :mod:`.disambiguate`; the winners
   with a clear margin become anchors;
3. scored again with spatial coherence against those anchors; one sense per
   name in the article;
4. relative phrases («30 كم شمال كركوك») and roads between two places move
   the point and widen its uncertainty; written coordinates become points.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from ..doc import Doc, make_doc
from ..gazetteer import Gazetteer
from ..geo import in_iraq
from ..mentions import load_cues
from ..models import (
    Article,
    Candidate,
    Evidence,
    GazetteerPlace,
    Mention,
    NearPlace,
    PlaceRole,
    RelativeLocation,
    ResolvedPlace,
)
from ..place_types import is_admin_type, is_country
from ..text.coordinates import parse_coordinates
from .candidates import Context, build_context, candidates_for
from .containers import place_open_mentions
from .disambiguate import confidence, score
from .local import apply_local_rules
from .relative import find_road, relative_location, road_point

__all__ = ["Describe", "resolve_places"]

# reverse geocoding of a point: the place it is near and the units holding it
Describe = Callable[[tuple[float, float]], NearPlace | None]

_ANCHOR_MARGIN = 0.8
_FUZZY_CONFIDENCE = 0.7


def resolve_places(
    source: Doc | Article,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    common_words: Collection[str] | None = None,
    describe: Describe | None = None,
) -> list[ResolvedPlace]:
    """One :class:`ResolvedPlace` per mention, in mention order.

    ``source`` is the article's :class:`~kharita.doc.Doc` (an Article is read
    into one); ``common_words`` are the names that are also ordinary words
    (``common_word_names.tsv``, as the recogniser's cues hold them);
    ``describe`` names coordinates written in the text by reverse geocoding
    (:meth:`kharita.pipeline.Pipeline.describe_point`).
    """
    doc = source if isinstance(source, Doc) else make_doc(source)
    if common_words is None:
        common_words = load_cues().common_words
    per_mention = [candidates_for(m, gazetteer) for m in mentions]
    ctx = build_context(mentions, per_mention, doc.article.lang)
    first = [
        score(m, places, ctx, i)
        for i, (m, places) in enumerate(zip(mentions, per_mention, strict=True))
    ]
    _add_anchors(ctx, first)
    # anchors only move candidates of ambiguous mentions: single candidates keep their first score
    ranked = [
        score(m, places, ctx, i) if len(places) > 1 else first[i]
        for i, (m, places) in enumerate(zip(mentions, per_mention, strict=True))
    ]
    ranked = _one_sense_per_name(mentions, ranked)
    out: list[ResolvedPlace] = []
    for mention, cands in zip(mentions, ranked, strict=True):
        if mention.kind == "coordinates":
            out.append(_from_coordinates(mention, describe))
        else:
            common = mention.matched in common_words
            out.append(_resolved(doc, mention, cands, common, gazetteer))
    out = apply_local_rules(doc, out)
    out = place_open_mentions(doc, out, ctx.iraq_focus)
    return _roads(doc, out)


def _add_anchors(ctx: Context, ranked: Sequence[Sequence[Candidate]]) -> None:
    seen = {i for i, _ in ctx.anchors}
    for i, cands in enumerate(ranked):
        if i in seen or not cands:
            continue
        if len(cands) == 1 or cands[0].score - cands[1].score >= _ANCHOR_MARGIN:
            ctx.anchors.append((i, cands[0].place))


def _one_sense_per_name(
    mentions: Sequence[Mention], ranked: list[list[Candidate]]
) -> list[list[Candidate]]:
    """Every mention of the same name (and no designator of its own) takes the surest sense."""
    best: dict[str, tuple[float, str]] = {}
    for mention, cands in zip(mentions, ranked, strict=True):
        if len(cands) > 1:
            margin = cands[0].score - cands[1].score
            if margin > best.get(mention.matched, (-1.0, ""))[0]:
                best[mention.matched] = (margin, cands[0].place.id)
    out = []
    for mention, cands in zip(mentions, ranked, strict=True):
        winner = best.get(mention.matched)
        if (
            winner
            and len(cands) > 1
            and cands[0].place.id != winner[1]
            and not mention.designator
        ):
            rule = Evidence(
                "one_sense",
                winner[0] + 0.01,
                "same name resolved elsewhere in the article",
            )
            cands = sorted(
                (
                    Candidate(
                        c.place, round(c.score + rule.weight, 3), (*c.evidence, rule)
                    )
                    if c.place.id == winner[1]
                    else c
                    for c in cands
                ),
                key=lambda c: (-c.score, c.place.id),
            )
        out.append(cands)
    return out


def _role(place: GazetteerPlace) -> PlaceRole:
    return (
        "container" if is_country(place.type) or is_admin_type(place.type) else "other"
    )


def _resolved(
    doc: Doc,
    mention: Mention,
    cands: Sequence[Candidate],
    common: bool,
    gazetteer: Gazetteer,
) -> ResolvedPlace:
    if not cands:
        return ResolvedPlace(
            mention, None, None, None, 0.0, 0.0, False, (Evidence("no_candidate", 0.0),)
        )
    win = cands[0]
    place = win.place
    lat, lon, precision = place.lat, place.lon, place.precision_m
    rel = relative_location(doc, mention, place)
    conf = confidence(cands, common)
    evidence = win.evidence
    if (
        mention.kind == "fuzzy"
    ):  # an open designator's name, matched a letter or two off
        conf = round(conf * _FUZZY_CONFIDENCE, 3)
        detail = f"«{mention.matched}» read as {place.name_ar or place.name_en}"
        evidence = (*evidence, Evidence("fuzzy_name", 0.0, detail))
    role = _role(place)
    relative = None
    foreign = not place.in_iraq
    if rel is not None:
        relative, (lat, lon), precision = rel
        detail = f"{relative.distance_km or '?'} km at {relative.bearing_deg:.0f}° from {place.name_en}"
        evidence = (*evidence, Evidence("relative_location", 0.0, detail))
        role = "site"
        foreign = not in_iraq((lat, lon))
    else:
        seat = gazetteer.by_id.get(place.seat) if place.seat else None
        if seat is not None:
            # ACLED's convention for an event placed only in a province: the
            # provincial capital's point, with the province's uncertainty
            lat, lon = seat.lat, seat.lon
            detail = f"a governorate is mapped at its seat, {seat.name_en}"
            evidence = (*evidence, Evidence("governorate_seat", 0.0, detail))
    return ResolvedPlace(
        mention,
        place,
        lat,
        lon,
        conf,
        precision,
        foreign,
        evidence,
        tuple(cands),
        relative,
        role,
    )


def _from_coordinates(
    mention: Mention, describe: Describe | None = None
) -> ResolvedPlace:
    parsed = parse_coordinates(mention.text)
    point = mention.point or ((parsed.lat, parsed.lon) if parsed else None)
    if point is None:
        return ResolvedPlace(
            mention,
            None,
            None,
            None,
            0.0,
            0.0,
            False,
            (Evidence("bad_coordinates", 0.0),),
        )
    precision = parsed.precision_m if parsed else 100.0
    evidence: tuple[Evidence, ...] = (
        Evidence(
            "coordinates", 1.0, f"written in the text: {point[0]:.5f}, {point[1]:.5f}"
        ),
    )
    near = describe(point) if describe is not None else None
    if near is not None:
        where = ", ".join(
            u for u in (near.subdistrict, near.district, near.governorate) if u
        )
        detail = f"{near.distance_km:.1f} km from {near.name_en}" + (
            f" ({where})" if where else ""
        )
        evidence = (*evidence, Evidence("reverse_geocoded", 0.0, detail))
    return ResolvedPlace(
        mention,
        None,
        point[0],
        point[1],
        0.95,
        precision,
        not in_iraq(point),
        evidence,
        (),
        None,
        "site",
        near,
    )


def _roads(doc: Doc, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """«الطريق الرابط بين بغداد والبصرة»: the first place becomes the road's midpoint."""
    out = list(places)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if (
            a.place is None
            or b.place is None
            or a.relative is not None
            or is_country(a.place.type)
        ):
            continue
        start = find_road(doc, a.mention, b.mention)
        if start is None:
            continue
        (lat, lon), radius, bearing, half = road_point(a.place, b.place)
        rel = RelativeLocation(
            start, b.end, doc.original_text[start : b.end], a.place.id, bearing, half
        )
        detail = f"road {a.place.name_en} - {b.place.name_en}, midpoint ±{radius / 1000:.0f} km"
        out[i] = replace(
            a,
            lat=lat,
            lon=lon,
            precision_m=radius,
            relative=rel,
            role="site",
            evidence=(*a.evidence, Evidence("road_between", 0.0, detail)),
        )
        out[i + 1] = replace(b, role="reference")
    return out
