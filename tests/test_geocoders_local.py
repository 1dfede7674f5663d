"""LocalGeocoder: Arabic variants, clitics, designators, transliterations, fuzzy."""

from __future__ import annotations

import pytest
from geopy.location import Location

from kharita.resolve.geocoders import (
    LocalGeocoder,
    geocode_record,
    latin_skeleton,
    strip_proclitics,
)


@pytest.fixture(scope="module")
def geocoder() -> LocalGeocoder:
    return LocalGeocoder()


@pytest.mark.parametrize(
    ("query", "place_id", "how"),
    [
        ("بغداد", "gn:98182", "exact"),
        ("وبغداد", "gn:98182", "clitic"),
        ("بالموصل", "gn:99072", "clitic"),
        ("للبصرة", "gn:99532", "clitic"),
        ("والفلوجة", "gn:99454", "clitic"),
        ("محافظة بابل", "gov:iq-bb", "exact"),
        ("محافظة نينوي", "gov:iq-ni", "exact"),
        ("قاعدة كالسو", "site:camp-kalsu", "exact"),
        ("معسكر كالسو", "site:camp-kalsu", "exact"),
        ("بقاعدة عين الأسد", "icao:oraa", "clitic"),
        ("مطار جرف النصر", "site:jurf-al-nasr", "designator"),
        ("Baqubah", "gn:97990", "exact"),
        ("Ba'qubah", "gn:97990", "exact"),
        ("Baaqubah", "gn:97990", "skeleton"),
        ("Al Asad airfield", "icao:oraa", "designator"),
        ("Ain al Assad", "icao:oraa", "exact"),
        ("Falluja", "gn:99454", "exact"),
        ("Falloojah", "gn:99454", "skeleton"),
        ("Salah ad-Din province", "gov:iq-sd", "designator"),
        ("Jurf as-Sakhar", "site:jurf-al-nasr", "exact"),
        ("كالصو", "site:camp-kalsu", "fuzzy"),
    ],
)
def test_geocoders_local_finds_variants(
    geocoder: LocalGeocoder, query: str, place_id: str, how: str
) -> None:
    best = geocoder.matches(query)[0]
    assert (best.place.id, best.how) == (place_id, how)


@pytest.mark.parametrize("query", ["Erbil", "Hewler", "هولير", "ههولێر", "أربيل"])
def test_geocoders_local_returns_geopy_location(
    geocoder: LocalGeocoder, query: str
) -> None:
    location = geocoder.geocode(query)
    assert isinstance(location, Location)
    assert location.raw["governorate"] == "Erbil"
    assert 35.5 < location.latitude < 37.0


@pytest.mark.parametrize(
    ("query", "country"),
    [("واشنطن", "US"), ("طهران", "IR"), ("دافوس", "CH"), ("دمشق", "SY")],
)
def test_geocoders_local_knows_foreign_places(
    geocoder: LocalGeocoder, query: str, country: str
) -> None:
    location = geocoder.geocode(query)
    assert location is not None and location.raw["country"] == country


@pytest.mark.parametrize("query", ["", "   ", "zzqxv", "لاشيءهنا"])
def test_geocoders_local_unknown_is_none(geocoder: LocalGeocoder, query: str) -> None:
    assert geocoder.geocode(query) is None
    assert geocoder.geocode(query, exactly_one=False) == []


@pytest.mark.parametrize(("query", "first_country"), [("بابل", "IQ")])
def test_geocoders_local_ranks_iraq_first(
    geocoder: LocalGeocoder, query: str, first_country: str
) -> None:
    assert geocoder.geocode(query).raw["country"] == first_country


@pytest.mark.parametrize(
    ("names", "same"),
    [
        (("Baqubah", "Baquba", "Ba'qubah", "Baqouba"), True),
        (("Ain al-Asad", "Ain al Asad", "Ain Al-Assad"), True),
        (("Kirkuk", "Karbala"), False),
    ],
)
def test_geocoders_latin_skeleton_folds_transliterations(
    names: tuple[str, ...], same: bool
) -> None:
    assert (len({latin_skeleton(n) for n in names}) == 1) is same


