"""Opt-in online geocoding through geopy's Nominatim, for names the gazetteer lacks.

Built only when the user passes ``--online``; nothing here runs at import.
It follows the Nominatim usage policy
(https://operations.osmfoundation.org/policies/nominatim/):

* an identifying user agent, ``kharita/<version> (<contact>)``
  (:func:`default_user_agent`); geopy's sample agents are refused;
* at most one request per second, through geopy's ``RateLimiter`` (its clock
  and sleep are injectable, so tests never wait);
* every answer, "not found" included, is cached on disk (a small SQLite file
  in ``cache_dir``) and never asked again.

Failures become :class:`~kharita.errors.OnlineGeocoderError` with one line:
``online geocoder unavailable (offline?): GeocoderUnavailable: ...``.  After
the first failure the fallback stops asking (cached answers still work).

Results are :class:`~kharita.models.GazetteerPlace` records of type
``"online"`` with ``source = "Nominatim/OpenStreetMap (ODbL) via geopy, <date>"``
and ``precision_m`` from the returned bounding box.  OSM data is ODbL:
anything published from it needs the attribution kept in ``source``.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import ConfigurationError, OnlineGeocoderError
from ..geo import haversine_km
from ..models import Evidence, GazetteerPlace, ResolvedPlace
from ..text.normalize import key

__all__ = ["OnlineFallback", "default_user_agent", "place_from_nominatim"]

logger = logging.getLogger("kharita")

DEFAULT_DOMAIN = "nominatim.openstreetmap.org"
SOURCE = "Nominatim/OpenStreetMap (ODbL) via geopy, {date}"
_MIN_PRECISION_M = 50.0
_DEFAULT_PRECISION_M = 5_000.0


def default_user_agent(contact: str | None = None) -> str:
    """``kharita/<version>`` plus ``(contact)`` (an e-mail or URL) when given."""
    from .. import __version__

    agent = f"kharita/{__version__}"
    return f"{agent} ({contact})" if contact else agent


def _half_diagonal_m(bbox: Sequence[Any]) -> float:
    south, north, west, east = (float(v) for v in bbox)
    return haversine_km((south, west), (north, east)) * 1000.0 / 2


def _precision_m(raw: dict[str, Any]) -> float:
    bbox = raw.get("boundingbox")
    try:
        return (
            max(_MIN_PRECISION_M, _half_diagonal_m(bbox))
            if bbox
            else _DEFAULT_PRECISION_M
        )
    except (TypeError, ValueError):
        return _DEFAULT_PRECISION_M


def place_from_nominatim(
    raw: dict[str, Any], query: str, fetched: str
) -> GazetteerPlace:
    """A Nominatim ``/search`` record (``addressdetails``, ``namedetails``) as a place."""
    names: dict[str, str] = raw.get("namedetails") or {}
    address: dict[str, str] = raw.get("address") or {}
    first = str(raw.get("display_name", query)).split(",")[0].strip()
    arabic_query = any("\u0600" <= ch <= "\u06ff" for ch in query)
    if raw.get("osm_type") and raw.get("osm_id"):
        pid = f"osm:{raw['osm_type']}/{raw['osm_id']}"
    else:
        pid = f"nominatim:{raw.get('place_id', key(query))}"
    return GazetteerPlace(
        id=pid,
        type="online",
        name_en=names.get("name:en") or names.get("name") or first,
        name_ar=names.get("name:ar") or (query if arabic_query else first),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        country=str(address.get("country_code", "")).upper(),
        source=SOURCE.format(date=fetched),
        governorate=address.get("state"),
        district=address.get("county") or address.get("state_district"),
        precision_m=round(_precision_m(raw), 1),
    )


class _Cache:
    """``query key -> raw Nominatim record (or null)`` in ``cache_dir/nominatim.sqlite``."""

    def __init__(self, cache_dir: Path) -> None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(
            cache_dir / "nominatim.sqlite", isolation_level=None
        )
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS geocode_cache (key TEXT PRIMARY KEY,"
            " query TEXT NOT NULL, response TEXT, fetched TEXT NOT NULL)"
        )

    def get(self, cache_key: str) -> tuple[dict[str, Any] | None, str] | None:
        row = self.conn.execute(
            "SELECT response, fetched FROM geocode_cache WHERE key = ?", (cache_key,)
        ).fetchone()
        if row is None:
            return None
        return (json.loads(row[0]) if row[0] else None), row[1]

    def put(
        self, cache_key: str, query: str, raw: dict[str, Any] | None, fetched: str
    ) -> None:
        response = json.dumps(raw, ensure_ascii=False) if raw is not None else None
        self.conn.execute(
            "INSERT OR REPLACE INTO geocode_cache VALUES (?, ?, ?, ?)",
            (cache_key, query, response, fetched),
        )

    def close(self) -> None:
        self.conn.close()


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}"


class OnlineFallback:
    """Nominatim geocoding for unmatched names: rate-limited, cached, opt-in.

    ``domain``/``scheme`` point at another Nominatim (tests use a local fake:
    ``domain="127.0.0.1:8765", scheme="http"``).  ``country_codes`` restricts
    results (default: Iraq only; ``()`` for worldwide).  ``clock``/``sleep``
    and ``today`` are injectable for tests.
    """

    def __init__(
        self,
        cache_dir: str | os.PathLike[str],
        user_agent: str,
        domain: str = DEFAULT_DOMAIN,
        scheme: str = "https",
        min_delay_seconds: float = 1.0,
        *,
        timeout: float = 10.0,
        country_codes: Sequence[str] = ("iq",),
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        today: Callable[[], date] = date.today,
    ) -> None:
        from geopy.geocoders import (
            Nominatim,
        )  # geopy's network code: only with --online

        _check_user_agent(user_agent)
        if min_delay_seconds < 1.0 and domain == DEFAULT_DOMAIN:
            raise ConfigurationError(
                "the public Nominatim allows at most 1 request/s; use min_delay_seconds >= 1"
            )
        self.domain = domain
        self.country_codes = tuple(c.lower() for c in country_codes)
        self._today = today
        self._cache = _Cache(Path(cache_dir))
        self._nominatim = Nominatim(
            user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout
        )
        self._limited = _rate_limited(
            self._nominatim.geocode, min_delay_seconds, clock, sleep
        )
        self._failure: str | None = None

    def __enter__(self) -> OnlineFallback:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._cache.close()

    def geocode(self, name: str) -> GazetteerPlace | None:
        """The best match for ``name``, ``None`` if not found; raises OnlineGeocoderError."""
        query = " ".join(name.split())
        if not query:
            return None
        cache_key = f"{self.domain}|{','.join(self.country_codes)}|{key(query)}"
        cached = self._cache.get(cache_key)
        if cached is not None:
            raw, fetched = cached
            return place_from_nominatim(raw, query, fetched) if raw else None
        raw = self._ask(query)
        fetched = self._today().isoformat()
        self._cache.put(cache_key, query, raw, fetched)
        return place_from_nominatim(raw, query, fetched) if raw else None

    def _ask(self, query: str) -> dict[str, Any] | None:
        from geopy.exc import GeocoderTimedOut, GeocoderUnavailable, GeopyError

        if self._failure is not None:
            raise OnlineGeocoderError(self._failure)
        logger.debug("online geocoder: %s", query)
        try:
            location = self._limited(
                query,
                exactly_one=True,
                addressdetails=True,
                namedetails=True,
                language="en",
                country_codes=list(self.country_codes) or None,
            )
        except (GeocoderUnavailable, GeocoderTimedOut) as exc:
            self._failure = f"online geocoder unavailable (offline?): {_one_line(exc)}"
            raise OnlineGeocoderError(self._failure) from None
        except GeopyError as exc:
            self._failure = f"online geocoder failed: {_one_line(exc)}"
            raise OnlineGeocoderError(self._failure) from None
        return dict(location.raw) if location is not None else None


def _check_user_agent(user_agent: str) -> None:
    from geopy.geocoders import nominatim

    rejected = getattr(nominatim, "_REJECTED_USER_AGENTS", ())
    if not user_agent.strip() or user_agent in rejected:
        raise ConfigurationError(
            f"user agent {user_agent!r} does not identify kharita; "
            "use kharita.resolve.online.default_user_agent('you@example.org')"
        )


def _rate_limited(
    func: Callable[..., Any],
    min_delay_seconds: float,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> Callable[..., Any]:
    """geopy's RateLimiter with its two time seams bound to ``clock``/``sleep``."""
    from geopy.extra.rate_limiter import RateLimiter

    class _Limiter(RateLimiter):  # type: ignore[misc]
        def _clock(self) -> float:
            return clock()

        def _sleep(self, seconds: float) -> None:
            sleep(seconds)

    limiter: Callable[..., Any] = _Limiter(
        func,
        min_delay_seconds=min_delay_seconds,
        max_retries=0,  # a failure is reported at once, not after retries
        error_wait_seconds=min_delay_seconds,
        swallow_exceptions=False,
    )
    return limiter


def fill_unresolved(
    places: Sequence[ResolvedPlace], fallback: OnlineFallback
) -> list[ResolvedPlace]:
    """Ask the online geocoder for Iraqi-context mentions the gazetteer could not place.

    Only mentions with no gazetteer place and not known to be foreign are asked;
    each answer is recorded as evidence with its source (OSM/Nominatim).
    """
    out: list[ResolvedPlace] = []
    for rp in places:
        if rp.place is not None or rp.foreign or rp.mention.kind == "coordinates":
            out.append(rp)
            continue
        words = rp.mention.text.split()
        if rp.mention.designator and len(words) > len(rp.mention.designator.split()):
            words = words[
                len(rp.mention.designator.split()) :
            ]  # «قرية البو حياة» -> «البو حياة»
        found = fallback.geocode(" ".join(words).strip(' «»"“”()'))
        if found is None:
            out.append(rp)
            continue
        out.append(
            replace(
                rp,
                place=found,
                lat=found.lat,
                lon=found.lon,
                confidence=min(rp.confidence, 0.5) if rp.confidence else 0.5,
                precision_m=found.precision_m,
                foreign=not found.in_iraq,
                evidence=(*rp.evidence, Evidence("online_geocoder", 0.5, found.source)),
            )
        )
    return out
