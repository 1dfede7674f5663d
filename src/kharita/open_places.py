"""Places the gazetteer does not know, named after an open designator.

«قرية X», «ناحية X», «حي X», «منطقة (X)», «مجمع X», «جبل X», "the village of X",
"X district", "Mount X": the designator says a place is named even when X is in
no gazetteer.  Each such name becomes a :class:`~kharita.models.Mention` of kind
``"fuzzy"``; its ``candidates`` are gazetteer places whose name is one or two
letters away from X and whose type agrees with the designator (spelling variants:
«كورمور»/«خورمور», «الكردستان»/«كردستان»), or none -- then resolution places it
in the best containing place the article names
(:mod:`kharita.resolve.containers`).

A word is taken as a name only if it looks like one: Arabic letters, not a
preposition or designator, not an indefinite nisba adjective («منطقة عسكرية»),
and not a common word (Zipf frequency below a threshold that is higher after a
settlement designator such as «حي»/«قرية» than after «منطقة»/«مدينة»).  A name in
quotes or parentheses after the designator is always taken (up to 3 words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Gazetteer
from .models import Mention
from .place_types import type_agrees
from .text.frequency import zipf
from .text.normalize import key
from .text.tokens import ARABIC_LETTERS, MatchText, words_after

_OPEN_WORD_MAX_ZIPF = 4.0  # a word more common than this after «مدينة» is not a name
_SETTLEMENT_MAX_ZIPF = 4.8  # after «حي», «قرية», «ناحية»...: plural nouns name quarters
_SECOND_WORD_MAX_ZIPF = 2.5  # a second word joins the name only when rare
_LATIN_WORD_MAX_ZIPF = 4.5
_SETTLEMENT_TYPES = ("neighbourhood", "village", "sub-district", "town")
_ADJECTIVE_MAX_ZIPF = 3.0  # an indefinite «-ة» word this common is an adjective («حرة»)
_VERB_MAX_ZIPF = 3.5
_NISBA_MIN_ZIPF = 1.0  # «حدودية» is a known word; «بلنسية» is a name
_OPEN_QUOTES = {'"': '"', "'": "'", "(": ")", "«": "»", "“": "”"}
# Words that begin multi-word Iraqi place names (tribal villages «البو X», «ابو X»,
# «ام X», «تل X», «عين X»...), in folded form: the next word is part of the name.
NAME_PREFIXES = frozenset(
    {"البو", "ابو", "ام", "آل", "ال", "بني", "بيت", "تل", "عين", "كفر", "دير", "جبل", "راس", "سيد", "شيخ", "الشيخ", "السيد"}
)  # fmt: skip

# The same prefixes in English transliteration ("the village of Albu Khalil", "Tal
# Qasim", "Umm Qasr"): a name starting with one is taken whole after an open designator.
LATIN_NAME_PREFIXES = frozenset(
    {"albu", "al bu", "tal", "tell", "umm", "abu", "ain", "bir", "jurf", "beit", "bani", "kafr", "deir", "jabal"}
)  # fmt: skip

_DESIGNATOR_SLACK = (
    16  # "village of Tal" (a shorter match with its designator) is covered
)
_CAPITAL = re.compile(r"[A-Z]")  # every _LATIN_NAME has one: no capital, no match
_LATIN_NAME = (
    r"((?:(?:al|el|Al|El)-)?[A-Z][\w'’-]+(?: (?:(?:al|el|Al|El)-)?[A-Z][\w'’-]+){0,2})"
)


@dataclass(frozen=True, slots=True)
class OpenCues:
    """Open designators by language and position, normalised with :func:`key`."""

    arabic: dict[str, str]  # cue -> |-separated implied types
    arabic_adjective: dict[str, str]  # «البحر الأحمر»: the adjectives name the place
    english_before: dict[str, str]  # "village of X"
    english_after: dict[str, str]  # "X village"
    prepositions: frozenset[str]
    designators: frozenset[str]


class OpenPlaces:
    """Finds open-designator names in a text and fuzzy-matches them to a gazetteer."""

    def __init__(self, gazetteer: Gazetteer, cues: OpenCues) -> None:
        self.gazetteer = gazetteer
        self.cues = cues
        alternation = "|".join(
            re.escape(c)
            for c in sorted(
                {*cues.arabic, *cues.arabic_adjective}, key=len, reverse=True
            )
        )
        self._arabic = re.compile(
            r"(?:^|(?<=[\s\"'(«]))(?:[وف]?[بلك]?)(" + alternation + r")(?= )"
        )
        self._before = _latin_regex(cues.english_before, before=True)
        self._after = _latin_regex(cues.english_after, before=False)
        self._by_length: dict[int, list[str]] = {}
        for k, _ids in gazetteer.keys():  # noqa: SIM118 (Gazetteer.keys yields (key, ids))
            self._by_length.setdefault(len(k), []).append(k)

    def __call__(
        self, mt: MatchText, text: str, known: Sequence[Mention]
    ) -> list[Mention]:
        """Open-designator mentions not overlapping ``known`` ones."""
        return self.with_replaced(mt, text, known)[0]

    def with_replaced(
        self, mt: MatchText, text: str, known: Sequence[Mention]
    ) -> tuple[list[Mention], set[int]]:
        """Open-designator mentions not overlapping ``known`` ones, and the
        indices of ``known`` mentions an English prefixed name covers ("the
        village of Albu Khalil" replaces a match of "Khalil")."""
        out: list[Mention] = []
        replaced: set[int] = set()
        for made in (*self._arabic_mentions(mt, text), *self._latin_mentions(text)):
            hit = {
                i
                for i, k in enumerate(known)
                if made.start < k.end and k.start < made.end
            }
            if (
                hit
                and _prefixed_latin(made.matched)
                and all(
                    made.start - _DESIGNATOR_SLACK <= known[i].start
                    and made.start < known[i].end <= made.end
                    for i in hit
                )
            ):
                replaced |= hit
                hit = set()
            if not hit and not any(
                made.start < k.end and k.start < made.end for k in out
            ):
                out.append(made)
        return out, replaced

    # -- Arabic -------------------------------------------------------------------
    def _arabic_mentions(self, mt: MatchText, text: str) -> list[Mention]:
        s, cues = mt.text, self.cues
        out: list[Mention] = []
        for m in self._arabic.finditer(s):
            cue = m.group(1)
            types = cues.arabic.get(cue) or cues.arabic_adjective.get(cue) or ""
            if cue in cues.arabic_adjective:
                found = _adjective_name(s, m.end(1))
            else:
                found = _quoted_name(s, m.end(1)) or self._bare_name(s, m.end(1), types)
            if found is None:
                continue
            name, end = found
            start, stop = mt.span(m.start(1), end)
            ids = self.fuzzy(name, types)
            out.append(
                Mention(start, stop, text[start:stop], name, ids, "fuzzy", cue, types)
            )
        return out

    def _bare_name(self, s: str, pos: int, types: str) -> tuple[str, int] | None:
        words = words_after(s, pos, 2)
        if not words or not self._name_word(words[0][1], types):
            return None
        name = [words[0]]
        if len(words) > 1 and (
            self._second_word(words[1][1])
            or self._after_prefix(words[0][1], words[1][1])
        ):
            name.append(words[1])
        return " ".join(w for _, w in name), name[-1][0] + len(name[-1][1])

    def _name_word(self, word: str, types: str) -> bool:
        cues = self.cues
        if not _arabic_word(word) or len(word) < 3:
            return False
        if word in cues.prepositions or word in cues.designators or word in cues.arabic:
            return False
        if not word.startswith("ال") and _indefinite_adjective_or_verb(word):
            return False
        settlement = types.split("|")[0] in _SETTLEMENT_TYPES
        limit = (
            _SETTLEMENT_MAX_ZIPF
            if settlement and word.startswith("ال")
            else _OPEN_WORD_MAX_ZIPF
        )
        return zipf(word, "ar") < limit

    def _after_prefix(self, first: str, word: str) -> bool:
        """«البو حياة», «ابو غريب», «تل الذهب»: a name prefix always takes the next word."""
        return (
            first in NAME_PREFIXES
            and _arabic_word(word)
            and word not in self.cues.prepositions
            and word not in self.cues.designators
        )

    def _second_word(self, word: str) -> bool:
        cues = self.cues
        return (
            _arabic_word(word)
            and len(word) >= 3
            and word[0]
            not in "ولب"  # a conjunction or preposition starts the next phrase
            and not (
                word.startswith("ال") and word.endswith(("يه", "ي"))
            )  # «البرازيلية»
            and word not in cues.prepositions
            and word not in cues.designators
            and zipf(word, "ar") < _SECOND_WORD_MAX_ZIPF
        )

    # -- English ------------------------------------------------------------------
    def _latin_mentions(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        if _CAPITAL.search(text) is None:  # an Arabic article: skip the English regexes
            return out
        for rx, before in ((self._before, True), (self._after, False)):
            if rx is None:
                continue
            for m in rx.finditer(text):
                cue_group, name_group = (1, 2) if before else (2, 1)
                raw = m.group(name_group)
                name = _trim_latin(raw, from_left=not before)
                if not name:
                    continue
                cue = key(m.group(cue_group))
                table = self.cues.english_before if before else self.cues.english_after
                types = table.get(cue, "")
                if (
                    before
                ):  # "the village of X": the span is the name (English convention)
                    start = m.start(name_group)
                    stop = start + len(name)
                else:
                    start, stop = m.end(name_group) - len(name), m.end(cue_group)
                ids = self.fuzzy(key(name), types)
                out.append(
                    Mention(
                        start,
                        stop,
                        text[start:stop],
                        key(name),
                        ids,
                        "fuzzy",
                        cue,
                        types,
                    )
                )
        return out

    # -- fuzzy gazetteer match ----------------------------------------------------------
    def fuzzy(self, name: str, types: str) -> tuple[str, ...]:
        """Gazetteer ids whose name is ``name`` up to a letter or two and whose type agrees."""
        return _fuzzy_cached(self, name, types)

    def _fuzzy(self, name: str, types: str) -> tuple[str, ...]:
        gaz = self.gazetteer
        forms = [name]
        if name.startswith("ال") and len(name) > 4:
            forms.append(name[2:])
        elif _arabic_word(name.replace(" ", "")):
            forms.append("ال" + name)
        for form in forms:
            ids = self._agreeing(gaz.by_key.get(form, ()), types)
            if ids:
                return ids
        if len(name) < 5:
            return ()
        from rapidfuzz import process  # lazy: start-up (fuzzy look-ups are rare)
        from rapidfuzz.distance import Levenshtein

        limit = 1 if len(name) < 9 else 2
        best: tuple[int, tuple[str, ...]] = (limit + 1, ())
        for length in range(len(name) - limit, len(name) + limit + 1):
            choices = self._by_length.get(length)
            if not choices:
                continue
            for match, dist, _ in process.extract(
                name,
                choices,
                scorer=Levenshtein.distance,
                score_cutoff=limit,
                limit=None,
            ):
                if match[0] != name[0] and dist > 1:
                    continue
                ids = self._agreeing(gaz.by_key.get(match, ()), types)
                if ids and dist < best[0]:
                    best = (int(dist), ids)
        return best[1]

    def _agreeing(self, ids: Sequence[str], types: str) -> tuple[str, ...]:
        by_id = self.gazetteer.by_id
        return tuple(i for i in ids if i in by_id and _agrees(by_id[i].type, types))


@lru_cache(maxsize=4096)
def _fuzzy_cached(finder: OpenPlaces, name: str, types: str) -> tuple[str, ...]:
    return finder._fuzzy(name, types)


def _agrees(place_type: str, types: str) -> bool:
    if type_agrees(place_type, types):
        return True
    # «منطقة X» names villages, towns, quarters and sub-districts alike
    return "area" in types.split("|") and type_agrees(
        place_type, "town|city|village|neighbourhood|sub-district"
    )


def _latin_regex(cues: dict[str, str], *, before: bool) -> re.Pattern[str] | None:
    if not cues:
        return None
    alternation = "|".join(
        re.escape(c).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
        for c in sorted(cues, key=len, reverse=True)
    )
    if before:
        return re.compile(
            r"\b(?i:(" + alternation + r"))\s+(?:the\s+)?" + _LATIN_NAME + r"\b"
        )
    return re.compile(r"\b" + _LATIN_NAME + r"\s+(?i:(" + alternation + r"))\b")


def _trim_latin(name: str, *, from_left: bool) -> str:
    """The words next to the designator that look like a name (rare in ordinary
    English); a name prefix (Tal, Umm, Albu) before a kept word stays."""
    kept: list[str] = []
    words = name.split(" ")
    ordered = list(reversed(words)) if from_left else words
    for n, word in enumerate(ordered):
        bare = word.lower().removeprefix("al-").removeprefix("el-").strip("'’")
        if bare.endswith("'s") or bare.endswith("’s"):
            break
        rest = words[len(words) - 1 - n :] if from_left else words[n:]
        prefix = _prefixed_latin(" ".join(rest)) and (kept or not from_left)
        if zipf(bare, "en") >= _LATIN_WORD_MAX_ZIPF and not prefix:
            break
        kept.append(word)
    return " ".join(reversed(kept) if from_left else kept)


def _prefixed_latin(name: str) -> bool:
    """ "Albu Khalil", "Al Bu Khalil", "Tal Qasim": a prefix and at least one more word."""
    words = name.lower().replace("-", " ").split()
    return (
        len(words) > 1
        and (
            words[0] in LATIN_NAME_PREFIXES
            or " ".join(words[:2]) in LATIN_NAME_PREFIXES
        )
        and len(words) > (2 if " ".join(words[:2]) in LATIN_NAME_PREFIXES else 1)
    )


def _quoted_name(s: str, pos: int) -> tuple[str, int] | None:
    """«منطقة (الموفقية)», «حي "أور"»: up to 3 Arabic words between quotes or parentheses."""
    j = pos
    while j < len(s) and s[j] == " ":
        j += 1
    close = _OPEN_QUOTES.get(s[j : j + 1])
    if close is None:
        return None
    end = s.find(close, j + 1, j + 40)
    if end < 0:
        return None
    words = s[j + 1 : end].split()
    if not 1 <= len(words) <= 3 or not all(_arabic_word(w) for w in words):
        return None
    if len(words[0]) < 2:
        return None
    return " ".join(words), end + 1


def _adjective_name(s: str, pos: int) -> tuple[str, int] | None:
    words = words_after(s, pos, 2)
    if not words or not words[0][1].startswith("ال"):
        return None
    name = [w for w in words[:2] if w[1].startswith("ال") and _arabic_word(w[1])][:2]
    if not name:
        return None
    return " ".join(w for _, w in name), name[-1][0] + len(name[-1][1])


def _indefinite_adjective_or_verb(word: str) -> bool:
    """«عسكرية», «مقدسة», «حرة», «يقطن»: not a name after «منطقة»/«مدينة»."""
    if word.endswith("يه") and zipf(word, "ar") >= _NISBA_MIN_ZIPF:  # nisba adjective
        return True
    if word.endswith("ه") and (
        word.startswith("م") or zipf(word, "ar") >= _ADJECTIVE_MAX_ZIPF
    ):
        return True  # participle («متطورة») or a common adjective («حرة»)
    return (
        len(word) == 4
        and word[0] in "يت"
        and word[1] not in "وا"
        and zipf(word, "ar") >= _VERB_MAX_ZIPF
    )  # imperfect verb («يقطن», «يحظر»)


def _arabic_word(word: str) -> bool:
    return bool(word) and all(c in ARABIC_LETTERS for c in word)
