"""Casualty counts: killed, wounded and combined tolls as :class:`~kharita.models.Count` ranges.

A count is read only next to a casualty cue (``مقتل 11``, ``15 قتيلا``,
``استشهد شخص وأصيب 8 آخرين``, "five civilians killed"), in the direction the
cue table gives, never across another cue or a clause break, so dates,
distances and unit numbers (``الفوج 52``, "32nd Brigade") are not counts.

The grammar, one construction per rule (the ``construction`` column of
``lexicon/casualty_words.tsv`` and the cue tables; tests in
``tests/test_incidents_casualties.py``, one parametrised test per construction):

* **digits** - Western or Arabic-Indic digits, ``3,000``;
* **number_word** - ``خمسة``, "five", ``أحد عشر``;
* **dual** - a dual noun is two (``شخصين``, ``جنديين``, ``قتيلان``);
* **singular** - a counted noun right after a cue is one (``استشهد شخص``,
  "killing the driver");
* **minimum** - ``أكثر من 10`` / "more than 10" -> 11..; ``ما لا يقل عن 10`` /
  "at least 10" -> 10..; ``نحو 10`` / "about 10" -> 10 (kept as stated);
* **range** - ``3 إلى 5``, "3-5" -> 3..5;
* **zero** - «دون وقوع إصابات», "no one was hurt" -> ``Count(0, 0)``, which is
  not the same as not stated (``Count()``);
* **combined** - «سقوط 12 بين قتيل وجريح», «45 قتيلاً وجريحاً», "12 killed or
  wounded", "12 casualties": a ``casualties`` figure, never killed;
* **vague** - «العشرات», «عدد من», "dozens", "several", a bare «إصابات»: no
  invented figure: the lower bound the word entails, open above, flagged
  ``vague``; a stated figure always beats it;
* **revision** - «ارتفعت حصيلة ... إلى 15», "the toll rose to 19": the latest
  figure, not a sum and not a range;
* **background** - cumulative figures («منذ عام 2014 قُتل أكثر من 40», "the
  3,000 killed since 2014") are not read at all;
* **conjunct** / **subset** - figures joined by «و»/"and" add up (``و23
  آخرين``); a figure after «بينهم»/"including" is part of a toll and not read;
* **distributive_figures** / **gapping** - a figure placed by its own preposition
  after one placed by another ("killed 5 in Baghdad and 3 in Kirkuk", "kill
  5 in Kut, 2 in Hilla") is another place's toll: two mentions, which add up
  only if the places stay in one incident;
* **total** - a total toll ("5 fatalities", "toll rose to 19") beats the
  figures of sub-groups;
* **victims_attackers** - deaths of attackers ("three gunmen were killed")
  are counted, as ACLED counts all deaths, and kept apart as
  ``perpetrators``.

Modules: tables in ``_casualty_lex``, tokens and quantities in ``_casualty_read``,
clause context (zero, background, revision, attackers) in ``_casualty_context``;
combining the mentions of an incident (and the reports of one event) is
:mod:`kharita.incidents.casualty_combine`.
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Count
from ..text.phrases import PhraseHits
from . import _casualty_context as ctx
from ._casualty_groups import Cues, add_group, conjuncts, gapped, preceding
from ._casualty_lex import Row, casualty_lexicon
from ._casualty_read import (
    TOKEN,
    Read,
    Tok,
    backward,
    figure_at,
    forward,
    is_,
    tokens,
)
from .casualty_combine import CasualtyMention, Toll, combine, toll

__all__ = [
    "CasualtyMention",
    "Toll",
    "combine",
    "find_casualties",
    "says_no_casualties",
    "says_revised",
    "states_figure",
    "toll",
]

_TOTAL = {"tail", "fwdtotal", "toll"}


def _cue(toks: list[Tok], i: int) -> tuple[Row, int] | None:
    """The longest cue starting at token ``i`` and how many tokens it spans."""
    index = casualty_lexicon().cues
    tok = toks[i]
    for width, tail, row in index.get(tok.raw) or index.get(tok.text) or ():
        if i + width <= len(toks) and all(
            toks[i + 1 + n].raw == w for n, w in enumerate(tail)
        ):
            return row, width
    return None


_ORDER = {
    "group": ("back", "fwd"),
    "tail": ("back", "fwd"),
    "fb": ("fwd", "back"),
    "back": ("back",),
    "back1": ("back",),
    "fb1": ("fwd", "back"),
}


def _read(
    toks: list[Tok], i: int, width: int, row: Row, cue_at: set[int]
) -> Read | None:
    """The count a cue at token ``i`` states, by the cue's direction rule."""
    direction = row["dir"]
    if direction in (
        "self2",
        "self1",
    ):  # constructions dual, singular: «قتيلان», «مقتله»
        n = 2 if direction == "self2" else 1
        return Count(n, n), i, i + width, False
    after = i + width
    if direction == "tail" and after < len(toks) and toks[after].raw == ":":
        after += 1  # "Fatalities: 1"
    order = _ORDER.get(direction, ("fwd",))
    if direction == "both":  # English reads the subject first, Arabic the object
        at = i + width
        if at < len(toks) and is_(casualty_lexicon(), "range_opener", toks[at]):
            at += 1  # "killed between 3 and 5 people"
        en_back = row["lang"] == "en" and not figure_at(toks, at)
        order = ("back", "fwd") if en_back else ("fwd", "back")
    if direction == "toll" and not any(
        is_(casualty_lexicon(), "toll_noun", t) for t in toks[max(0, i - 15) : i]
    ):
        return None  # "rose to 19" reads a toll only after "toll"
    for way in order:
        got = (
            forward(toks, after, cue_at) if way == "fwd" else backward(toks, i, cue_at)
        )
        if got is not None:
            return got
    if direction in (
        "back1",
        "fwd1",
        "fb1",
    ):  # construction singular: «سقوط قتيل», "shot dead"
        return Count(1, 1), i, i + width, False
    if direction == "group" and not _negated(toks, i):
        return Count(1, None, vague=True), i, i + width, True  # «وإصابات»: at least one
    return None


