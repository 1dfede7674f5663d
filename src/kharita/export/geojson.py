"""GeoJSON (RFC 7946) FeatureCollections of incidents and of places.

Coordinates are ``[longitude, latitude]`` (RFC 7946 section 3.1.1), WGS 84,
rounded to 6 decimals (about 0.1 m); there is no ``crs`` member.  Records
without coordinates are left out (a Feature with ``"geometry": null`` is legal
but most GIS tools drop or mis-handle it).  Properties are flat scalars so the
file opens as an attribute table in QGIS or as a geopandas frame.

Incident feature properties:

=====================  ====================================================
``id``                 kharita incident id (also the Feature ``id``)
``type``               kharita incident type (``airstrike``, ``ied`` ...)
``acled_event_type``   ACLED event type; ``acled_sub_event_type`` likewise
``event_date``         ISO date as extracted (``2024-04-20``, ``2024-04``)
``date_precision``     ``day`` / ``month`` / ``year`` (null if unknown)
``killed_min`` ...     ``killed_max``, ``wounded_min``, ``wounded_max``
``confidence``         0..1 confidence of the incident
``place_id``           gazetteer id; ``place_name_ar``, ``place_name_en``
``place_type``         gazetteer type; ``governorate``, ``district``
``precision_m``        how far the point may be from the place, metres
``perpetrator``        attributed actor; ``claimed_by``, ``denied_by``
``report_count``       number of reports (sources) merged into it
``outlets``            outlet names, ``;``-joined
``sources``            source URLs, ``;``-joined
``excerpt``            excerpt of the first report
=====================  ====================================================

Place features are one per distinct place (gazetteer id, or point written in
the text): ``place_id``, ``name_ar``, ``name_en``, ``place_type``,
``governorate``, ``district``, ``country``, ``precision_m``, ``mention``
(first text as written), ``mentions`` (how many), ``articles`` (in how many
articles), ``article_ids`` (``;``-joined), ``roles`` (``site;container...``),
``confidence`` (highest), ``foreign``, ``gazetteer_source``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigurationError
from ..models import ArticleResult, Incident, ResolvedPlace
from .atomic import atomic_open, atomic_write_text

__all__ = [
    "PlacesLayer",
    "incident_feature",
    "incidents_collection",
    "places_collection",
    "write_collection",
    "write_geojson",
]

Layer = Literal["incidents", "places"]
_DECIMALS = 6


def _point(lat: float, lon: float) -> dict[str, Any]:
    return {
        "type": "Point",
        "coordinates": [round(lon, _DECIMALS), round(lat, _DECIMALS)],
    }


def _joined(values: Iterable[str | None]) -> str:
    """The distinct non-empty values in first-seen order, joined by ";" (a dict
    keeps the order: linear in an incident's sources, however many)."""
    return ";".join(dict.fromkeys(v for v in values if v))


def incident_properties(incident: Incident) -> dict[str, Any]:
    """The flat property dict of one incident (documented in the module)."""
    rp = incident.place
    gp = rp.place if rp else None
    att = incident.attribution
    return {
        "id": incident.id,
        "type": incident.type,
        "acled_event_type": incident.acled_event_type,
        "acled_sub_event_type": incident.acled_sub_event_type,
        "event_date": incident.date.iso,
        "date_precision": incident.date.precision,
        "killed_min": incident.killed.min,
        "killed_max": incident.killed.max,
        "wounded_min": incident.wounded.min,
        "wounded_max": incident.wounded.max,
        "confidence": round(incident.confidence, 3),
        "place_id": gp.id if gp else None,
        "place_name_ar": gp.name_ar if gp else (rp.mention.text if rp else None),
        "place_name_en": gp.name_en if gp else None,
        "place_type": gp.type if gp else None,
        "governorate": gp.governorate if gp else None,
        "district": gp.district if gp else None,
        "precision_m": rp.precision_m if rp else None,
        "perpetrator": att.perpetrator,
        "claimed_by": att.claimed_by,
        "denied_by": att.denied_by,
        "report_count": incident.report_count,
        "outlets": _joined(s.outlet for s in incident.sources),
        "sources": _joined(s.url for s in incident.sources),
        "excerpt": incident.sources[0].excerpt if incident.sources else "",
    }


def incident_feature(incident: Incident) -> dict[str, Any] | None:
    """One incident as a GeoJSON Feature, or ``None`` if it has no point."""
    if incident.lat is None or incident.lon is None:
        return None
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": _point(incident.lat, incident.lon),
        "properties": incident_properties(incident),
    }


@dataclass
class _PlaceGroup:
    """All mentions of one place (a gazetteer id, or a point written in the text)."""

    first: ResolvedPlace
    lat: float
    lon: float
    mentions: int = 0
    confidence: float = 0.0
    articles: dict[str, None] = field(default_factory=dict)  # ordered set
    roles: dict[str, None] = field(default_factory=dict)

    def add(self, resolved: ResolvedPlace, article_ids: Iterable[str]) -> None:
        self.mentions += 1
        self.confidence = max(self.confidence, resolved.confidence)
        self.articles.update(dict.fromkeys(article_ids))
        self.roles[resolved.role] = None


