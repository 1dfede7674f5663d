"""Tokens and quantities of the casualty grammar (internal helper).

A quantity is read at a token: digits (Western or Arabic-Indic, folded to
Western; ``3,000``), a number word, a dual (``شخصين``, ``جنديين``), a counted
singular right after a cue (``استشهد شخص``), a vague quantity word
(``العشرات``, "several"), each optionally after a modifier ("at least",
``أكثر من``) and before a range joiner (``3 إلى 5``).  Numbers next to a
unit, after an ordinal noun or a year are not counts.  The word sets come
from :mod:`kharita.incidents._casualty_lex`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..models import Count
from ._casualty_lex import CasualtyLexicon, Row, casualty_lexicon

# construction digits: Western digits (Arabic-Indic are folded to them), 3,000
TOKEN = re.compile(
    r"\d+[-–]\d+|\d{1,3}(?:,\d{3})+|\d+|[^\W\d_]+(?:'[^\W\d_]+)?|[,;:()\"]|\s-\s"
    r"|(?<=[^\W\d_]{2})\.(?=\s|$)"  # a full stop after a word (not "U.S.")
)
BREAK = frozenset({",", ";", ":", "(", ")", '"', " - ", "."})  # a clause break
HARD_BREAK = frozenset({";", ":", "(", ")", " - ", "."})
_CLITIC = re.compile(r"^(?:[وف]?(?:بال|لل|ال|[بل])?)")
_YEAR = range(1900, 2100)
_RANGE = re.compile(r"(\d+)[-–](\d+)")


class Tok(NamedTuple):
    text: str  # clitic-stripped
    raw: str
    start: int
    end: int


Read = tuple[Count, int, int, bool]  # count, first token, token after, vague
# folded possessive suffixes (ه: his; ة folds to ه) and the accusative ending (ناشطاً)
_ENDINGS = ("هما", "هم", "ها", "ه", "ا")


def tokens(text: str, offset: int) -> list[Tok]:
    out = []
    for m in TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        out.append(Tok(_strip(word), word, offset + start, offset + end))
    return out


@lru_cache(maxsize=8192)
def _strip(word: str) -> str:
    if word[0].isdigit() or word in BREAK:
        return word
    if word in casualty_lexicon().numbers or not _CLITIC.match(word):
        return word
    rest = _CLITIC.sub("", word, count=1)
    return rest if len(rest) >= 2 else word


def is_(lex: CasualtyLexicon, word_set: str, tok: Tok) -> bool:
    return lex.is_(word_set, tok.raw, tok.text)


def year_at(toks: list[Tok], k: int) -> bool:
    """A bare four-digit year at token ``k`` (``منذ عام 2005``)."""
    raw = toks[k].raw if k < len(toks) else ""
    return raw.isdigit() and int(raw) in _YEAR


def _digits(toks: list[Tok], k: int) -> int:
    """The value of a digit token (-1: not a count)."""
    raw = toks[k].raw
    dash = _RANGE.fullmatch(raw)
    if dash is not None:  # construction range written 3-5: its lower bound
        return int(dash.group(1))
    if "," in raw:  # construction digits: a grouped figure (3,000) is never a year
        return int(raw.replace(",", ""))
    if len(raw) > 4 or _not_a_count(toks, k):
        return -1
    return int(raw)


def number(toks: list[Tok], k: int) -> tuple[Row | None, int, int]:
    """A number at token ``k``: (row or None for digits, value, tokens used); value -1 = none."""
    if k >= len(toks):
        return None, -1, 0
    if toks[k].raw[0].isdigit():
        value = _digits(toks, k)
        return None, value, 1 if value >= 0 else 0
    found = _phrase_at(toks, k, modifier=False)
    if found is not None and not _definite_other(toks[k]):
        value, width = _compound(toks, k, found[0], found[1])
        return found[0], value, width
    return None, -1, 0


def _definite_other(tok: Tok) -> bool:
    """construction another_one: «والآخر» ("and the other") is one of a group
    already counted («قتل جنديان أحدهما ضابط والآخر جندي»), never a figure of
    its own, unlike the indefinite «وأصيب آخر» ("and another was wounded")."""
    lex = casualty_lexicon()
    bare = tok.raw[1:] if lex.is_("and", tok.raw[:1]) else tok.raw
    return lex.is_("another_one", tok.text) and not lex.is_("another_one", bare)


def _compound(toks: list[Tok], k: int, row: Row, width: int) -> tuple[int, int]:
    """construction compound_number: tens and units written as two number words,
    "twenty-five" / "twenty five" (tens first) or «خمسة وعشرون» (units, then
    و + tens): the sum, over both words."""
    value = int(row["min"])
    nxt = k + width
    if row["kind"] != "number" or nxt >= len(toks):
        return value, width
    after = _phrase_at(toks, nxt, modifier=False)
    if after is None or after[0]["kind"] != "number":
        return value, width
    other = int(after[0]["min"])
    gap = toks[nxt].start - toks[nxt - 1].end
    tens_first = value % 10 == 0 and 20 <= value <= 90 and 1 <= other <= 9 and gap <= 1
    units_first = (
        1 <= value <= 9
        and other % 10 == 0
        and 20 <= other <= 90
        and toks[nxt].raw.startswith("و")
    )
    if tens_first or units_first:
        return value + other, width + after[1]
    return value, width


def _not_a_count(toks: list[Tok], k: int) -> bool:
    """construction not_a_count: a year, ``12 km``, ``الفوج 52``, "32nd", ``12 نيسان``."""
    lex = casualty_lexicon()
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    prev = toks[k - 1] if k > 0 else None
    return (
        int(toks[k].raw) >= 1900
        or (nxt is not None and (is_(lex, "unit", nxt) or nxt.text in lex.months))
        or (nxt is not None and is_(lex, "ordinal_suffix", nxt))
        or (prev is not None and is_(lex, "ordinal_noun", prev))
    )


def _phrase_at(toks: list[Tok], k: int, *, modifier: bool) -> tuple[Row, int] | None:
    """The longest number word (or modifier) at token ``k`` and its width."""
    if k >= len(toks):
        return None
    index = casualty_lexicon().number_index
    tok = toks[k]
    for head in (tok.raw, tok.text):
        for width, tail, row in index.get(head, ()):
            if (
                (row["kind"] == "modifier") is modifier
                and k + width <= len(toks)
                and all(toks[k + 1 + n].raw == w for n, w in enumerate(tail))
            ):
                return row, width
    return None if modifier else _possessed(tok.text)


def _possessed(word: str) -> tuple[Row, int] | None:
    """construction possessed_one: a singular victim noun with a possessive
    suffix is one person («أدى إلى إصابة سائقها», «مقتل نجله»); construction
    singular: so is one with the accusative ending («قتل مسلحون مجهولون ناشطاً»)."""
    index = casualty_lexicon().number_index
    for suffix in _ENDINGS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            for width, _, row in index.get(word[: -len(suffix)], ()):
                if width == 1 and row["kind"] == "singular" and row["lang"] == "ar":
                    return row, 1
    return None


def quantity(
    toks: list[Tok], k: int, *, adjacent: bool, backward: bool = False
) -> tuple[Count, int, bool] | None:
    """A quantity starting at token ``k``: (count, index after it, vague)."""
    found = _phrase_at(toks, k, modifier=True)
    op, used = (found[0]["op"], found[1]) if found is not None else ("", 0)
    row, value, width = number(toks, k + used)
    if value < 0:
        return None
    end = k + used + width
    if (  # construction singular: a counted noun means one only right at the cue
        row is not None
        and row["kind"] == "singular"
        and not (adjacent or (backward and row["lang"] == "en"))
    ):
        return None
    if row is not None and row["kind"] == "vague":  # construction vague
        return Count(value, None, vague=True), end, True
    lex = casualty_lexicon()
    dash = _RANGE.fullmatch(toks[end - 1].raw) if row is None else None
    if dash is not None and int(dash.group(2)) > value:  # construction range: 3-5
        return Count(value, int(dash.group(2))), end, False
    if end + 1 < len(toks) and _joins_range(lex, toks, k, end):
        _, upper, w2 = number(toks, end + 1)
        if upper > value:  # construction range: 3 إلى 5, 3-5
            return Count(value, upper), end + 1 + w2, False
    return _modified(value, op), end, False


def _joins_range(lex: CasualtyLexicon, toks: list[Tok], k: int, end: int) -> bool:
    """construction range: «3 إلى 5», "3 to 5"; «و»/"and" only after «بين» /
    "between" («بين 3 و5»): elsewhere it adds a group («جنديين و3 مدنيين»)."""
    joiner = toks[end].raw.strip()
    if not lex.is_("range_joiner", joiner, toks[end].text):
        return False
    if not lex.is_("and", joiner, toks[end].text):
        return True
    return k > 0 and is_(lex, "range_opener", toks[k - 1])


def _modified(value: int, op: str) -> Count:
    """construction minimum: more than N -> N+1.., at least N -> N..; up to N -> 1..N."""
    if op == "gt":
        return Count(value + 1, None)
    if op == "ge":
        return Count(value, None)
    if op == "le":
        return Count(min(1, value), value)
    return Count(value, value)


def _skippable(lex: CasualtyLexicon, tok: Tok) -> bool:
    skip = lex.words["skip"]
    return tok.raw in skip or tok.text in skip


def forward(toks: list[Tok], j: int, cue_at: set[int]) -> Read | None:
    """The quantity after a cue (``مقتل 5``), within a few filler words."""
    lex = casualty_lexicon()
    unknown = 0
    if j < len(toks) and toks[j].raw == '"':
        j += 1  # a quoted cue: 'Iraqi forces "kill" 43 militants'
    if j < len(toks) and toks[j].raw == '"':
        j += 1
    obj = _object_after_subject(lex, toks, j)
    if obj is not None:
        return obj
    for k in range(j, min(len(toks), j + 6)):
        if toks[k].raw in BREAK or k in cue_at or is_(lex, "and", toks[k]):
            return None  # a new clause, cue or conjunct: «injuries and one member ...»
        found = quantity(toks, k, adjacent=(k == j))
        if found is not None:
            return found[0], k, found[1], found[2]
        if k == j and definite_one(toks, k):
            return Count(1, 1), k, k + 2, False
        if _bare_person(lex, toks, j, k):
            return Count(1, 1), k, k + 1, False
        if not _skippable(lex, toks[k]):
            unknown += 1
            if unknown > 2:
                return None
    return None


def _object_after_subject(lex: CasualtyLexicon, toks: list[Tok], j: int) -> Read | None:
    """construction vso_subject: an Arabic verb, its subject (attackers with no
    figure, an adjective perhaps), then its object: the object is the count
    («قتل مسلحون مجهولون صاحب محل» = 1, «قتل مسلحون ثلاثة مدنيين» = 3).  With
    no object after them, the attackers are the ones killed (victims_attackers)."""
    k = j
    while (
        k < len(toks)
        and k < j + 3
        and (
            is_(lex, "perpetrator", toks[k])
            or (k > j and is_(lex, "subject_adjective", toks[k]))
        )
    ):
        k += 1
    if k == j or k >= len(toks) or toks[j].raw.isascii():
        return None
    found = quantity(toks, k, adjacent=True)
    if found is not None:
        return found[0], k, found[1], found[2]
    return None


def figure_at(toks: list[Tok], k: int) -> bool:
    """A quantity (not "a"/"an") right at token ``k``: "a bomb wounded three
    soldiers", "a drone killed several people", "killed at least 5"."""
    found = _phrase_at(toks, k, modifier=True)
    row, value, _ = number(toks, k + (found[1] if found is not None else 0))
    return value >= 0 and (row is None or row["kind"] in ("number", "dual", "vague"))


