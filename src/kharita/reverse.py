"""Reverse geocoding: the nearest named place to a point, and the admin units holding it.

The nearest place is searched among settlements and sites (admin units, regions,
countries and rivers are containers, not places one is "at").  Containing units
come from the admin polygons of user layers (``kharita gazetteer import`` of
COD-AB or OSM boundaries) and, for the governorate, from the shipped polygons
when no layer has one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .geo import Area, LatLon, contains, governorate_of, haversine_km
from .models import GazetteerPlace
from .place_types import is_admin_type, is_country, norm_type

LEVELS = {1: "governorate", 2: "district", 3: "subdistrict"}
_NOT_AT = ("river", "region", "sea", "lake")


@dataclass(frozen=True, slots=True)
class ReverseAnswer:
    """The nearest named place, how far it is, and the units containing the point."""

    point: LatLon
    place: GazetteerPlace
    km: float
    units: tuple[Area, ...]  # containing admin areas, governorate first
    governorate: str | None  # from the shipped polygons

    def containers(self) -> dict[str, str | None]:
        """``{"subdistrict": ..., "district": ..., "governorate": ...}`` (English names)."""
        out: dict[str, str | None] = dict.fromkeys(reversed(LEVELS.values()))
        for area in self.units:
            out[LEVELS[area.level]] = area.name_en or area.name_ar
        if out["governorate"] is None:
            out["governorate"] = self.governorate
        return out


def _is_named_spot(place: GazetteerPlace) -> bool:
    kind = norm_type(place.type)
    return not (
        is_admin_type(place.type)
        or is_country(place.type)
        or any(word in kind for word in _NOT_AT)
    )


class ReverseIndex:
    """Nearest-place search over a gazetteer (numpy great-circle, built once)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        import numpy as np
        import shapely

        self.places = [p for p in gazetteer.places if _is_named_spot(p)]
        self.areas = sorted(gazetteer.areas, key=lambda a: a.level)
        for area in self.areas:
            shapely.prepare(area.geom)  # a no-op when already prepared
        self._lat = np.radians(np.array([p.lat for p in self.places], dtype=float))
        self._lon = np.radians(np.array([p.lon for p in self.places], dtype=float))

    def nearest(self, point: LatLon) -> tuple[GazetteerPlace, float] | None:
        import numpy as np

        if not self.places:
            return None
        lat, lon = math.radians(point[0]), math.radians(point[1])
        h = (
            np.sin((self._lat - lat) / 2) ** 2
            + np.cos(lat) * np.cos(self._lat) * np.sin((self._lon - lon) / 2) ** 2
        )
        place = self.places[int(np.argmin(h))]
        return place, haversine_km(point, (place.lat, place.lon))

    def units(self, point: LatLon) -> tuple[Area, ...]:
        """The admin areas containing ``point``, one per level, governorate first."""
        found: dict[int, Area] = {}
        for area in self.areas:
            if area.level not in found and contains(area.geom, point):
                found[area.level] = area
        return tuple(found[level] for level in sorted(found))

    def describe(self, point: LatLon) -> ReverseAnswer | None:
        near = self.nearest(point)
        if near is None:
            return None
        place, km = near
        return ReverseAnswer(
            point, place, round(km, 3), self.units(point), governorate_of(point)
        )
