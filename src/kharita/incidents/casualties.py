"""Casualty counts: killed and wounded as :class:`~kharita.models.Count` ranges.

A count is read only next to a casualty cue (``مقتل 11``, ``15 قتيلا``,
``استشهد شخص وأصيب 8 آخرين``, "five civilians killed"), in the direction the
cue table gives, never across another cue or a clause break, so dates,
distances and unit numbers (``الفوج 52``, "32nd Brigade") are not counted.

Conventions (documented in ``lexicon/number_words.tsv``):

* exact ``N`` -> ``Count(N, N)``; a range ``3 إلى 5`` / "3-5" -> ``Count(3, 5)``;
* ``أكثر من 10`` / "more than 10" -> ``Count(11, None)`` (open above);
* ``ما لا يقل عن 10`` / "at least 10" -> ``Count(10, None)``;
* ``نحو 10`` / "about 10" -> ``Count(10, 10)`` (kept as stated);
* vague quantities: ``عشرات`` -> ``Count(20, None)``, "dozens" 24, ``عدة`` /
  "several" 2, ``مئات`` 200 (lower bounds, open above);
* a counted noun right after a cue means one (``استشهد شخص``), a dual means two
  (``شخصان``, ``جريحين``);
* "nobody hurt" phrases (``دون وقوع خسائر بشرية``, "no casualties") ->
  ``Count(0, 0)`` for both, unless a positive count is also given;
* nothing stated -> ``Count()`` (unknown).  Plural nouns without a number
  (``سقوط جرحى``) stay unknown.

With several figures for the same kind in an incident's sentences (a toll
that rose from 11 to 15) the largest lower bound wins; a stated figure always
beats a quantity word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table
from ..models import Count
from ._lex import by_lang, compile_phrases, lookup, phrase_key

_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:'[^\W\d_]+)?|[,;:()\"]|\s-\s")
_BREAK = {",", ";", ":", "(", ")", '"', " - "}
_CLITIC = re.compile(r"^(?:[وف]?(?:بال|لل|ال|[بل])?)")
_UNITS = {
    "كم", "كيلومتر", "كيلومترات", "كيلو", "متر", "امتار", "km", "kilometres", "kilometers",
    "miles", "عاما", "عام", "سنه", "سنوات", "years", "year", "صاروخ", "صواريخ", "rockets",
    "دقيقه", "ساعه", "ساعات", "hours", "minutes", "بالميه", "percent", "دولار", "دينار",
}  # fmt: skip
_ORDINAL_NOUNS = {
    "الفوج", "فوج", "اللواء", "لواء", "الفرقه", "فرقه", "brigade", "division", "battalion",
    "regiment", "الساعه", "عام", "العام", "سنه", "الكيلو", "الطريق", "رقم", "no",
}  # fmt: skip
_NEGATED = re.compile(r"(?<!\w)(?:دون|لم|بدون|عدم)(?!\w)")
_CONNECT_RANGE = {"الي", "to", "و", "-", "and"}
_AND = {"and", "و"}
_NEGATORS = {"لم", "دون", "بدون", "عدم", "لا", "no", "without", "not"}
_HARD_BREAK = {";", ":", "(", ")", " - "}
_OTHERS = {"اخرين", "اخرون", "others", "other"}
_SKIP = {"من", "of", "the", "at", "others", "other", "اخرين", "اخرون", "اخر", "were", "was",
         "all", "his", "their", "who", "are", "have", "has", "been", "badly", "seriously",
         "critically", "slightly", "in", "including", "people", "مدنيا", "شخصا", "اشخاص",
         "عنصرا", "بجروح", "جروح", "مختلفه", "بليغه", "على", "الاقل", "least", "members",
         "civilians", "soldiers", "troops", "gunmen", "فيما", "حين", "sustained", "suffered",
         "minor", "light", "serious"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """A count read next to a cue: ``kind`` is killed or wounded; folded offsets."""

    kind: str
    count: Count
    start: int
    end: int
    vague: bool = False  # from a quantity word (عشرات, several), not a figure


_Read = tuple[Count, int, int, bool]  # count, first token, token after, vague


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str  # clitic-stripped
    raw: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _lexicon() -> tuple[
    dict[str, dict[str, dict[str, str]]], dict[str, dict[str, str]]
]:
    cues = by_lang(load_table("casualty_cues"), "cue")
    numbers: dict[str, dict[str, str]] = {}
    for row in load_table("number_words"):
        numbers.setdefault(phrase_key(row["word"]), row)
    return cues, numbers


@lru_cache(maxsize=1)
def _zero_patterns() -> list[tuple[re.Pattern[str], dict[str, dict[str, str]]]]:
    cues, _ = _lexicon()
    out = []
    for lang, table in cues.items():
        zero = {k: v for k, v in table.items() if v["kind"].startswith("zero")}
        out.append((compile_phrases(zero, lang), zero))
    return out


def _tokens(text: str, offset: int) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        stripped = raw if raw.isdigit() or raw in _BREAK else _strip(raw)
        out.append(_Tok(stripped, raw, offset + m.start(), offset + m.end()))
    return out


def _strip(word: str) -> str:
    _, numbers = _lexicon()
    if word in numbers or not _CLITIC.match(word):
        return word
    rest = _CLITIC.sub("", word, count=1)
    return rest if len(rest) >= 2 else word


def _cue(
    toks: list[_Tok], i: int, lang_cues: list[dict[str, dict[str, str]]]
) -> tuple[dict[str, str], int] | None:
    """The cue starting at token ``i`` and how many tokens it spans."""
    for width in (3, 2, 1):
        if i + width > len(toks):
            continue
        raw = " ".join(t.raw for t in toks[i : i + width])
        stripped = " ".join([toks[i].text, *(t.raw for t in toks[i + 1 : i + width])])
        for table in lang_cues:
            for key in (raw, stripped):
                row = table.get(key)
                if row is not None and not row["kind"].startswith("zero"):
                    return row, width
    return None


def _number(toks: list[_Tok], k: int) -> tuple[dict[str, str] | None, int, int]:
    """A number at token ``k``: (row or None for digits, value, tokens used); value -1 = none."""
    _, numbers = _lexicon()
    if k >= len(toks):
        return None, -1, 0
    tok = toks[k]
    if tok.raw.isdigit():
        if len(tok.raw) > 4 or _not_a_count(toks, k):
            return None, -1, 0
        return None, int(tok.raw), 1
    for width in (3, 2, 1):
        words = " ".join(t.raw for t in toks[k : k + width])
        alt = " ".join([tok.text, *(t.raw for t in toks[k + 1 : k + width])])
        row = numbers.get(words) or numbers.get(alt)
        if row is not None and row["kind"] != "modifier" and k + width <= len(toks):
            return row, int(row["min"]), width
    return None, -1, 0


def _not_a_count(toks: list[_Tok], k: int) -> bool:
    value = int(toks[k].raw)
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    prev = toks[k - 1].text if k > 0 else ""
    prev_raw = toks[k - 1].raw if k > 0 else ""
    return (
        value >= 1900
        or nxt in _UNITS
        or prev in _ORDINAL_NOUNS
        or prev_raw in _ORDINAL_NOUNS
        or nxt in {"st", "nd", "rd", "th"}
        or nxt in _month_words()
    )


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    return frozenset(phrase_key(r["name"]).split()[0] for r in load_table("months"))


def _modifier(toks: list[_Tok], k: int) -> tuple[str, int]:
    _, numbers = _lexicon()
    for width in (4, 3, 2, 1):
        words = " ".join(t.raw for t in toks[k : k + width])
        alt = (
            " ".join([toks[k].text, *(t.raw for t in toks[k + 1 : k + width])])
            if k < len(toks)
            else ""
        )
        row = numbers.get(words) or numbers.get(alt)
        if row is not None and row["kind"] == "modifier" and k + width <= len(toks):
            return row["op"], width
    return "", 0


def _quantity(
    toks: list[_Tok], k: int, *, adjacent: bool, backward: bool = False
) -> tuple[Count, int, bool] | None:
    """A quantity starting at token ``k``: (count, index after it, vague)."""
    op, used = _modifier(toks, k)
    row, value, width = _number(toks, k + used)
    if value < 0:
        return None
    end = k + used + width
    if (
        row is not None
        and row["kind"] == "singular"
        and not (adjacent or (backward and row["lang"] == "en"))
    ):
        return None
    if row is not None and row["kind"] == "vague":
        return Count(value, None), end, True
    if end + 1 < len(toks) and toks[end].raw in _CONNECT_RANGE:
        _, upper, w2 = _number(toks, end + 1)
        if upper > value:
            return Count(value, upper), end + 1 + w2, False
    if op == "gt":
        return Count(value + 1, None), end, False
    if op == "ge":
        return Count(value, None), end, False
    if op == "le":
        return Count(min(1, value), value), end, False
    return Count(value, value), end, False


def _stop(tok: _Tok, cue_at: set[int], index: int) -> bool:
    return tok.raw in _BREAK or index in cue_at


def _forward(toks: list[_Tok], j: int, cue_at: set[int]) -> _Read | None:
    unknown = 0
    for k in range(j, min(len(toks), j + 6)):
        if _stop(toks[k], cue_at, k):
            return None
        if toks[k].raw in _AND:
            return None  # a new conjunct: «injuries and one member ...»
        found = _quantity(toks, k, adjacent=(k == j))
        if found is not None:
            return found[0], k, found[1], found[2]
        if toks[k].raw not in _SKIP and toks[k].text not in _SKIP:
            unknown += 1
            if unknown > 2:
                return None
    return None


def _backward(toks: list[_Tok], i: int, cue_at: set[int]) -> _Read | None:
    unknown = 0
    for k in range(i - 1, max(-1, i - 7), -1):
        if _stop(toks[k], cue_at, k) or toks[k].raw in _AND:
            return None
        for s in range(max(0, k - 3), k + 1):
            found = _quantity(toks, s, adjacent=(k == i - 1), backward=True)
            if found is not None and found[1] == k + 1:
                return found[0], s, found[1], found[2]
        if toks[k].raw not in _SKIP and toks[k].text not in _SKIP:
            unknown += 1
            if unknown > 2:
                return None
    return None


def _read(
    toks: list[_Tok], i: int, width: int, row: dict[str, str], cue_at: set[int]
) -> _Read | None:
    """The count a cue at token ``i`` states, by the cue's direction rule."""
    direction = row["dir"]
    if direction == "self2":
        return Count(2, 2), i, i + width, False
    if direction == "self1":
        return Count(1, 1), i, i + width, False
    order = {
        "group": ("back", "fwd"),
        "fwd": ("fwd",),
        "back": ("back",),
        "back1": ("back",),
        "fb": ("fwd", "back"),
    }.get(direction)
    if order is None:  # both: English reads the subject first, Arabic the object
        order = ("back", "fwd") if row["lang"] == "en" else ("fwd", "back")
    for way in order:
        got = (
            _forward(toks, i + width, cue_at)
            if way == "fwd"
            else _backward(toks, i, cue_at)
        )
        if got is not None:
            return got
    if direction == "back1":
        return Count(1, 1), i, i + width, False
    if direction == "group" and not _negated(toks, i):
        return Count(1, None), i, i + width, True  # «وإصابات»: at least one
    return None


