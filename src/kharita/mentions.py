"""Place-name recognition: find every gazetteer name in a text, with original offsets.

One :class:`Recognizer` is built per :class:`~kharita.gazetteer.Gazetteer` (an
Aho-Corasick automaton over every normalised name, plus the forms a name takes
after «لل»); :func:`recognizer_for` caches it.  Calling it on a text returns
:class:`~kharita.models.Mention` records whose ``start``/``end`` index the
ORIGINAL text.

The rules, all data-driven from ``kharita/lexicon/*.tsv``:

* Arabic names may carry a proclitic stack (و ف + ب ل ك + ال, and «لل»), never
  a glued suffix (بغدادي, العراقية are adjectives, not places).  Latin names need
  word boundaries, allow a possessive ('s) and a leading al-/el-, and must be
  capitalised somewhere unless the whole text is lower case.
* The longest name wins; a designator before the name (محافظة، قاعدة، "province
  of") and a trailing adjective (الجوية، الدولي) or English post-designator
  ("airbase", "province") are kept in the span (``place_cues.tsv``).
* A name inside an organisation or outlet name (شرطة البصرة، «بغداد اليوم») is
  not a place (``org_cues.tsv``).
* A name that is also a common word (``common_word_names.tsv`` and the
  gazetteer's ``is_ambiguous``) counts only with support: a designator, a
  preposition of place right before it, or a co-mentioned parent area.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from .gazetteer import Gazetteer
from .lexicon import load_table
from .models import GazetteerPlace, Lang, Mention
from .open_places import OpenCues, OpenPlaces
from .place_types import is_admin_type, is_country, type_agrees
from .resolve.coordinates import find_coordinates
from .text.frequency import zipf
from .text.normalize import key
from .text.tokens import (
    ARABIC_LETTERS,
    PROCLITICS,
    MatchText,
    match_text,
    strip_proclitic,
    word_start,
    words_after,
    words_before,
)

logger = logging.getLogger("kharita")

_LATIN_ARTICLES = frozenset(
    {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "adh", "ath"}
)
_QUOTES = frozenset("\"'")
_REPORTING = frozenset(
    key(w)
    for w in (
        "ذكرت",
        "نقلت",
        "أفادت",
        "قالت",
        "بحسب",
        "لـ",
        "وفق",
        "وفقا",
        "حسب",
        "موقع",
        "وكالة",
        "قناة",
    )
)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One automaton pattern: a gazetteer key, or its form after «لل»."""

    key: str
    ids: tuple[str, ...]
    lil: bool  # the «ال» of the key is absorbed in a preceding «لل»
    latin: bool


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int  # in match text, after any clitic
    end: int
    entry: _Entry
    clitic: str  # proclitic stack glued before the name ("" if none)


