"""Shipped sub-district and district points against the OCHA COD-AB polygons.

Sub-district and district points are approximate (a seat town from GeoNames, or a
point transcribed from a cited article).  Each shipped row is paired, by name only,
with a COD-AB unit of its level in the same governorate, and its point must lie in
that unit.  Reference files are read in place, never copied; the figures and every
row that fails are printed (``pytest -s -m reference``).

Pairing (names, never positions):

- Arabic: one of the row's Arabic names, designator («ناحية», «قضاء») stripped,
  equals the unit's ``ADMn_AR``, also after dropping the article «ال» and the
  spaces of every word (قوشتبة / قوش تبه, النمرود / نمرود);
- else English: one of the row's English names equals ``ADMn_EN`` once case,
  diacritics, articles and the word "Markaz" (the central sub-district) are
  folded away, or is at least ``LATIN_SIMILARITY`` alike (Qushtapa / Qushtappa).

A sub-district no COD-AB sub-district pairs with (many were created after the
2019 boundaries) is checked against its stated district's COD-AB district
instead, through the shipped district row of that name.

A sub-district with no point known stands at its district's point (its
``source`` says "no point known: the point of its district <id>"): that is the
point it claims, so it is checked against that district's COD-AB polygon, not
its own unit's, and must stand exactly at that district row's point with at
least its ``precision_m``.  When no 2019 district pairs with that district
(the 2019 copy has no Aziziyah district), the COD-AB district holding the
row's own COD-AB sub-district is the one.  Every other row is checked against
its own unit as above.

Border tolerance: the COD-AB copy is simplified, so a seat town on its unit's
edge can fall just outside: Hamam al-Alil, on the Tigris bank, lies 0.69 km out
of its sub-district at its published infobox coordinate.  A point within
``BORDER_M`` of its unit counts as inside when that distance is also within the
row's own ``precision_m``; nothing further out does.

``REFERENCE_GAPS`` names units the reference copy itself gets wrong, with the
evidence; each entry is asserted to be still outside, so a corrected reference
retires it.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kharita.gazetteer import Gazetteer, GazetteerPlace, load_gazetteer
from kharita.geo import contains, distance_deg, shape_of
from kharita.text.normalize import key
from test_gazetteer_reference import OCHA_TO_GAZ, SAME_AS

#: a point this close to its unit (and within its own precision_m) is on the border
BORDER_M = 750.0
#: two folded English names at least this alike name the same unit
LATIN_SIMILARITY = 0.8
KM_PER_DEG = 111.0
DESIGNATOR = {2: "قضاء ", 3: "ناحيه "}
KIND = {2: "district", 3: "subdistrict"}
_LATIN_NOISE = frozenset(
    [
        "al",
        "el",
        "ad",
        "an",
        "as",
        "ar",
        "at",
        "az",
        "ash",
        "nahiyat",
        "nahiya",
        "markaz",
        "subdistrict",
        "district",
    ]
)
#: shipped rows whose seat the reference copy misplaces (id -> evidence)
REFERENCE_GAPS = {
    "district:amarah": (
        "the COD-AB copy has no Markaz Al-Amara sub-district: Amarah city, the"
        " district's seat (GeoNames 99608), falls in Al-Kahla's Al-Msharah there"
    ),
}


@dataclass(frozen=True)
class Unit:
    level: int
    pcode: str
    name_ar: str
    name_en: str
    governorate: str
    polygon: Any
    parent: str  # the district's pcode of a sub-district ("" for a district)


@pytest.fixture(scope="module")
def units(shared_dir: Path) -> list[Unit]:
    """COD-AB districts and sub-districts (a missing file fails, never skips)."""
    out = []
    for level in (2, 3):
        path = (
            shared_dir
            / "data"
            / "ocha-cod-ab-iraq"
            / f"irq_admbnda_adm{level}_cso_20190603.geojson"
        )
        if not path.is_file():
            pytest.fail(f"reference file missing: {path}")
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            props = feature["properties"]
            out.append(
                Unit(
                    level,
                    props[f"ADM{level}_PCODE"],
                    props[f"ADM{level}_AR"],
                    props[f"ADM{level}_EN"],
                    OCHA_TO_GAZ[props["ADM1_EN"]],
                    shape_of(feature["geometry"]),
                    props["ADM2_PCODE"] if level == 3 else "",
                )
            )
    return out


def bare_arabic(name: str) -> str:
    """«ال» and spaces dropped word by word: «قوش تبه» and «قوشتبه» agree."""
    return "".join(word.removeprefix("ال") for word in name.split())


def latin_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[^a-z ]", " ", plain.casefold().replace("-", " ")).split()
    return "".join(w for w in words if w not in _LATIN_NOISE)


def pair(place: GazetteerPlace, level: int, units: list[Unit]) -> list[Unit]:
    """The COD-AB units of ``level`` that name ``place`` (see the module docstring)."""
    governorate = SAME_AS.get(place.governorate or "", place.governorate)
    here = [u for u in units if u.level == level and u.governorate == governorate]
    arabic = {
        key(n).removeprefix(DESIGNATOR[level])
        for n in (place.name_ar, *place.aliases_ar)
    }
    found = [u for u in here if key(u.name_ar) in arabic]
    bare = {bare_arabic(n) for n in arabic}
    found = found or [u for u in here if bare_arabic(key(u.name_ar)) in bare]
    latin = {latin_key(n) for n in (place.name_en, *place.aliases_en)} - {""}
    return found or [
        u
        for u in here
        if any(
            difflib.SequenceMatcher(None, latin_key(u.name_en), n).ratio()
            >= LATIN_SIMILARITY
            for n in latin
        )
    ]


def km_outside(place: GazetteerPlace, polygons: list[Any]) -> float:
    """0 when the point is in one of ``polygons``, else the distance to the nearest."""
    point = (place.lat, place.lon)
    if any(contains(g, point) for g in polygons):
        return 0.0
    return min(distance_deg(g, point) for g in polygons) * KM_PER_DEG


def agrees(place: GazetteerPlace, km: float) -> bool:
    metres = km * 1000
    return metres == 0 or (metres <= BORDER_M and metres <= place.precision_m)


def district_of(
    place: GazetteerPlace, gazetteer: Gazetteer, units: list[Unit]
) -> list[Unit]:
    """The COD-AB district of a sub-district's stated district (via its shipped row)."""
    rows = [
        d
        for d in gazetteer.of_type("district")
        if d.district == place.district and d.governorate == place.governorate
    ]
    return [u for d in rows for u in pair(d, 2, units)]


