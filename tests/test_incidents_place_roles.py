"""The role of a place in an incident's sentence (sentences written for these
tests), one test per construction:

* launch (``place_role_cues.tsv`` kind ``launch``): "fired from Camp Taji"
  names where it came from, a reference, not the site;
* actor_verb (kind ``actor_verb``): a place right before a verb of saying or
  denying ("Baghdad denies") is an actor, not a site;
* person_name (``person_name_cues.tsv``, ``incidents/places.py::in_person_name``):
  a title and given names before a family name that is a place («الشيخ عبد
  الرزاق الرمادي») make it a person's name; a name led by its designator
  («مدينة النجف») is a place whatever stands before it;
* between_second / between_point: in "between X and Y" both are reference
  points, and a broad site named with them ("(Salahuddin)") sits at their
  midpoint;
* actor_in_name (``incidents/extract.py::_names_an_actor``): a place named
  after an actor («السفارة الأمريكية», "the U.S. embassy") is a site like any
  other, unless an attribution verb right beside it makes it a subject; a
  country holding an actor's name is that actor;
* offset_point: a district or larger site with one reference inside it
  described by a bearing ("in the desert south of Rutba (Anbar)") takes the
  reference's offset point.
"""

from __future__ import annotations

import pytest

from factories import extract_text
from kharita import geo
from kharita.incidents.places import cue_role
from kharita.models import Article, ArticleResult
from kharita.pipeline import pipeline_for


def _roles(result: ArticleResult) -> dict[str, str]:
    return {p.mention.text: p.role for p in result.places}


def _site(result: ArticleResult) -> str | None:
    (inc,) = result.incidents
    return inc.place.place.name_en if inc.place and inc.place.place else None


def test_launch_site_is_a_reference() -> None:
    result = extract_text(
        "Rockets fired from Camp Taji landed in Baghdad's Karrada district.", "en"
    )
    assert _site(result) == "Karrada"
    assert _roles(result)["Camp Taji"] == "reference"


def test_place_before_a_verb_of_denial_is_an_actor() -> None:
    result = extract_text(
        "Rockets hit Erbil airport; Baghdad denies any role in the attack.", "en"
    )
    assert _site(result) == "Erbil International Airport"
    assert _roles(result)["Baghdad"] == "actor"


def test_title_and_given_names_make_a_family_name() -> None:
    result = extract_text(
        "اغتيل الشيخ عبد الرزاق الرمادي بهجوم مسلح في قضاء الفلوجة.", "ar"
    )
    assert _site(result) == "Fallujah District"
    assert _roles(result)["الرمادي"] != "site"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("قتل الشيخ عبد الرزاق الرمادي في الفلوجة", "person"),
        ("زار السيد مقتدى الصدر مدينة النجف", None),
    ],
)
def test_a_designator_led_name_is_never_a_persons(text: str, cue: str | None) -> None:
    doc = pipeline_for()(Article(id="n", text=text, lang="ar"))
    first = min((p for p in doc.places if p.place is not None), key=lambda p: p.start)
    assert cue_role(doc, first) == cue


def test_between_two_places_a_broad_site_sits_at_their_midpoint() -> None:
    result = extract_text(
        "A roadside bomb exploded in orchards between Balad and Dujail (Salahuddin), "
        "wounding two farmers.",
        "en",
    )
    roles = _roles(result)
    assert roles["Balad"] == "reference" and roles["Dujail"] == "reference"
    (inc,) = result.incidents
    balad = next(p for p in result.places if p.mention.text == "Balad")
    dujail = next(p for p in result.places if p.mention.text == "Dujail")
    assert balad.place is not None and dujail.place is not None
    mid = (
        (balad.place.lat + dujail.place.lat) / 2,
        (balad.place.lon + dujail.place.lon) / 2,
    )
    assert inc.lat is not None and inc.lon is not None
    assert geo.haversine_km(mid, (inc.lat, inc.lon)) < 1


def test_a_governorate_site_takes_its_references_offset_point() -> None:
    result = extract_text(
        "Two soldiers were killed in the desert south of Rutba (Anbar) in a roadside bomb.",
        "en",
    )
    (inc,) = result.incidents
    rutba = next(p for p in result.places if p.mention.text == "Rutba")
    assert _site(result) == "Anbar" and rutba.role == "reference"
    assert (inc.lat, inc.lon) == (rutba.lat, rutba.lon)
    assert rutba.place is not None and inc.lat is not None and inc.lat < rutba.place.lat


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Katyusha rockets hit near the U.S. embassy in Baghdad on Sunday.", "en"),
        ("سقطت ثلاثة صواريخ كاتيوشا قرب السفارة الأمريكية في بغداد.", "ar"),
    ],
)
def test_a_place_named_after_an_actor_is_a_site(text: str, lang: str) -> None:
    result = extract_text(text, lang)
    assert _site(result) == "Embassy of the United States in Baghdad"
    assert set(_roles(result).values()) == {"site"}


def test_a_place_named_after_an_actor_as_a_subject_is_an_actor() -> None:
    result = extract_text(
        "تعرض قضاء كويسنجق لقصف صاروخي. وأطلقت القنصلية الأمريكية في أربيل "
        "صافرات الإنذار بعد القصف.",
        "ar",
    )
    assert _site(result) == "Koya District"
    assert _roles(result)["القنصلية الأمريكية في أربيل"] == "actor"


def test_a_country_holding_an_actor_name_is_the_actor() -> None:
    result = extract_text(
        "نفت الولايات المتحدة الأمريكية مسؤوليتها عن قصف استهدف قضاء القائم.", "ar"
    )
    assert _roles(result)["الولايات المتحدة الأمريكية"] == "actor"
