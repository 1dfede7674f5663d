"""Compile lexicon phrases into regexes over folded text (internal helper).

Every phrase is folded with :func:`kharita.text.normalize.fold` (so ``أ``/``ا``,
``ة``/``ه`` and Arabic-Indic digits need not be spelled out in the tables) and
matched as a whole word.  Arabic phrases may carry proclitics (و ف ب ل ك ال,
بال, لل ...) and, when ``suffix`` is set, a short inflectional suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..text.normalize import fold

AR_PROCLITICS = r"(?:[وف]?(?:بال|لل|كال|ال|[بلك])?)"
AR_SUFFIX = r"(?:ات|ان|ين|ون|وا|ها|هم|يه|يا|ا|ه|ي|ت)?"
_SPACE = re.compile(r"\s+")


def phrase_key(text: str) -> str:
    """The lookup key of a phrase or a matched stretch: folded, single-spaced."""
    return _SPACE.sub(" ", fold(text)).strip()


def compile_phrases(
    phrases: Iterable[str], lang: str, *, suffix: bool = False, clitics: bool = True
) -> re.Pattern[str]:
    """One regex matching any of ``phrases``; group ``p`` is the phrase itself."""
    keys = {phrase_key(p) for p in phrases if p.strip()}
    if not keys:
        return re.compile(r"(?!x)x")
    body = trie_regex(keys, r"\s+(?:ال)?" if lang == "ar" else r"\s+")
    if lang == "ar":
        pre = AR_PROCLITICS if clitics else ""
        suf = AR_SUFFIX if suffix else ""
        return re.compile(rf"(?<!\w){pre}(?P<p>{body}){suf}(?!\w)")
    return re.compile(rf"(?<![\w.-])(?P<p>{body})(?![\w-])")


def trie_regex(keys: Iterable[str], joiner: str = r"\s+") -> str:
    """One regex alternation of ``keys`` shaped as a character trie.

    Matching is the same as ``a|b|...`` sorted longest first (a longer key is
    tried before its prefix), but each position costs a few character tests
    instead of one per key.  A space in a key matches ``joiner``.
    """
    root: dict[str, Any] = {}
    for k in keys:
        node = root
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root, joiner)


def _emit(node: dict[str, Any], joiner: str) -> str:
    alts = [
        (joiner if ch == " " else re.escape(ch)) + _emit(child, joiner)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not alts:
        return ""
    if len(alts) == 1 and "" not in node:
        return alts[0]
    return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")


def lookup(table: dict[str, dict[str, str]], matched: str) -> dict[str, str]:
    """The row of a matched stretch (tolerating «ال» added to later words)."""
    k = phrase_key(matched)
    row = table.get(k)
    if row is None:
        first, *rest = k.split(" ")
        row = table[
            " ".join([first, *(w[2:] if w.startswith("ال") else w for w in rest)])
        ]
    return row


def by_lang(
    rows: Iterable[dict[str, str]], field: str
) -> dict[str, dict[str, dict[str, str]]]:
    """``{lang: {phrase_key: row}}`` from lexicon rows (first row of a key wins)."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for row in rows:
        table = out.setdefault(row.get("lang") or "ar", {})
        table.setdefault(phrase_key(row[field]), row)
    return out
