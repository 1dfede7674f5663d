from factories import make_article, make_place, make_resolved
from kharita.incidents import extract_incidents
from kharita.models import Count

TEXT = (
    "نفت واشنطن مسؤوليتها. وأعلنت خلية الإعلام الأمني، فجر اليوم السبت، أنه استشهد شخص "
    "وأُصيب 8 آخرين بقصف جوي استهدف معسكر كالسو شمالي بابل جنوب بغداد. "
    "وفي شباط الفائت قصفت القوات الأمريكية مقرات في سوريا."
)


def _places():  # type: ignore[no-untyped-def]
    kalsu = make_place()
    babil = make_place(
        id="iq-babil",
        type="governorate",
        name_en="Babil",
        name_ar="بابل",
        lat=32.5,
        lon=44.4,
        governorate="Babil",
    )
    baghdad = make_place(
        id="iq-baghdad",
        type="city",
        name_en="Baghdad",
        name_ar="بغداد",
        lat=33.3,
        lon=44.4,
        governorate="Baghdad",
    )
    washington = make_place(
        id="us-dc",
        type="city",
        name_en="Washington",
        name_ar="واشنطن",
        lat=38.9,
        lon=-77.0,
        country="US",
        governorate=None,
    )
    syria = make_place(
        id="sy",
        type="country",
        name_en="Syria",
        name_ar="سوريا",
        lat=35.0,
        lon=38.0,
        country="SY",
        governorate=None,
    )
    spans = [
        (washington, "واشنطن"),
        (kalsu, "كالسو"),
        (babil, "بابل"),
        (baghdad, "بغداد"),
        (syria, "سوريا"),
    ]
    return [
        make_resolved(p, start=TEXT.index(t), text=t, role="other") for p, t in spans
    ]


def test_extract_seed_like_article() -> None:
    article = make_article(TEXT, date="2024-04-20")
    (inc,), places = extract_incidents(article, _places())
    assert inc.type == "air_strike"
    assert (
        inc.place is not None
        and inc.place.place is not None
        and inc.place.place.id == "iq-kalsu"
    )
    assert inc.date.iso == "2024-04-20" and inc.date.precision == "day"
    assert (inc.killed, inc.wounded) == (Count(1, 1), Count(8, 8))
    assert inc.attribution.denied_by == "United States"
    roles = {p.mention.text: p.role for p in places}
    assert roles == {
        "واشنطن": "actor",
        "كالسو": "site",
        "بابل": "container",
        "بغداد": "reference",
        "سوريا": "prior",
    }
    src = inc.sources[0]
    assert src.highlight is not None
    assert src.excerpt[src.highlight[0] : src.highlight[1]] == "كالسو"
    assert 0.0 <= inc.confidence <= 1.0


def test_extract_no_trigger_no_incident() -> None:
    article = make_article("زار رئيس الوزراء محافظة بابل اليوم.")
    incidents, places = extract_incidents(article, [])
    assert incidents == () and places == ()


def test_extract_foreign_only_is_not_an_incident() -> None:
    text = "In eastern Syria, a rocket landed near a coalition base."
    syria = make_place(
        id="sy",
        type="country",
        name_en="Syria",
        name_ar="سوريا",
        lat=35.0,
        lon=38.0,
        country="SY",
        governorate=None,
    )
    incidents, _ = extract_incidents(
        make_article(text, lang="en"),
        [make_resolved(syria, start=text.index("Syria"), text="Syria")],
    )
    assert all(i.place is None or not i.place.foreign for i in incidents)
