"""An offline, geopy-compatible geocoder over the gazetteer (shipped + user layers).

:class:`LocalGeocoder` answers ``geocode(query, exactly_one=True)`` and
``reverse((lat, lon))`` like any geopy service, with the gazetteer row in
``Location.raw``, and never touches the network.

Matching tries, in order, each with a lower confidence:

1. the normalised query (:func:`kharita.text.normalize.key`): 1.0;
2. the query without a designator (``محافظة``, ``قاعدة``, "province", "airbase"…;
   ``lexicon/place_cues.tsv``): 0.95;
3. the query without Arabic proclitics (``وبغداد``, ``بالموصل``, ``للبصرة``): 0.9;
4. a Latin transliteration skeleton (``Ba'qubah`` = ``Baquba``): 0.85;
5. a fuzzy match (rapidfuzz ratio) of the normalised Arabic name (one letter off
   for short names) or of the Latin skeleton (ratio >= 90), same first letter:
   0.75 x ratio, i.e. about 0.6-0.75.

Every answer says how it matched (``match``: ``exact`` = a primary name,
``alias``, or ``fuzzy`` = skeleton or fuzzy), its ``confidence`` and
``precision_m``.  **No far-fetched answers**: a place outside Iraq is only
answered when the whole query (or the query without its designator) is one of
its names, and an Arabic query only by the place's primary Arabic name; a
partial or fuzzy match never jumps to another country.  Among equally good
matches, Iraqi places come first, then user-layer places, then places with a
point of their own (a sub-district with no point known stands at its district's,
with the district's ``precision_m``), then by type
(:func:`kharita.place_types.answer_order`), then by population.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point
from rapidfuzz import fuzz, process

from ..gazetteer import Gazetteer, load_gazetteer
from ..models import GazetteerPlace
from ..place_types import answer_order, type_agrees
from ..reverse import ReverseIndex
from ..text.latin import latin_skeleton
from ..text.normalize import key
from .query_forms import strip_designators, strip_proclitics

__all__ = [
    "LocalGeocoder",
    "Match",
    "geocode_record",
    "latin_skeleton",
    "strip_designators",
    "strip_proclitics",
]

logger = logging.getLogger("kharita")
_ARABIC = re.compile("[\u0600-\u06ff]")
_WHOLE = ("exact", "designator")  # stages that match a whole name


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer place found for a query, and how well it matched."""

    place: GazetteerPlace
    confidence: float
    how: str  # stage: "exact", "designator", "clitic", "skeleton", "fuzzy"
    matched: str

    @property
    def kind(self) -> str:
        """``exact`` (a primary name), ``alias`` (another name) or ``fuzzy``."""
        if self.how in ("skeleton", "fuzzy"):
            return "fuzzy"
        primary = {key(self.place.name_ar), key(self.place.name_en)}
        return "exact" if self.matched in primary else "alias"


