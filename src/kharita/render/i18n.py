"""Interface labels of the map (``render/data/ui_labels.tsv``) in English and Arabic."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Literal

UiLang = Literal["ar", "en"]
LABELS = Path(__file__).resolve().parent / "data" / "ui_labels.tsv"


@lru_cache(maxsize=2)
def labels(lang: UiLang) -> dict[str, str]:
    """``key -> label`` in ``lang`` (English where an Arabic label is missing)."""
    with LABELS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(
            (ln for ln in handle if not ln.startswith("#")), delimiter="\t"
        )
        return {r["key"]: (r[lang] or r["en"]) for r in rows}


def label(key: str, lang: UiLang) -> str:
    return labels(lang).get(key, key)
