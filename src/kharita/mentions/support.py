"""Names that are also ordinary words: when does a mention need support?"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable

from ..gazetteer import Gazetteer
from ..models import GazetteerPlace, Mention
from ..place_types import is_admin_type, is_country
from ..text.frequency import zipf
from ..text.normalize import key
from .cues import Cues

logger = logging.getLogger("kharita")


_LATIN_LETTER = re.compile("[a-z]")


def is_latin_key(k: str) -> bool:
    return _LATIN_LETTER.search(k) is not None  # start-up: 10x a per-character any()


def support_needed(
    gaz: Gazetteer, k: str, ids: tuple[str, ...], cues: Cues
) -> str | None:
    """Does the name ``k`` of places ``ids`` need context before it counts as a place?

    ``"strong"``/``"any"`` from ``common_word_names.tsv``; ``"any"`` when the
    gazetteer marks it ambiguous for every candidate (unless it is a country's
    own name), when it is a short Arabic word (3 letters or fewer, not the
    main name of a country or big city), or when it is far more common in
    ordinary text than the places it names are prominent (:func:`common_excess`).
    """
    level = cues.common_words.get(k)
    if level:
        return level
    places = [gaz.by_id[i] for i in ids if i in gaz.by_id]
    primary_big = any(
        key(p.name_ar) == k and (is_country(p.type) or (p.population or 0) >= 1_000_000)
        for p in places
    )
    checker: Callable[[str, str], bool] | None = getattr(gaz, "is_ambiguous", None)
    own_country_name = any(is_country(p.type) and key(p.name_ar) == k for p in places)
    if (
        checker is not None
        and any(checker(p.id, k) for p in places)
        and not own_country_name
    ):
        return "any"
    latin = is_latin_key(k)
    if not latin and _is_nisba(gaz, k, ids):
        return "strong"
    if (
        not latin
        and " " not in k
        and len(k.removeprefix("ال")) <= 3
        and not primary_big
    ):
        return "any"
    lang = "en" if latin else "ar"
    if places and common_excess(k, places, lang) > 1.0:
        return "any"
    only_alias = all(key(p.name_ar) != k and key(p.name_en) != k for p in places)
    forms = {n for p in places for n in p.names if key(n) == k} or {k}
    foreign_only = all(not p.in_iraq and not is_country(p.type) for p in places)
    if only_alias and foreign_only and max(zipf(f, lang) for f in forms) >= 3.5:
        return "any"
    return None


def _is_nisba(gaz: Gazetteer, k: str, ids: tuple[str, ...]) -> bool:
    """«الهندية», «السورية», «التركي»: the adjective of another place's name."""
    if " " in k:
        return False
    bare = k.removeprefix("ال")
    for suffix in ("يه", "ي"):
        if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
            stem = bare[: -len(suffix)]
            for form in (stem, "ال" + stem, stem + "ا", stem + "يا", stem + "ان"):
                others = set(gaz.by_key.get(form, ())) - set(ids)
                if others and form != k:
                    return True
    return False


def common_excess(k: str, places: list[GazetteerPlace], lang: str) -> float:
    """How much more common the name is as a word than its places' prominence explains (Zipf units)."""
    forms = {n for p in places for n in p.names if key(n) == k} or {k}
    freq = max(zipf(f, lang) for f in forms)
    if freq == 0.0:
        return 0.0
    expected = max(_expected_zipf(p, k) for p in places)
    return freq - expected


def _expected_zipf(place: GazetteerPlace, k: str) -> float:
    if is_country(place.type):
        base = 5.0
    elif is_admin_type(place.type):
        base = 4.2
    else:
        base = 1.2 + 0.5 * math.log10(max(place.population or 1_000, 1_000))
    return base if key(place.name_ar) == k or key(place.name_en) == k else base - 0.7


_COORDINATION = re.compile(r"^\s*(?:\([^()]{0,20}\)\s*)?[،,]?\s*(?:و|and)?\s*$")


def coordinated(
    text: str, mentions: list[tuple[Mention, str | None]]
) -> list[tuple[Mention, str | None]]:
    """«كركوك وصلاح الدين وديالى»: a name listed right after a supported place is a place too."""
    out = sorted(mentions, key=lambda pair: pair[0].start)
    for i in range(1, len(out)):
        (prev, prev_need), (mention, need) = out[i - 1], out[i]
        if need != "any" or prev_need is not None or prev.end > mention.start:
            continue
        if _COORDINATION.match(text[prev.end : mention.start]):
            out[i] = (mention, None)
    return out


def parent_supported(
    mentions: list[tuple[Mention, str | None]], gaz: Gazetteer
) -> list[Mention]:
    """Keep supported mentions, and ambiguous ones whose parent area is co-mentioned."""
    areas: set[str] = set()
    for mention, need in mentions:
        if need is None:
            for pid in mention.candidates:
                areas.update(_areas_named(gaz, pid))
    kept = []
    for mention, need in mentions:
        if need is None:
            kept.append(mention)
            continue
        parents = {p for pid in mention.candidates for p in _parents(gaz, pid)}
        if parents & areas:
            kept.append(mention)
        else:
            logger.debug("dropped unsupported common-word name %r", mention.text)
    return kept


def _areas_named(gaz: Gazetteer, pid: str) -> tuple[str, ...]:
    """Admin areas a mention of ``pid`` puts in play (its own name for a city)."""
    place = gaz.get(pid)
    if not place.in_iraq:
        return ()
    if is_admin_type(place.type):
        return tuple(p for p in (place.name_en, place.governorate, place.district) if p)
    return (place.name_en,)


def _parents(gaz: Gazetteer, pid: str) -> tuple[str, ...]:
    place = gaz.get(pid)
    if place.type in ("governorate", "country"):
        return ()
    return tuple(
        p for p in (place.governorate, place.district) if p and p != place.name_en
    )
