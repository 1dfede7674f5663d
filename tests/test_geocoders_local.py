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
        "confidence",
    ]
    assert (record["lat"] is not None) is found


@pytest.mark.parametrize("confidence_order", [("كالسو", "كالصو")])
def test_geocoders_fuzzy_confidence_below_exact(
    geocoder: LocalGeocoder, confidence_order: tuple[str, str]
) -> None:
    exact, fuzzy = (geocoder.matches(q)[0].confidence for q in confidence_order)
    assert exact > fuzzy > 0.3