@dataclass(frozen=True, slots=True)
class Cues:
    """The lexicon tables the recogniser needs, normalised with :func:`key`."""

    designators: dict[str, str]  # cue -> |-separated implied types (before the name)
    post_designators: dict[str, str]  # English cue after the name
    trailing: frozenset[str]  # Arabic adjectives after a designated name
    prepositions: frozenset[str]
    org_before: frozenset[str]
    org_after: dict[str, str]  # cue -> requires ("" or "quoted")
    common_words: dict[str, str]  # name key -> support level ("any" / "strong")
    open_designators: dict[str, str]  # «مدينة X»: X is a place even when unknown
    open_adjective: dict[str, str]  # «البحر الأحمر»: the adjectives name the place
    open_before_en: dict[str, str]  # "village of X"
    open_after_en: dict[str, str]  # "X village"


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read ``place_cues``, ``org_cues`` and ``common_word_names`` once."""
    designators: dict[str, str] = {}
    post: dict[str, str] = {}
    trailing: set[str] = set()
    preps: set[str] = set()
    open_des: dict[str, str] = {}
    open_adj: dict[str, str] = {}
    open_en: dict[str, dict[str, str]] = {
        "open_designator_en": {},
        "open_post_designator_en": {},
    }
    for row in load_table("place_cues"):
        cue, kind = key(row["cue"]), row["kind"]
        if kind in open_en:
            open_en[kind][cue] = row["types"]
        elif kind == "open_designator":
            open_des[cue] = row["types"]
        elif kind == "open_designator_adj":
            open_adj[cue] = row["types"]
        elif kind == "designator":
            designators[cue] = row["types"]
        elif kind == "post_designator":
            post[cue] = row["types"]
        elif kind == "trailing":
            trailing.add(cue)
        elif kind == "preposition":
            preps.add(cue)
    org_rows = load_table("org_cues")
    return Cues(
        designators=designators,
        post_designators=post,
        trailing=frozenset(trailing),
        prepositions=frozenset(preps),
        org_before=frozenset(
            key(r["cue"]) for r in org_rows if r["position"] == "before"
        ),
        org_after={
            key(r["cue"]): r["requires"] for r in org_rows if r["position"] == "after"
        },
        common_words={
            key(r["name"]): r["support"] for r in load_table("common_word_names")
        },
        open_designators=open_des,
        open_adjective=open_adj,
        open_before_en=open_en["open_designator_en"],
        open_after_en=open_en["open_post_designator_en"],
    )


def _is_latin_key(k: str) -> bool:
    return any("a" <= c <= "z" for c in k)


def _variants(k: str, ids: tuple[str, ...]) -> list[tuple[str, _Entry]]:
    latin = _is_latin_key(k)
    out = [(k, _Entry(k, ids, False, latin))]
    if not latin and k.startswith("ال") and len(k) > 4:
        out.append((k[2:], _Entry(k, ids, True, False)))
    if latin:
        first, _, rest = k.partition(" ")
        if first in _LATIN_ARTICLES and len(rest) > 2:
            out.append((rest, _Entry(k, ids, False, True)))
    return out


def _usable_key(k: str, cues: Cues) -> bool:
    if len(k) < 2 or k.isdigit() or k in cues.prepositions or k in cues.designators:
        return False
    return not (_is_latin_key(k) and len(k) < 3)


class Recognizer:
    """Finds place names of one gazetteer in texts. Build once, call many times."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.cues = load_cues()
        merged: dict[str, list[_Entry]] = {}
        for k, ids in gazetteer.keys():  # noqa: SIM118 (Gazetteer.keys yields (key, ids))
            if not _usable_key(k, self.cues):
                continue
            for pattern, entry in _variants(k, ids):
                merged.setdefault(pattern, []).append(entry)
        self._automaton: Any = ahocorasick.Automaton()
        for pattern, entries in merged.items():
            self._automaton.add_word(pattern, (len(pattern), tuple(entries)))
        if merged:
            self._automaton.make_automaton()
        self._empty = not merged
        self._support: dict[str, str | None] = {}
        self._open = OpenPlaces(gazetteer, open_cues(self.cues))
        zipf(
            "بغداد", "ar"
        )  # load the word-frequency tables now, not on the first article
        zipf("baghdad", "en")

    def __call__(self, text: str, lang: Lang = "ar") -> list[Mention]:
        """Every place mention in ``text``, sorted by start offset."""
        if not text:
            return []
        mt = match_text(text)
        coords = find_coordinates(text, mt)
        if self._empty:
            return coords
        lower_only = (
            text == text.lower()
        )  # no capital letter anywhere (fast path, C-level)
        hits = self._select(self._hits(mt.text, text, mt, lower_only))
        mentions: list[tuple[Mention, str | None]] = []
        for hit in hits:
            made = self._mention(hit, mt, text)
            if made is not None:
                mentions.append(made)
        kept = _parent_supported(_coordinated(text, mentions), self.gazetteer)
        opened, replaced = self._open.with_replaced(mt, text, kept)
        if replaced:
            kept = [m for i, m in enumerate(kept) if i not in replaced]
        kept += opened
        kept = [m for m in kept if not any(_overlaps(m, c) for c in coords)]
        return sorted([*kept, *coords], key=lambda m: (m.start, m.end))

    # -- raw hits -----------------------------------------------------------
    def _hits(
        self, s: str, original: str, mt: MatchText, lower_only: bool
    ) -> list[_Hit]:
        out: list[_Hit] = []
        tanween = "\u064b" in original  # rare: check it per hit only when present
        for last, (length, entries) in self._automaton.iter(s):
            start, end = last - length + 1, last + 1
            for entry in entries:
                hit = (
                    _check_latin(s, start, end, entry)
                    if entry.latin
                    else _check_arabic(s, start, end, entry)
                )
                if hit is None:
                    continue
                if entry.latin and not lower_only and not _has_upper(original, mt, hit):
                    continue
                if not entry.latin and tanween and _tanween_after(original, mt, end):
                    continue
                out.append(hit)
        return out

    @staticmethod
    def _select(hits: list[_Hit]) -> list[_Hit]:
        """Longest first, then leftmost; drop anything overlapping a kept hit."""
        kept: list[_Hit] = []
        taken: list[tuple[int, int]] = []
        for hit in sorted(
            hits, key=lambda h: (-(h.end - h.start + len(h.clitic)), h.start)
        ):
            lo = hit.start - len(hit.clitic)
            clash = [i for i, (s, e) in enumerate(taken) if lo < e and s < hit.end]
            if not clash:
                kept.append(hit)
                taken.append((lo, hit.end))
            elif (
                len(clash) == 1
                and hit.entry.latin
                and set(hit.entry.ids) & set(kept[clash[0]].entry.ids)
            ):
                # "Ain al-Asad" + "al-Asad airbase": one name of one place, not "Ain" + a base
                i = clash[0]
                old = kept[i]
                left = hit if hit.start < old.start else old
                kept[i] = _Hit(
                    left.start, max(hit.end, old.end), old.entry, left.clitic
                )
                taken[i] = (min(lo, taken[i][0]), max(hit.end, taken[i][1]))
        return kept

    # -- one mention ----------------------------------------------------------
    def _mention(
        self, hit: _Hit, mt: MatchText, text: str
    ) -> tuple[Mention, str | None] | None:
        s, cues = mt.text, self.cues
        if self._is_org(s, hit):
            return None
        span_start = hit.start - (
            len(hit.clitic) if hit.entry.lil or hit.clitic.endswith("ال") else 0
        )
        if hit.entry.lil:
            span_start = hit.start - 2
        designator, dtypes, span_start = _designator(s, hit, span_start, cues)
        span_end, post_types = _trailing(s, hit.end, designator is not None, cues)
        if post_types and designator is None:
            designator, dtypes = s[hit.end : span_end].strip(), post_types
        support = self._support_needed(hit)
        if (
            support == "designator"
        ):  # «ناحية المشروع»: only a designator of its own type
            if not (designator and self._type_licensed(hit.entry.ids, dtypes)):
                return None
            support = None
        if support is not None and (
            designator or _preposition_before(s, hit, span_start, cues, support)
        ):
            support = None
        o_start, o_end = mt.span(span_start, span_end)
        mention = Mention(
            start=o_start,
            end=o_end,
            text=text[o_start:o_end],
            matched=hit.entry.key,
            candidates=hit.entry.ids,
            kind="gazetteer",
            designator=designator,
            designator_type=dtypes,
        )
        return mention, support

    def _type_licensed(self, ids: tuple[str, ...], types: str | None) -> bool:
        by_id = self.gazetteer.by_id
        return any(i in by_id and type_agrees(by_id[i].type, types) for i in ids)

    def _support_needed(self, hit: _Hit) -> str | None:
        """``None`` if the name needs no support, else the level it needs (cached per name)."""
        k = hit.entry.key
        if k not in self._support:
            self._support[k] = support_needed(
                self.gazetteer, k, hit.entry.ids, self.cues
            )
        return self._support[k]

    def _is_org(self, s: str, hit: _Hit) -> bool:
        cues = self.cues
        lo = hit.start - len(hit.clitic)
        before = words_before(s, lo, 3)
        if hit.clitic:  # a clitic glued to the name cuts it from any org word before
            before = []
        elif not before:  # «قناة "الميادين"»: the outlet's name is quoted after its cue
            j = lo
            while j > 0 and s[j - 1] == " ":
                j -= 1
            if j > 0 and s[j - 1] in _QUOTES:
                before = words_before(s, j - 1, 3)
        for n in (1, 2, 3):
            if (
                len(before) >= n
                and " ".join(w for _, w in before[-n:]) in cues.org_before
            ):
                return True
        after = words_after(s, hit.end, 2)
        for n in (1, 2):
            if len(after) >= n:
                cue = " ".join(w for _, w in after[:n])
                requires = cues.org_after.get(cue)
                if requires is not None and (
                    not requires or _quoted_or_reported(s, hit, after[n - 1])
                ):
                    return True
        return False


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
    latin = _is_latin_key(k)
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


