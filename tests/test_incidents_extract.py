import pytest

from factories import make_article, make_place, make_resolved
from kharita.incidents import extract_incidents
from kharita.models import Count, RelativeLocation

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


# --- segmentation: one incident per event (issue 12) ---------------------------------------

_DISTRICTS = {
    "الطارمية": ("tarmiyah", 33.67, 44.39, "Baghdad"),
    "العظيم": ("udhaim", 34.35, 44.52, "Diyala"),
    "طوزخورماتو": ("tuz", 34.88, 44.63, "Salah al-Din"),
    "بلد": ("balad", 34.02, 44.15, "Salah al-Din"),
    "الحويجة": ("hawija", 35.32, 43.77, "Kirkuk"),
    "خانقين": ("khanaqin", 34.35, 45.38, "Diyala"),
    "بيجي": ("baiji", 34.93, 43.49, "Salah al-Din"),
    "هيت": ("hit", 33.64, 42.83, "Anbar"),
}
_GOVS = {
    "ديالى": ("diyala", 33.75, 44.64, "Diyala"),
    "صلاح الدين": ("salahaddin", 34.6, 43.68, "Salah al-Din"),
}


def _resolved(text: str) -> list:  # type: ignore[type-arg]
    """Every occurrence of the toy districts and governorates in ``text``."""
    out = []
    for name, (pid, lat, lon, gov) in _DISTRICTS.items():
        place = make_place(
            id=pid, type="district", name_en=pid, name_ar=name, lat=lat, lon=lon,
            governorate=gov, district=pid,
        )  # fmt: skip
        out += _every(text, name, place)
    for name, (pid, lat, lon, gov) in _GOVS.items():
        place = make_place(
            id=pid, type="governorate", name_en=pid, name_ar=name, lat=lat, lon=lon,
            governorate=gov, district=None,
        )  # fmt: skip
        out += _every(text, name, place)
    return sorted(out, key=lambda p: p.start)


def _every(text: str, name: str, place: object) -> list:  # type: ignore[type-arg]
    """Mentions of ``name``, a designator right before it inside the span as
    the recogniser does («قضاء الطارمية», «محافظة ديالى»)."""
    out, pos = [], text.find(name)
    while pos >= 0:
        start = pos
        for designator in ("قضاء ", "ناحية ", "محافظة "):
            if text[:pos].endswith(designator):
                start = pos - len(designator)
        mention = text[start : pos + len(name)]
        out.append(make_resolved(place, start=start, text=mention))  # type: ignore[arg-type]
        pos = text.find(name, pos + len(name))
    return out


def _summary(text: str, date: str = "2024-03-11", lang: str = "ar"):  # type: ignore[no-untyped-def]
    article = make_article(text, date=date, lang=lang)
    incidents, _ = extract_incidents(article, _resolved(text))
    return [
        (i.place.place.id if i.place and i.place.place else None, i.killed, i.wounded)
        for i in incidents
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round-up by place («وفي محافظة ...»): three events, each with its own toll
        (
            "أفاد مصدر أمني بمقتل ثلاثة مدنيين وإصابة سبعة آخرين بانفجار سيارة مفخخة في "
            "قضاء الطارمية. وفي محافظة ديالى، أصيب جنديان بانفجار عبوة ناسفة في ناحية "
            "العظيم. وفي قضاء طوزخورماتو، أصيب مدني بقصف بقذائف الهاون.",
            [("tarmiyah", Count(3, 3), Count(7, 7)), ("udhaim", Count(), Count(2, 2)),
             ("tuz", Count(), Count(1, 1))],
        ),
        # same type in two districts of one governorate after «وفي حادث منفصل»
        (
            "أصيب ثلاثة مدنيين بانفجار عبوة ناسفة في قضاء خانقين. وفي حادث منفصل، أصيب "
            "شرطي بانفجار عبوة ناسفة في ناحية العظيم.",
            [("khanaqin", Count(), Count(3, 3)), ("udhaim", Count(), Count(1, 1))],
        ),
        # a clause-level round-up item («، وفي قضاء ...»)
        (
            "قتل شرطي بانفجار عبوة ناسفة في قضاء الحويجة، وفي قضاء خانقين أصيب مدني "
            "بانفجار عبوة ناسفة.",
            [("hawija", Count(1, 1), Count()), ("khanaqin", Count(), Count(1, 1))],
        ),
        # «إلى ذلك» opening a different event
        (
            "قتل ثلاثة جنود بانفجار عبوة ناسفة في قضاء الطارمية. إلى ذلك، سقطت قذائف هاون "
            "على قضاء بيجي دون وقوع إصابات.",
            [("tarmiyah", Count(3, 3), Count()), ("baiji", Count(0, 0), Count(0, 0))],
        ),
        # «من جهة أخرى» continuing the same event (a revised toll): one incident
        (
            "أصيب خمسة مدنيين بانفجار عبوة ناسفة في قضاء بلد. من جهة أخرى، أكد مصدر طبي أن "
            "حصيلة المصابين بالانفجار ارتفعت إلى سبعة جرحى.",
            [("balad", Count(), Count(7, 7))],
        ),
        # an antecedent clause («وذلك بعد ساعات من هجوم ...») is its own event; the
        # next sentence returns to the first one
        (
            "سقطت قذائف هاون على قضاء هيت، وذلك بعد ساعات من انفجار سيارة مفخخة في قضاء "
            "بيجي. ولم ترد تقارير عن وقوع إصابات.",
            [("hit", Count(0, 0), Count(0, 0)), ("baiji", Count(), Count())],
        ),
    ],
    ids=["roundup", "separate", "clause-roundup", "transition-new", "transition-same",
         "antecedent"],
)  # fmt: skip
def test_extract_segments_one_incident_per_event(
    text: str, expected: list[tuple[str, Count, Count]]
) -> None:
    assert _summary(text) == expected


