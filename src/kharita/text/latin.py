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


def latin_skeleton(name: str) -> str:
    """A spelling-tolerant key for Latin transliterations (``Ba'qubah`` -> ``bakuba``)."""
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['`’‘ʿʾ]", "", text)
    text = _articles().sub(" ", " " + text).strip()
    text = re.sub(r"[^a-z0-9]", "", text)
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
    text = re.sub(r"(?<![n])g(?!h)", "j", text)
    text = text.replace("e", "a").replace("o", "u").replace("w", "u").replace("y", "i")
    text = text.replace("ai", "i")  # Dujail = Dujeel, Baiji = Beyji
    text = re.sub(r"(.)\1+", r"\1", text)
    text = re.sub(r"(?<=[aiu])h$", "", text)
    return re.sub(r"ia$", "a", text)