def _quoted_or_reported(s: str, hit: _Hit, last: tuple[int, str]) -> bool:
    lo = hit.start - len(hit.clitic)
    before_char = s[lo - 1] if lo > 0 else ""
    if lo > 1 and before_char == " ":
        before_char = s[lo - 2]
    end = last[0] + len(last[1])
    after_char = s[end] if end < len(s) else ""
    if before_char in _QUOTES or after_char in _QUOTES:
        return True
    prev = words_before(s, lo, 1)
    return bool(prev) and prev[0][1] in _REPORTING


def _check_arabic(s: str, start: int, end: int, entry: _Entry) -> _Hit | None:
    if end < len(s) and s[end] in ARABIC_LETTERS:
        return None
    j = word_start(s, start)
    clitic = s[j:start]
    if entry.lil:
        if not clitic.endswith("لل") or clitic not in PROCLITICS:
            return None
    elif clitic and clitic not in PROCLITICS:
        return None
    return _Hit(start, end, entry, clitic)


def _check_latin(s: str, start: int, end: int, entry: _Entry) -> _Hit | None:
    if start > 0 and s[start - 1].isalnum():
        return None
    if end < len(s) and s[end].isalnum():
        return None
    if end < len(s) and s[end] == "'":
        tail = s[end + 1 : end + 3]
        if tail[:1].isalnum() and not (tail[:1] == "s" and not tail[1:2].isalnum()):
            return None
    clitic = ""
    if entry.key != s[start:end]:  # matched without its article: take "al-" if present
        prev = words_before(s, start, 1)
        if (
            prev
            and prev[0][1] in _LATIN_ARTICLES
            and prev[0][0] + len(prev[0][1]) + 1 == start
        ):
            return _Hit(prev[0][0], end, entry, "")
    return _Hit(start, end, entry, clitic)


