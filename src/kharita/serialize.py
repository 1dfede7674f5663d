"""Plain-JSON forms of kharita's records: the ``kharita extract`` contract.

One object per article::

    {"id": ..., "places": [{"text", "start", "end", "name", "name_ar", "lat", "lon",
                            "type", "source", "confidence", ...}],
     "incidents": [{"type", "date", "killed", "wounded", "casualties",
                    "killed_perpetrators", "place", "lat", "lon", ...}]}

``killed``/``wounded`` are ``{"min", "max"}`` (plus ``"vague": true`` for a
quantity word); ``casualties`` is a toll stated for killed and wounded together
(«12 بين قتيل وجريح», "12 casualties"), never counted in ``killed``;
``killed_perpetrators`` is the attackers' part of ``killed`` when the text says
who died.

``start``/``end`` are character offsets into the article's input ``text``.
Field names here are a public contract: add fields, never rename them.
"""

from __future__ import annotations

from typing import Any

from .models import ArticleResult, Count, Incident, ResolvedPlace, Source


def place_to_dict(place: ResolvedPlace) -> dict[str, Any]:
    gaz = place.place
    out: dict[str, Any] = {
        "text": place.mention.text,
        "start": place.mention.start,
        "end": place.mention.end,
        "name": gaz.name_en if gaz else None,
        "name_ar": gaz.name_ar if gaz else None,
        "lat": place.lat,
        "lon": place.lon,
        "type": gaz.type if gaz else None,
        "source": gaz.source if gaz else None,
        "confidence": round(place.confidence, 3),
        "id": gaz.id if gaz else None,
        "governorate": gaz.governorate if gaz else None,
        "country": gaz.country if gaz else None,
        "foreign": place.foreign,
        "precision_m": round(place.precision_m),
        "role": place.role,
        "low_confidence": place.low_confidence,
        "kind": place.mention.kind,
    }
    if place.near is not None:
        near = place.near
        out["near"] = {
            "id": near.place_id,
            "name": near.name_en,
            "name_ar": near.name_ar,
            "distance_km": near.distance_km,
            "subdistrict": near.subdistrict,
            "district": near.district,
            "governorate": near.governorate,
        }
    if place.relative is not None:
        rel = place.relative
        out["relative"] = {
            "phrase": rel.phrase,
            "start": rel.phrase_start,
            "end": rel.phrase_end,
            "anchor": rel.anchor_id,
            "bearing_deg": rel.bearing_deg,
            "distance_km": rel.distance_km,
        }
    return out


def count_to_dict(count: Count) -> dict[str, int | bool | None]:
    """``{"min", "max"}``: ``{"min": 0, "max": 0}`` is an explicit zero, nulls are
    not stated; ``"vague": true`` is added when the figure is a lower bound read
    from a quantity word («العشرات», "several", a bare «إصابات»)."""
    out: dict[str, int | bool | None] = {"min": count.min, "max": count.max}
    if count.vague:
        out["vague"] = True
    return out


def source_to_dict(source: Source) -> dict[str, Any]:
    return {
        "article_id": source.article_id,
        "outlet": source.outlet,
        "url": source.url,
        "date": source.date,
        "excerpt": source.excerpt,
        "excerpt_start": source.excerpt_start,
        "highlight": list(source.highlight) if source.highlight else None,
        "title": source.title,
        "casualty_sentence": source.casualty_sentence,
        "casualty_start": source.casualty_start,
    }


def incident_to_dict(incident: Incident) -> dict[str, Any]:
    place = incident.place
    gaz = place.place if place else None
    att = incident.attribution
    return {
        "id": incident.id,
        "type": incident.type,
        "acled_event_type": incident.acled_event_type,
        "acled_sub_event_type": incident.acled_sub_event_type,
        "date": incident.date.iso,
        "date_precision": incident.date.precision,
        "date_weekday": incident.date.weekday,
        "killed": count_to_dict(incident.killed),
        "wounded": count_to_dict(incident.wounded),
        "casualties": count_to_dict(incident.casualties),
        "killed_perpetrators": count_to_dict(incident.killed_perpetrators),
        "place": gaz.name_en if gaz else (place.mention.text if place else None),
        "place_ar": gaz.name_ar if gaz else None,
        "place_id": gaz.id if gaz else None,
        "place_start": place.mention.start if place else None,
        "place_end": place.mention.end if place else None,
        "governorate": gaz.governorate if gaz else None,
        "lat": incident.lat,
        "lon": incident.lon,
        "precision_m": round(place.precision_m) if place else None,
        "confidence": round(incident.confidence, 3),
        "trigger": incident.trigger,
        "trigger_span": list(incident.trigger_span) if incident.trigger_span else None,
        "perpetrator": att.perpetrator,
        "claimed_by": att.claimed_by,
        "denied_by": att.denied_by,
        "report_count": incident.report_count,
        "sources": [source_to_dict(s) for s in incident.sources],
        "outcome": incident.outcome,
    }


def result_to_dict(result: ArticleResult) -> dict[str, Any]:
    article = result.article
    return {
        "id": article.id,
        "lang": article.lang,
        "outlet": article.outlet,
        "url": article.url,
        "date": article.date,
        "places": [place_to_dict(p) for p in result.places],
        "incidents": [incident_to_dict(i) for i in result.incidents],
    }
