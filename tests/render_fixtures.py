"""Incidents built directly from the models, for render tests and benchmarks.

The Arabic and English excerpts here are written for kharita's tests (not copied from
any outlet).  ``hostile_incident`` carries every string an attacker could plant in an
article: tags, a closing ``</script>``, quotes, a backtick, ``${...}``, a
``javascript:`` URL.
"""

from __future__ import annotations

import random
from functools import cache
from typing import Any

from kharita.models import (
    Count,
    EventDate,
    GazetteerPlace,
    Incident,
    Mention,
    ResolvedPlace,
    Source,
)

HOSTILE = (
    '<script>window.__pwned=1</script></script><img src=x onerror="window.__pwned=2"> '
    "'single' \"double\" `tick` ${window.__pwned=3} ${document.title='PWNED'} \\ {{7*7}} &amp;"
)

PLACES = [
    # id, type, en, ar, lat, lon, governorate, precision_m
    (
        "kalsu",
        "military_base",
        "Camp Kalsu",
        "معسكر كالسو",
        32.7615,
        44.2885,
        "Babil",
        2000.0,
    ),
    (
        "ainasad",
        "airbase",
        "Ain al-Asad Air Base",
        "قاعدة عين الأسد",
        33.7856,
        42.4412,
        "Anbar",
        3000.0,
    ),
    ("baghdad", "city", "Baghdad", "بغداد", 33.3152, 44.3661, "Baghdad", 15000.0),
    ("mosul", "city", "Mosul", "الموصل", 36.3400, 43.1300, "Ninawa", 10000.0),
    ("erbil", "city", "Erbil", "أربيل", 36.1912, 44.0094, "Erbil", 8000.0),
    ("basra", "city", "Basra", "البصرة", 30.5085, 47.7804, "Basra", 8000.0),
    ("kirkuk", "city", "Kirkuk", "كركوك", 35.4681, 44.3922, "Kirkuk", 8000.0),
    ("tarmiyah", "town", "Tarmiyah", "الطارمية", 33.6717, 44.3986, "Baghdad", 4000.0),
]
TYPES = [
    "rocket_attack",
    "drone_strike",
    "ied",
    "armed_clash",
    "air_strike",
    "explosion",
]
AR_TEMPLATE = "أفاد مصدر أمني بأن {name} شهدت {what} صباح اليوم، وأسفر الحادث عن سقوط ضحايا بحسب الحصيلة الأولية."
EN_TEMPLATE = "A security source said {name} was hit by {what} on the morning of the incident, with casualties reported."
WHAT_AR = {
    "rocket_attack": "هجوماً صاروخياً",
    "drone_strike": "ضربة بطائرة مسيرة",
    "ied": "انفجار عبوة ناسفة",
    "armed_clash": "اشتباكاً مسلحاً",
    "air_strike": "غارة جوية",
    "explosion": "انفجاراً",
}


def place(key: str) -> GazetteerPlace:
    row = next(p for p in PLACES if p[0] == key)
    return GazetteerPlace(
        id=row[0],
        type=row[1],
        name_en=row[2],
        name_ar=row[3],
        lat=row[4],
        lon=row[5],
        country="IQ",
        source="test fixture",
        governorate=row[6],
        precision_m=row[7],
    )


def source(
    text: str, name: str, lang: str, outlet: str, url: str | None, day: str
) -> Source:
    start = text.find(name)
    span = (start, start + len(name)) if start >= 0 else None
    return Source(
        article_id=f"{outlet}-{day}",
        outlet=outlet,
        url=url,
        date=day,
        excerpt=text,
        excerpt_start=0,
        highlight=span,
        lang="ar" if lang == "ar" else "en",
    )


def incident(
    idx: int,
    key: str,
    type_: str,
    day: str,
    killed: Count,
    wounded: Count,
    lang: str = "ar",
    jitter: tuple[float, float] = (0.0, 0.0),
    extra_sources: int = 0,
    excerpt_chars: int = 0,
) -> Incident:
    gp = place(key)
    name = gp.name_ar if lang == "ar" else gp.name_en
    text = (AR_TEMPLATE if lang == "ar" else EN_TEMPLATE).format(
        name=name, what=WHAT_AR[type_] if lang == "ar" else type_.replace("_", " ")
    )
    filler = " " + (AR_TEMPLATE if lang == "ar" else EN_TEMPLATE).format(
        name="", what=""
    )
    while len(text) < excerpt_chars:
        text += filler
    sources = [
        source(
            text, name, lang, "Example Agency", f"https://example.org/news/{idx}", day
        )
    ]
    for k in range(extra_sources):
        sources.append(
            source(
                EN_TEMPLATE.format(name=gp.name_en, what="an attack"),
                gp.name_en,
                "en",
                f"Second Outlet {k}",
                None,
                day,
            )
        )
    mention = Mention(
        start=0, end=len(name), text=name, matched=name, candidates=(gp.id,)
    )
    resolved = ResolvedPlace(
        mention=mention,
        place=gp,
        lat=gp.lat + jitter[0],
        lon=gp.lon + jitter[1],
        confidence=0.9,
        precision_m=gp.precision_m,
        foreign=False,
        role="site",
    )
    precision = "day" if len(day) == 10 else "month"
    return Incident(
        id=f"inc-{idx}",
        type=type_,
        date=EventDate(day, precision),
        killed=killed,
        wounded=wounded,
        place=resolved,
        sources=tuple(sources),
        confidence=0.8,
    )