def _tanween_after(original: str, mt: MatchText, end: int) -> bool:
    """«تركياً»: a name written with tanween fath is an adverb/adjective, not a place."""
    if end >= len(mt.text) + 1 or end == 0:
        return False
    o_end = mt.span(end - 1, end)[1]
    return (
        original[o_end : o_end + 1] == "\u064b"
        or original[o_end + 1 : o_end + 2] == "\u064b"
    )


def _has_upper(original: str, mt: MatchText, hit: _Hit) -> bool:
    o_start, o_end = mt.span(hit.start, hit.end)
    return any(c.isupper() for c in original[o_start:o_end])


def _designator(
    s: str, hit: _Hit, span_start: int, cues: Cues
) -> tuple[str | None, str | None, int]:
    """A designator inside the key, or right before the name (then the span grows)."""
    first = hit.entry.key.split(" ")[0]
    if first in cues.designators and " " in hit.entry.key:
        return first, cues.designators[first], span_start
    if hit.clitic and not hit.clitic.endswith("ال") and not hit.entry.lil:
        return None, None, span_start
    before = words_before(s, span_start, 2)
    for n in (2, 1):
        if len(before) < n:
            continue
        pos, word = before[-n]
        words = [w for _, w in before[-n:]]
        phrase = " ".join(words)
        if phrase in cues.designators:
            return phrase, cues.designators[phrase], pos
        split = strip_proclitic(word, cues.designators) if n == 1 else None
        if split is not None:
            return split[1], cues.designators[split[1]], pos + len(split[0])
    return None, None, span_start


def _trailing(s: str, end: int, designated: bool, cues: Cues) -> tuple[int, str | None]:
    """Grow the span over «الجوية/الدولي» (designated names) or "airbase"/"province"."""
    after = words_after(s, end, 2)
    for n in (2, 1):
        if len(after) >= n:
            phrase = " ".join(w for _, w in after[:n])
            if phrase in cues.post_designators:
                pos, word = after[n - 1]
                return pos + len(word), cues.post_designators[phrase]
    if designated and after and after[0][1] in cues.trailing:
        pos, word = after[0]
        return pos + len(word), None
    return end, None


def _preposition_before(
    s: str, hit: _Hit, span_start: int, cues: Cues, level: str
) -> bool:
    if level != "any":
        return False
    if "ب" in hit.clitic and not hit.clitic.endswith("لل") and len(hit.entry.key) > 3:
        return True
    before = words_before(s, span_start, 2)
    for n in (1, 2):
        if len(before) >= n:
            words = [w for _, w in before[-n:]]
            phrase = " ".join(words)
            if phrase in cues.prepositions:
                return True
            split = strip_proclitic(words[0], cues.prepositions) if n == 1 else None
            if split is not None:
                return True
    return False


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


_COORDINATION = re.compile(r"^\s*(?:\([^()]{0,20}\)\s*)?[،,]?\s*(?:و|and)?\s*$")


def _coordinated(
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


def _parent_supported(
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


_CACHE: dict[int, tuple[Gazetteer, Recognizer]] = {}


def recognizer_for(gazetteer: Gazetteer) -> Recognizer:
    """The cached :class:`Recognizer` of ``gazetteer`` (built on first use)."""
    cached = _CACHE.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        if len(_CACHE) >= 4:
            _CACHE.clear()
        cached = (gazetteer, Recognizer(gazetteer))
        _CACHE[id(gazetteer)] = cached
    return cached[1]


def open_cues(cues: Cues) -> OpenCues:
    """The open-designator part of the cues, for :class:`~kharita.open_places.OpenPlaces`."""
    return OpenCues(
        arabic=cues.open_designators,
        arabic_adjective=cues.open_adjective,
        english_before=cues.open_before_en,
        english_after=cues.open_after_en,
        prepositions=cues.prepositions,
        designators=frozenset(cues.designators),
    )