def _negated(toks: list[_Tok], i: int) -> bool:
    """A negation among the few words before token ``i`` («لم تقع إصابات», "no")."""
    return any(
        t.raw in _NEGATORS or t.raw[1:] in _NEGATORS for t in toks[max(0, i - 6) : i]
    )


def find_casualties(
    folded: str, start: int = 0, end: int | None = None
) -> list[CasualtyMention]:
    """Killed/wounded counts stated in ``folded[start:end]`` (folded text).

    Figures joined by «و»/"and" to a count add up («إصابة عنصر ...، واثنين من
    منتسبي الحشد» = 3; «مقتل القائد ... و23 آخرين» = 24) unless a cue of the
    other kind follows them (then they are that cue's figure).
    """
    stop = len(folded) if end is None else end
    toks = _tokens(folded[start:stop], start)
    tables = list(_lexicon()[0].values())
    cues: dict[int, tuple[dict[str, str], int]] = {}
    for i in range(len(toks)):
        found = _cue(toks, i, tables)
        if found is not None:
            cues[i] = found
    cue_at = set(cues)
    reads: list[tuple[str, _Read, int]] = []
    used: set[int] = set()
    for i, (row, width) in cues.items():
        got = _read(toks, i, width, row, cue_at)
        if got is not None and not used.intersection(range(got[1], got[2])):
            used.update(range(got[1], got[2]))
            reads.append((row["kind"], got, i))
    out: list[CasualtyMention] = []
    for kind, (count, first, after, vague), i in reads:
        lo = min(toks[first].start, toks[i].start)
        hi = max(toks[after - 1].end, toks[i].end)
        for extra, e_end in _conjuncts(toks, max(after, i + 1), kind, cues, used):
            count, vague, hi = _add(count, vague, extra), False, e_end
        out.append(CasualtyMention(kind, count, lo, hi, vague))
    return out


