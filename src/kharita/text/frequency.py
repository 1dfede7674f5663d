"""How common a word is in ordinary Arabic/English text (Zipf scale, 0-8).

Backed by the optional ``wordfreq`` package (Apache-2.0 code; its data is built
from public corpora).  Without it every word scores 0.0, and callers fall back
to their other rules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

logger = logging.getLogger("kharita")


@lru_cache(maxsize=1)
def _zipf() -> Callable[[str, str], float] | None:
    # Start-up: plain words are answered from a table compiled once and cached on
    # disk (kharita.text.zipf_table, equal to wordfreq's answers); wordfreq itself
    # is imported only for other strings.
    from .zipf_table import zipf_table

    table = zipf_table()
    if table is None:
        logger.info(
            "wordfreq is not installed: common-word checks use the lexicon only"
        )
        return None

    def lookup(word: str, lang: str) -> float:
        value = table.zipf(word, lang)
        if value is None:
            value = table.zipf_split(word, lang)
        if value is None:
            from wordfreq import zipf_frequency

            value = float(zipf_frequency(word, lang))
        return value

    return lookup


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` ("ar"/"en"), 0.0 when unknown."""
    fn = _zipf()
    return fn(word, lang) if fn is not None else 0.0


def available() -> bool:
    return _zipf() is not None