def claimed_district(
    place: GazetteerPlace, gazetteer: Gazetteer, units: list[Unit]
) -> list[Unit]:
    """The COD-AB district whose point a row with no point of its own claims: the
    unit paired with the district row it stands at, else the 2019 district holding
    the row's own COD-AB sub-district."""
    assert place.point_of is not None
    found = pair(gazetteer.get(place.point_of), 2, units)
    parents = {u.parent for u in pair(place, 3, units)}
    return found or [u for u in units if u.level == 2 and u.pcode in parents]


def moved(
    borrowed: list[GazetteerPlace], gazetteer: Gazetteer, units: list[Unit]
) -> None:
    """Print (never assert) the rows whose own 2019 unit lies in another district
    than the one they stand at: a stated district the 2019 boundaries disagree
    with, which only a cited source may change."""
    names = {u.pcode: u.name_en for u in units if u.level == 2}
    for place in borrowed:
        own = pair(place, 3, units)
        claimed = {u.pcode for u in claimed_district(place, gazetteer, units)}
        if own and not {u.parent for u in own} & claimed:
            held = ", ".join(sorted({names[u.parent] for u in own}))
            print(f"  note: {place.id} stands at {place.point_of}; 2019 unit in {held}")


def at_claimed_district(
    borrowed: list[GazetteerPlace], gazetteer: Gazetteer, units: list[Unit]
) -> list[tuple[GazetteerPlace, float]]:
    """Rows with no point of its own, checked where they claim to be: each stands
    exactly at a district of its governorate, at least as coarse, and (returned)
    how far out of that district's COD-AB polygon it is."""
    for place in borrowed:
        host = gazetteer.get(place.point_of or "")
        assert host.type == "district" and host.governorate == place.governorate
        assert (place.lat, place.lon) == (host.lat, host.lon)
        assert place.precision_m >= host.precision_m
    checked = [
        (p, km_outside(p, [u.polygon for u in claimed_district(p, gazetteer, units)]))
        for p in borrowed
        if claimed_district(p, gazetteer, units)
    ]
    if borrowed:
        report("no point known: at their district's point, in that district", checked)
        moved(borrowed, gazetteer, units)
    return checked


def report(title: str, checked: list[tuple[GazetteerPlace, float]]) -> None:
    inside = sum(1 for _, km in checked if km == 0)
    border = sum(1 for p, km in checked if km > 0 and agrees(p, km))
    print(
        f"\n{title}: {inside}/{len(checked)} inside, {border} more on the border"
        f" (<= {BORDER_M:.0f} m and within precision_m)"
    )
    for place, km in sorted(checked, key=lambda pair: -pair[1]):
        if km > 0:
            note = REFERENCE_GAPS.get(place.id, "")
            flag = "border" if agrees(place, km) else "OUTSIDE"
            print(f"  {flag}: {place.id} {km:.2f} km out {note}")


def failures(checked: list[tuple[GazetteerPlace, float]]) -> list[str]:
    bad = [p.id for p, km in checked if not agrees(p, km)]
    return [i for i in bad if i not in REFERENCE_GAPS]


@pytest.mark.reference
@pytest.mark.parametrize("level", [3, 2])
def test_gazetteer_reference_admin_points_inside_their_cod_ab_unit(
    units: list[Unit], level: int
) -> None:
    gazetteer = load_gazetteer()
    checked, unpaired = [], []
    rows = gazetteer.of_type(KIND[level])
    for place in (p for p in rows if not p.point_of):
        polygons = [u.polygon for u in pair(place, level, units)]
        if polygons:
            checked.append((place, km_outside(place, polygons)))
        else:
            unpaired.append(place)
    report(f"shipped {KIND[level]} points in their COD-AB adm{level} unit", checked)
    via_district = []
    if level == 3:
        via_district = [
            (p, km_outside(p, [u.polygon for u in district_of(p, gazetteer, units)]))
            for p in unpaired
            if district_of(p, gazetteer, units)
        ]
        report("unpaired sub-districts in their stated COD-AB district", via_district)
        left = sorted({p.id for p in unpaired} - {p.id for p, _ in via_district})
        print(f"  paired with neither: {len(left)} {' '.join(left)}")
    borrowed = [p for p in rows if p.point_of]
    at_district = at_claimed_district(borrowed, gazetteer, units)
    assert len(at_district) == len(borrowed)
    assert checked and failures(checked) == [] and failures(via_district) == []
    assert failures(at_district) == []
    gaps = [p.id for p, km in checked if p.id in REFERENCE_GAPS and not agrees(p, km)]
    assert sorted(gaps) == sorted(
        g for g in REFERENCE_GAPS if g.startswith(KIND[level])
    )
