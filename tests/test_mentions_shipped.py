"""Recognition against the shipped gazetteer: world regions, adjectives, outlets, merged names."""

from __future__ import annotations

import pytest

from kharita.gazetteer import load_gazetteer
from kharita.mentions import Recognizer, recognizer_for
from kharita.models import Article
from kharita.resolve import resolve_places


@pytest.fixture(scope="module")
def recognize() -> Recognizer:
    return recognizer_for(load_gazetteer())


def spans(recognize: Recognizer, text: str, lang: str = "ar") -> list[str]:
    return [m.text for m in recognize(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل جندي في العراق أمس", ["العراق"]),
        ("زار الرئيس فلسطين والشرق الأوسط", ["فلسطين", "الشرق الأوسط"]),
        ("سفن في البحر الأحمر ومياه الخليج العربي", ["البحر الأحمر", "الخليج العربي"]),
        ("Rockets were fired in Iraq on Monday", ["Iraq"]),
    ],
)
def test_mentions_country_and_world_regions(
    recognize: Recognizer, text: str, expected: list[str]
) -> None:
    assert spans(recognize, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أفادت أن قصفاً جوياً تركياً استهدف قضاء العمادية",
            ["قضاء العمادية"],
        ),  # tanween: adjective
        (
            "ونقلت قناة “الميادين” عن مصادر في بغداد",
            ["بغداد"],
        ),  # quoted outlet after its cue
        ("قال لـ (كركوك ناو) إن الهجوم وقع", []),
        ("نقلوا إلى مستشفى داقوق", []),
        (
            "في منطقة الموفقية وسط المدينة",
            ["منطقة الموفقية"],
        ),  # «المدينة» needs its own designator; «منطقة X» names an unknown place
        # a passive participle that is also a foreign city's name (Medan)
        ("وقال إن الهجوم مدان بكل المقاييس", []),
        ("وصل الوفد إلى مدان", ["مدان"]),  # a preposition of place supports it
        ("قال إن النصر لن يتحقق وأنه يتعين على الحكومة", []),  # و + أنّه, not Wana
        ("اشتباكات في ناحية وانه شمال الموصل", ["ناحية وانه", "الموصل"]),
        ("قصف في وانه شمال الموصل", ["وانه", "الموصل"]),
    ],
)
def test_mentions_adjectives_outlets_common_words(
    recognize: Recognizer, text: str, expected: list[str]
) -> None:
    assert spans(recognize, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a family name that is also a place's short name needs its parent area
        ("Sadr calls for calm after Mosul attack", ["Mosul"]),
        ("Bomb kills 5 in Sadr, Baghdad", ["Sadr", "Baghdad"]),
        ("Car bomb kills 5 in Sadr City", ["Sadr City"]),
    ],
)
def test_mentions_english_family_names(
    recognize: Recognizer, text: str, expected: list[str]
) -> None:
    assert spans(recognize, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # construction name_head: a name after «أبو»/"Abu", «بن», «البو»... is the
        # tail of a longer name, not the place it spells alone
        ("Police arrested Abu Tikrit, an IS emir, in Kirkuk", "en", ["Kirkuk"]),
        ("اعتقلت القوات المدعو أبو تكريت في كركوك", "ar", ["كركوك"]),
        # a known compound is matched whole
        ("Car bomb in Abu Ghraib kills 4", "en", ["Abu Ghraib"]),
        ("اشتباكات في ناحية بني سعد", "ar", ["ناحية بني سعد"]),
    ],
)
def test_mentions_name_heads(
    recognize: Recognizer, text: str, lang: str, expected: list[str]
) -> None:
    assert spans(recognize, text, lang) == expected


def test_mentions_overlapping_names_of_one_place_merge(recognize: Recognizer) -> None:
    found = recognize("Rockets hit the Ain al-Asad airbase in Anbar", "en")
    assert [m.text for m in found] == ["Ain al-Asad airbase", "Anbar"]


def test_mentions_iraq_resolves_to_iraq_country_row(recognize: Recognizer) -> None:
    gaz = load_gazetteer()
    article = Article("t", "هجوم في العراق", "ar")
    (resolved,) = resolve_places(article, recognize(article.text, "ar"), gaz)
    assert resolved.place is not None
    assert resolved.place.id == "country:iq"
    assert not resolved.foreign