def test_extract_roundup_has_no_incident_cap() -> None:
    names = ["الطارمية", "العظيم", "طوزخورماتو", "بلد", "الحويجة", "خانقين", "بيجي"]
    text = "انفجرت عبوة ناسفة في قضاء الطارمية. " + " ".join(
        f"وفي قضاء {n}، انفجرت عبوة ناسفة." for n in names[1:]
    )
    assert [site for site, _, _ in _summary(text)] == [_DISTRICTS[n][0] for n in names]


@pytest.mark.parametrize(
    "marker",
    ["In other violence,", "Elsewhere,", "Separately,", "In a separate incident,"],
)
def test_extract_english_roundup_markers(marker: str) -> None:
    text = (
        "A roadside bomb killed two soldiers in Baiji on Monday. "
        f"{marker} a roadside bomb wounded three policemen in Hit."
    )
    spans = [(n, p) for n, p in (("Baiji", "baiji"), ("Hit", "hit"))]
    places = [
        make_resolved(
            make_place(id=pid, type="district", name_en=name, name_ar=name,
                       lat=_DISTRICTS[{"baiji": "بيجي", "hit": "هيت"}[pid]][1],
                       lon=_DISTRICTS[{"baiji": "بيجي", "hit": "هيت"}[pid]][2],
                       governorate="Anbar", district=pid),
            start=text.index(name), text=name,
        )
        for name, pid in spans
    ]  # fmt: skip
    incidents, _ = extract_incidents(make_article(text, lang="en"), places)
    got = [
        (i.place.place.id, i.killed, i.wounded)
        for i in incidents
        if i.place and i.place.place
    ]
    assert got == [("baiji", Count(2, 2), Count()), ("hit", Count(), Count(3, 3))]


@pytest.mark.parametrize(
    "text",
    [
        "أدان محافظ ديالى الضربات المتكررة بقذائف الهاون على ناحية العظيم.",  # statement
        "زار وزير الداخلية قضاء الطارمية واطلع على آثار التفجيرات.",  # visit
        "يرى محللون أن الهجمات بالعبوات الناسفة في قضاء بلد تصاعدت.",  # analysis
        "الجدير بالذكر أن قضاء بيجي يشهد هجمات بالعبوات الناسفة.",  # background
        "Analysts say roadside bombs in Baiji have become more frequent.",
    ],
)
def test_extract_general_statement_is_no_incident(text: str) -> None:
    lang = "en" if text.isascii() else "ar"
    assert _summary(text, lang=lang) == []


def test_extract_visit_after_the_trigger_is_still_an_incident() -> None:
    text = "سقطت قذائف هاون على قضاء بيجي خلال زيارة وزير الداخلية للقضاء."
    assert [site for site, _, _ in _summary(text)] == ["baiji"]


