"""Rows with no point of their own: a sub-district whose seat has no registry record
or cited point stands at its district's point ("no point known: the point of its
district <id>").  It is still found by name, keeps the district's coarse
``precision_m``, and never wins over a real point of the same name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kharita.gazetteer import Gazetteer, load_directory
from kharita.mentions import recognizer_for
from kharita.models import Article, ResolvedPlace
from kharita.resolve import resolve_places
from kharita.resolve.geocoders import LocalGeocoder, geocode_record

HEADER = (
    "id,type,name_en,name_ar,aliases_ar,aliases_en,aliases_ku,lat,lon,governorate,"
    "district,country,population,precision_m,source,ambiguous,ambiguous_names\n"
)
ROWS = (
    "iq,country,Iraq,العراق,,,,33.0,44.0,,,IQ,,300000,test,,\n"
    "gov:dy,governorate,Diyala,ديالى,محافظة ديالى,,,33.75,44.6,Diyala,,IQ,,60000,test,,\n"
    "district:d,district,Nakhil District,النخيل,قضاء النخيل,,,33.9,44.5,Diyala,"
    "Nakhil,IQ,,25000,test,,\n"
    # a village with a real point, and a sub-district of the same name with none
    "v:1,village,Tell Zahra,تل زهرة,,,,34.3,44.5,Diyala,Nakhil,IQ,900,1500,test,,\n"
    "subdistrict:z,subdistrict,Tell Zahra,تل زهرة,ناحية تل زهرة,,,33.9,44.5,Diyala,"
    "Nakhil,IQ,,25000,no point known: the point of its district district:d,,\n"
    # a sub-district with no point and no namesake
    "subdistrict:q,subdistrict,Qasr Rihan,قصر ريحان,ناحية قصر ريحان,,,33.9,44.5,"
    "Diyala,Nakhil,IQ,,25000,no point known: the point of its district district:d,,\n"
    # another governorate, far away
    "gov:ba,governorate,Basra,البصرة,محافظة البصرة,,,30.5,47.8,Basra,,IQ,,100000,test,,\n"
)


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    root = tmp_path_factory.mktemp("borrowed")
    (root / "places.csv").write_text(HEADER + ROWS, encoding="utf-8")
    return load_directory(Path(root))


def resolve(gaz: Gazetteer, text: str) -> list[ResolvedPlace]:
    article = Article("t", text, "ar")
    return resolve_places(article, recognizer_for(gaz)(text, "ar"), gaz)


@pytest.mark.parametrize(
    ("place_id", "point_of"),
    [("subdistrict:z", "district:d"), ("v:1", None), ("district:d", None)],
)
def test_resolve_borrowed_point_is_read_from_the_source(
    gazetteer: Gazetteer, place_id: str, point_of: str | None
) -> None:
    assert gazetteer.get(place_id).point_of == point_of


@pytest.mark.parametrize(
    "text", ["انفجار في تل زهرة", "انفجار في تل زهرة بمحافظة ديالى"]
)
def test_resolve_borrowed_point_loses_to_a_real_point_of_the_same_name(
    gazetteer: Gazetteer, text: str
) -> None:
    rp = next(p for p in resolve(gazetteer, text) if p.mention.text == "تل زهرة")
    assert rp.place is not None and rp.place.id == "v:1"
    loser = next(c for c in rp.alternatives if c.place.id == "subdistrict:z")
    assert [e.weight for e in loser.evidence if e.rule == "point_borrowed"] == [0.0]


@pytest.mark.parametrize(
    ("text", "name", "place_id"),
    [
        ("انفجار في ناحية قصر ريحان", "ناحية قصر ريحان", "subdistrict:q"),
        ("انفجار في قصر ريحان بمحافظة ديالى", "قصر ريحان", "subdistrict:q"),
    ],
)
def test_resolve_borrowed_point_still_resolves_with_its_coarse_precision(
    gazetteer: Gazetteer, text: str, name: str, place_id: str
) -> None:
    rp = next(p for p in resolve(gazetteer, text) if p.mention.text == name)
    assert rp.place is not None and rp.place.id == place_id
    district = gazetteer.get("district:d")
    assert (rp.lat, rp.lon) == (district.lat, district.lon)
    assert rp.precision_m == district.precision_m
    assert "point_borrowed" in {e.rule for e in rp.evidence}


def test_resolve_borrowed_point_comes_after_real_points_in_geocoder_answers(
    gazetteer: Gazetteer,
) -> None:
    geocoder = LocalGeocoder(gazetteer)
    assert [m.place.id for m in geocoder.matches("تل زهرة")] == [
        "v:1",
        "subdistrict:z",
    ]
    record = geocode_record(geocoder, "ناحية قصر ريحان")
    assert record["name"] == "Qasr Rihan" and record["precision_m"] == 25000.0
    assert record["source"].startswith("no point known")


def test_resolve_borrowed_point_outside_the_governorates_named_is_unresolved(
    gazetteer: Gazetteer,
) -> None:
    # «ناحية قصر ريحان» in a Basra report is no Diyala sub-district standing at
    # its district's point: the mention names a place the gazetteer lacks
    text = "انفجار في ناحية قصر ريحان في محافظة البصرة"
    rp = next(p for p in resolve(gazetteer, text) if "قصر ريحان" in p.mention.text)
    assert rp.place is None
    assert "far_on_weak_evidence" in {e.rule for e in rp.evidence}