def _place_key(resolved: ResolvedPlace) -> tuple[Any, ...] | None:
    if resolved.lat is None or resolved.lon is None:
        return None
    if resolved.place is not None:
        return ("id", resolved.place.id)
    return ("point", round(resolved.lat, 5), round(resolved.lon, 5))


def _place_feature(group: _PlaceGroup) -> dict[str, Any]:
    rp, gp = group.first, group.first.place
    props = {
        "place_id": gp.id if gp else None,
        "name_ar": gp.name_ar if gp else None,
        "name_en": gp.name_en if gp else None,
        "place_type": gp.type if gp else None,
        "governorate": gp.governorate if gp else None,
        "district": gp.district if gp else None,
        "country": gp.country if gp else None,
        "precision_m": rp.precision_m,
        "mention": rp.mention.text,
        "mentions": group.mentions,
        "articles": len(group.articles),
        "article_ids": ";".join(group.articles),
        "roles": ";".join(group.roles),
        "confidence": round(group.confidence, 3),
        "foreign": rp.foreign,
        "gazetteer_source": gp.source if gp else None,
    }
    return {
        "type": "Feature",
        "geometry": _point(group.lat, group.lon),
        "properties": props,
    }


def _places_of(
    items: Iterable[ArticleResult | Incident],
) -> Iterator[tuple[ResolvedPlace, tuple[str, ...]]]:
    for item in items:
        if isinstance(item, ArticleResult):
            for rp in item.places:
                yield rp, (item.article.id,)
        elif item.place is not None:
            yield item.place, tuple(s.article_id for s in item.sources)


def _collection(features: Iterable[dict[str, Any] | None]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [f for f in features if f]}


def _incidents_of(items: Iterable[ArticleResult | Incident]) -> Iterator[Incident]:
    for item in items:
        if isinstance(item, ArticleResult):
            yield from item.incidents
        else:
            yield item


def incidents_collection(items: Iterable[ArticleResult | Incident]) -> dict[str, Any]:
    """FeatureCollection of incidents (ArticleResults contribute theirs, unmerged)."""
    return _collection(incident_feature(i) for i in _incidents_of(items))


class PlacesLayer:
    """The places layer built as results stream by (a sink of :func:`kharita.run.run`).

    Keeps one small group per distinct place, not the results.
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[Any, ...], _PlaceGroup] = {}

    def add(self, result: ArticleResult) -> None:
        for resolved in result.places:
            self.add_place(resolved, (result.article.id,))

    def add_place(self, resolved: ResolvedPlace, article_ids: Iterable[str]) -> None:
        key = _place_key(resolved)
        if key is None or resolved.lat is None or resolved.lon is None:
            return
        if key not in self._groups:
            self._groups[key] = _PlaceGroup(resolved, resolved.lat, resolved.lon)
        self._groups[key].add(resolved, article_ids)

    def collection(self) -> dict[str, Any]:
        return _collection(_place_feature(g) for g in self._groups.values())


def places_collection(items: Iterable[ArticleResult | Incident]) -> dict[str, Any]:
    """FeatureCollection with one Feature per distinct place mentioned.

    Mentions resolved to the same gazetteer place (or, without one, to the
    same point) are one feature, counted in ``mentions`` and ``articles``.
    """
    layer = PlacesLayer()
    for resolved, article_ids in _places_of(items):
        layer.add_place(resolved, article_ids)
    return layer.collection()


def write_collection(collection: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write a FeatureCollection to ``path`` atomically."""
    text = json.dumps(collection, ensure_ascii=False, indent=1)
    return atomic_write_text(path, text + "\n")


def _write_features(
    features: Iterable[dict[str, Any] | None], path: str | os.PathLike[str]
) -> Path:
    """:func:`write_collection` of a collection of ``features`` (the same bytes),
    each written as it comes."""
    with atomic_open(path, newline="") as fh:
        fh.write('{\n "type": "FeatureCollection",\n "features": [')
        written = 0
        for feature in features:
            if not feature:
                continue
            text = json.dumps(feature, ensure_ascii=False, indent=1)
            # one level deeper: JSON text holds no raw newline but these
            fh.write(("," if written else "") + "\n  " + text.replace("\n", "\n  "))
            written += 1
        fh.write("\n ]\n}\n" if written else "]\n}\n")
    return Path(path)


def write_geojson(
    items: Iterable[ArticleResult | Incident],
    path: str | os.PathLike[str],
    *,
    layer: Layer = "incidents",
) -> Path:
    """Write the ``incidents`` or ``places`` layer of ``items`` to ``path`` atomically.

    Pass merged incidents for the incidents layer (``ArticleResult``s are
    accepted too, and contribute their per-article incidents unmerged).
    """
    if layer == "incidents":  # one feature at a time: a map may list many
        features = (incident_feature(i) for i in _incidents_of(items))
        return _write_features(features, path)
    if layer == "places":
        return write_collection(places_collection(items), path)
    raise ConfigurationError(
        f"unknown GeoJSON layer {layer!r}; options are: incidents, places"
    )
