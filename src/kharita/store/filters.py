"""The filters of ``kharita map`` (dates, types, governorates), in SQL and in memory."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from ..errors import ConfigurationError
from ..models import Incident

__all__ = ["date_bounds", "filter_incidents", "incident_filter", "where_clause"]


def date_bounds(iso: str | date | None, *, end: bool = False) -> str | None:
    """First (or with ``end``, last) day of ``2024``, ``2024-04`` or ``2024-04-20``."""
    if iso is None:
        return None
    if isinstance(iso, date):
        return iso.isoformat()
    try:
        parts = [int(p) for p in iso.strip()[:10].split("-")]
        year = parts[0]
        month = parts[1] if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            day = parts[2]
        else:
            day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day).isoformat()
    except (ValueError, IndexError):
        return None


def bound(value: str | date | None, *, end: bool = False) -> str | None:
    """:func:`date_bounds`, refusing a value that is not a date."""
    result = date_bounds(value, end=end)
    if value is not None and result is None:
        raise ConfigurationError(
            f"not a date: {value!r} (use 2024, 2024-04 or 2024-04-20)"
        )
    return result


def filter_incidents(
    incidents: Iterable[Incident],
    since: str | date | None = None,
    until: str | date | None = None,
    types: Sequence[str] = (),
    governorates: Sequence[str] = (),
) -> list[Incident]:
    """In-memory twin of :meth:`Store.query_incidents`: the same filters, the same meaning."""
    keep = incident_filter(since, until, types, governorates)
    return [inc for inc in incidents if keep is None or keep(inc)]


def incident_filter(
    since: str | date | None = None,
    until: str | date | None = None,
    types: Sequence[str] = (),
    governorates: Sequence[str] = (),
) -> Callable[[Incident], bool] | None:
    """The test :func:`filter_incidents` applies to each incident (``None``
    when there is no filter: every incident is kept)."""
    low, high = bound(since), bound(until, end=True)
    wanted_types = set(types)
    wanted_govs = {g.lower() for g in governorates}
    if not (low or high or wanted_types or wanted_govs):
        return None

    def keep(inc: Incident) -> bool:
        start, stop = date_bounds(inc.date.iso), date_bounds(inc.date.iso, end=True)
        if (low or high) and start is None:
            return False
        if (low and stop is not None and stop < low) or (
            high and start is not None and start > high
        ):
            return False
        if wanted_types and inc.type not in wanted_types:
            return False
        gov = inc.place.place.governorate if inc.place and inc.place.place else None
        return not wanted_govs or (gov or "").lower() in wanted_govs

    return keep


def where_clause(
    since: str | date | None,
    until: str | date | None,
    types: Sequence[str],
    governorates: Sequence[str],
) -> tuple[str, list[Any]]:
    """``(" WHERE ...", params)`` over the ``incidents`` table ("" for no filter)."""
    where: list[str] = []
    params: list[Any] = []
    for column, op, value in (
        ("date_end", ">=", bound(since)),
        ("date_start", "<=", bound(until, end=True)),
    ):
        if value is not None:
            where.append(f"{column} {op} ?")
            params.append(value)
    if types:
        where.append(f"type IN ({','.join('?' * len(types))})")
        params.extend(types)
    if governorates:
        where.append(f"lower(governorate) IN ({','.join('?' * len(governorates))})")
        params.extend(g.lower() for g in governorates)
    return (" WHERE " + " AND ".join(where) if where else ""), params
