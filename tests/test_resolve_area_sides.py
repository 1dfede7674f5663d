"""A bearing on an area with no distance names a side of the area.

Constructions: «شمال العراق», «غربي الأنبار», "northern Iraq", "western Anbar"
(the area's outer third on that side, from the shipped polygons) and
"northern Mosul" (an adjective: a part of the town, inside it).
"""

from __future__ import annotations

import math

import pytest

from kharita import geo
from kharita.gazetteer import load_gazetteer
from kharita.incidents import extract_incidents
from kharita.models import Article, ResolvedPlace
from kharita.pipeline import pipeline_for

BEARINGS = (0.0, 45.0, 90.0, 135.0, 180.0, 225.0, 270.0, 315.0)


def _places(text: str, lang: str) -> list[ResolvedPlace]:
    doc = pipeline_for()(Article(id="s", text=text, lang=lang))  # type: ignore[arg-type]
    return [p for p in doc.places if p.place is not None]


def _shapely_side(area: str, bearing: float) -> tuple[float, float, float]:
    """The same cut computed with shapely/GEOS: (lat, lon, km²) of the part."""
    import shapely
    from shapely import affinity, box

    shapes = dict(geo.read_polygons(geo.boundaries_path(), "id"))
    geom = (
        shapes[area]
        if area != "country:iq"
        else shapely.union_all(list(shapes.values()))
    )
    scale = math.cos(math.radians(geom.centroid.y))
    flat = affinity.scale(geom, xfact=scale, yfact=1.0, origin=(0, 0))
    turned = affinity.rotate(flat, bearing, origin=(0, 0))
    x0, y0, x1, y1 = turned.bounds
    part = turned.intersection(box(x0, y1 - (y1 - y0) / 3, x1, y1))
    back = affinity.rotate(part.centroid, -bearing, origin=(0, 0))
    return float(back.y), float(back.x) / scale, float(part.area) * 111.32**2


@pytest.mark.parametrize("area", ["country:iq", "gov:iq-an", "gov:iq-ni", "gov:iq-bb"])
@pytest.mark.parametrize("bearing", BEARINGS)
def test_side_point_lies_inside_the_area_on_the_named_side(
    area: str, bearing: float
) -> None:
    side = geo.side_point(area, bearing)
    assert side is not None
    (lat, lon), precision = side
    name = geo.governorate_of((lat, lon))
    assert name is not None  # inside Iraq
    if area != "country:iq":
        path = geo.boundaries_path()
        ids = dict(
            zip(
                (n for n, _ in geo.read_polygons(path, "name_en")),
                (i for i, _ in geo.read_polygons(path, "id")),
                strict=True,
            )
        )
        assert ids[name] == area
    lat_s, lon_s, km2 = _shapely_side(area, bearing)
    assert geo.haversine_km((lat, lon), (lat_s, lon_s)) < 1.0  # GEOS's centroid
    assert precision == pytest.approx(
        round(max(500.0, 1000.0 * math.sqrt(km2) / 2), -2), abs=100
    )


def test_a_crescent_side_gives_a_point_inside_it() -> None:
    """A part whose centroid falls outside it: the middle of its widest stretch."""
    ring = ((0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 3.0), (3.0, 3.0),
            (3.0, 1.0), (0.0, 1.0), (0.0, 0.0))  # fmt: skip
    x, y = geo._centroid([ring])
    assert not geo._inside((ring,), x, y)
    mid = geo._widest_middle([ring], y)
    assert geo._inside((ring,), mid, y)


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
    side = geo.side_point("country:iq", bearing)
    assert side is not None and (rp.lat, rp.lon) == side[0]
    iraq = next(p for p in load_gazetteer().places if p.id == "country:iq")
    assert (
        geo.haversine_km((iraq.lat, iraq.lon), (rp.lat, rp.lon)) > 150
    )  # not its middle


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
