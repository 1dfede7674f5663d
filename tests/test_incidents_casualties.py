import pytest

from kharita.incidents.casualties import combine, find_casualties, says_no_casualties
from kharita.models import Count
from kharita.text.normalize import fold


def _counts(text: str) -> tuple[Count, Count]:
    f = fold(text)
    t = combine(find_casualties(f), says_no_casualties(f))
    return t.killed, t.wounded


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("استشهد شخص وأُصيب 8 آخرين بانفجار", Count(1, 1), Count(8, 8)),
        ("إلى 15 قتيلا وأكثر من 15 جريحا", Count(15, 15), Count(16, None)),
        ("بمقتل خمسة وإصابة 25 أخرين", Count(5, 5), Count(25, 25)),
        ("مدنيين اثنين اصيبا بتفجير", Count(), Count(2, 2)),
        ("قتل 3 إلى 5 أشخاص", Count(3, 5), Count()),
        ("مقتل عشرات المدنيين", Count(20, None), Count()),
        ("قتيلان وجريح", Count(2, 2), Count(1, 1)),
        ("مقتل ١١ شخصاً", Count(11, 11), Count()),
        ("دون وقوع خسائر بشرية", Count(0, 0), Count(0, 0)),
        (
            "An Iraqi soldier was killed and two others were injured",
            Count(1, 1),
            Count(2, 2),
        ),
        (
            "at least three gunmen were killed, and six others wounded",
            Count(3, None),
            Count(6, 6),
        ),
        (
            "the death of one soldier and injuries to at least four others",
            Count(1, 1),
            Count(4, None),
        ),
        ("no casualties were reported", Count(0, 0), Count(0, 0)),
        (
            "أدى إلى إصابة عنصر بالجيش العراقي، واثنين من منتسبي الحشد الشعبي",
            Count(),
            Count(3, 3),
        ),
        (
            "أكد المصدر مقتل القائد العام للقوات في القصف و23 آخرين",
            Count(24, 24),
            Count(),
        ),
        (
            "Several troops sustained minor injuries and one Iraqi was badly wounded",
            Count(),
            Count(2, None),
        ),
        ("الانفجار تسبب بوقوع خسائر مادية وإصابات", Count(), Count(1, None)),
        ("ولم ترد تقارير عن وقوع إصابات أو أي أضرار", Count(0, 0), Count(0, 0)),
        ("13 قتيلا منذ اندلاع النزاع، بينهم سبعة أشقاء قتلوا", Count(13, 13), Count()),
        ("ما أدى إلى مقتله في الحال", Count(1, 1), Count()),
        ("the rocket hit the base", Count(), Count()),
    ],
)
def test_casualties_counts(text: str, killed: Count, wounded: Count) -> None:
    assert _counts(text) == (killed, wounded)


@pytest.mark.parametrize(
    "text",
    ["الفوج 52 قتل", "who killed 30 km north", "قتل في 12 نيسان", "killed in 2019"],
)
def test_casualties_ignore_unrelated_numbers(text: str) -> None:
    assert all(
        m.count.min not in (52, 30, 12, 2019) for m in find_casualties(fold(text))
    )


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("أعلنت الوزارة مقتل 11 عنصرا. وتحدث مصدر عن 24 قتيلا.", Count(11, 24)),
        (
            "ارتفاع حصيلة الهجوم إلى 15 قتيلا. وكانت الحصيلة مقتل 11 مدنيا.",
            Count(15, 15),
        ),
    ],
)
def test_casualties_conflicting_figures(text: str, killed: Count) -> None:
    from kharita.incidents.casualties import says_revised

    f = fold(text)
    got = combine(find_casualties(f), set(), revised=says_revised(f)).killed
    assert got == killed