def _negated(toks: list[Tok], i: int) -> bool:
    """construction zero: a negation a few words before a bare plural («لم تقع إصابات»)."""
    lex = casualty_lexicon()
    return any(lex.is_("negator", t.raw, t.raw[1:]) for t in toks[max(0, i - 6) : i])


def _attempted(toks: list[Tok], i: int, row: Row) -> bool:
    """construction attempt: a killing cue right after an attempt word names an
    attempt, not a death («نجا من محاولة اغتيال», "an attempted assassination")."""
    return (
        row["kind"] == "killed"
        and i > 0
        and casualty_lexicon().is_("attempt", toks[i - 1].raw, toks[i - 1].text)
    )


def _cues(toks: list[Tok]) -> Cues:
    """Cues by token; the words inside a longer cue are not cues of their own."""
    cues: Cues = {}
    for i in range(len(toks)):
        found = _cue(toks, i)
        if found is not None:
            cues[i] = found
    return cues


def find_casualties(
    hits: PhraseHits, start: int = 0, end: int | None = None
) -> list[CasualtyMention]:
    """Killed/wounded/combined counts stated in ``folded[start:end]`` (``hits``
    of the folded text).

    Figures joined by «و»/"and" to a count add up («إصابة عنصر ...، واثنين من
    منتسبي الحشد» = 3; «مقتل القائد ... و23 آخرين» = 24) unless a cue of the
    other kind follows them (then they are that cue's figure).
    """
    folded = hits.text
    stop = len(folded) if end is None else end
    if not hits.found("casualty", start, stop):  # whole cues: «ما بين قتيل وجريح»
        return []
    toks = tokens(folded[start:stop], start)
    cues = _cues(toks)
    cue_at, used, inner = set(cues), set[int](), ctx.in_zero(hits, start, stop, toks)
    seen = ctx.present(hits, start, stop, toks)
    out: list[CasualtyMention] = []
    for i, (row, width) in cues.items():
        if i in inner or _attempted(toks, i, row):
            continue
        got = _read(toks, i, width, row, cue_at)
        if (
            got is None
            or (_subset(toks, got[1]) and not _splits(out, row))
            or used.intersection(range(got[1], got[2]))
        ):
            continue
        inner.update(range(i + 1, i + width))  # construction combined: «قتيلا وجريحا»
        count, first, after, vague = got
        used.update(range(first, after))
        if "background" in seen and ctx.background(
            toks, min(first, i), max(after, i + width)
        ):
            continue
        said = _mention(hits, toks, i, width, row, got, cues, used, seen)
        parts = gapped(toks, max(after, i + width), said[0], cues, used)
        if parts:  # one list by place: its figures add up where not split
            said = [replace(said[0], part=said[0].start), *said[1:]]
            parts = [replace(m, part=said[0].start) for m in parts]
        out.extend(said)
        out.extend(parts)
    return out


