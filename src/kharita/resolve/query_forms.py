"""Forms of a geocoder query: without designators, without proclitics, as a Latin skeleton.

Designators (``محافظة``, ``قاعدة``, "province", "air base"...) and trailing
adjectives (``الجوية``, ``الدولي``) come from ``lexicon/place_cues.tsv``, the table
the text recogniser reads; each implies ``|``-separated place types.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load_table
from ..text.clitics import clitic_splits
from ..text.normalize import key

_ARABIC = re.compile("[\u0600-\u06ff]")


@lru_cache(maxsize=1)
def _designators() -> tuple[
    dict[str, str], dict[str, str], dict[str, str], frozenset[str]
]:
    """Leading Arabic, leading English, trailing English designators; trailing adjectives."""
    lead_ar: dict[str, str] = {}
    lead_en: dict[str, str] = {}
    post_en: dict[str, str] = {}
    trailing: set[str] = set()
    for row in load_table("place_cues"):
        cue, kind, lang = key(row["cue"]), row["kind"], row["lang"]
        if kind == "trailing":
            trailing.add(cue)
        elif kind == "designator":
            (lead_ar if lang == "ar" else lead_en).setdefault(cue, row["types"])
        elif kind == "post_designator" and lang == "en":
            post_en.setdefault(cue, row["types"])
    return lead_ar, lead_en, post_en, frozenset(trailing)


def strip_designators(text: str) -> list[tuple[str, str]]:
    """``(bare name, implied a|b types)`` for each designator the text starts or ends with."""
    lead_ar, lead_en, post_en, trailing = _designators()
    k = key(text)
    out: list[tuple[str, str]] = []
    words = k.split(" ")
    if len(words) > 1 and words[0] in lead_ar:
        rest = words[1:]
        while len(rest) > 1 and rest[-1] in trailing:
            rest = rest[:-1]
        out.append((" ".join(rest), lead_ar[words[0]]))
    for designator, types in lead_en.items():
        if k.startswith(designator + " ") and len(k) > len(designator) + 1:
            out.append((k[len(designator) + 1 :], types))
    for designator, types in post_en.items():
        if k.endswith(" " + designator) and len(k) > len(designator) + 1:
            out.append((k[: -len(designator) - 1], types))
    return out


def strip_proclitics(k: str) -> list[str]:
    """Forms of a normalised Arabic name without proclitics on its first word."""
    first, _, rest = k.partition(" ")
    forms: list[str] = []
    # the one clitic table; longest stack first; «لل» and «بال» keep the article
    for stack, base in reversed(clitic_splits(first, min_base=2)[1:]):
        keep = "ال" if stack.endswith(("ال", "لل")) else ""
        forms.append(f"{keep}{base} {rest}".strip())
    if first.startswith("ال") and len(first) > 4:
        forms.append(f"{first[2:]} {rest}".strip())
    return forms