def _add(count: Count, vague: bool, extra: Count) -> Count:
    """``count`` plus ``extra``; a vague group adds at least one to a figure."""
    if vague:  # «several troops and one Iraqi»: at least the larger of the two readings
        return Count(max(count.min or 0, (extra.min or 0) + 1), None)
    hi = None if count.max is None or extra.max is None else count.max + extra.max
    return Count((count.min or 0) + (extra.min or 0), hi)


def _conjuncts(
    toks: list[_Tok],
    k: int,
    kind: str,
    cues: dict[int, tuple[dict[str, str], int]],
    used: set[int],
) -> list[tuple[Count, int]]:
    """Figures added to a count by «و»/"and" after token ``k`` (same clause).

    Near the count (<= 3 other words, one comma) any figure joins; further on,
    up to the next cue, only «و N آخرين» / "and N others".
    """
    out: list[tuple[Count, int]] = []
    gap, breaks = 0, 0
    while k < len(toks) and k not in cues and toks[k].raw not in _HARD_BREAK:
        tok = toks[k]
        breaks += tok.raw in _BREAK
        conj = tok.raw in _AND or (tok.raw.startswith("و") and tok.raw != tok.text)
        q = _quantity(toks, k + (tok.raw in _AND), adjacent=True) if conj else None
        if q is not None and not used.intersection(range(k, q[1])):
            others = q[1] < len(toks) and toks[q[1]].text in _OTHERS
            if not others and (
                gap > 3
                or breaks > 1
                or _next_cue_kind(toks, q[1], cues) not in (None, kind)
            ):
                break
            used.update(range(k, q[1]))
            out.append((q[0], toks[q[1] - 1].end))
            k, gap, breaks = q[1], 0, 0
            continue
        gap += tok.raw not in _SKIP and tok.text not in _SKIP
        k += 1
    return out


