"""Resolution rules over the tiny test gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from kharita.gazetteer import Gazetteer, load_gazetteer
from kharita.geo import (
    destination,
    from_xy,
    geodesic_km,
    haversine_km,
    to_xy,
)
from kharita.mentions import recognizer_for
from kharita.models import Article, ResolvedPlace
from kharita.resolve import resolve_places

TINY = Path(__file__).resolve().parent / "data" / "gazetteer_tiny"


@pytest.fixture(scope="module")
def tiny() -> Gazetteer:
    return load_gazetteer(TINY)


def resolve(gaz: Gazetteer, text: str, lang: str = "ar") -> list[ResolvedPlace]:
    article = Article("t", text, lang)  # type: ignore[arg-type]
    return resolve_places(article, recognizer_for(gaz)(text, article.lang), gaz)


@pytest.mark.parametrize(
    ("text", "name", "winner", "rule"),
    [
        ("انفجار في الحلة بمحافظة بابل", "الحلة", "hillah", "parent_named"),
        ("انفجار في الحلة", "الحلة", "hillah", "country_focus"),
        ("وصل وزير إلى الحلة في سوريا", "الحلة", "hillah-sy", "country_named"),
        ("حي السلام في محافظة نينوى", "حي السلام", "salam-mosul", "parent_named"),
        (
            "انفجار في حي السلام ببغداد",
            "حي السلام",
            "salam-baghdad",
            "spatial_coherence",
        ),
    ],
)
def test_resolve_context_picks_candidate(
    tiny: Gazetteer, text: str, name: str, winner: str, rule: str
) -> None:
    rp = next(p for p in resolve(tiny, text) if p.mention.text == name)
    assert rp.place is not None and rp.place.id == winner
    assert rule in {e.rule for e in rp.evidence}
    assert 0.0 <= rp.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "foreign"),
    [("قال من واشنطن", True), ("في دافوس", True), ("في كركوك", False)],
)
def test_resolve_foreign_places_are_labelled(
    tiny: Gazetteer, text: str, foreign: bool
) -> None:
    (rp,) = resolve(tiny, text)
    assert rp.foreign is foreign


@pytest.mark.parametrize(
    ("text", "anchor", "bearing", "km"),
    [
        ("سقط صاروخ على بعد 30 كم شمال كركوك", "kirkuk", 0.0, 30.0),
        ("rockets fell 20 km south of Baghdad", "baghdad", 180.0, 20.0),
        ("هجوم جنوبي بابل", "gov-babil", 180.0, None),
    ],
)
def test_resolve_relative_locations(
    tiny: Gazetteer, text: str, anchor: str, bearing: float, km: float | None
) -> None:
    (rp,) = [
        p for p in resolve(tiny, text, "en" if text.isascii() else "ar") if p.place
    ]
    assert rp.relative is not None and rp.relative.anchor_id == anchor
    assert rp.relative.bearing_deg == bearing and rp.relative.distance_km == km
    assert rp.place is not None and rp.lat is not None and rp.lon is not None
    moved = geodesic_km((rp.place.lat, rp.place.lon), (rp.lat, rp.lon))
    assert moved == pytest.approx(km, rel=0.01) if km else moved > 1
    assert rp.precision_m > rp.place.precision_m


@pytest.mark.parametrize("text", ["على الطريق الدولي الرابط بين بغداد والبصرة"])
def test_resolve_road_between_two_places(tiny: Gazetteer, text: str) -> None:
    first, second = resolve(tiny, text)
    assert first.relative is not None and second.role == "reference"
    assert first.lat is not None and 30.5 < first.lat < 33.3
    assert first.precision_m > 200_000


@pytest.mark.parametrize("text", ["الموقع 33.3152, 44.3661", "at 46.80, 9.83"])
def test_resolve_coordinates(tiny: Gazetteer, text: str) -> None:
    (rp,) = resolve(tiny, text)
    assert rp.place is None and rp.lat is not None and rp.confidence > 0.9
    assert rp.foreign is (rp.lat > 40)


@pytest.mark.parametrize("text", ["وصل إلى بلد", "انفجار في الحلة"])
def test_resolve_every_place_has_confidence_and_precision(
    tiny: Gazetteer, text: str
) -> None:
    for rp in resolve(tiny, text):
        assert 0.0 < rp.confidence <= 1.0 and rp.precision_m > 0
        assert rp.low_confidence is (rp.confidence < 0.5)


@pytest.mark.parametrize(
    ("a", "b", "km"), [((33.3152, 44.3661), (30.5085, 47.7804), 450.0)]
)
def test_resolve_geometry_distances(
    a: tuple[float, float], b: tuple[float, float], km: float
) -> None:
    assert haversine_km(a, b) == pytest.approx(km, rel=0.02)
    assert geodesic_km(a, b) == pytest.approx(km, rel=0.02)
    assert geodesic_km(a, destination(a, 90.0, 10.0)) == pytest.approx(10.0, rel=1e-3)
    assert from_xy(*to_xy(a)) == a


def test_resolve_coordinates_are_named_by_reverse_geocoding() -> None:
    """Coordinates written in an article are named with the same function as
    ``kharita geocode --reverse`` (the nearest place and its governorate)."""
    from kharita.models import Article
    from kharita.pipeline import pipeline_for
    from kharita.resolve.geocoders import LocalGeocoder

    nlp = pipeline_for()
    doc = nlp(
        Article(id="c", text="سقط صاروخ عند الإحداثيات 33.3152, 44.3661 أمس", lang="ar")
    )
    (rp,) = [p for p in doc.places if p.mention.kind == "coordinates"]
    assert rp.near is not None and rp.near.governorate == "Baghdad"
    reverse = LocalGeocoder().reverse((33.3152, 44.3661))
    assert reverse is not None and reverse.raw["name_en"] == rp.near.name_en
    assert any(e.rule == "reverse_geocoded" for e in rp.evidence)


def test_resolve_governorate_is_mapped_at_its_seat() -> None:
    """ACLED's convention for a province-level location: the provincial capital's
    point (``seat`` column of governorates.csv), with the province's radius."""
    from kharita.gazetteer import load_gazetteer
    from kharita.models import Article
    from kharita.pipeline import pipeline_for

    gaz = load_gazetteer()
    doc = pipeline_for()(
        Article(id="g", text="قصف مدفعي على محافظة الأنبار أمس", lang="ar")
    )
    (rp,) = [p for p in doc.places if p.place and p.place.type == "governorate"]
    ramadi = gaz.get("gn:98717")
    assert (rp.lat, rp.lon) == (ramadi.lat, ramadi.lon)
    assert rp.precision_m == rp.place.precision_m  # the province's uncertainty
    assert any(e.rule == "governorate_seat" for e in rp.evidence)
    for place in gaz.places:
        if place.type == "governorate" and place.seat:
            seat = gaz.get(place.seat)
            assert seat.governorate == place.name_en  # each seat lies in its province
