"""Incidents as CSV with ACLED-compatible columns, plus kharita's own columns.

ACLED columns (names as in ACLED exports; meaning per the ACLED codebook):

``event_date``      ISO ``YYYY-MM-DD``.  A month-only date is written as the
                    first day of the month and a year-only date as 1 January;
                    ``date_precision`` keeps what was actually known.
``time_precision``  ACLED codes: 1 = the day is known, 2 = only a period of a
                    few days / a week is known, 3 = only the month is known.
                    kharita has day/month/year precision, so: day -> 1,
                    month -> 3, year -> 3 (ACLED has no coarser code; check
                    ``date_precision``).  Empty when the date is unknown.
``event_type``      ``Incident.acled_event_type``; ``sub_event_type`` likewise.
``actor1``          the perpetrator, else who claimed it, else empty.
``admin1``          governorate; ``admin2`` district (English names).
``location``        place name (English, else Arabic, else the text as written).
``latitude``        decimal degrees; ``longitude`` likewise.
``geo_precision``   ACLED codes from ``precision_m``: 1 (<= 5 km: the town or
                    site itself), 2 (<= 25 km: near it or a part of a region),
                    3 (coarser: only the district/governorate is known).
``source``          outlet names, ``;``-joined (ACLED's ``source``).
``notes``           the excerpt of the first report.
``fatalities``      ``killed_min`` -- ACLED codes the most conservative
                    (lowest) reported figure, and 0 when no figure is known.

kharita's own: ``killed_min``, ``killed_max``, ``wounded_min``,
``wounded_max`` (empty when unknown), ``confidence``, ``precision_m``,
``date_precision``, ``report_count``, ``sources`` (URLs, ``;``-joined),
``incident_id``, ``kharita_type``, ``casualty_sentence`` (the sentence the
casualty figures were read from, in the first report that states one).

Text cells that begin with ``= + - @`` (or a tab/CR) get a leading ``'`` so a
spreadsheet never runs article text as a formula; ``incident_id`` and
``kharita_type`` too (an input ``id`` may be anything).  Files are UTF-8; pass
``encoding="utf-8-sig"`` for Excel, which needs the BOM to show Arabic.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..models import Incident
from .atomic import atomic_open

__all__ = ["ACLED_COLUMNS", "COLUMNS", "KHARITA_COLUMNS", "incident_row", "write_csv"]

ACLED_COLUMNS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
KHARITA_COLUMNS = (
    "killed_min",
    "killed_max",
    "wounded_min",
    "wounded_max",
    "confidence",
    "precision_m",
    "date_precision",
    "report_count",
    "sources",
    "incident_id",
    "kharita_type",
    "casualty_sentence",
)
COLUMNS = ACLED_COLUMNS + KHARITA_COLUMNS

_TIME_PRECISION = {"day": 1, "month": 3, "year": 3}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def event_date(iso: str | None) -> str:
    """``2024-04`` -> ``2024-04-01``; ``2024`` -> ``2024-01-01``; None -> ``""``."""
    if not iso:
        return ""
    parts = iso.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def geo_precision(precision_m: float | None) -> int | str:
    """ACLED geo_precision (1/2/3) from kharita's radius in metres."""
    if precision_m is None:
        return ""
    if precision_m <= 5_000:
        return 1
    if precision_m <= 25_000:
        return 2
    return 3


def _text(value: str | None) -> str:
    value = (value or "").strip()
    return "'" + value if value.startswith(_FORMULA_START) else value


def _joined(values: Iterable[str | None]) -> str:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return ";".join(out)


def _location(incident: Incident) -> str:
    rp = incident.place
    if rp is None:
        return ""
    if rp.place is not None:
        return rp.place.name_en or rp.place.name_ar
    return rp.mention.text


def incident_row(incident: Incident) -> dict[str, Any]:
    """One CSV row (column -> value) for ``incident``."""
    rp, att = incident.place, incident.attribution
    gp = rp.place if rp else None
    return {
        "event_date": event_date(incident.date.iso),
        "time_precision": _TIME_PRECISION.get(incident.date.precision or "", ""),
        "event_type": _text(incident.acled_event_type),
        "sub_event_type": _text(incident.acled_sub_event_type),
        "actor1": _text(att.perpetrator or att.claimed_by),
        "admin1": _text(gp.governorate if gp else None),
        "admin2": _text(gp.district if gp else None),
        "location": _text(_location(incident)),
        "latitude": "" if incident.lat is None else round(incident.lat, 6),
        "longitude": "" if incident.lon is None else round(incident.lon, 6),
        "geo_precision": geo_precision(rp.precision_m if rp else None),
        "source": _text(_joined(s.outlet for s in incident.sources)),
        "notes": _text(incident.sources[0].excerpt if incident.sources else ""),
        "fatalities": incident.killed.min or 0,
        "killed_min": _num(incident.killed.min),
        "killed_max": _num(incident.killed.max),
        "wounded_min": _num(incident.wounded.min),
        "wounded_max": _num(incident.wounded.max),
        "confidence": round(incident.confidence, 3),
        "precision_m": "" if rp is None else round(rp.precision_m),
        "date_precision": incident.date.precision or "",
        "report_count": incident.report_count,
        "sources": _text(_joined(s.url for s in incident.sources)),
        "incident_id": _text(incident.id),
        "kharita_type": _text(incident.type),
        "casualty_sentence": _text(
            next(
                (s.casualty_sentence for s in incident.sources if s.casualty_sentence),
                "",
            )
        ),
    }


def _num(value: int | None) -> int | str:
    return "" if value is None else value


def write_csv(
    incidents: Iterable[Incident],
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
) -> Path:
    """Write ``incidents`` (merged) as an ACLED-style CSV to ``path`` atomically."""
    with atomic_open(path, encoding=encoding, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for incident in incidents:
            writer.writerow(incident_row(incident))
    return Path(path)
