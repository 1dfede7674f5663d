"""Does a UCDP headline name the coded place or its governorate, or state a toll?

UCDP GED codes each event at a place (``where_coordinates``: "Kirkūk town",
"Qaḑā’ ad Dawr", "Nīnawá province") with a point and the governorate
(``adm_1``).  A headline *names* the place when one of the place's English
spellings occurs in it as whole words.  The spellings are:

* UCDP's own names with diacritics and type words dropped ("Kirkūk town" ->
  ``kirkuk``, "Al Anbār province" -> ``anbar``);
* the English names and aliases of gazetteer places of the same name within
  :data:`NEAR_KM` of the coded point ("Ḩawījah" finds the gazetteer's Hawija,
  which brings "Hawija" and "Hawijah");
* for the governorate: the names and aliases of the gazetteer governorate whose
  polygon contains the point.

Comparison is on :func:`latin_key`: ASCII letters and digits only, lower case,
a possessive ``'s`` dropped, the Arabic article dropped and a final ``h``
dropped from every word ("Ramādī"/"Ramadi", "al-Fallūjah"/"Falluja").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import Gazetteer
from ..geo import governorate_of, haversine_km
from ..lexicon import load_table
from ..models import GazetteerPlace
from ..text.wire import clean

NEAR_KM = 30.0
_APOSTROPHES = re.compile("[\u2018\u2019\u02bc\u02bf\u02be'`\u00b4]")
_POSSESSIVE = re.compile("[\u2019'](?:s|S)\\b")  # "Baghdad's" -> "Baghdad"
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1)
def _words(kind: str) -> frozenset[str]:
    """``type`` or ``article`` words of ``lexicon/ucdp_place_words.tsv``."""
    return frozenset(
        r["word"] for r in load_table("ucdp_place_words") if r["kind"] == kind
    )


def latin_key(text: str) -> str:
    """``text`` as space-separated ASCII words, articles and final ``h`` dropped."""
    bare = _APOSTROPHES.sub("", _POSSESSIVE.sub("", text))
    decomposed = unicodedata.normalize("NFKD", bare)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NON_ALNUM.sub(" ", ascii_text.lower()).split()
    out = [w[:-1] if len(w) > 3 and w.endswith("h") else w for w in words]
    return " ".join(w for w in out if w not in _words("article"))


def _core(ucdp_name: str) -> str:
    """A UCDP place name without its type words ("Qaḑā’ ad Dawr" -> ``dawr``)."""
    words = latin_key(ucdp_name).split()
    return " ".join(w for w in words if w not in _words("type") and w != "iraq")


def _names(place: GazetteerPlace) -> list[str]:
    return [place.name_en, *place.aliases_en]


@dataclass(frozen=True, slots=True)
class PlaceNames:
    """The spellings (latin keys) of an event's coded place and its governorate."""

    place: frozenset[str]
    governorate: frozenset[str]

    def named_in(self, headline: str) -> str | None:
        """``"place"``, ``"governorate"`` or None: what ``headline`` names."""
        padded = f" {latin_key(headline)} "
        if any(f" {n} " in padded for n in self.place):
            return "place"
        if any(f" {n} " in padded for n in self.governorate):
            return "governorate"
        return None


class NameIndex:
    """Finds the spellings of coded places in a gazetteer (built once per run)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gaz = gazetteer
        self._by_key: dict[str, list[GazetteerPlace]] = {}
        for place in gazetteer.places:
            if place.country != "IQ":
                continue
            for name in _names(place):
                self._by_key.setdefault(latin_key(name), []).append(place)
        self._governorates = {
            p.name_en: p for p in gazetteer.places if p.type == "governorate"
        }

    def names(self, where: str, adm_1: str, point: tuple[float, float]) -> PlaceNames:
        """Spellings of the place UCDP coded as ``where`` at ``point`` in ``adm_1``."""
        core = _core(where)
        place = {core} if core else set()
        for gp in self._by_key.get(core, ()):
            if haversine_km(point, (gp.lat, gp.lon)) <= NEAR_KM:
                place.update(latin_key(n) for n in _names(gp))
        governorate = {k for k in (_core(adm_1),) if k}
        gov = self._governorates.get(governorate_of(point) or "")
        if gov is not None:
            governorate.update(latin_key(n) for n in _names(gov))
        if where.strip().lower().endswith("province"):
            place |= governorate
        return PlaceNames(_clean(place), _clean(governorate))


def _clean(keys: Iterable[str]) -> frozenset[str]:
    """Drop empty keys and bare type words ("province" alone names nothing)."""
    return frozenset(k for k in keys if k and k not in _words("type"))


@dataclass(frozen=True, slots=True)
class NumberForms:
    """The ways a headline may state a count: digits or English number words."""

    words: dict[int, tuple[str, ...]]

    @classmethod
    def from_lexicon(cls) -> NumberForms:
        words: dict[int, list[str]] = {}
        for row in load_table("number_words"):
            if row["lang"] == "en" and row["kind"] == "number" and row["min"]:
                words.setdefault(int(row["min"]), []).append(row["word"].lower())
        return cls({n: tuple(w) for n, w in words.items()})

    def stated(self, number: int, text: str) -> bool:
        forms = [f"{number:,}", str(number), *self.words.get(number, ())]
        low = clean(text).text.lower()
        return any(
            re.search(rf"(?<![\w,.]){re.escape(f)}(?![\w]|,\d)", low) for f in forms
        )
