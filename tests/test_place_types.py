"""Designator types against gazetteer types (:func:`kharita.place_types.type_agrees`)."""

from __future__ import annotations

import pytest

from kharita.place_types import type_agrees, type_rank


@pytest.mark.parametrize(
    ("place_type", "implied", "agrees"),
    [
        ("subdistrict", "sub-district", True),  # «ناحية X» names a sub-district
        # news writes «قضاء التاجي» for a sub-district, and the reverse
        ("district", "sub-district", True),
        ("subdistrict", "district", True),
        ("governorate", "district", False),
        ("district", "district", True),
        ("airbase", "base|airbase", True),
        ("airbase", "base", True),  # «مقر» / "military base": an air base is a base
        ("military_base", "base", True),
        ("oil_field", "oil field|gas field|oil/gas field", True),
        ("village", "neighbourhood|area|district|sub-district|village", True),
        ("governorate", "neighbourhood|area|district|sub-district|village", False),
        ("city", None, False),
    ],
)
def test_type_agrees(place_type: str, implied: str | None, agrees: bool) -> None:
    assert type_agrees(place_type, implied) is agrees


def test_type_rank_sub_district_below_district() -> None:
    # "subdistrict" contains "district": it must not take the district's rank
    assert type_rank("subdistrict") == type_rank("sub-district") < type_rank("district")
