"""Open designators: unknown places named after «قرية/حي/منطقة/مجمع/جبل», "village of", "X district"."""

from __future__ import annotations

import pytest

from kharita.gazetteer import Gazetteer, load_gazetteer
from kharita.mentions import Recognizer, recognizer_for
from kharita.models import Article, ResolvedPlace
from kharita.resolve import resolve_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def recognize(gaz: Gazetteer) -> Recognizer:
    return recognizer_for(gaz)


def resolve(gaz: Gazetteer, text: str, lang: str = "ar") -> list[ResolvedPlace]:
    article = Article("t", text, lang)  # type: ignore[arg-type]
    return resolve_places(article, recognizer_for(gaz)(text, lang), gaz)


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("قصف منزلا في مجمع خانصور في ناحية سنون", "ar", "مجمع خانصور"),
        ("انفجار في منطقة (الموفقية) وسط البصرة", "ar", "منطقة (الموفقية)"),
        ('انفجرت عبوة في حي "أور" شرقي الموصل', "ar", 'حي "أور"'),
        ("انتحاري داخل مقهى في حي المعلمين بكركوك", "ar", "حي المعلمين"),
        ("حريق على سفح جبل متين في دهوك", "ar", "جبل متين"),
        (
            "stationed in the village of Alwamahmoud in Kirkuk province",
            "en",
            "Alwamahmoud",  # English: "village of X" -> the name only
        ),
        ("a house in Siri apartment complex, Erbil", "en", "Siri apartment complex"),
    ],
)
def test_mentions_open_designator_span(
    recognize: Recognizer, text: str, lang: str, span: str
) -> None:
    found = [m for m in recognize(text, lang) if m.kind == "fuzzy"]
    assert [m.text for m in found] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "أقامت منطقة عسكرية على الحدود",
        "وهي مدينة عراقية تابعة لمحافظة ديالى",
        "سدد الكرة داخل منطقة الجزاء",
        "من أجل قضاء العطلات",
        "مدينة مقدسة لدى المسلمين",
        "مدينة يقطن فيها الملايين",
        "أنشأت منطقة حرة للتجارة",
    ],
)
def test_mentions_open_designator_skips_common_words(
    recognize: Recognizer, text: str
) -> None:
    assert [m.text for m in recognize(text, "ar") if m.kind == "fuzzy"] == []


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        (
            "اشتباكات في اقليم الكردستان",
            "region:krg",
        ),  # «الكردستان» = «كردستان» + a stray article
    ],
)
def test_mentions_open_designator_fuzzy_matches_gazetteer(
    recognize: Recognizer, text: str, place_id: str
) -> None:
    found = [m for m in recognize(text, "ar") if m.kind == "fuzzy"]
    assert [m.candidates for m in found] == [(place_id,)]


@pytest.mark.parametrize(
    ("text", "container", "rule"),
    [
        (
            "قصف منزلا في مجمع خانصور في ناحية سنون",
            "subdistrict:shamal",
            "container_linked",
        ),
        (
            "stationed in the village of Alwamahmoud in Kirkuk province",
            "gov:iq-ki",
            "container_linked",
        ),
        (
            "قتل ثلاثة في كركوك. وكان الانتحاري داخل مقهى في حي المعلمين",
            "gn:94787",
            "container_nearest",
        ),
    ],
)
def test_resolve_open_designator_takes_container_point(
    gaz: Gazetteer, text: str, container: str, rule: str
) -> None:
    lang = "en" if text.isascii() else "ar"
    places = resolve(gaz, text, lang)
    unknown = next(p for p in places if p.mention.kind == "fuzzy")
    box = gaz.by_id[container]
    # the container's resolved point (a governorate's is its seat's)
    (held,) = {
        (p.lat, p.lon)
        for p in places
        if p.place is not None and p.place.id == container
    }
    assert unknown.place is None
    assert (unknown.lat, unknown.lon) == held
    assert unknown.low_confidence and unknown.precision_m >= box.precision_m
    assert rule in [e.rule for e in unknown.evidence]


def test_resolve_open_designator_foreign_city_stays_unresolved(gaz: Gazetteer) -> None:
    places = resolve(gaz, "قتل اثنان في بغداد. وفي مدينة بلنسية الإسبانية أقيم مهرجان")
    unknown = next(p for p in places if p.mention.kind == "fuzzy")
    assert unknown.lat is None and unknown.place is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("المنطقة بين كركوك وصلاح الدين وديالى", ["كركوك", "صلاح الدين", "ديالى"]),
        ("بين كركوك وصلاح الدين (شمال) وديالى (شرق)", ["كركوك", "صلاح الدين", "ديالى"]),
        (
            "قاعدة كالسو العسكرية بناحية المشروع شمال محافظة بابل",
            ["قاعدة كالسو العسكرية", "ناحية المشروع", "محافظة بابل"],
        ),
        ("نحن في المشروع الجديد", []),  # «المشروع» needs a designator of its own type
        ("في قضاء المدينة شمال البصرة", ["قضاء المدينة", "البصرة"]),
        ("اعتقل في المدينة", []),
    ],
)
def test_mentions_support_by_list_and_designator(
    recognize: Recognizer, text: str, expected: list[str]
) -> None:
    assert [m.text for m in recognize(text, "ar") if m.kind == "gazetteer"] == expected


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("هجوم في قضاء التاجي شمال بغداد", "subdistrict:taji-town"),
        ("قصف في ناحية سنون", "subdistrict:shamal"),
        ("هجوم على قاعدة التاجي", "icao:orti"),
    ],
)
def test_resolve_designator_type_wins(gaz: Gazetteer, text: str, place_id: str) -> None:
    first = resolve(gaz, text)[0]
    assert first.place is not None and first.place.id == place_id