def sample_incidents() -> list[Incident]:
    """A dozen varied incidents across Iraq, Arabic and English, several per base."""
    return [
        incident(
            1,
            "kalsu",
            "explosion",
            "2024-04-20",
            Count(1, 1),
            Count(8, 8),
            extra_sources=1,
        ),
        incident(
            2, "kalsu", "drone_strike", "2024-04-21", Count(0, 0), Count(None, None)
        ),
        incident(
            3,
            "kalsu",
            "rocket_attack",
            "2024-04-22",
            Count(None),
            Count(None),
            lang="en",
        ),
        incident(4, "ainasad", "rocket_attack", "2024-01-14", Count(0, 0), Count(2, 4)),
        incident(
            5, "ainasad", "drone_strike", "2024-02", Count(None), Count(None), lang="en"
        ),
        incident(6, "baghdad", "ied", "2024-03-02", Count(3, 5), Count(12, 15)),
        incident(7, "mosul", "armed_clash", "2024-03-10", Count(2, 2), Count(1, 1)),
        incident(
            8,
            "erbil",
            "drone_strike",
            "2024-01-16",
            Count(4, 4),
            Count(6, 6),
            lang="en",
        ),
        incident(9, "basra", "explosion", "2024-05-05", Count(0, 0), Count(3, 3)),
        incident(10, "kirkuk", "ied", "2024-02-18", Count(1, 1), Count(2, 2)),
        incident(11, "tarmiyah", "armed_clash", "2024-04-02", Count(5, 7), Count(None)),
        incident(
            12,
            "baghdad",
            "air_strike",
            "2024-02-07",
            Count(3, 3),
            Count(0, 0),
            jitter=(0.02, -0.03),
        ),
    ]


def sample_bases() -> list[GazetteerPlace]:
    return [place("kalsu"), place("ainasad")]


def hostile_incident() -> Incident:
    """Every field that comes from an article is hostile."""
    gp = GazetteerPlace(
        id="h",
        type="military_base",
        name_en=f"Base {HOSTILE}",
        name_ar=f"قاعدة {HOSTILE}",
        lat=33.0,
        lon=44.0,
        country="IQ",
        source="test",
        governorate=f"Gov {HOSTILE}",
    )
    excerpt = f"سقطت صواريخ على قاعدة عين الأسد {HOSTILE} دون إصابات"
    start = excerpt.find("عين الأسد")
    src = Source(
        article_id="hostile",
        outlet=f"Outlet {HOSTILE}",
        url="javascript:window.__pwned=4",
        date=f"2024-01-14{HOSTILE}",
        excerpt=excerpt,
        excerpt_start=0,
        highlight=(start, start + len("عين الأسد")),
        lang="ar",
    )
    src2 = Source(
        article_id="hostile2",
        outlet="Data outlet",
        url="data:text/html,<script>alert(1)</script>",
        date="2024-01-14",
        excerpt=f"English {HOSTILE}",
        excerpt_start=0,
        lang="en",
    )
    mention = Mention(
        start=0, end=3, text=f"M {HOSTILE}", matched="x", candidates=("h",)
    )
    resolved = ResolvedPlace(
        mention=mention,
        place=gp,
        lat=33.0,
        lon=44.0,
        confidence=0.5,
        precision_m=3000.0,
        foreign=False,
    )
    return Incident(
        id="hostile",
        type="rocket_attack",
        date=EventDate("2024-01-14", "day"),
        killed=Count(0, 0),
        wounded=Count(None),
        place=resolved,
        sources=(src, src2),
        confidence=0.5,
    )


def many_incidents(n: int, seed: int = 7, excerpt_chars: int = 0) -> list[Incident]:
    """``n`` incidents spread over Iraq (fixed seed), for size and speed measurements.

    ``excerpt_chars`` > 0 pads every excerpt to about that many characters.
    """
    rng = random.Random(seed)
    out = []
    for i in range(n):
        key = rng.choice(PLACES)[0]
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        killed = Count(rng.choice([0, 0, 1, 2, 5]), None)
        out.append(
            incident(
                i,
                key,
                rng.choice(TYPES),
                day,
                killed,
                Count(rng.randint(0, 9)),
                lang=rng.choice(["ar", "en"]),
                excerpt_chars=excerpt_chars,
                jitter=(rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6)),
            )
        )
    return out


@cache
def _shipped_inputs() -> tuple[tuple[str, Any], ...]:
    from kharita.api import map_inputs

    return tuple(map_inputs().items())


def map_inputs(**override: Any) -> dict[str, Any]:
    """``bases``/``basemap``/``styles`` as ``kharita map`` passes them, loaded once."""
    return {**dict(_shipped_inputs()), **override}
