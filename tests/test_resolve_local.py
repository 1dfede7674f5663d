"""Local disambiguation: designators decide the type, stated containers beat far
candidates, far matches on weak evidence lose (kharita.resolve.local)."""

from __future__ import annotations

import pytest

from kharita.geo import geodesic_km
from kharita.models import Article, ResolvedPlace
from kharita.pipeline import Pipeline, pipeline_for


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return pipeline_for()


def _places(nlp: Pipeline, text: str) -> dict[str, ResolvedPlace]:
    doc = nlp.resolve_places(
        nlp.recognise_places(nlp.make_doc(Article(id="t", text=text, lang="ar")))
    )
    return {p.mention.text: p for p in doc.places}


def _rules(rp: ResolvedPlace) -> list[str]:
    return [e.rule for e in rp.evidence]


def _km_to(rp: ResolvedPlace, other: ResolvedPlace) -> float:
    assert None not in (rp.lat, rp.lon, other.lat, other.lon)
    return geodesic_km((rp.lat, rp.lon), (other.lat, other.lon))  # type: ignore[arg-type]


def test_local_container_agreeing_keeps_the_gazetteer_neighbourhood(
    nlp: Pipeline,
) -> None:
    places = _places(nlp, "انفجار في حي الجمهورية في البصرة")
    jumhuriya = places["حي الجمهورية"]
    assert jumhuriya.place is not None and jumhuriya.place.governorate == "Basra"


@pytest.mark.parametrize(
    ("text", "name", "container"),
    [
        # construction: «حي X في <city>» where the only X in the gazetteer is elsewhere
        ("انفجار في حي الجمهورية في الموصل", "حي الجمهورية", "الموصل"),
        ("انفجار عبوة في منطقة الجمهورية بالموصل", "منطقة الجمهورية", "الموصل"),
    ],
)
def test_local_stated_container_beats_a_lone_far_candidate(
    nlp: Pipeline, text: str, name: str, container: str
) -> None:
    places = _places(nlp, text)
    rp, box = places[name], places[container]
    assert rp.place is None  # not Basra's Jumhuriya
    assert "container_conflict" in _rules(rp)
    assert _km_to(rp, box) < 1  # put in the container the text names
    assert rp.low_confidence


def test_local_designator_decides_the_type(nlp: Pipeline) -> None:
    # construction: «حي X» where X is also a governorate's (former) name
    places = _places(nlp, "سقوط قذائف على حي التأميم في الرمادي")
    rp = places["حي التأميم"]
    assert rp.place is None or rp.place.type != "governorate"
    assert "designator_rejects" in _rules(rp)
    assert _km_to(rp, places["الرمادي"]) < 1


@pytest.mark.parametrize(
    ("text", "name", "near"),
    [
        # construction: «قرية X» read as a far admin unit of another type
        ("هجوم على قرية الحمدانيه قرب البصرة", "قرية الحمدانيه", "البصرة"),
        ("انفجار عبوة ناسفة في قرية الرشاد غرب الفلوجة", "قرية الرشاد", "الفلوجة"),
    ],
)
def test_local_far_match_on_weak_evidence_loses(
    nlp: Pipeline, text: str, name: str, near: str
) -> None:
    places = _places(nlp, text)
    rp = places[name]
    assert rp.place is None
    assert "far_on_weak_evidence" in _rules(rp)
    assert _km_to(rp, places[near]) < 1


def test_local_weak_evidence_near_its_area_is_kept(nlp: Pipeline) -> None:
    places = _places(nlp, "اشتباكات في قرية الرشاد بقضاء الحويجة")
    rp = places["قرية الرشاد"]
    assert rp.place is not None and rp.place.governorate == "Kirkuk"


def test_local_city_named_like_its_governorate_stands_for_it(nlp: Pipeline) -> None:
    # «كويسنجق بأربيل»: Koya is 55 km from Erbil city, inside Erbil governorate
    places = _places(nlp, "قصف بطائرة مسيرة في كويسنجق بأربيل")
    rp = places["كويسنجق"]
    assert rp.place is not None and rp.place.governorate == "Erbil"
