"""Datelines and distance-described sites, one test per construction (sentences
written for these tests).

* dateline: the place heading a wire story is where the reporter is, not the
  site, also when its country or the day follows it ("KIRKUK, Iraq (Kharita
  Wire) -", "BAGHDAD, Sept 10 (Kharita Wire) -");
* distance_reference: when the text names no finer site than the country, a
  place described by a distance and a bearing ("40 kilometres southwest of
  Kirkuk") is the site, at its offset point.
"""

from __future__ import annotations

import pytest

from kharita.geo import haversine_km
from kharita.models import Article, Incident
from kharita.pipeline import extract_article


def _one(text: str) -> Incident:
    (inc,) = extract_article(
        Article(id="w", text=text, lang="en", date="2031-06-05")
    ).incidents
    return inc


@pytest.mark.parametrize(
    "head",
    [
        "MOSUL, Iraq (Kharita Wire) - ",
        "MOSUL, June 4 (Kharita Wire) - ",
        "MOSUL (Kharita Wire) - ",
    ],
)
def test_dateline_with_country_or_day_is_not_the_site(head: str) -> None:
    inc = _one(
        head
        + "Two soldiers were killed in a clash with militants in Baaj district on Monday."
    )
    assert inc.place is not None and inc.place.place is not None
    assert inc.place.place.name_en == "Baaj District"


def test_distance_reference_beats_the_country() -> None:
    inc = _one(
        "KIRKUK, Iraq (Kharita Wire) - Three of Iraq's federal police were killed when "
        "militants ambushed their patrol in a village 40 kilometres southwest of Kirkuk."
    )
    assert (
        inc.place is not None
        and inc.place.lat is not None
        and inc.place.lon is not None
    )
    assert inc.place.place is not None and inc.place.place.name_en == "Kirkuk"
    kirkuk = (35.468, 44.392)
    assert 35 <= haversine_km(kirkuk, (inc.place.lat, inc.place.lon)) <= 45
