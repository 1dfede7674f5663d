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
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        logger.info(
            "wordfreq is not installed: common-word checks use the lexicon only"
        )
        return None

    def lookup(word: str, lang: str) -> float:
        return float(zipf_frequency(word, lang))

    return lookup


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` ("ar"/"en"), 0.0 when unknown."""
    fn = _zipf()
    return fn(word, lang) if fn is not None else 0.0


def available() -> bool:
    return _zipf() is not None
