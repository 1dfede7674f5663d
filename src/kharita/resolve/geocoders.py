"""An offline, geopy-compatible geocoder over the shipped gazetteer.

:class:`LocalGeocoder` answers ``geocode(query, exactly_one=True)`` like any geopy
service, with the gazetteer row in ``Location.raw``, and never touches the network.

Matching tries, in order, each with a lower confidence:

1. the normalised query (:func:`kharita.text.normalize.key`): 1.0;
2. the query without a designator (``محافظة``, ``قاعدة``, ``province``, ``airbase``…): 0.95;
3. the query without Arabic proclitics (``وبغداد``, ``بالموصل``, ``للبصرة``): 0.9;
4. a Latin transliteration skeleton (``Ba'qubah`` = ``Baquba``): 0.85;
5. a fuzzy match (rapidfuzz ratio) of the normalised Arabic name (one letter off
   for short names) or of the Latin skeleton (ratio >= 90), same first letter:
   0.75 x ratio, i.e. about 0.6-0.75.

Among equally good matches, Iraqi places come first, then by type (governorate and
city above village), then by population.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point
from rapidfuzz import fuzz, process

from ..gazetteer import Gazetteer, load_gazetteer
from ..models import GazetteerPlace
from ..text.normalize import key

#: Leading designators and the gazetteer types they point to.
DESIGNATORS_AR: dict[str, tuple[str, ...]] = {
    "محافظه": ("governorate",),
    "قضاء": ("district",),
    "ناحيه": ("subdistrict",),
    "قاعده": ("base", "airbase"),
    "معسكر": ("base",),
    "مطار": ("airport", "airbase"),
    "مدينه": ("city", "town"),
    "بلده": ("town",),
    "قريه": ("village",),
    "حي": ("neighbourhood",),
    "منطقه": ("neighbourhood", "town", "village"),
    "منفذ": ("border_crossing",),
    "معبر": ("border_crossing",),
    "حقل": ("oil_field", "gas_field"),
    "سد": ("dam",),
    "جسر": ("bridge",),
    "دوله": ("country",),
    "اقليم": ("region",),
}
DESIGNATORS_EN: dict[str, tuple[str, ...]] = {
    "province": ("governorate",),
    "governorate": ("governorate",),
    "district": ("district",),
    "subdistrict": ("subdistrict",),
    "nahiya": ("subdistrict",),
    "air base": ("airbase", "base"),
    "airbase": ("airbase", "base"),
    "airfield": ("airbase", "airport"),
    "airport": ("airport", "airbase"),
    "base": ("base", "airbase"),
    "camp": ("base",),
    "city": ("city", "town"),
    "town": ("town",),
    "village": ("village",),
    "border crossing": ("border_crossing",),
    "crossing": ("border_crossing",),
    "oil field": ("oil_field",),
    "gas field": ("gas_field",),
    "dam": ("dam",),
    "bridge": ("bridge",),
}
_TRAILING_AR = ("الجويه", "العسكريه", "الدولي", "الحدودي")
# Proclitic stacks, longest first; "لل" and "بال" keep the article.
_PROCLITICS: tuple[tuple[str, str], ...] = (
    ("وبال", "ال"),
    ("وفال", "ال"),
    ("ولل", "ال"),
    ("فلل", "ال"),
    ("وكال", "ال"),
    ("بال", "ال"),
    ("كال", "ال"),
    ("فال", "ال"),
    ("وال", "ال"),
    ("لل", "ال"),
    ("وب", ""),
    ("ول", ""),
    ("فب", ""),
    ("وك", ""),
    ("و", ""),
    ("ف", ""),
    ("ب", ""),
    ("ل", ""),
    ("ك", ""),
)
TYPE_RANK = {
    "country": 0,
    "governorate": 1,
    "region": 1,
    "city": 1,
    "foreign_city": 3,
    "airbase": 3,
    "base": 3,
    "airport": 3,
    "district": 4,
    "town": 4,
    "border_crossing": 5,
    "subdistrict": 5,
    "neighbourhood": 6,
    "oil_field": 6,
    "gas_field": 6,
    "dam": 6,
    "landmark": 6,
    "village": 7,
}
_ARTICLES = re.compile(r"\b(?:al|el|ad|as|ash|at|az|an|ar|ath|adh|ul)[-\s]+")
_ARABIC = re.compile("[\u0600-\u06ff]")


def latin_skeleton(name: str) -> str:
    """A spelling-tolerant key for Latin transliterations (``Ba'qubah`` -> ``bakuba``)."""
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['`’‘ʿʾ]", "", text)
    text = _ARTICLES.sub(" ", " " + text).strip()
    text = re.sub(r"[^a-z0-9]", "", text)
    for old, new in (
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("q", "k"),
        ("dh", "d"),
        ("th", "t"),
        ("dj", "j"),  # French-style ج: Djebel
    ):
        text = text.replace(old, new)
    # Iraqi/Egyptian spoken ج and ق written g (Hawiga = Hawija, Beygee = Baiji); keep gh (غ).
    text = re.sub(r"(?<![n])g(?!h)", "j", text)
    text = text.replace("e", "a").replace("o", "u").replace("w", "u").replace("y", "i")
    text = text.replace("ai", "i")  # Dujail = Dujeel, Baiji = Beyji
    text = re.sub(r"(.)\1+", r"\1", text)
    text = re.sub(r"(?<=[aiu])h$", "", text)
    return re.sub(r"ia$", "a", text)


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer place found for a query, and how well it matched."""

    place: GazetteerPlace
    confidence: float
    how: str  # "exact", "designator", "clitic", "skeleton", "fuzzy"
    matched: str


class LocalGeocoder(Geocoder):  # type: ignore[misc]
    """geopy geocoder over the offline gazetteer; no network, ever."""

    def __init__(
        self, gazetteer: Gazetteer | None = None, *, fuzzy_cutoff: float = 85.0
    ) -> None:
        super().__init__(timeout=0)
        self.gazetteer = gazetteer or load_gazetteer()
        self.fuzzy_cutoff = fuzzy_cutoff
        self._skeletons: dict[str, list[str]] = {}
        for place in self.gazetteer.places:
            for name in (place.name_en, *place.aliases_en):
                skel = latin_skeleton(name)
                if len(skel) >= 3:
                    _add(self._skeletons, skel, place.id)
        self._arabic_keys = [k for k in self.gazetteer.by_key if _ARABIC.search(k)]
        self._skeleton_keys = list(self._skeletons)

    def geocode(
        self, query: str, *, exactly_one: bool = True, **_ignored: Any
    ) -> Location | list[Location] | None:
        """``None``, the best :class:`~geopy.location.Location`, or all of them."""
        matches = self.matches(query)
        locations = [self._location(m) for m in matches]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def reverse(self, query: Any, *, exactly_one: bool = True, **_ignored: Any) -> None:
        raise NotImplementedError("LocalGeocoder does not reverse-geocode")

    def matches(self, query: str) -> list[Match]:
        """Every match of ``query``, best first (empty when nothing matched)."""
        text = query.strip()
        if not key(text):
            return []
        for stage in (
            self._exact,
            self._designator,
            self._clitic,
            self._latin,
            self._fuzzy,
        ):
            found = list(stage(text))
            if found:
                return self._rank(found)
        return []

    # ------------------------------------------------------------- stages

    def _exact(self, text: str) -> Iterator[Match]:
        for place in self.gazetteer.lookup(text):
            yield Match(place, 1.0, "exact", key(text))

    def _designator(self, text: str) -> Iterator[Match]:
        for bare, types in strip_designators(text):
            for place in self.gazetteer.lookup(bare):
                bonus = 0.02 if place.type in types else -0.05
                yield Match(place, 0.95 + bonus, "designator", key(bare))

    def _clitic(self, text: str) -> Iterator[Match]:
        for bare in strip_proclitics(key(text)):
            for form, types in [(bare, ()), *strip_designators(bare)]:
                for place in self.gazetteer.lookup(form):
                    bonus = 0.02 if place.type in types else 0.0
                    yield Match(place, 0.9 + bonus, "clitic", key(form))

    def _latin(self, text: str) -> Iterator[Match]:
        if _ARABIC.search(text):
            return
        for form, _types in [(text, ()), *strip_designators(text)]:
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

    @staticmethod
    def _rank(found: Iterable[Match]) -> list[Match]:
        best: dict[str, Match] = {}
        for match in found:
            kept = best.get(match.place.id)
            if kept is None or match.confidence > kept.confidence:
                best[match.place.id] = match
        return sorted(best.values(), key=_rank_key)

    @staticmethod
    def _location(match: Match) -> Location:
        place = match.place
        raw = asdict(place)
        raw.update(confidence=match.confidence, match=match.how, matched=match.matched)
        name = place.name_ar or place.name_en
        return Location(name, Point(place.lat, place.lon), raw)


def _rank_key(match: Match) -> tuple[float, int, int, int, str]:
    place = match.place
    return (
        -match.confidence,
        0 if place.in_iraq else 1,
        TYPE_RANK.get(place.type, 8),
        -(place.population or 0),
        place.id,
    )


def _add(index: dict[str, list[str]], name: str, place_id: str) -> None:
    ids = index.setdefault(name, [])
    if place_id not in ids:
        ids.append(place_id)


def strip_designators(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """``(bare name, implied types)`` for each designator the text starts or ends with."""
    k = key(text)
    out: list[tuple[str, tuple[str, ...]]] = []
    words = k.split(" ")
    if len(words) > 1 and words[0] in DESIGNATORS_AR:
        rest = words[1:]
        while len(rest) > 1 and rest[-1] in _TRAILING_AR:
            rest = rest[:-1]
        out.append((" ".join(rest), DESIGNATORS_AR[words[0]]))
    for designator, types in DESIGNATORS_EN.items():
        for pattern in (rf"^{designator}\s+(.+)$", rf"^(.+?)\s+{designator}$"):
            found = re.match(pattern, k)
            if found:
                out.append((found.group(1), types))
    return out


def strip_proclitics(k: str) -> list[str]:
    """Forms of a normalised Arabic name without proclitics on its first word."""
    first, _, rest = k.partition(" ")
    forms: list[str] = []
    for prefix, keep in _PROCLITICS:
        if first.startswith(prefix) and len(first) - len(prefix) >= 2:
            bare = keep + first[len(prefix) :]
            forms.append(f"{bare} {rest}".strip())
    if first.startswith("ال") and len(first) > 4:
        forms.append(f"{first[2:]} {rest}".strip())
    return forms


RECORD_FIELDS = (
    "name",
    "name_ar",
    "lat",
    "lon",
    "type",
    "governorate",
    "source",
    "confidence",
)


def geocode_record(geocoder: LocalGeocoder, query: str) -> dict[str, Any]:
    """The ``kharita geocode`` JSON record of one query (``None`` fields when not found)."""
    found = geocoder.matches(query)
    record: dict[str, Any] = {"query": query, **dict.fromkeys(RECORD_FIELDS)}
    if found:
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
            confidence=best.confidence,
        )
    return record