class LocalGeocoder(Geocoder):  # type: ignore[misc]
    """geopy geocoder over the offline gazetteer; no network, ever."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        fuzzy_cutoff: float = 85.0,
        min_confidence: float = 0.0,
    ) -> None:
        super().__init__(timeout=0)
        self.gazetteer = gazetteer or load_gazetteer()
        self.fuzzy_cutoff = fuzzy_cutoff
        self.min_confidence = min_confidence
        self._skeletons: dict[str, list[str]] = {}
        for place in self.gazetteer.places:
            for name in (place.name_en, *place.aliases_en):
                skel = latin_skeleton(name)
                if len(skel) >= 3:
                    _add(self._skeletons, skel, place.id)
        self._arabic_keys = [k for k in self.gazetteer.by_key if _ARABIC.search(k)]
        self._skeleton_keys = list(self._skeletons)
        self._reverse: ReverseIndex | None = None

    def geocode(
        self, query: str, *, exactly_one: bool = True, **_ignored: Any
    ) -> Location | list[Location] | None:
        """``None``, the best :class:`~geopy.location.Location`, or all of them."""
        locations = [self._location(m) for m in self.matches(query)]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def reverse(
        self, query: Any, *, exactly_one: bool = True, **_ignored: Any
    ) -> Location | list[Location] | None:
        """The nearest named place to ``query`` (``(lat, lon)``, ``"lat, lon"`` or a
        geopy ``Point``), with ``distance_km`` and the containing ``subdistrict``,
        ``district`` and ``governorate`` in ``raw``."""
        point = Point(query)
        if self._reverse is None:
            self._reverse = ReverseIndex(self.gazetteer)
        found = self._reverse.describe((point.latitude, point.longitude))
        if found is None:
            return None if exactly_one else []
        raw = {**asdict(found.place), **found.containers(), "distance_km": found.km}
        name = found.place.name_ar or found.place.name_en
        location = Location(name, Point(found.place.lat, found.place.lon), raw)
        return location if exactly_one else [location]

    def matches(self, query: str) -> list[Match]:
        """Every acceptable match of ``query``, best first (empty when none)."""
        kept, _rejected = self.lookup(query)
        return kept

    def lookup(self, query: str) -> tuple[list[Match], list[Match]]:
        """``(accepted, rejected)`` matches: rejected are far-fetched or too unsure."""
        text = query.strip()
        if not key(text):
            return [], []
        arabic = bool(_ARABIC.search(text))
        rejected: list[Match] = []
        for stage in (
            self._exact,
            self._designator,
            self._clitic,
            self._latin,
            self._fuzzy,
        ):
            found = self._rank(stage(text))
            kept = [m for m in found if self._acceptable(m, arabic)]
            rejected.extend(m for m in found if m not in kept)
            if kept:
                return kept, rejected
        return [], rejected

    def _acceptable(self, match: Match, arabic: bool) -> bool:
        if match.confidence < self.min_confidence:
            return False
        if match.place.in_iraq:
            return True
        if match.how not in _WHOLE:
            return False  # a partial or fuzzy match never jumps to another country
        return not arabic or match.matched == key(match.place.name_ar)

    # ------------------------------------------------------------- stages

    def _exact(self, text: str) -> Iterator[Match]:
        for place in self.gazetteer.lookup(text):
            yield Match(place, 1.0, "exact", key(text))

    def _designator(self, text: str) -> Iterator[Match]:
        for bare, types in strip_designators(text):
            for place in self.gazetteer.lookup(bare):
                bonus = 0.02 if type_agrees(place.type, types) else -0.05
                yield Match(place, round(0.95 + bonus, 3), "designator", key(bare))

    def _clitic(self, text: str) -> Iterator[Match]:
        for bare in strip_proclitics(key(text)):
            for form, types in [(bare, ""), *strip_designators(bare)]:
                for place in self.gazetteer.lookup(form):
                    bonus = 0.02 if type_agrees(place.type, types) else 0.0
                    yield Match(place, round(0.9 + bonus, 3), "clitic", key(form))

    def _latin(self, text: str) -> Iterator[Match]:
        if _ARABIC.search(text):
            return
        for form, _types in [(text, ""), *strip_designators(text)]:
            skel = latin_skeleton(form)
            for place_id in self._skeletons.get(skel, ()):
                yield Match(self.gazetteer.get(place_id), 0.85, "skeleton", skel)

    def _fuzzy(self, text: str) -> Iterator[Match]:
        arabic = bool(_ARABIC.search(text))
        probe = key(text) if arabic else latin_skeleton(text)
        if len(probe) < (4 if arabic else 6):
            return
        choices = self._arabic_keys if arabic else self._skeleton_keys
        # short Arabic names may differ by one letter (كالصو ~ كالسو); Latin
        # skeletons already absorb spelling variants, so they must be closer
        if arabic:
            cutoff = min(self.fuzzy_cutoff, 100.0 * (1 - 1 / len(probe)) - 0.5)
        else:
            cutoff = 90.0
        hits = process.extract(
            probe, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5
        )
        for name, score, _ in hits:
            if name[0] != probe[0]:
                continue  # a different first letter is a different name
            index = self.gazetteer.by_key if arabic else self._skeletons
            for place_id in index.get(name, ()):
                place = self.gazetteer.get(place_id)
                yield Match(place, round(0.75 * score / 100.0, 3), "fuzzy", name)

    # ------------------------------------------------------------ ranking

    def _rank(self, found: Iterable[Match]) -> list[Match]:
        best: dict[str, Match] = {}
        for match in found:
            kept = best.get(match.place.id)
            if kept is None or match.confidence > kept.confidence:
                best[match.place.id] = match
        layered = {a.place_id for a in self.gazetteer.areas}
        return sorted(best.values(), key=lambda m: _rank_key(m, layered))

    @staticmethod
    def _location(match: Match) -> Location:
        place = match.place
        raw = asdict(place)
        raw.update(confidence=match.confidence, match=match.kind, matched=match.matched)
        name = place.name_ar or place.name_en
        return Location(name, Point(place.lat, place.lon), raw)


def _rank_key(
    match: Match, layered: set[str]
) -> tuple[float, int, int, int, float, int, str]:
    place = match.place
    return (
        -match.confidence,
        0 if place.in_iraq else 1,
        0 if place.id in layered else 1,
        1 if place.point_of else 0,
        answer_order(place.type),
        -(place.population or 0),
        place.id,
    )


def _add(index: dict[str, list[str]], name: str, place_id: str) -> None:
    ids = index.setdefault(name, [])
    if place_id not in ids:
        ids.append(place_id)


RECORD_FIELDS = (
    "name",
    "name_ar",
    "lat",
    "lon",
    "type",
    "governorate",
    "source",
    "match",
    "confidence",
    "precision_m",
)


def geocode_record(geocoder: LocalGeocoder, query: str) -> dict[str, Any]:
    """The ``kharita geocode`` JSON record of one query (``None`` fields when not found).

    When nothing acceptable matched, the closest rejected candidates are logged
    at INFO (``kharita -v geocode``)."""
    found, rejected = geocoder.lookup(query)
    record: dict[str, Any] = {"query": query, **dict.fromkeys(RECORD_FIELDS)}
    if not found:
        for m in rejected[:5]:
            logger.info(
                "%s: not %s (%s, %s, %s match, confidence %.2f)",
                query,
                m.place.name_en,
                m.place.country,
                m.place.type,
                m.kind,
                m.confidence,
            )
        return record
    best = found[0]
    place = best.place
    record.update(
        name=place.name_en,
        name_ar=place.name_ar,
        lat=place.lat,
        lon=place.lon,
        type=place.type,
        governorate=place.governorate,
        source=place.source,
        match=best.kind,
        confidence=best.confidence,
        precision_m=place.precision_m,
    )
    return record
