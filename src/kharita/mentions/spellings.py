"""Latin spellings the gazetteer does not list: "Hawiga", "Beygee", "Baqouba".

English news spells Iraqi names many ways.  Where the automaton finds no
gazetteer spelling, a capitalised name right after a preposition of place
("in Hawiga", "near Beygee") is looked up by its Latin skeleton
(:func:`kharita.text.latin.latin_skeleton`, the same key the geocoder uses, so
``kharita geocode`` and in-text recognition agree).  Only Iraqi places are
indexed, only skeletons of four letters or more, and a skeleton shared by
places of different names is ambiguous and skipped.  The mention is
``kind="fuzzy"``: resolution lowers its confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..gazetteer import Gazetteer
from ..models import Mention
from ..place_types import is_country
from ..text.latin import latin_skeleton
from ..text.normalize import key
from .cues import Cues
from .support import is_latin_key

MIN_SKELETON = 4
# one or two capitalised words, optionally joined by a romanised article ("Tuz al-Khurmatu")
_NAME = re.compile(
    r"\b([A-Z][a-z'’]+(?:[-\s](?:al|el|ad|as|ash|at|az|an|ar)[-\s][A-Z][a-z'’]+"
    r"|\s[A-Z][a-z'’]+)?)\b"
)
_BEFORE = re.compile(r"(?:([A-Za-z]+)\s+)?([A-Za-z]+)\s+$")


class SpellingIndex:
    """Iraqi places by the skeleton of their Latin names.

    The index is built the first time a capitalised name after a preposition
    needs it (an Arabic-only run never pays for it).
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._built: dict[str, tuple[tuple[str, ...], str]] | None = None

    @property
    def _index(self) -> dict[str, tuple[tuple[str, ...], str]]:
        if self._built is None:
            self._built = _skeleton_index(self._gazetteer)
        return self._built

    def find(self, text: str, taken: Sequence[Mention], cues: Cues) -> list[Mention]:
        """Mentions of Latin spellings the automaton missed (see module doc)."""
        out: list[Mention] = []
        for m in _NAME.finditer(text):
            start, end = m.span(1)
            if any(t.start < end and start < t.end for t in taken):
                continue
            if not _after_preposition(text, start, cues):
                continue
            found = self._index.get(latin_skeleton(m.group(1)))
            if found is None:
                continue
            ids, matched = found
            out.append(
                Mention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    matched=matched,
                    candidates=ids,
                    kind="fuzzy",
                )
            )
        return out


def _skeleton_index(gazetteer: Gazetteer) -> dict[str, tuple[tuple[str, ...], str]]:
    """Skeleton -> (place ids, the one English name they share)."""
    index: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for place in gazetteer.places:
        if not place.in_iraq or is_country(place.type):
            continue
        name_en = key(place.name_en)
        for name in place.names:
            if not is_latin_key(key(name)):
                continue
            skeleton = latin_skeleton(name)
            if len(skeleton) >= MIN_SKELETON:
                index.setdefault(skeleton, set()).add(place.id)
                names.setdefault(skeleton, set()).add(name_en)
    return {
        s: (tuple(sorted(ids)), next(iter(names[s])))
        for s, ids in index.items()
        if len(names[s]) == 1  # one name (a place and its district share it)
    }


def _after_preposition(text: str, start: int, cues: Cues) -> bool:
    """Is the name right after a preposition of place ("in", "near", "north of")?"""
    before = _BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    one = before.group(2).lower()
    two = f"{before.group(1)} {before.group(2)}".lower() if before.group(1) else ""
    return one in cues.prepositions or two in cues.prepositions