def definite_one(toks: list[Tok], k: int) -> bool:
    """construction singular: "the driver", "his son" after an English cue."""
    lex = casualty_lexicon()
    if not is_(lex, "definite", toks[k]) or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].raw
    return (
        nxt.isascii()
        and nxt.isalpha()
        and not nxt.endswith("s")
        and not _skippable(lex, toks[k + 1])
        and quantity(toks, k + 1, adjacent=True) is None
    )


def _bare_person(lex: CasualtyLexicon, toks: list[Tok], j: int, k: int) -> bool:
    """construction bare_person: a headline's singular victim without an article
    after the cue, behind modifiers only ("Sniper kills Iraqi army officer")."""
    return is_(lex, "person", toks[k]) and not any(
        _skippable(lex, t) or not t.raw.isascii() for t in toks[j:k]
    )


def _person_before(lex: CasualtyLexicon, toks: list[Tok], i: int) -> int | None:
    """construction bare_person: a headline's singular subject right before the
    cue ("Policeman killed in Kirkuk", "Soldier was killed"), or an Arabic
    singular victim noun with the singular relative pronoun («الشاب الذي قتل»,
    «الطفلة التي أصيبت»): its index."""
    k = i - 1
    if k >= 1 and toks[k].raw in ("was", "is"):
        k -= 1
    if k >= 0 and is_(lex, "person", toks[k]):
        return k
    if k >= 1 and is_(lex, "relative_one", toks[k]):
        row = lex.numbers.get(toks[k - 1].text)
        if row is not None and row["kind"] == "singular" and row["lang"] == "ar":
            return k - 1
    return None