def _mention(
    hits: PhraseHits,
    toks: list[Tok],
    i: int,
    width: int,
    row: Row,
    got: Read,
    cues: Cues,
    used: set[int],
    seen: set[str],
) -> list[CasualtyMention]:
    """The mention a cue states, and groups of the other class (victims or
    attackers) listed before its figure ("Three PMF fighters and two militants
    were killed"), each its own mention."""
    count, first, after, vague = got
    kind = row["kind"]
    lo = min(toks[first].start, toks[i].start)
    hi = max(toks[after - 1].end, toks[i + width - 1].end)
    for extra, e_end in conjuncts(toks, max(after, i + width), kind, cues, used):
        count, vague, hi = add_group(count, vague, extra), False, e_end
    attackers = "perpetrator" in seen and ctx.attackers(toks, first, after, i, width)
    revised = "revision" in seen and ctx.revised(hits, toks, first)
    others: list[CasualtyMention] = []
    for extra, g_first, g_after in (
        preceding(toks, first, cues, used) if first < i else ()
    ):
        used.update(range(g_first, g_after))  # groups listed before a figure read back
        theirs = "perpetrator" in seen and ctx.attackers(  # the group's own words
            toks, g_first, g_after, g_first, 0
        )
        if theirs == attackers:  # one class of victims: one figure
            count, vague = add_group(count, vague, extra), False
            lo = toks[g_first].start
            continue
        start, end = toks[g_first].start, toks[g_after - 1].end
        others.append(CasualtyMention(kind, extra, start, end, False, False, revised,
                                      "perpetrators" if theirs else ""))  # fmt: skip
    main = CasualtyMention(
        kind, count, lo, hi, vague, row["dir"] in _TOTAL, revised,
        "perpetrators" if attackers else "",
    )  # fmt: skip
    return [main, *others]


def _subset(toks: list[Tok], first: int) -> bool:
    """construction subset: a figure after «بينهم»/"including" or «بين
    القتلى» ("among the dead") is part of a toll; after a bare "among" it is
    the toll ("Seven policemen among 12 dead")."""
    lex = casualty_lexicon()
    if first > 0 and is_(lex, "among_total", toks[first - 1]):
        return False
    if first > 1:
        head, noun = toks[first - 2].raw, toks[first - 1].raw
        if lex.is_("among", f"{head} {noun}", f"{head.removeprefix('و')} {noun}"):
            return True
    return any(is_(lex, "among", t) for t in toks[max(0, first - 2) : first])


def _splits(out: list[CasualtyMention], row: Row) -> bool:
    """construction combined: «12 بين قتيل وجريح، بينهم 3 قتلى» - a killed or
    wounded figure inside a combined toll is that kind's figure."""
    return bool(out) and out[-1].kind == "casualties" and row["kind"] != "casualties"


def says_no_casualties(
    hits: PhraseHits, start: int = 0, end: int | None = None
) -> set[str]:
    """construction zero: kinds (killed, wounded) the text says were zero in
    ``folded[start:end]`` (``hits`` of the folded text)."""
    folded = hits.text
    lex = casualty_lexicon()
    kinds: set[str] = set()
    for m in hits.matches("zero", start, end):
        kind = m.row["kind"]
        before = folded[max(start, m.start - 40) : m.start]
        if kind == "zero_if_negated" and not any(
            lex.is_("negator", w, w[1:]) for w in TOKEN.findall(before)
        ):
            continue
        kinds.update(("killed",) if kind == "zero_killed" else ("killed", "wounded"))
    return kinds


def says_revised(hits: PhraseHits, start: int = 0, end: int | None = None) -> bool:
    """construction revision: the text reports a toll that changed («ارتفعت
    حصيلة», "rose to") in ``folded[start:end]``."""
    return hits.found("revision", start, end)


def states_figure(folded: str) -> bool:
    """True when ``folded`` states a count (a figure or a number word): "arrested five"."""
    numbers = casualty_lexicon().numbers
    for tok in TOKEN.findall(folded):
        if tok.isdigit() and len(tok) <= 3:
            return True
        row = numbers.get(tok)
        if row is not None and row["kind"] in ("number", "dual"):
            return True
    return False
