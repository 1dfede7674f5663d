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
  "several" 1, ``مئات`` 200 (lower bounds, open above);
* a counted noun right after a cue means one (``استشهد شخص``), a dual means two
  (``شخصان``, ``جريحين``); "the"/"his" + a singular noun after an English cue
  means one ("killing the driver"), "both" two, "another" one;
* a total toll ("5 fatalities", "Fatalities: 1", "toll rose to 19") beats the
  figures of sub-groups ("three fighters and two militants were killed");
* "nobody hurt" phrases (``دون وقوع خسائر بشرية``, "no casualties") ->
  ``Count(0, 0)`` for both, unless a positive count is also given;
* nothing stated -> ``Count()`` (unknown); an unnumbered group (``وإصابات``,
  ``قتلى وجرحى``, "injuries") -> ``Count(1, None)`` unless negated;
* figures joined by «و»/"and" add up (``إصابة عنصر ...، واثنين من منتسبي
  الحشد`` = 3; ``مقتل القائد ... و23 آخرين`` = 24); a vague group plus a
  figure gives at least the figure plus one ("several troops and one Iraqi"
  -> ``Count(2, None)``); a figure after ``بينهم``/"including" is a part of
  the toll and is not read.

Across an incident's sentences a stated figure beats a quantity word;
different stated figures are a range between sources (11 officially, 24 by a
source -> 11-24) unless the text reports a revised toll (``ارتفاع حصيلة``,
"rose to"), when the largest (latest) wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import load_table
from ..models import Count
from ._lex import Phrases, by_lang, compile_phrases, lookup, phrase_key

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
_REVISED = re.compile(
    r"(?<!\w)(?:[وف]?ب?ارتفا?ع\w*|حصيله\s+جديده|rose|risen|climbed|raised|increased)(?!\w)"
)
_NEGATED = re.compile(r"(?<!\w)(?:دون|لم|بدون|عدم)(?!\w)")
_CONNECT_RANGE = {"الي", "to", "و", "-", "and"}
_AND = {"and", "و"}
_AMONG = {"بينهم", "بينهن", "منهم", "including", "among"}
_NEGATORS = {"لم", "دون", "بدون", "عدم", "لا", "no", "without", "not"}
_HARD_BREAK = {";", ":", "(", ")", " - "}
_OTHERS = {"اخرين", "اخرون", "others", "other"}
_DEFINITE = {"the", "his", "her", "their"}
_TOTAL = {"tail", "fwdtotal", "toll"}
_SKIP = {"من", "of", "the", "at", "others", "other", "اخرين", "اخرون", "اخر", "were", "was",
         "all", "his", "their", "who", "are", "have", "has", "been", "badly", "seriously",
         "critically", "slightly", "lightly", "in", "including", "people", "مدنيا", "شخصا", "اشخاص",
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
    total: bool = False  # a total toll ("5 fatalities", "toll rose to 19")


_Read = tuple[Count, int, int, bool]  # count, first token, token after, vague


class _Tok(NamedTuple):
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
def _zero_patterns() -> list[tuple[Phrases, dict[str, dict[str, str]]]]:
    cues, _ = _lexicon()
    out = []
    for lang, table in cues.items():
        zero = {k: v for k, v in table.items() if v["kind"].startswith("zero")}
        out.append((compile_phrases(zero, lang), zero))
    return out


def _tokens(text: str, offset: int) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        out.append(_Tok(_strip(word), word, offset + start, offset + end))
    return out


@lru_cache(maxsize=8192)
def _strip(word: str) -> str:
    if word.isdigit() or word in _BREAK:
        return word
    _, numbers = _lexicon()
    if word in numbers or not _CLITIC.match(word):
        return word
    rest = _CLITIC.sub("", word, count=1)
    return rest if len(rest) >= 2 else word


_CueIndex = dict[str, list[tuple[int, tuple[str, ...], dict[str, str]]]]


@lru_cache(maxsize=1)
def _cue_index() -> tuple[_CueIndex, list[Phrases]]:
    """Cues by first word (longest first) and, per language, a regex of the
    first words to skip sentences without any cue before tokenising them."""
    index: _CueIndex = {}
    heads: dict[str, set[str]] = {}
    for lang, table in _lexicon()[0].items():
        for key, row in table.items():
            if row["kind"].startswith("zero"):
                continue
            head, *tail = key.split(" ")
            index.setdefault(head, []).append((1 + len(tail), tuple(tail), row))
            heads.setdefault(lang, set()).add(head)
    for entries in index.values():
        entries.sort(key=lambda e: -e[0])
    return index, [compile_phrases(h, lang) for lang, h in heads.items()]


def _cue(toks: list[_Tok], i: int) -> tuple[dict[str, str], int] | None:
    """The longest cue starting at token ``i`` and how many tokens it spans."""
    index = _cue_index()[0]
    tok = toks[i]
    entries = index.get(tok.raw) or index.get(tok.text)
    if not entries:
        return None
    for width, tail, row in entries:
        if i + width <= len(toks) and all(
            toks[i + 1 + n].raw == w for n, w in enumerate(tail)
        ):
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
    found = _phrase_at(toks, k, modifier=False)
    if found is not None:
        return found[0], int(found[0]["min"]), found[1]
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
    found = _phrase_at(toks, k, modifier=True)
    return (found[0]["op"], found[1]) if found is not None else ("", 0)


@lru_cache(maxsize=1)
def _number_index() -> _CueIndex:
    """Number words by first word, longest first."""
    index: _CueIndex = {}
    for key, row in _lexicon()[1].items():
        head, *tail = key.split(" ")
        index.setdefault(head, []).append((1 + len(tail), tuple(tail), row))
    for entries in index.values():
        entries.sort(key=lambda e: -e[0])
    return index


def _phrase_at(
    toks: list[_Tok], k: int, *, modifier: bool
) -> tuple[dict[str, str], int] | None:
    """The longest number word (or modifier) at token ``k`` and its width."""
    if k >= len(toks):
        return None
    index = _number_index()
    tok = toks[k]
    for head in (tok.raw, tok.text):
        for width, tail, row in index.get(head, ()):
            if (
                (row["kind"] == "modifier") is modifier
                and k + width <= len(toks)
                and all(toks[k + 1 + n].raw == w for n, w in enumerate(tail))
            ):
                return row, width
    return None


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
        if k == j and _definite_one(toks, k):
            return Count(1, 1), k, k + 2, False
        if toks[k].raw not in _SKIP and toks[k].text not in _SKIP:
            unknown += 1
            if unknown > 2:
                return None
    return None


def _figure_at(toks: list[_Tok], k: int) -> bool:
    """A figure (not "a"/"an") right at token ``k``: "a bomb wounded three soldiers"."""
    row, value, _ = _number(toks, k)
    return value >= 0 and (row is None or row["kind"] == "number")


def _definite_one(toks: list[_Tok], k: int) -> bool:
    """ "the driver", "his son": a definite singular noun after an English cue."""
    if toks[k].raw not in _DEFINITE or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].raw
    return (
        nxt.isascii()
        and nxt.isalpha()
        and not nxt.endswith("s")
        and nxt not in _SKIP
        and _quantity(toks, k + 1, adjacent=True) is None
    )


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
    after = i + width
    if direction == "tail" and after < len(toks) and toks[after].raw == ":":
        after += 1  # "Fatalities: 1"
    order = {
        "group": ("back", "fwd"),
        "fwd": ("fwd",),
        "fwd1": ("fwd",),
        "fwdtotal": ("fwd",),
        "toll": ("fwd",),
        "tail": ("back", "fwd"),
        "back": ("back",),
        "back1": ("back",),
        "fb": ("fwd", "back"),
    }.get(direction)
    if order is None:  # both: English reads the subject first, Arabic the object
        en_back = row["lang"] == "en" and not _figure_at(toks, i + width)
        order = ("back", "fwd") if en_back else ("fwd", "back")
    if direction == "toll" and not any(
        t.raw == "toll" for t in toks[max(0, i - 15) : i]
    ):
        return None  # "rose to 19" reads a toll only after "toll"
    for way in order:
        got = (
            _forward(toks, after, cue_at)
            if way == "fwd"
            else _backward(toks, i, cue_at)
        )
        if got is not None:
            return got
    if direction in ("back1", "fwd1"):
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
    if not any(p.search(folded, start, stop) for p in _cue_index()[1]):
        return []
    toks = _tokens(folded[start:stop], start)
    cues: dict[int, tuple[dict[str, str], int]] = {}
    for i in range(len(toks)):
        found = _cue(toks, i)
        if found is not None:
            cues[i] = found
    cue_at = set(cues)
    used: set[int] = set()
    out: list[CasualtyMention] = []
    for i, (row, width) in cues.items():
        got = _read(toks, i, width, row, cue_at)
        if (
            got is None
            or _subset(toks, got[1])
            or used.intersection(range(got[1], got[2]))
        ):
            continue
        count, first, after, vague = got
        used.update(range(first, after))
        kind = row["kind"]
        lo = min(toks[first].start, toks[i].start)
        hi = max(toks[after - 1].end, toks[i].end)
        for extra, e_end in _conjuncts(toks, max(after, i + 1), kind, cues, used):
            count, vague, hi = _add(count, vague, extra), False, e_end
        total = row["dir"] in _TOTAL
        out.append(CasualtyMention(kind, count, lo, hi, vague, total))
    return out