def _opens_clause(lex: CasualtyLexicon, tok: Tok) -> bool:
    """A clause starts after ``tok``: a break, or a reporting verb or "that"
    ("a commander said at least 20 militants were killed")."""
    return tok.raw in BREAK or is_(lex, "clause_opener", tok)


def _aside_start(lex: CasualtyLexicon, toks: list[Tok], k: int) -> int | None:
    """construction aside: the comma at ``k`` closes an aside that opens with
    a comma and "including" / «بينهم» ("Nine tourists, including a child,
    were killed"): the index of its opening comma, else None."""
    if toks[k].raw != ",":
        return None
    for c in range(k - 1, max(-1, k - 8), -1):
        if toks[c].raw in BREAK:
            ok = toks[c].raw == "," and c + 1 < k and is_(lex, "among", toks[c + 1])
            return c if ok else None
    return None


def backward(toks: list[Tok], i: int, cue_at: set[int]) -> Read | None:
    """The quantity before a cue (``5 قتلى``, "five killed").

    Up to two words the grammar does not know may sit between; up to four when
    the figure opens the clause ("Some 28 Islamic State militants killed",
    "14 members of Iraqi security forces killed", "a commander said at least 20
    Islamic State militants were killed").
    """
    lex = casualty_lexicon()
    unknown = 0
    i -= i > 0 and toks[i - 1].raw == '"'  # a quoted cue: '15 militants "killed"'
    person = _person_before(lex, toks, i)
    if person is not None:
        return Count(1, 1), person, person + 1, False
    k, stop = i, max(-1, i - 9)
    while k - 1 > stop:
        k -= 1
        aside = _aside_start(lex, toks, k)
        if aside is not None:  # "Nine tourists, including a child, were killed"
            k, stop = aside, max(-1, stop - (k - aside))
            continue
        if toks[k].raw in BREAK or k in cue_at or is_(lex, "and", toks[k]):
            return None
        for s in range(max(0, k - 3), k + 1):
            found = quantity(toks, s, adjacent=(k == i - 1), backward=True)
            if found is None or found[1] != k + 1:
                continue
            if unknown <= 2 or s == 0 or _opens_clause(lex, toks[s - 1]):
                return found[0], s, found[1], found[2]
        if not _skippable(lex, toks[k]):
            unknown += 1
            if unknown > 4:
                return None
    return None
