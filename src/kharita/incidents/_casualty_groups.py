"""Groups of one toll (internal helper of :mod:`kharita.incidents.casualties`).

* **conjunct**: figures added by «و»/"and" (or a comma in an English list)
  after a count («مقتل جنديين و3 مدنيين», "kills two soldiers, three
  civilians", "a policeman and his son");
* **listed_groups**: groups listed before a figure read back from its cue
  ("Two soldiers, three militants killed");
* **gapping**: a cue's figure at one place, then figures at other places with
  the cue left out ("Bombs kill 5 in Kut, 2 in Hilla").
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Count
from ._casualty_lex import CasualtyLexicon, Row, casualty_lexicon
from ._casualty_read import (
    BREAK,
    HARD_BREAK,
    Tok,
    definite_one,
    figure_at,
    is_,
    quantity,
)
from .casualty_combine import CasualtyMention

Cues = dict[int, tuple[Row, int]]


def gapped(
    toks: list[Tok], k: int, first: CasualtyMention, cues: Cues, used: set[int]
) -> list[CasualtyMention]:
    """construction gapping: a cue's figure at one place, then figures at other
    places with the cue left out ("Bombs kill 5 in Kut, 2 in Hilla", "killed 5
    in Baghdad and 3 in Kirkuk", «قتل 5 في بغداد و3 في كركوك»): each ", N in
    X" / "and N in X" is a figure of the same kind, at its own place."""
    lex = casualty_lexicon()
    out: list[CasualtyMention] = []
    stop = min(len(toks), k + 6)

    def opens(j: int) -> bool:
        return toks[j].raw == "," or is_(lex, "and", toks[j])

    while k < stop and not opens(k):  # the first figure's "in Kut"
        if toks[k].raw in BREAK or k in cues:
            return out
        k += 1
    while k + 2 < len(toks) and opens(k) and figure_at(toks, k + 1):
        q = quantity(toks, k + 1, adjacent=True)
        if q is None or q[1] >= len(toks) or not is_(lex, "place_prep", toks[q[1]]):
            break
        if used.intersection(range(k + 1, q[1])):
            break
        used.update(range(k + 1, q[1]))
        start, end = toks[k + 1].start, toks[q[1] - 1].end
        out.append(replace(first, count=q[0], start=start, end=end, vague=q[2]))
        k = q[1] + 1
        while k < len(toks) and toks[k].raw not in BREAK and k not in cues:
            k += 1
    return out


def add_group(count: Count, vague: bool, extra: Count) -> Count:
    """``count`` plus ``extra``; a vague group adds at least one to a figure."""
    if vague:  # «several troops and one Iraqi»: at least the larger of the two readings
        return Count(max(count.min or 0, (extra.min or 0) + 1), None)
    hi = None if count.max is None or extra.max is None else count.max + extra.max
    return Count((count.min or 0) + (extra.min or 0), hi)


def preceding(
    toks: list[Tok], first: int, cues: Cues, used: set[int]
) -> list[tuple[Count, int, int]]:
    """construction listed_groups: groups listed before a figure read before
    its cue ("Two soldiers, three militants killed", "A policeman and two
    civilians killed"): each opens its clause or follows a comma or "and",
    and is a figure with at most three words of its own."""
    lex = casualty_lexicon()
    out: list[tuple[Count, int, int]] = []
    k = first - 1
    while k >= 1 and (toks[k].raw == "," or is_(lex, "and", toks[k])):
        found = None
        for s in range(k - 1, max(-1, k - 5), -1):
            if toks[s].raw in BREAK or s in cues or s in used:
                break
            q = quantity(toks, s, adjacent=True, backward=True)
            opens = s == 0 or toks[s - 1].raw in BREAK or is_(lex, "and", toks[s - 1])
            if q is not None and q[1] <= k and opens and not q[2]:
                found = (q[0], s, q[1])
                break
        if found is None:
            break
        out.append(found)
        k = found[1] - 1
    return out


def _listed_after(lex: CasualtyLexicon, toks: list[Tok], start: int, k: int) -> bool:
    """construction listed_groups: the comma at ``k`` ends an English group of
    at most three words after the figure ("kills two Iraqi soldiers, three
    civilians"), not a place ("kills 5 in Kut, 2 in Hilla")."""
    between = toks[start:k]
    return len(between) <= 3 and all(
        t.raw.isascii() and t.raw.isalpha() and not is_(lex, "place_prep", t)
        for t in between
    )


def conjuncts(
    toks: list[Tok], k: int, kind: str, cues: Cues, used: set[int]
) -> list[tuple[Count, int]]:
    """construction conjunct: figures added by «و»/"and" after token ``k`` (same clause).

    Near the count (<= 3 other words, one comma) any figure joins; further on,
    up to the next cue, only «و N آخرين» / "and N others".
    """
    lex = casualty_lexicon()
    out: list[tuple[Count, int]] = []
    gap, breaks, start = 0, 0, k
    while k < len(toks) and toks[k].raw not in HARD_BREAK:
        if k in cues:
            one = _another_one(lex, toks, k, kind, cues)
            if one is None or used.intersection(range(k, one)):
                break
            used.update(range(k, one))  # «وإصابة آخر»: the cue's «آخر» adds one
            out.append((Count(1, 1), toks[one - 1].end))
            k, gap, breaks = one, 0, 0
            continue
        tok = toks[k]
        breaks += tok.raw in BREAK
        is_and = is_(lex, "and", tok)
        comma = (  # a figure, never "a" / "the" (", a source said")
            tok.raw == ","
            and figure_at(toks, k + 1)
            and _listed_after(lex, toks, start, k)
        )
        conj = is_and or comma or (tok.raw != tok.text and lex.is_("and", tok.raw[:1]))
        step = is_and or comma
        q = quantity(toks, k + step, adjacent=True) if conj else None
        if q is None and is_and and k + 2 < len(toks) and definite_one(toks, k + 1):
            q = Count(1, 1), k + 3, False  # "a policeman and his son"
        if q is not None and _distributive(lex, toks, start, k, q[1]):
            break  # "5 in Baghdad and 3 in Kirkuk": two places, two tolls
        if q is not None and not used.intersection(range(k, q[1])):
            others = q[1] < len(toks) and is_(lex, "others", toks[q[1]])
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
        gap += not is_(lex, "skip", tok)
        k += 1
    return out


def _distributive(
    lex: CasualtyLexicon, toks: list[Tok], start: int, k: int, end: int
) -> bool:
    """construction distributive_figures: a figure placed by its own
    preposition after one placed by another ("killed 5 in Baghdad and 3 in
    Kirkuk", «قتل 5 في بغداد و3 في كركوك») is another place's toll, not a
    conjunct of the first."""
    return (
        end < len(toks)
        and is_(lex, "place_prep", toks[end])
        and any(is_(lex, "place_prep", t) for t in toks[start:k])
    )


def _another_one(
    lex: CasualtyLexicon, toks: list[Tok], k: int, kind: str, cues: Cues
) -> int | None:
    """construction another_one: a conjoined cue of the same kind whose figure
    is «آخر»/«أخرى» ("another": «إصابة جندي وإصابة آخر» = 2): the index after
    it, else None."""
    row, width = cues[k]
    tok, nxt = toks[k], k + width
    conjoined = (tok.raw != tok.text and lex.is_("and", tok.raw[:1])) or (
        k > 0 and is_(lex, "and", toks[k - 1])
    )
    if row["kind"] != kind or not conjoined or nxt >= len(toks):
        return None
    # the indefinite word only: «والآخر قتل» ("the other") is one of a group already counted
    return nxt + 1 if lex.is_("another_one", toks[nxt].raw) else None


def _next_cue_kind(toks: list[Tok], k: int, cues: Cues) -> str | None:
    """The kind of the next cue in the clause after token ``k`` (None: none)."""
    for j in range(k, min(len(toks), k + 12)):
        if j in cues:
            return cues[j][0]["kind"]
        if toks[j].raw in BREAK:
            return None
    return None
