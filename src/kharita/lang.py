"""Which language an article is written in (Arabic or English), from its letters."""

from __future__ import annotations

import re

from .models import Lang

__all__ = ["detect_lang"]

_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


def detect_lang(text: str) -> Lang:
    """``"ar"`` when Arabic letters outnumber Latin ones, else ``"en"``."""
    sample = text[:4000]
    return "ar" if len(_ARABIC.findall(sample)) >= len(_LATIN.findall(sample)) else "en"
