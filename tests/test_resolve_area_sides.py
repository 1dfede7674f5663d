"""A bearing on an area with no distance names a side of the area.

Constructions: «شمال العراق», «غربي الأنبار», "northern Iraq", "western Anbar"
(the area's outer third on that side, from the shipped polygons) and
"northern Mosul" (an adjective: a part of the town, inside it).
"""

from __future__ import annotations

import pytest

from kharita import geo
from kharita.incidents import extract_incidents
from kharita.models import Article, ResolvedPlace
from kharita.pipeline import pipeline_for

BEARINGS = (0.0, 45.0, 90.0, 135.0, 180.0, 225.0, 270.0, 315.0)


def _places(text: str, lang: str) -> list[ResolvedPlace]:
    doc = pipeline_for()(Article(id="s", text=text, lang=lang))  # type: ignore[arg-type]
    return [p for p in doc.places if p.place is not None]


@pytest.mark.parametrize("area", ["country:iq", "gov:iq-an", "gov:iq-ni", "gov:iq-bb"])
@pytest.mark.parametrize("bearing", BEARINGS)
def test_side_of_lies_inside_the_area_on_the_named_side(
    area: str, bearing: float
) -> None:
    shape = geo.area_shapes()[area]
    (lat, lon), precision = geo.side_of(shape, bearing)
    assert geo.contains(shape, (lat, lon))
    centre = geo.from_xy(shape.centroid.x, shape.centroid.y)
    off = geo.initial_bearing(centre, (lat, lon))
    assert min(abs(off - bearing), 360 - abs(off - bearing)) < 60
    assert 500 <= precision < geo.area_precision_m(shape)


@pytest.mark.parametrize(
    ("text", "lang", "bearing"),
    [
        ("قصفت طائرات تركية مواقع في شمال العراق", "ar", 0.0),
        ("Turkish air strikes kill 8 PKK members in northern Iraq", "en", 0.0),
        ("Rockets hit a base in western Iraq", "en", 270.0),
        ("سقطت قذائف هاون في جنوبي العراق", "ar", 180.0),
    ],
)
def test_a_side_of_iraq_is_placed_in_that_side(
    text: str, lang: str, bearing: float
) -> None:
    (rp,) = [p for p in _places(text, lang) if p.place and p.place.id == "country:iq"]
    assert rp.relative is not None and rp.relative.bearing_deg == bearing
    assert rp.lat is not None and rp.lon is not None and not rp.foreign
    iraq = geo.area_shapes()["country:iq"]
    centre = geo.from_xy(iraq.centroid.x, iraq.centroid.y)
    assert geo.haversine_km(centre, (rp.lat, rp.lon)) > 150  # not the country's middle
    assert (rp.lat, rp.lon) == geo.side_of(iraq, bearing)[0]


def test_a_side_of_iraq_is_the_incident_site_when_nothing_finer_is_named() -> None:
    """The incident is put in northern Iraq, not at the country's point near Baghdad."""
    text = "Turkish air strikes kill 8 PKK members in northern Iraq"
    article = Article(id="s", text=text, lang="en")
    doc = pipeline_for()(article)
    (inc,), _ = extract_incidents(article, doc.places)
    assert inc.place is not None and inc.place.place is not None
    assert inc.place.place.id == "country:iq"
    assert inc.lat is not None and inc.lat > 35.0
    assert geo.governorate_of((inc.lat, inc.lon or 0.0)) is not None  # inside Iraq


def test_a_side_of_a_governorate_stays_in_the_governorate() -> None:
    (rp,) = _places("Iraqi jets strike Islamic State hideouts in western Anbar", "en")
    assert rp.place is not None and rp.place.id == "gov:iq-an"
    assert rp.lat is not None and rp.lon is not None
    assert geo.governorate_of((rp.lat, rp.lon)) == "Anbar"
    assert rp.lon < rp.place.lon  # the west of the province


def test_northern_town_is_a_part_of_the_town_not_a_point_outside() -> None:
    """ "northern Mosul" is inside Mosul; "north of Mosul" may lie 20 km out."""
    (part,) = _places("A bomb exploded in northern Mosul", "en")
    (beyond,) = _places("A bomb exploded north of Mosul", "en")
    assert part.place is not None and part.lat is not None and part.lon is not None
    assert beyond.lat is not None and beyond.lon is not None
    town = (part.place.lat, part.place.lon)
    inside = geo.haversine_km(town, (part.lat, part.lon))
    assert 0 < inside <= part.place.precision_m / 1000
    assert part.lat > town[0]
    assert geo.haversine_km(town, (beyond.lat, beyond.lon)) > inside
