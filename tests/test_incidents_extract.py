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


def _city(pid: str, name_ar: str, lat: float, lon: float, gov: str):  # type: ignore[no-untyped-def]
    return make_place(
        id=pid,
        type="city",
        name_en=pid,
        name_ar=name_ar,
        lat=lat,
        lon=lon,
        governorate=gov,
    )


def test_extract_two_listed_sites_are_two_incidents() -> None:
    text = (
        "تعرضت 3 مناطق في أربيل والسليمانية لقصف صاروخي إيراني. "
        "وتعرض مقر حزب معارض لاستهداف بثلاثة صواريخ في كويسنجق بأربيل."
    )
    erbil = _city("erbil", "أربيل", 36.19, 44.01, "Erbil")
    sulay = _city("sulay", "السليمانية", 35.56, 45.44, "Sulaymaniyah")
    koya = _city("koya", "كويسنجق", 36.08, 44.63, "Erbil")
    spans = [(erbil, text.index("أربيل")), (sulay, text.index("السليمانية"))]
    spans += [(koya, text.index("كويسنجق")), (erbil, text.rindex("أربيل"))]
    places = [make_resolved(p, start=s, text=p.name_ar) for p, s in spans]
    incidents, _ = extract_incidents(make_article(text, date="2022-11-20"), places)
    sites = sorted(i.place.place.id for i in incidents if i.place and i.place.place)
    assert sites == ["koya", "sulay"]
    assert all(i.type == "rocket_attack" for i in incidents)


def test_extract_between_two_places_is_one_incident() -> None:
    text = "تعرض حقل للغاز في بلدة جمجمال الواقعة بين كركوك والسليمانية لهجوم صاروخي."
    town = make_place(
        id="chamchamal", type="town", name_ar="جمجمال", lat=35.53, lon=44.83
    )
    kirkuk = _city("kirkuk", "كركوك", 35.47, 44.39, "Kirkuk")
    sulay = _city("sulay", "السليمانية", 35.56, 45.44, "Sulaymaniyah")
    places = [
        make_resolved(p, start=text.index(p.name_ar), text=p.name_ar)
        for p in (town, kirkuk, sulay)
    ]
    incidents, _ = extract_incidents(make_article(text), places)
    assert len(incidents) == 1
