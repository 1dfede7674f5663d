"""Recognition over the tiny test gazetteer (tests/data/gazetteer_tiny)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kharita.gazetteer import Gazetteer, load_gazetteer
from kharita.mentions import Recognizer, recognizer_for

TINY = Path(__file__).resolve().parent / "data" / "gazetteer_tiny"


@pytest.fixture(scope="module")
def tiny() -> Gazetteer:
    return load_gazetteer(TINY)


@pytest.fixture(scope="module")
def recognize(tiny: Gazetteer) -> Recognizer:
    return recognizer_for(tiny)


def spans(recognize: Recognizer, text: str, lang: str = "ar") -> list[str]:
    return [m.text for m in recognize(text, lang)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انفجار وبالموصل", ["الموصل"]),
        ("وصل للبصرة امس", ["للبصرة"]),
        ("و بغداد و ب الموصل", ["بغداد", "الموصل"]),
        ("مسؤول بغدادي في الحكومة العراقية في العراق", ["العراق"]),
        (
            "في محافظة دهوك وقضاء العمادية وناحية بامرني",
            ["محافظة دهوك", "قضاء العمادية", "ناحية بامرني"],
        ),
        (
            "قصف قاعدة عين الأسد الجوية ومطار أربيل الدولي",
            ["قاعدة عين الأسد الجوية", "مطار أربيل الدولي"],
        ),
        ("قصف مُعَسْكَرِ كالسو", ["مُعَسْكَرِ كالسو"]),
        ("انفجار في بغـــداد", ["بغـــداد"]),
    ],
)
def test_mentions_arabic_clitics_suffixes_designators(
    recognize: Recognizer, text: str, expected: list[str]
) -> None:
    assert spans(recognize, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rockets hit Iraq's al-Anbar province", ["Iraq", "al-Anbar province"]),
        ("BAGHDAD and Basrah", ["BAGHDAD", "Basrah"]),
        ("a hit on the base near Hit", ["Hit"]),
        ("Baghdad-based analysts", ["Baghdad"]),
    ],
)
def test_mentions_english_case_articles_possessives(
    recognize: Recognizer, text: str, expected: list[str]
) -> None:
    assert spans(recognize, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شرطة البصرة تعتقل متهما", []),
        ("ذكرت «بغداد اليوم» ان", []),
        ("شهدت بغداد اليوم هجوما", ["بغداد"]),
    ],
)
def test_mentions_organisation_names_are_not_places(
    recognize: Recognizer, text: str, expected: list[str]
) -> None:
    assert spans(recognize, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هيت مدينة جميلة", []),
        ("انفجار في هيت", ["هيت"]),
        ("وبلد الكثير", []),
        ("وصل إلى بلد", ["بلد"]),
        ("في المدينة", []),
        ("حي السلام", ["حي السلام"]),
        ("السلام في محافظة نينوى", ["السلام", "محافظة نينوى"]),
    ],
)
def test_mentions_common_words_need_support(
    recognize: Recognizer, text: str, expected: list[str]
) -> None:
    assert spans(recognize, text) == expected


@pytest.mark.parametrize(
    "text", ["قصف قاعدة عين الأسد الجوية", "وبالموصل", "مطار أربيل الدولي"]
)
def test_mentions_offsets_index_original_text(recognize: Recognizer, text: str) -> None:
    for m in recognize(text, "ar"):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("الموقع 33.3152, 44.3661 قرب", (33.3152, 44.3661)),
        ("at 33°18′55″N 44°21′58″E", (33.3153, 44.3661)),
        ("grid 38S MB 44840 84300", (33.2964, 44.4075)),
        ("الموقع ٣٣٫٣١٥٢، ٤٤٫٣٦٦١", None),
    ],
)
def test_mentions_coordinates(
    recognize: Recognizer, text: str, point: tuple[float, float] | None
) -> None:
    coords = [m for m in recognize(text, "ar") if m.kind == "coordinates"]
    if point is None:
        assert coords == []
    else:
        assert coords and coords[0].point is not None
        assert coords[0].point == pytest.approx(point, abs=1e-3)


@pytest.mark.parametrize("text", ["انفجار قرب مدينة بلنسية"])
def test_mentions_open_designator_names_unknown_place(
    recognize: Recognizer, text: str
) -> None:
    found = recognize(text, "ar")
    assert [m.kind for m in found] == ["fuzzy"]
    assert found[0].candidates == ()


@pytest.mark.parametrize("name", ["tiny"])
def test_mentions_recognizer_is_cached(tiny: Gazetteer, name: str) -> None:
    assert recognizer_for(tiny) is recognizer_for(tiny)


def test_an_operations_sector_is_its_area_and_a_command_is_no_place() -> None:
    """construction operations_sector: «قاطع عمليات ديالى» (Diyala operations
    sector) names an area; «قيادة عمليات ديالى» (the command) stays an
    organisation."""
    rec = recognizer_for(load_gazetteer())
    sector = rec("هجوم لداعش على قاطع عمليات ديالى.", "ar")
    assert [m.text for m in sector] == ["قاطع عمليات ديالى"]
    assert rec("أعلنت قيادة عمليات ديالى مقتل مسلحين.", "ar") == []


def test_a_designator_with_the_article_is_a_noun_before_its_adjective() -> None:
    """construction definite_designator: «المدينة الهندية» is "the Indian
    city"; «مدينة الهندية» (no article) is the town of al-Hindiya."""
    rec = recognizer_for(load_gazetteer())
    assert rec("ضربت سلسلة التفجيرات نفس المدينة الهندية.", "ar") == []
    named = rec("وصل الوفد إلى مدينة الهندية في كربلاء.", "ar")
    assert [m.text for m in named][0] == "مدينة الهندية"


def test_the_leopards_are_no_place_without_support() -> None:
    """common_word_names.tsv: «الفهود» (the leopards) is al-Fuhud only with
    support («ناحية الفهود»)."""
    rec = recognizer_for(load_gazetteer())
    assert rec("هاجمت الضباع والكلاب البرية والفهود القطيع.", "ar") == []
    assert [m.text for m in rec("نزاع عشائري في ناحية الفهود.", "ar")] == [
        "ناحية الفهود"
    ]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # construction common_noun_adjective: the noun and its adjective
        ("فاز المنتخب في الدور الأول من البطولة.", []),
        ("يلاحظ التلاقح بين فن العمارة الصينية والعربية.", []),
        ("ارتدت الكرة من القائم الأيمن.", []),
        ("بدأت السلطات باستعماله في سنة 2002.", []),
        # a name needing no support, a longer name, a designator, an apposition
        ("انفجرت عبوة في قضاء الدور الشمالي.", ["قضاء الدور"]),
        ("سقط صاروخ في المنطقة الخضراء الشديدة الحماية.", ["المنطقة الخضراء"]),
        ("ضربت التفجيرات القطارات في مومباي العاصمة التجارية.", ["مومباي"]),
    ],
)
def test_a_common_word_name_before_an_adjective_is_the_noun(
    text: str, places: list[str]
) -> None:
    found = recognizer_for(load_gazetteer())(text, "ar")
    assert [m.text for m in found] == places


@pytest.mark.parametrize(
    "text",
    [
        "وقع ريال مدريد في فخ التعادل مع جاره أتليتكو مدريد.",  # clubs (org_cues.tsv)
        "قصفت مقاتلات حربية تركية منزلا في القرية.",  # «تركية»: Turkish (adjective)
    ],
)
def test_a_club_or_an_adjective_is_no_place(text: str) -> None:
    assert recognizer_for(load_gazetteer())(text, "ar") == []
