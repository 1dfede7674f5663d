"""Checks around one automaton hit: word boundaries, designators, organisations.

All functions read the match text (``s``, normalised, separators collapsed)
around a :class:`Hit`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..text.frequency import zipf
from ..text.tokens import (
    ARABIC_LETTERS,
    PROCLITICS,
    MatchText,
    strip_proclitic,
    word_start,
    words_after,
    words_before,
)
from .cues import Cues

_QUOTES = frozenset("\"'")
_LATIN_ARTICLE_START = re.compile(r"([A-Za-z]{1,3})[-\s]")
_ARTICLE_BEFORE = re.compile(r"\b([A-Za-z]{1,3})[-\s]$")
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
GIVEN_NAME_MAX_ZIPF = 3.0  # "Moqtada", "Nouri", "Hadi": rare as English words


class Entry(NamedTuple):
    """One automaton pattern: a gazetteer key, or its form after «لل» (a named
    tuple: about 11,000 are made at each start-up)."""

    key: str
    ids: tuple[str, ...]
    lil: bool  # the «ال» of the key is absorbed in a preceding «لل»
    latin: bool


@dataclass(frozen=True, slots=True)
class Hit:
    """An automaton hit that passed the word-boundary checks."""

    start: int  # in match text, after any clitic
    end: int
    entry: Entry
    clitic: str  # proclitic stack glued before the name ("" if none)


def _quoted_or_reported(s: str, hit: Hit, last: tuple[int, str], cues: Cues) -> bool:
    lo = hit.start - len(hit.clitic)
    before_char = s[lo - 1] if lo > 0 else ""
    if lo > 1 and before_char == " ":
        before_char = s[lo - 2]
    end = last[0] + len(last[1])
    after_char = s[end] if end < len(s) else ""
    if before_char in _QUOTES or after_char in _QUOTES:
        return True
    prev = words_before(s, lo, 1)
    return bool(prev) and prev[0][1] in cues.reporting


def check_arabic(s: str, start: int, end: int, entry: Entry) -> Hit | None:
    if end < len(s) and s[end] in ARABIC_LETTERS:
        return None
    j = word_start(s, start)
    clitic = s[j:start]
    if entry.lil:
        if not clitic.endswith("لل") or clitic not in PROCLITICS:
            return None
    elif clitic and clitic not in PROCLITICS:
        return None
    return Hit(start, end, entry, clitic)


def check_latin(
    s: str, start: int, end: int, entry: Entry, articles: frozenset[str]
) -> Hit | None:
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
            and prev[0][1] in articles
            and prev[0][0] + len(prev[0][1]) + 1 == start
        ):
            return Hit(prev[0][0], end, entry, "")
    return Hit(start, end, entry, clitic)


def tanween_after(original: str, mt: MatchText, end: int) -> bool:
    """«تركياً»: a name written with tanween fath is an adverb/adjective, not a place."""
    if end >= len(mt.text) + 1 or end == 0:
        return False
    o_end = mt.span(end - 1, end)[1]
    return (
        original[o_end : o_end + 1] == "\u064b"
        or original[o_end + 1 : o_end + 2] == "\u064b"
    )


def has_upper(original: str, mt: MatchText, hit: Hit) -> bool:
    o_start, o_end = mt.span(hit.start, hit.end)
    return any(c.isupper() for c in original[o_start:o_end])


def find_designator(
    s: str, hit: Hit, span_start: int, cues: Cues
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
        if split is not None and not split[0].endswith("ال"):
            return split[1], cues.designators[split[1]], pos + len(split[0])
        # construction definite_designator: «المدينة الهندية» is "the Indian
        # city" (a noun and its adjective); a designator leads a name only
        # without the article («مدينة الهندية», «بمدينة الموصل»)
    return None, None, span_start


def extend_trailing(
    s: str, end: int, designated: bool, cues: Cues
) -> tuple[int, str | None]:
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


def preposition_before(
    s: str, hit: Hit, span_start: int, cues: Cues, level: str, *, country: bool = False
) -> bool:
    """A preposition of place right before the name (support for a name that is
    also a common word).  construction preposition_article: an English article
    may stand between them ("in the Green Zone"), except before a ``country``,
    where "the" makes the name an adjective ("opposed to the U.S. military")."""
    if level != "any":
        return False
    if "ب" in hit.clitic and not hit.clitic.endswith("لل") and len(hit.entry.key) > 3:
        return True
    before = words_before(s, span_start, 3)
    if before and before[-1][1] in cues.articles:
        if country:
            return False
        before = before[:-1]
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


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")


def capitalised_in_prose(
    text: str, start: int, end: int, level: str, cues: Cues
) -> bool:
    """construction capitalised_name: an English name of two words or more,
    capitalised, right after a lowercase word of running text ("struck the
    Green Zone", "crowds filled Liberation Square") is a proper name whatever
    its words mean alone.  A name opening a sentence or following a
    capitalised word (a headline in title case) does not count; nor does a name
    the common-word table asks strong support for."""
    if level != "any":
        return False
    words = text[start:end].split()
    if len(words) < 2 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    for word in words[1:-1]:
        low = word.lower()
        if not (
            word[:1].isupper()
            or low in cues.name_links
            or low in cues.articles
            or low.split("-")[0] in cues.latin_articles
        ):
            return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).islower()


def adjective_after(s: str, end: int, hit: Hit, cues: Cues) -> bool:
    """construction common_noun_adjective: a one-word Arabic name that is also a
    common word, followed by a definite word, is the noun and its adjective
    («في الدور الأول» the first round, «العلم العراقي» the Iraqi flag, «فن
    العمارة الصينية»), or by a number («في سنة 2002»), not the place; an
    appositive noun after a name is no adjective («مومباي العاصمة التجارية»,
    place_cues.tsv kind apposition)."""
    if hit.entry.latin or " " in hit.entry.key:
        return False
    after = words_after(s, end, 1)
    if not after or after[0][0] != end + 1:
        return False
    word = after[0][1]
    if word[:1].isdigit():  # «في سنة 2002»: the noun and its number
        return True
    return word.startswith("ال") and word not in cues.appositions


def after_name_head(s: str, span_start: int, cues: Cues) -> bool:
    """«أبو صيدا», "Abu Saida": a name right after «أبو»/"Abu", «ابن», «بني»...
    is the tail of a longer name (a person's, or a place the gazetteer lacks),
    not the place it spells alone (Saida, Lebanon).  A known compound ("Abu
    Ghraib") is matched whole and never reaches this check."""
    before = words_before(s, span_start, 1)
    return bool(before) and before[-1][1] in cues.name_heads


def is_org(s: str, hit: Hit, cues: Cues, credit_after: bool = False) -> bool:
    """Is the name part of an organisation or outlet name (شرطة البصرة، «بغداد اليوم»)?

    ``credit_after``: the original text has a wire credit right after the name
    ("Makhmur -police", "Kirkuk - medics"): the word after the dash is the
    source of the report, not part of a "Basra police" organisation name.
    """
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
        if len(before) >= n and " ".join(w for _, w in before[-n:]) in cues.org_before:
            # construction operations_sector: «قاطع عمليات ديالى» is an area, a
            # designator longer than the organisation cue inside it
            return not any(
                " ".join(w for _, w in before[-m:]) in cues.designators
                for m in range(n + 1, len(before) + 1)
            )
    after = [] if credit_after else words_after(s, hit.end, 2)
    for n in (1, 2):
        if len(after) >= n:
            cue = " ".join(w for _, w in after[:n])
            requires = cues.org_after.get(cue)
            if requires is not None and (
                not requires or _quoted_or_reported(s, hit, after[n - 1], cues)
            ):
                return True
    return False


def family_name(text: str, o_start: int, cues: Cues) -> bool:
    """ "Moqtada al-Sadr", "Nouri al-Maliki": a Latin name written with its Arabic
    article right after a capitalised word that is rare in English (a given
    name) is a family name, not a place («الصدر» is Sadr City only as «مدينة
    الصدر»).  Place words before a name (designators, prepositions, "Western")
    are common English words and do not count.
    """
    article = _LATIN_ARTICLE_START.match(text, o_start)
    if article is None or article.group(1).lower() not in cues.latin_articles:
        glued = _ARTICLE_BEFORE.search(text, max(0, o_start - 5), o_start)
        if glued is None or glued.group(1).lower() not in cues.latin_articles:
            return False
        o_start = glued.start()
    before = _WORD_BEFORE.search(text, max(0, o_start - 30), o_start)
    if before is None:
        return False
    word = before.group(1).lower()
    if word in cues.designators or word in cues.prepositions:
        return False
    return zipf(word, "en") < GIVEN_NAME_MAX_ZIPF
