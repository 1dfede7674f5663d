"""The place-name recogniser: one Aho-Corasick automaton over every gazetteer key."""

from __future__ import annotations

import re
from typing import Any

import ahocorasick

from ..doc import Doc
from ..gazetteer import Gazetteer
from ..models import Lang, Mention
from ..open_places import OpenPlaces
from ..place_types import type_agrees
from ..text.coordinates import find_coordinates
from ..text.frequency import zipf
from ..text.tokens import MatchText, match_text
from .cues import Cues, load_cues, open_cues
from .spans import (
    Entry,
    Hit,
    after_name_head,
    check_arabic,
    check_latin,
    extend_trailing,
    family_name,
    find_designator,
    has_upper,
    is_org,
    preposition_before,
    tanween_after,
)
from .spellings import SpellingIndex
from .support import coordinated, parent_supported, support_needed


def _patterns(gazetteer: Gazetteer, cues: Cues) -> dict[str, list[Entry]]:
    """Every automaton pattern and its entries: each usable gazetteer key, plus the
    key without «ال» (after «لل») and a Latin key without its article ("al-")."""
    skip = cues.prepositions | cues.designators.keys()
    articles = cues.latin_articles
    merged: dict[str, list[Entry]] = {}
    add = merged.setdefault
    # one pass over ~11,000 keys at every start-up: kept free of helper calls
    for k, ids in gazetteer.keys():  # noqa: SIM118 (Gazetteer.keys yields (key, ids))
        if len(k) < 2 or k in skip or k.isdigit():
            continue
        latin = _LATIN_LETTER.search(k) is not None  # as support.is_latin_key
        if latin and len(k) < 3:
            continue
        add(k, []).append(Entry(k, ids, False, latin))
        if latin:
            first, _, rest = k.partition(" ")
            if first in articles and len(rest) > 2:
                add(rest, []).append(Entry(k, ids, False, True))
        elif len(k) > 4 and k.startswith("ال"):
            add(k[2:], []).append(Entry(k, ids, True, False))
    return merged


class Recognizer:
    """Finds place names of one gazetteer in texts. Build once, call many times."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.cues = load_cues()
        merged = _patterns(gazetteer, self.cues)
        self._automaton: Any = ahocorasick.Automaton()
        for pattern, entries in merged.items():
            self._automaton.add_word(pattern, (len(pattern), tuple(entries)))
        if merged:
            self._automaton.make_automaton()
        self._empty = not merged
        self._support: dict[str, str | None] = {}
        self._open = OpenPlaces(gazetteer, open_cues(self.cues))
        self._spellings = SpellingIndex(gazetteer)
        zipf(
            "بغداد", "ar"
        )  # load the word-frequency tables now, not on the first article
        zipf("baghdad", "en")

    def __call__(self, text: str, lang: Lang = "ar") -> list[Mention]:
        """Every place mention in ``text``, sorted by start offset."""
        if not text:
            return []
        return self._recognise(text, match_text(text))

    def recognise(self, doc: Doc) -> list[Mention]:
        """Every place mention of ``doc`` (read from its match text), sorted."""
        if not doc.original_text:
            return []
        return self._recognise(doc.original_text, doc.match)

    def _recognise(self, text: str, mt: MatchText) -> list[Mention]:
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
        kept = parent_supported(coordinated(text, mentions), self.gazetteer)
        opened, replaced = self._open.with_replaced(mt, text, kept)
        if replaced:
            kept = [m for i, m in enumerate(kept) if i not in replaced]
        kept += opened
        if not lower_only:
            kept += self._spellings.find(text, [*kept, *coords], self.cues)
        kept = [m for m in kept if not any(_overlaps(m, c) for c in coords)]
        return sorted([*kept, *coords], key=lambda m: (m.start, m.end))

    # -- raw hits -----------------------------------------------------------
    def _hits(
        self, s: str, original: str, mt: MatchText, lower_only: bool
    ) -> list[Hit]:
        out: list[Hit] = []
        tanween = "\u064b" in original  # rare: check it per hit only when present
        for last, (length, entries) in self._automaton.iter(s):
            start, end = last - length + 1, last + 1
            for entry in entries:
                hit = (
                    check_latin(s, start, end, entry, self.cues.latin_articles)
                    if entry.latin
                    else check_arabic(s, start, end, entry)
                )
                if hit is None:
                    continue
                if entry.latin and not lower_only and not has_upper(original, mt, hit):
                    continue
                if not entry.latin and tanween and tanween_after(original, mt, end):
                    continue
                out.append(hit)
        return out

    @staticmethod
    def _select(hits: list[Hit]) -> list[Hit]:
        """Longest first, then leftmost; drop anything overlapping a kept hit."""
        kept: list[Hit] = []
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
                kept[i] = Hit(left.start, max(hit.end, old.end), old.entry, left.clitic)
                taken[i] = (min(lo, taken[i][0]), max(hit.end, taken[i][1]))
        return kept

    # -- one mention ----------------------------------------------------------
    def _mention(
        self, hit: Hit, mt: MatchText, text: str
    ) -> tuple[Mention, str | None] | None:
        s, cues = mt.text, self.cues
        credit = _CREDIT.match(text, mt.span(hit.start, hit.end)[1]) is not None
        if is_org(s, hit, cues, credit):
            return None
        span_start = hit.start - (
            len(hit.clitic) if hit.entry.lil or hit.clitic.endswith("ال") else 0
        )
        if hit.entry.lil:
            span_start = hit.start - 2
        designator, dtypes, span_start = find_designator(s, hit, span_start, cues)
        if designator is None and after_name_head(s, span_start, cues):
            return None
        span_end, post_types = extend_trailing(s, hit.end, designator is not None, cues)
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
            designator or preposition_before(s, hit, span_start, cues, support)
        ):
            support = None
        o_start, o_end = mt.span(span_start, span_end)
        if hit.entry.latin and family_name(text, o_start, cues):
            return None
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

    def _support_needed(self, hit: Hit) -> str | None:
        """``None`` if the name needs no support, else the level it needs (cached per name)."""
        k = hit.entry.key
        if k not in self._support:
            level = support_needed(self.gazetteer, k, hit.entry.ids, self.cues)
            if level is not None and self._holds_a_sure_name(k):
                level = None
            self._support[k] = level
        return self._support[k]

    def _holds_a_sure_name(self, k: str) -> bool:
        """A several-word name that contains another place's name needing no
        support ("west Mosul", «غرب الموصل») is a place on that evidence: the
        longer name must not need more support than the name inside it."""
        words = k.split(" ")
        by_key = self.gazetteer.by_key
        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                sub = " ".join(words[i : i + size])
                ids = by_key.get(sub)
                if ids and support_needed(self.gazetteer, sub, ids, self.cues) is None:
                    return True
        return False


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


_LATIN_LETTER = re.compile("[a-z]")
# a wire credit after a name: " -police", " - medics", " – sources" (a spaced dash)
_CREDIT = re.compile(r"\s+[-–—]\s*\w")

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
