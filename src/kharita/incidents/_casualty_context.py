"""Clause context of a casualty reading (internal helper of :mod:`kharita.incidents.casualties`).

* **zero** - words inside a "nobody hurt" phrase are not cues;
* **background** - a cumulative figure («منذ عام 2014», "since 2014") is not read;
* **revision** - a figure after a revision word («ارتفعت الحصيلة إلى») is the latest toll;
* **victims_attackers** - the counted people are the attackers ("3 gunmen").
"""

from __future__ import annotations

from ..text.phrases import PhraseHits
from ._casualty_lex import CasualtyLexicon, casualty_lexicon
from ._casualty_read import HARD_BREAK, Tok, is_, year_at


def present(hits: PhraseHits, start: int, stop: int, toks: list[Tok]) -> set[str]:
    """Which optional rules can fire in this stretch at all (a cheap pre-check)."""
    lex = casualty_lexicon()
    words = {t.raw for t in toks} | {t.text for t in toks}
    found = {
        name
        for name, heads in (
            ("background", "background"),
            ("perpetrator", "perpetrator"),
            ("perpetrator", "perpetrator_head"),
        )
        if not lex.words.get(heads, frozenset()).isdisjoint(words)
    }
    if hits.found("revision", start, stop):
        found.add("revision")
    return found


def in_zero(hits: PhraseHits, start: int, stop: int, toks: list[Tok]) -> set[int]:
    """construction zero: tokens inside a "nobody hurt" phrase ("no one was
    killed") are not cues of their own."""
    spans = [(m.start, m.end) for m in hits.matches("zero", start, stop)]
    if not spans:
        return set()
    return {k for k, t in enumerate(toks) if any(a <= t.start < b for a, b in spans)}


def background(toks: list[Tok], lo: int, hi: int) -> bool:
    """construction background: «منذ عام 2014» / "since 2014" / "since the start of
    the year" within six words of the reading (same clause): a cumulative figure."""
    lex = casualty_lexicon()
    a = next((k + 1 for k in range(lo - 1, max(-1, lo - 7), -1)
              if toks[k].raw in HARD_BREAK), max(0, lo - 6))  # fmt: skip
    b = next((k for k in range(hi, min(len(toks), hi + 6))
              if toks[k].raw in HARD_BREAK), min(len(toks), hi + 6))  # fmt: skip
    return any(
        is_(lex, "background", toks[k])
        and any(
            year_at(toks, j) or is_(lex, "background_anchor", toks[j])
            for j in range(k + 1, min(len(toks), k + 6))
        )
        for k in range(a, b)
    )


def _ends_noun_phrase(lex: CasualtyLexicon, tok: Tok) -> bool:
    """A preposition, or a word with the proclitic «ب» («بهجوم»)."""
    return is_(lex, "np_end", tok) or (tok.raw != tok.text and tok.raw.startswith("ب"))


def revised(hits: PhraseHits, toks: list[Tok], first: int) -> bool:
    """construction revision: a revision word within ten words before the figure
    («ارتفعت حصيلة ضحايا الهجوم إلى 15»), in the same clause."""
    before = toks[max(0, first - 10) : first]
    cut = max((n + 1 for n, t in enumerate(before) if t.raw in HARD_BREAK), default=0)
    text = " ".join(t.raw for t in before[cut:])
    return hits.matcher(text).found("revision")


def attackers(toks: list[Tok], first: int, after: int, i: int, width: int) -> bool:
    """construction victims_attackers: the counted noun is an attacker ("3
    gunmen"). The counted noun phrase ends at a preposition after the figure
    and the cue: the agent of "killed by gunmen", «على يد مسلحين», «بهجوم
    مسلح» is not the dead (construction agent_phrase)."""
    lex = casualty_lexicon()
    lo = first if first >= i + width else min(first, i)  # vso_subject: not the subject
    words: list[Tok] = []
    for k in range(lo, min(len(toks), max(after, i + width) + 3)):
        if i <= k < i + width:
            continue
        tok = toks[k]
        if k >= max(after, i + width) and _ends_noun_phrase(lex, tok):
            break
        words.append(tok)
    pairs = (f"{a.text} {b.raw}" for a, b in zip(words, words[1:], strict=False))
    return any(is_(lex, "perpetrator", t) for t in words) or lex.is_(
        "perpetrator", *pairs
    )