@pytest.mark.parametrize(
    ("word", "form"), [("وبغداد", "بغداد"), ("بالموصل", "الموصل"), ("للبصره", "البصره")]
)
def test_geocoders_strip_proclitics_offers_bare_form(word: str, form: str) -> None:
    assert form in strip_proclitics(word)


@pytest.mark.parametrize(("query", "found"), [("كالسو", True), ("zzqxv", False)])
def test_geocoders_record_has_all_fields(
    geocoder: LocalGeocoder, query: str, found: bool
) -> None:
    record = geocode_record(geocoder, query)
    assert list(record) == [
        "query",
        "name",
        "name_ar",
        "lat",
        "lon",
        "type",
        "governorate",
        "source",
        "match",
        "confidence",
        "precision_m",
    ]
    assert (record["lat"] is not None) is found


@pytest.mark.parametrize("confidence_order", [("كالسو", "كالصو")])
def test_geocoders_fuzzy_confidence_below_exact(
    geocoder: LocalGeocoder, confidence_order: tuple[str, str]
) -> None:
    exact, fuzzy = (geocoder.matches(q)[0].confidence for q in confidence_order)
    assert exact > fuzzy > 0.3


@pytest.mark.parametrize(
    ("query", "turned_down"),
    [
        ("برادوست", "Barbados"),  # issue 15: a sub-district in Erbil
        ("ميدان", "Medan"),
        ("الامام", "Dammam"),
        ("القرج", "Al Kharj"),
    ],
)
def test_geocoders_no_far_fetched_foreign_answer(
    geocoder: LocalGeocoder, query: str, turned_down: str
) -> None:
    found, rejected = geocoder.lookup(query)
    assert all(m.place.in_iraq for m in found)
    assert turned_down in {m.place.name_en for m in rejected}


@pytest.mark.parametrize(
    ("query", "kind"),
    [("بغداد", "exact"), ("Bayji", "alias"), ("كالصو", "fuzzy"), ("بالموصل", "exact")],
)
def test_geocoders_answer_says_how_it_matched(
    geocoder: LocalGeocoder, query: str, kind: str
) -> None:
    location = geocoder.geocode(query)
    assert location is not None and location.raw["match"] == kind
    assert 0 < location.raw["confidence"] <= 1 and location.raw["precision_m"] > 0


@pytest.mark.parametrize(("query", "minimum"), [("كالصو", 0.8)])
def test_geocoders_min_confidence_filters(
    geocoder: LocalGeocoder, query: str, minimum: float
) -> None:
    strict = LocalGeocoder(geocoder.gazetteer, min_confidence=minimum)
    assert geocoder.geocode(query) is not None
    assert strict.geocode(query) is None


@pytest.mark.parametrize(
    ("point", "place_id", "governorate"),
    [((32.9, 44.27), "site:camp-kalsu", "Babil"), ("36.19, 44.01", None, "Erbil")],
)
def test_geocoders_reverse_names_nearest_place(
    geocoder: LocalGeocoder,
    point: object,
    place_id: str | None,
    governorate: str,
) -> None:
    location = geocoder.reverse(point)
    assert location is not None
    assert location.raw["governorate"] == governorate
    assert 0 <= location.raw["distance_km"] < 10
    assert place_id is None or location.raw["id"] == place_id
    assert location.raw["subdistrict"] is None  # no layer with sub-district polygons


def test_geocoders_reverse_far_from_everything_still_answers(
    geocoder: LocalGeocoder,
) -> None:
    location = geocoder.reverse((0.0, -30.0))
    assert location is not None and location.raw["governorate"] is None
    assert location.raw["distance_km"] > 500
