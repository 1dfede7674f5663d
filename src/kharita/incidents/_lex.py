"""One regex alternation shaped as a character trie (internal helper of the date grammar).

The phrase tables themselves are matched by :mod:`kharita.text.phrases`; the
date grammar (:mod:`kharita.incidents.dates`) embeds its word lists (months,
weekdays, relative words) in one regex, where a trie keeps each position to a
few character tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


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
