"""Latin spellings of Arabic names: a skeleton that spelling variants share.

``Ba'qubah``, ``Baquba`` and ``Baqouba`` have one skeleton; so do ``Hawiga`` and
``Hawija`` (Iraqi spoken ج written g) and ``Beygee`` and ``Baiji``.  The
geocoder matches queries by it, and the place recogniser matches capitalised
names in English text that no gazetteer spelling covers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lexicon import load_table


@lru_cache(maxsize=1)
def _articles() -> re.Pattern[str]:
    """The Arabic article in Latin letters (``lexicon/latin_articles.tsv``), + hyphen/space."""
    words = sorted((row["article"] for row in load_table("latin_articles")), key=len)
    return re.compile(r"\b(?:" + "|".join(reversed(words)) + r")[-\s]+")


_APOSTROPHES = re.compile(r"['`’‘ʿʾ]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_SPOKEN_G = re.compile(r"(?<![n])g(?!h)")
_REPEATS = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aiu])h$")
_FINAL_IA = re.compile(r"ia$")


def latin_skeleton(name: str) -> str:
    """A spelling-tolerant key for Latin transliterations (``Ba'qubah`` -> ``bakuba``)."""
    text = unicodedata.normalize("NFKD", name.lower())
    if not text.isascii():  # no combining mark in plain ASCII
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text)
    text = _articles().sub(" ", " " + text).strip()
    text = _NOT_ALNUM.sub("", text)
    for old, new in (
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("q", "k"),
        ("dh", "d"),
        ("th", "t"),
        ("dj", "j"),  # French-style ج: Djebel
    ):
        text = text.replace(old, new)
    # Iraqi/Egyptian spoken ج and ق written g (Hawiga = Hawija, Beygee = Baiji); keep gh (غ).
    text = _SPOKEN_G.sub("j", text)
    text = text.replace("e", "a").replace("o", "u").replace("w", "u").replace("y", "i")
    text = text.replace("ai", "i")  # Dujail = Dujeel, Baiji = Beyji
    text = _REPEATS.sub(r"\1", text)
    text = _FINAL_H.sub("", text)
    return _FINAL_IA.sub("a", text)