def _subset(toks: list[_Tok], first: int) -> bool:
    """A figure introduced by «بينهم»/"including": part of a toll, not a toll."""
    return any(
        t.text in _AMONG or t.raw in _AMONG for t in toks[max(0, first - 2) : first]
    )


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
            far = gap > 3 or breaks > 1
            if (far and not others) or _next_cue_kind(toks, q[1], cues) not in (
                None,
                kind,
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


def says_revised(folded: str, start: int = 0, end: int | None = None) -> bool:
    """True when the text reports a toll that changed («ارتفعت حصيلة», "rose to")."""
    stop = len(folded) if end is None else end
    return _REVISED.search(folded, start, stop) is not None


def combine(
    mentions: list[CasualtyMention], zero: set[str], *, revised: bool = False
) -> tuple[Count, Count]:
    """(killed, wounded) from all mentions of an incident.

    Stated figures beat quantity words.  Different figures are a range between
    sources (11 officially, 24 by a source: 11-24), unless the text reports a
    revised toll, when the largest (latest) wins.
    """
    result = []
    for kind in ("killed", "wounded"):
        found = [m for m in mentions if m.kind == kind and m.count.min is not None]
        totals = [m for m in found if m.total and not m.vague]
        if totals:  # a stated total toll beats sub-group figures
            found = totals
        stated = [m.count for m in found if not m.vague]
        if len(set(stated)) > 1 and not revised:
            hi = (
                None
                if any(c.max is None for c in stated)
                else max(c.max or 0 for c in stated)
            )
            result.append(Count(min(c.min or 0 for c in stated), hi))
        elif found:
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


def states_figure(folded: str) -> bool:
    """True when ``folded`` states a count (a figure or a number word): "arrested five"."""
    _, numbers = _lexicon()
    for tok in _TOKEN.findall(folded):
        if tok.isdigit() and len(tok) <= 3:
            return True
        row = numbers.get(tok)
        if row is not None and row["kind"] in ("number", "dual"):
            return True
    return False