def _next_cue_kind(
    toks: list[_Tok], k: int, cues: dict[int, tuple[dict[str, str], int]]
) -> str | None:
    """The kind of the next cue in the clause after token ``k`` (None: none)."""
    for j in range(k, min(len(toks), k + 8)):
        if j in cues:
            return cues[j][0]["kind"]
        if toks[j].raw in _BREAK:
            return None
    return None


def says_no_casualties(folded: str, start: int = 0, end: int | None = None) -> set[str]:
    """Kinds (killed, wounded) the text says were zero in ``folded[start:end]``."""
    stop = len(folded) if end is None else end
    kinds: set[str] = set()
    for pattern, table in _zero_patterns():
        for m in pattern.finditer(folded, start, stop):
            kind = lookup(table, m.group("p"))["kind"]
            before = folded[max(start, m.start() - 40) : m.start()]
            if kind == "zero_if_negated" and not _NEGATED.search(before):
                continue
            kinds.update(
                ("killed",) if kind == "zero_killed" else ("killed", "wounded")
            )
    return kinds


def combine(mentions: list[CasualtyMention], zero: set[str]) -> tuple[Count, Count]:
    """(killed, wounded) from all mentions of an incident: the largest figure wins."""
    result = []
    for kind in ("killed", "wounded"):
        found = [m for m in mentions if m.kind == kind and m.count.min is not None]
        if found:
            best = max(
                found,
                key=lambda m: (not m.vague, m.count.min or 0, m.count.max is None),
            )
            result.append(best.count)
        elif kind in zero:
            result.append(Count(0, 0))
        else:
            result.append(Count())
    return result[0], result[1]
