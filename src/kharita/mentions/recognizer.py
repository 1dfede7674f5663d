"""The place-name recogniser: one Aho-Corasick automaton over every gazetteer key."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import ahocorasick

from ..doc import Doc
from ..gazetteer import Gazetteer
from ..models import Lang, Mention
from ..open_places import OpenPlaces
from ..place_types import is_country, type_agrees
from ..text.coordinates import find_coordinates
from ..text.frequency import zipf
from ..text.tokens import MatchText, match_text
from .cues import Cues, load_cues, open_cues
from .spans import (
    Entry,
    Hit,
    adjective_after,
    after_name_head,
    capitalised_in_prose,
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


class _Patterns:
    """The automaton's patterns of one gazetteer, and the entries of each on demand.

    A pattern is a usable gazetteer key, the key without «ال» (after «لل») or a
    Latin key without its article ("al-").  The automaton stores only lengths; a
    pattern's entries are made the first time the text holds it (about 11,000 keys
    are read at each start-up, a few hundred patterns are ever seen by a run).
    """

    def __init__(self, gazetteer: Gazetteer, cues: Cues) -> None:
        self._by_key = gazetteer.by_key
        self._skip = cues.prepositions | cues.designators.keys()
        self._articles = tuple(a for a in cues.latin_articles if " " not in a)
        self._position: dict[str, int] | None = None
        self._made: dict[str, tuple[Entry, ...]] = {}

    def usable(self, k: str) -> bool:
        if len(k) < 2 or k in self._skip or k.isdigit():
            return False
        return not (len(k) < 3 and _LATIN_LETTER.search(k) is not None)

    def patterns(self) -> Iterator[str]:
        """Every pattern (one pass over the keys, kept free of helper calls)."""
        skip, articles = self._skip, frozenset(self._articles)
        for k in self._by_key:
            if len(k) < 2 or k in skip or k.isdigit():
                continue
            latin = _LATIN_LETTER.search(k) is not None  # as support.is_latin_key
            if latin and len(k) < 3:
                continue
            yield k
            if latin:
                first, _, rest = k.partition(" ")
                if first in articles and len(rest) > 2:
                    yield rest
            elif len(k) > 4 and k.startswith("ال"):
                yield k[2:]

    def entries(self, pattern: str) -> tuple[Entry, ...]:
        """The entries of ``pattern``, in the gazetteer's key order."""
        made = self._made.get(pattern)
        if made is None:
            made = self._made[pattern] = self._make(pattern)
        return made

    def _make(self, p: str) -> tuple[Entry, ...]:
        by_key = self._by_key
        if self._position is None:
            self._position = {k: i for i, k in enumerate(by_key)}
        found: list[tuple[str, Entry]] = []
        latin = _LATIN_LETTER.search(p) is not None
        if p in by_key and self.usable(p):
            found.append((p, Entry(p, by_key[p], False, latin)))
        k = "ال" + p
        if not latin and len(k) > 4 and k in by_key and self.usable(k):
            found.append((k, Entry(k, by_key[k], True, False)))
        if len(p) > 2:
            for article in self._articles:
                k = article + " " + p
                if k in by_key and self.usable(k) and _LATIN_LETTER.search(k):
                    found.append((k, Entry(k, by_key[k], False, True)))
        position = self._position
        return tuple(e for _, e in sorted(found, key=lambda f: position[f[0]]))


class Recognizer:
    """Finds place names of one gazetteer in texts. Build once, call many times."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.cues = load_cues()
        self._patterns = _Patterns(gazetteer, self.cues)
        self._automaton: Any = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        add = self._automaton.add_word
        for pattern in self._patterns.patterns():
            add(pattern)
        self._empty = not len(self._automaton)
        if not self._empty:
            self._automaton.make_automaton()
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
        entries_of = self._patterns.entries
        for last, length in self._automaton.iter(s):
            start, end = last - length + 1, last + 1
            for entry in entries_of(s[start:end]):
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
        if (
            support is not None
            and not designator
            and adjective_after(s, span_end, hit, cues)
        ):
            return None
        o_start, o_end = mt.span(span_start, span_end)
        if support is not None and (
            designator
            or preposition_before(
                s, hit, span_start, cues, support, country=self._countries(hit)
            )
            or (
                hit.entry.latin
                and capitalised_in_prose(text, o_start, o_end, support, cues)
            )
        ):
            support = None
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

    def _countries(self, hit: Hit) -> bool:
        """Are all the places a hit may name countries?"""
        by_id = self.gazetteer.by_id
        return all(i in by_id and is_country(by_id[i].type) for i in hit.entry.ids)

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
