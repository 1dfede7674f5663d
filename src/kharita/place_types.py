"""Gazetteer place types: families, designator agreement, default precision.

Gazetteer types are free strings ("governorate", "sub-district", "airbase",
"military_base", "foreign_city"...); everything here compares them loosely
(case, ``_``/``-``/space folded, substring families) so new types keep working.
"""

from __future__ import annotations

from functools import lru_cache

_ADMIN = (
    "governorate",
    "province",
    "district",
    "sub district",
    "subdistrict",
    "nahiya",
    "qada",
    "region",
)
_FACILITY = (
    "base",
    "camp",
    "airport",
    "airfield",
    "air field",
    "crossing",
    "checkpoint",
    "dam",
    "bridge",
    "field",
    "refinery",
    "port",
)
_PRECISION_M = (  # first match wins
    ("country", 300_000.0),
    ("region", 150_000.0),
    ("governorate", 60_000.0),
    ("province", 60_000.0),
    ("sub district", 8_000.0),
    ("subdistrict", 8_000.0),
    ("nahiya", 8_000.0),
    ("district", 20_000.0),
    ("qada", 20_000.0),
    ("neighbourhood", 1_500.0),
    ("neighborhood", 1_500.0),
    ("village", 1_500.0),
    ("town", 3_000.0),
    ("city", 6_000.0),
    ("airport", 2_000.0),
    ("base", 2_000.0),
    ("camp", 2_000.0),
    ("river", 50_000.0),
    ("mountain", 10_000.0),
)
# prominence tie-breaker: bigger and higher-level places first
_RANK = (
    ("country", 1.0),
    ("governorate", 0.9),
    ("province", 0.9),
    ("capital", 0.85),
    ("city", 0.7),
    ("subdistrict", 0.45),  # before "district", which it contains
    ("sub district", 0.45),
    ("district", 0.6),
    ("airport", 0.6),
    ("airbase", 0.6),
    ("base", 0.55),
    ("town", 0.5),
    ("neighbourhood", 0.3),
    ("village", 0.2),
)


@lru_cache(maxsize=4096)
def norm_type(place_type: str) -> str:
    return place_type.lower().replace("_", " ").replace("-", " ").strip()


@lru_cache(maxsize=4096)
def is_admin_type(place_type: str) -> bool:
    t = norm_type(place_type)
    return any(a in t for a in _ADMIN)


@lru_cache(maxsize=4096)
def is_country(place_type: str) -> bool:
    return norm_type(place_type) == "country"


@lru_cache(maxsize=4096)
def is_facility(place_type: str) -> bool:
    t = norm_type(place_type)
    return any(f in t for f in _FACILITY)


@lru_cache(maxsize=4096)
def type_agrees(place_type: str, implied: str | None) -> bool:
    """Does a designator's implied ``a|b|c`` types agree with ``place_type``?"""
    if not implied:
        return False
    t = _words(place_type)
    for want in implied.split("|"):
        w = _words(want)
        if w and (w <= t or (t <= w and len("".join(t)) > 3)):
            return True
        if w | t == _DISTRICTS:  # news writes «قضاء التاجي» for a sub-district
            return True
    return False


_DISTRICTS = frozenset({"district", "subdistrict"})


def _words(place_type: str) -> frozenset[str]:
    """A type's words: "sub-district"/"subdistrict" one word, "airbase" two
    ("air base": a base designator agrees with it)."""
    t = norm_type(place_type).replace("sub ", "sub").replace("airbase", "air base")
    return frozenset(t.split())


@lru_cache(maxsize=4096)
def default_precision_m(place_type: str) -> float:
    t = norm_type(place_type)
    for name, metres in _PRECISION_M:
        if name in t:
            return metres
    return 5_000.0


@lru_cache(maxsize=4096)
def type_rank(place_type: str) -> float:
    t = norm_type(place_type)
    for name, rank in _RANK:
        if name in t:
            return rank
    return 0.3


# geocoder answer order among equally good matches (0 first): countries, then the
# big units and cities (tied, so population decides), bases, districts, towns...
_ANSWER_ORDER = (
    ("country", 0),
    ("governorate", 1),
    ("province", 1),
    ("region", 1),
    ("foreign city", 3),
    ("city", 1),
    ("airbase", 3),
    ("airport", 3),
    ("base", 3),
    ("camp", 3),
    ("sub district", 5),
    ("subdistrict", 5),
    ("nahiya", 5),
    ("district", 4),
    ("town", 4),
    ("crossing", 5),
    ("neighbourhood", 6),
    ("field", 6),
    ("dam", 6),
    ("landmark", 6),
    ("village", 7),
)


@lru_cache(maxsize=4096)
def answer_order(place_type: str) -> int:
    """Where a geocoder lists this type among equally good matches (0 first)."""
    t = norm_type(place_type)
    for name, order in _ANSWER_ORDER:
        if name in t:
            return order
    return 8