@pytest.mark.parametrize(
    ("text", "zero"),
    [
        ("أعلنت خلية الإعلام الأمني تفكيك عبوة ناسفة في قضاء الطارمية.", False),
        ("أحبطت القوات الأمنية هجوما بسيارة مفخخة في قضاء بلد دون وقوع إصابات.", True),
        ("Security forces defused a roadside bomb in Baiji, police said.", False),
    ],
)
def test_extract_foiled_attack_has_outcome_and_no_figures(
    text: str, zero: bool
) -> None:
    lang = "en" if text.isascii() else "ar"
    places = _resolved(text) or [
        make_resolved(make_place(id="baiji", type="district", name_ar="Baiji",
                                 name_en="Baiji", lat=34.93, lon=43.49),
                      start=text.index("Baiji"), text="Baiji")
    ]  # fmt: skip
    (inc,), _ = extract_incidents(make_article(text, lang=lang), places)
    assert inc.outcome == "foiled"
    expected = Count(0, 0) if zero else Count()
    assert (inc.killed, inc.wounded) == (expected, expected)


def test_extract_completed_attack_outcome() -> None:
    (inc,), _ = extract_incidents(make_article(TEXT, date="2024-04-20"), _places())
    assert inc.outcome == "completed"


# --- site choice (issue 12) -----------------------------------------------------------------


def _town(pid: str, name: str, lat: float, lon: float, ptype: str = "town"):  # type: ignore[no-untyped-def]
    return make_place(
        id=pid, type=ptype, name_en=pid, name_ar=name, lat=lat, lon=lon,
        governorate="Salah al-Din", district=None,
    )  # fmt: skip


@pytest.mark.parametrize(
    "phrase",
    [
        "في ناحية العلم التي تبعد 20 كم عن تكريت",  # distance from a reference
        "في ناحية العلم على بعد 20 كم من تكريت",
        "في ناحية العلم الواقعة شرقي تكريت",  # bearing from a reference
    ],
)
def test_extract_site_is_the_place_described_not_the_reference(phrase: str) -> None:
    text = f"قتل شرطي بهجوم مسلح {phrase}."
    alam = _town("alam", "العلم", 34.70, 43.70)
    tikrit = _town("tikrit", "تكريت", 34.61, 43.68, "city")
    start = text.index("ناحية العلم")
    places = [
        make_resolved(alam, start=start, text="ناحية العلم"),
        make_resolved(tikrit, start=text.index("تكريت"), text="تكريت"),
    ]
    (inc,), roles = extract_incidents(make_article(text), places)
    assert inc.place is not None and inc.place.place is not None
    assert inc.place.place.id == "alam"
    assert [p.role for p in roles] == ["site", "reference"]


def test_extract_family_name_that_is_a_place_is_not_a_site() -> None:
    text = (
        "دعا زعيم التيار الصدري مقتدى الصدر إلى التهدئة بعد إصابة ثلاثة مدنيين بانفجار "
        "عبوة ناسفة في قضاء الطارمية."
    )
    sadr = _town("sadr-city", "الصدر", 33.39, 44.46, "neighbourhood")
    places = sorted(
        [
            make_resolved(sadr, start=text.index("الصدر"), text="الصدر"),
            *_resolved(text),
        ],
        key=lambda p: p.start,
    )
    (inc,), roles = extract_incidents(make_article(text), places)
    assert inc.place is not None and inc.place.place is not None
    assert inc.place.place.id == "tarmiyah"
    assert roles[0].role == "other"


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("قتل مدني بانفجار عبوة ناسفة في محافظة ديالى.", "diyala"),
        ("قتل مدني بانفجار عبوة ناسفة في قضاء خانقين بمحافظة ديالى.", "khanaqin"),
        ("قتل مدني في محافظة ديالى بانفجار عبوة ناسفة في قضاء خانقين.", "khanaqin"),
    ],
)
def test_extract_governorate_is_the_site_only_when_nothing_finer(
    text: str, site: str
) -> None:
    assert [s for s, _, _ in _summary(text)] == [site]


def test_extract_bare_bearing_from_iraq_gives_the_country_as_site() -> None:
    """«غربي العراق» and nothing finer: the site is Iraq at its own point, not the
    offset guess (which may fall across the border)."""
    text = "سقط صاروخ على قاعدة عسكرية غربي العراق."
    iraq = make_place(
        id="country:iq", type="country", name_en="Iraq", name_ar="العراق",
        lat=33.0, lon=43.7, governorate=None, district=None,
    )  # fmt: skip
    start = text.index("العراق")
    rel = RelativeLocation(
        start - 5, start + 6, "غربي العراق", "country:iq", 270.0, None
    )
    offset = make_resolved(
        iraq, start=start, text="العراق", lat=32.9, lon=37.8, foreign=True, relative=rel
    )
    (inc,), _ = extract_incidents(make_article(text), [offset])
    assert inc.place is not None and not inc.place.foreign
    assert (inc.lat, inc.lon) == (33.0, 43.7)
