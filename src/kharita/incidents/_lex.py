"""Compile lexicon phrases into regexes over folded text (internal helper).

Every phrase is folded with :func:`kharita.text.normalize.fold` (so ``أ``/``ا``,
``ة``/``ه`` and Arabic-Indic digits need not be spelled out in the tables) and
matched as a whole word.  Arabic phrases may carry proclitics (و ف ب ل ك ال,
بال, لل ...) and, when ``suffix`` is set, a short inflectional suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from ..text.clitics import PROCLITIC_CHARS, STACK_PATTERN
from ..text.normalize import fold

AR_PROCLITICS = STACK_PATTERN  # the one clitic table (kharita.text.clitics)
_PROCLITIC_CHARS = "".join(sorted(PROCLITIC_CHARS))  # a match may start with any
AR_SUFFIX = r"(?:ات|ان|ين|ون|وا|ها|هم|يه|يا|ا|ه|ي|ت)?"
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # matched stretches are a small vocabulary: triggers, cues
def phrase_key(text: str) -> str:
    """The lookup key of a phrase or a matched stretch: folded, single-spaced."""
    return _SPACE.sub(" ", fold(text)).strip()


class Phrases:
    """A phrase regex plus a cheap gate: the characters a match can start with.

    A text without any of them (an English pattern on an Arabic article) is
    skipped with one C-level character-class scan; the regex itself is
    compiled the first time a text passes the gate, so a run over Arabic
    articles never pays for compiling the English tables (start-up).
    """

    __slots__ = ("_pattern", "gate", "source")

    def __init__(self, source: str, gate: re.Pattern[str]) -> None:
        self.source = source
        self.gate = gate
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled phrase regex (compiled on first use)."""
        if self._pattern is None:
            self._pattern = re.compile(self.source)
        return self._pattern

    def search(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if self.gate.search(text, pos, end) is None:
            return None
        return self.pattern.search(text, pos, end)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if self.gate.search(text, pos, end) is None:
            return iter(())
        return self.pattern.finditer(text, pos, end)


def compile_phrases(
    phrases: Iterable[str], lang: str, *, suffix: bool = False, clitics: bool = True
) -> Phrases:
    """One regex matching any of ``phrases``; group ``p`` is the phrase itself."""
    keys = {phrase_key(p) for p in phrases if p.strip()}
    if not keys:
        return Phrases(r"(?!x)x", re.compile(r"(?!x)x"))
    body = trie_regex(keys, r"\s+(?:ال)?" if lang == "ar" else r"\s+")
    first = {k[0] for k in keys}
    if lang == "ar":
        pre = AR_PROCLITICS if clitics else ""
        suf = AR_SUFFIX if suffix else ""
        if clitics:
            first.update(_PROCLITIC_CHARS)
        return Phrases(rf"(?<!\w){pre}(?P<p>{body}){suf}(?!\w)", _char_class(first))
    return Phrases(rf"(?<![\w.-])(?P<p>{body})(?![\w-])", _char_class(first))


def _char_class(chars: Iterable[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


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
