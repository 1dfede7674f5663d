"""Records <-> table rows of the store (flat columns beside a ``data`` JSON column)."""

from __future__ import annotations

import json
from typing import Any

from ..export.codec import to_dict
from ..models import Article, Incident, ResolvedPlace
from .filters import date_bounds

__all__ = [
    "INSERT_INCIDENT",
    "article_from_row",
    "incident_columns",
    "place_rows",
    "record_json",
]

INSERT_INCIDENT = (
    "INSERT INTO incidents (id, type, event_date, date_precision, date_start,"
    " date_end, killed_min, killed_max, wounded_min, wounded_max, confidence,"
    " place_id, place_name_ar, place_name_en, governorate, district, lat, lon,"
    " precision_m, report_count, acled_event_type, acled_sub_event_type,"
    " perpetrator, data) VALUES (" + ",".join("?" * 24) + ")"
)


def record_json(record: Any) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


def place_rows(
    digest: str, seq: int, rp: ResolvedPlace
) -> tuple[tuple[Any, ...] | None, tuple[Any, ...]]:
    """``(places row or None, article_places row)`` of one resolved mention."""
    gp = rp.place
    place = None
    if gp is not None:
        place = (
            gp.id,
            gp.type,
            gp.name_en,
            gp.name_ar,
            gp.lat,
            gp.lon,
            gp.country,
            gp.governorate,
            gp.district,
            gp.precision_m,
            gp.source,
        )
    mention = (
        digest,
        seq,
        rp.mention.text,
        rp.start,
        rp.end,
        gp.id if gp else None,
        rp.lat,
        rp.lon,
        rp.confidence,
        rp.precision_m,
        int(rp.foreign),
        rp.role,
        record_json(rp),
    )
    return place, mention


def incident_columns(inc: Incident) -> tuple[Any, ...]:
    """The flat columns of ``incidents`` after ``id``, ending with ``data``."""
    rp = inc.place
    gp = rp.place if rp else None
    return (
        inc.type,
        inc.date.iso,
        inc.date.precision,
        date_bounds(inc.date.iso),
        date_bounds(inc.date.iso, end=True),
        inc.killed.min,
        inc.killed.max,
        inc.wounded.min,
        inc.wounded.max,
        inc.confidence,
        gp.id if gp else None,
        gp.name_ar if gp else (rp.mention.text if rp else None),
        gp.name_en if gp else None,
        gp.governorate if gp else None,
        gp.district if gp else None,
        inc.lat,
        inc.lon,
        rp.precision_m if rp else None,
        inc.report_count,
        inc.acled_event_type,
        inc.acled_sub_event_type,
        inc.attribution.perpetrator,
        record_json(inc),
    )


def article_from_row(rec: dict[str, Any]) -> Article:
    return Article(
        id=rec["id"],
        text=rec["text"],
        lang=rec["lang"],
        outlet=rec["outlet"],
        url=rec["url"],
        date=rec["date"],
        title=rec["title"],
        origin=rec["origin"] or "",
    )
