"""Build the development gold sets from hand annotations (run: python tests/gold/build_gold.py).

The annotations below are the source of truth. They hold only short place-name surfaces
(a few words each), never article text: offsets are computed by searching the articles in
place (``../shared/samples/articles.jsonl``), sequentially, so that repeated names are
assigned by position. Rules: see ``tests/gold/README.md``.

Each article's list is in text order. An entry is ``(surface, place_key, role)``; an entry
``(surface, None, "skip")`` consumes the next occurrence WITHOUT annotating it (a name
inside an organisation/outlet name, a hashtag, a person's name, ...).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parents[1] / ".." / "shared" / "samples" / "articles.jsonl"

# fmt: off
# key: (name_en, lat, lon, iraqi, type, approx)
# approx=True: the annotator does not know the exact point; the coordinate is the containing
# unit's or a best estimate (see README "Coordinates").
P = {
    # --- Iraq: country, regions, governorates (governorate = its capital city's point) ---
    "iraq": ("Iraq", 33.0, 44.0, True, "country", False),
    "krg": ("Kurdistan Region", 36.19, 44.01, True, "region", False),
    "baghdad": ("Baghdad", 33.3406, 44.4009, True, "city", False),
    "baghdad_belt": ("Baghdad Belt", 33.3406, 44.4009, True, "area", True),
    "death_triangle": ("Triangle of Death (Kirkuk-Salahaddin-Diyala)", 34.7, 44.5, True, "area", True),
    "babil": ("Babil Governorate", 32.4637, 44.4196, True, "governorate", False),
    "anbar": ("Anbar Governorate", 33.4206, 43.3078, True, "governorate", False),
    "duhok": ("Duhok Governorate", 36.8667, 42.9500, True, "governorate", False),
    "kirkuk_gov": ("Kirkuk Governorate", 35.4681, 44.3922, True, "governorate", False),
    "kirkuk": ("Kirkuk", 35.4681, 44.3922, True, "city", False),
    "diyala": ("Diyala Governorate", 33.7466, 44.6437, True, "governorate", False),
    "salahaddin": ("Salah al-Din Governorate", 34.6071, 43.6782, True, "governorate", False),
    "maysan": ("Maysan Governorate", 31.8356, 47.1448, True, "governorate", False),
    "ninawa": ("Ninawa Governorate", 36.3350, 43.1189, True, "governorate", False),
    "sulay_gov": ("Sulaymaniyah Governorate", 35.5613, 45.4378, True, "governorate", False),
    "sulay": ("Sulaymaniyah", 35.5613, 45.4378, True, "city", False),
    "basra_gov": ("Basra Governorate", 30.5085, 47.7804, True, "governorate", False),
    "basra": ("Basra", 30.5085, 47.7804, True, "city", False),
    "erbil": ("Erbil", 36.1912, 44.0092, True, "city", False),
    "erbil_gov": ("Erbil Governorate", 36.1912, 44.0092, True, "governorate", False),
    # --- Iraq: districts, towns, villages, neighbourhoods ---
    "mashru": ("al-Mashru' sub-district", 32.88, 44.30, True, "subdistrict", True),
    "amadiya": ("Amadiya (Amedi) district", 37.0925, 43.4872, True, "district", False),
    "sur_skiri": ("Sur Skiri area (Amadiya)", 37.05, 43.42, True, "area", True),
    "siri": ("Siri complex (Amedi district)", 37.0925, 43.4872, True, "village", True),
    "taji": ("al-Taji district", 33.5200, 44.2700, True, "district", False),
    "ur": ("Hay Ur (Baghdad)", 33.397, 44.425, True, "neighbourhood", True),
    "daquq": ("Daquq", 35.1386, 44.4483, True, "district", False),
    "baghdadi": ("al-Baghdadi", 33.865, 42.545, True, "town", False),
    "muwafaqiya": ("al-Muwaffaqiya (Basra)", 30.515, 47.800, True, "neighbourhood", True),
    "maqil": ("al-Ma'qil (Basra)", 30.555, 47.790, True, "neighbourhood", True),
    "muqdadiya": ("al-Muqdadiya", 33.9783, 44.9369, True, "district", False),
    "rashad": ("al-Rashad village (al-Muqdadiya)", 34.02, 44.94, True, "village", True),
    "muallimin": ("Hay al-Muallimin (al-Muqdadiya)", 33.978, 44.937, True, "neighbourhood", True),
    "ali_gharbi": ("Ali al-Gharbi district", 32.4619, 46.6878, True, "district", False),
    "sinjar": ("Sinjar", 36.3209, 41.8765, True, "district", False),
    "sinuni": ("Sinuni (Snune) sub-district", 36.443, 41.830, True, "subdistrict", False),
    "khanasor": ("Khanasor complex", 36.465, 41.705, True, "village", True),
    "koya": ("Koya (Koysinjaq)", 36.0828, 44.6286, True, "town", False),
    "chamchamal": ("Chamchamal", 35.5333, 44.8333, True, "town", False),
    "alwamahmoud": ("Alwamahmoud village (Kirkuk province)", 35.4681, 44.3922, True, "village", True),
    "mubarak_farhan": ("Mubarak Farhan village (Diyala-Salahaddin)", 34.6071, 43.6782, True, "village", True),
    "matin": ("Mount Matin", 37.15, 43.45, True, "mountain", True),
    "gara": ("Mount Gara", 36.98, 43.32, True, "mountain", True),
    # --- Iraq: bases, airports, fields ---
    "kalsu": ("Camp Kalsu", 32.916, 44.268, True, "base", False),
    "ain_asad": ("Ain al-Asad Air Base", 33.7856, 42.4411, True, "base", False),
    "erbil_airport": ("Erbil International Airport", 36.2376, 43.9632, True, "airport", False),
    "baghdad_airport": ("Baghdad International Airport", 33.2625, 44.2346, True, "airport", False),
    "khor_mor": ("Khor Mor gas field", 35.07, 44.92, True, "gas_field", True),
    # --- foreign ---
    "usa": ("United States", 39.76, -98.50, False, "country", False),
    "washington": ("Washington, D.C.", 38.8951, -77.0364, False, "city", False),
    "syria": ("Syria", 35.0, 38.0, False, "country", False),
    "switzerland": ("Switzerland", 47.0, 8.0, False, "country", False),
    "davos": ("Davos", 46.8004, 9.8372, False, "town", False),
    "turkey": ("Turkey", 39.0, 35.0, False, "country", False),
    "ankara": ("Ankara", 39.9199, 32.8543, False, "city", False),
    "istanbul": ("Istanbul", 41.0138, 28.9497, False, "city", False),
    "conoco": ("Conoco gas field (Deir ez-Zor)", 35.36, 40.29, False, "gas_field", True),
    "deir_ezzor": ("Deir ez-Zor Governorate", 35.3359, 40.1408, False, "governorate", False),
}

S = "site"
C = "container"
R = "reference"
PR = "prior"
A = "actor"
D = "dateline"
OTH = "other"
SKIP = "skip"

ANN: dict[str, list[tuple[str, str | None, str]]] = {
    "seed-athr-kalsu": [
        ("الولايات المتحدة الأمريكية", "usa", A),
        ("كالسو", "kalsu", S),
        ("محافظة بابل", "babil", C),
        ("الولايات المتحدة", "usa", A),
        ("العراق", "iraq", C),
        ("كالسو", "kalsu", S),
        ("محافظة بابل", "babil", C),
        ("العراق", "iraq", OTH),  # «لكتائب سيد الشهداء في العراق»: not part of the group's name
        ("كالسو", "kalsu", S),
        ("بابل", "babil", C),
        ("قاعدة كالسو", "kalsu", S),
        ("بغداد", "baghdad", R),
        ("بابل", None, SKIP),  # «مقر آمرية مواقع بابل»: unit name
        ("العراق", "iraq", C),
        ("كالسو", "kalsu", S),
        ("بابل", "babil", C),
        ("بغداد", "baghdad", R),
        ("البصرة", "basra", R),
        ("كالسو", "kalsu", S),
        ("الولايات المتحدة الأمريكية", "usa", A),
        ("سوريا", "syria", PR),
        ("العراق", "iraq", PR),
        ("سوريا", "syria", PR),
        ("العراق", "iraq", PR),
        ("بغداد", "baghdad", PR),
        ("واشنطن", "washington", A),
        ("العراق", "iraq", C),
        ("العراق", "iraq", C),
        ("واشنطن", "washington", A),
        ("بغداد", "baghdad", A),
        ("الولايات المتحدة", "usa", A),
        ("دافوس", "davos", OTH),
        ("سويسرا", "switzerland", OTH),
        ("العراق", "iraq", C),
        ("العراق", "iraq", C),
    ],
    "a4": [
        ("بغداد", "baghdad", S),
        ("العراق", "iraq", C),
        ("بغداد", "baghdad", S),
        ("العراق", "iraq", PR),
        ("الولايات المتحدة", "usa", A),  # «التحالف الذي تقوده الولايات المتحدة»
        ("مطار أربيل", "erbil_airport", PR),
        ("قاعدة عين الأسد الجوية", "ain_asad", PR),
        ("مطار بغداد", "baghdad_airport", PR),
    ],
    "a6": [
        ("كردستان العراق", "krg", C),
        ("مطار أربيل", "erbil_airport", S),
        ("العراق", "iraq", C),
        ("العراق", None, SKIP),  # «المقاومة الإسلامية في العراق»: group name
        ("العراق", "iraq", C),
        ("سوريا", "syria", OTH),
    ],
    "a7": [
        ("مطار مدينة أربيل", "erbil_airport", S),
        ("إقليم كردستان", "krg", C),
        ("العراق", "iraq", C),
        ("نينوى", None, SKIP),  # «نينوى الغد»: TV channel
        ("مطار أربيل الدولي", "erbil_airport", S),
        ("مطار أربيل", "erbil_airport", S),
        ("أربيل", "erbil", C),
    ],
    "t1": [
        ("قضاء العمادية", "amadiya", S),
        ("محافظة دهوك", "duhok", C),
        ("بغداد", None, SKIP),  # «#بغداد_الاخبارية»: outlet hashtag
        ("لعمادية", "amadiya", S),  # «للعمادية» = لـ + العمادية
    ],
    "t2": [
        ("محافظة دهوك", "duhok", C),
        ("إقليم كردستان", "krg", C),
        ("قضاء العمادية", "amadiya", S),
        ("إقليم كردستان", "krg", C),
    ],
    "t6": [
        ("قضاء العمادية", "amadiya", C),
        ("محافظة دهوك", "duhok", C),
        ("محافظة دهوك", "duhok", C),
        ("لعراق", "iraq", C),  # «للعراق»
        ("قضاء العمادية", "amadiya", C),
        ("قضاء عمادية", "amadiya", C),
        ("اقليم الكردستان", "krg", C),
        ("سور سكيري", "sur_skiri", S),
        ("جبل متين", "matin", R),
        ("كاره", "gara", R),
        ("إقليم كردستان", "krg", C),
        ("تركيا", "turkey", A),
        ("إقليم كردستان", "krg", C),
        ("تركيا", "turkey", OTH),
    ],
    "i2": [
        ("بغداد", "baghdad", R),
        ("قضاء التاجي", "taji", S),
        ("بغداد", "baghdad", R),
    ],
    "i5": [
        ("بغداد", "baghdad", C),
        ("أور", "ur", S),
        ("بغداد", "baghdad", C),
    ],
    "k3": [
        ("محافظة كركوك", "kirkuk_gov", C),
        ("داقوق", "daquq", S),
        ("داقوق", None, SKIP),  # «مستشفى داقوق»: institution name
    ],
    "k7": [
        ("محافظة كركوك", "kirkuk_gov", C),
        ("قضاء داقوق", "daquq", S),
        ("كركوك", "kirkuk", R),
    ],
    "r2": [
        ("قاعدة عين الأسد", "ain_asad", S),
        ("محافظة الأنبار", "anbar", C),
        ("العراق", "iraq", C),
        ("قاعدة عين الأسد", "ain_asad", S),
        ("العراق", "iraq", C),
        ("العراق", "iraq", C),
    ],
    "r4": [
        ("قاعدة عين الأسد", "ain_asad", S),
        ("مدينة البغدادي", "baghdadi", C),
        ("محافظة الأنبار", "anbar", C),
        ("العراق", "iraq", C),
    ],
    "r5": [
        ("قاعدة عين الأسد", "ain_asad", S),
        ("محافظة الأنبار", "anbar", C),
        ("العراق", "iraq", C),
        ("العراق", "iraq", PR),
    ],
    "s6": [
        ("مدينة البصرة", "basra", C),
        ("العراق", "iraq", C),
        ("الموفقية", "muwafaqiya", S),
        ("المعقل", "maqil", S),
        ("محافظة البصرة", "basra_gov", C),
    ],
    "c6": [
        ("قاعدة كالسو", "kalsu", S),
        ("ناحية المشروع", "mashru", C),
        ("محافظة بابل", "babil", C),
    ],
    "j4": [
        ("قضاء سنجار", "sinjar", C),
        ("قضاء سنجار", "sinjar", C),
        ("مجمع خانصور", "khanasor", S),
        ("ناحية سنون", "sinuni", C),
        ("مجمع خانصور", "khanasor", S),
        ("كركوك", None, SKIP),  # «كركوك ناو»: outlet
        ("مجمع خانصور", "khanasor", PR),
        ("سنجار", None, SKIP),  # «قوات حماية سنجار»
        ("سنجار", None, SKIP),  # «وحدات حماية سنجار»
        ("سنجار", "sinjar", PR),  # withdrawal «العام الماضي»
        ("سوريا", "syria", PR),
    ],
    "j8": [
        ("بغداد", "baghdad", D),
        ("ناحية سنون", "sinuni", S),
        ("محافظة نينوى", "ninawa", C),
        ("شنكال", None, SKIP),  # «قوات حماية "شنكال" سنجار "يبشه"»: unit name
        ("سنجار", None, SKIP),
        ("سنجار", "sinjar", PR),
        ("محافظة نينوى", None, SKIP),  # «قيادة "عمليات محافظة نينوى"»
        ("سنجار", None, SKIP),  # «وحدات حماية سنجار»
    ],
    "e4": [
        ("أربيل", "erbil_gov", C),
        ("السليمانية", "sulay_gov", S),
        ("العراق", "iraq", C),
        ("سوريا", "syria", C),
        ("العراق", "iraq", C),
        ("أربيل", "erbil", OTH),
        ("العراق", "iraq", OTH),
        ("أربيل", "erbil", R),
        ("إقليم كردستان العراق", "krg", C),
        ("أربيل", "erbil_gov", C),
        ("كويسنجق", "koya", S),
        ("أربيل", "erbil_gov", C),
        ("سوريا", "syria", C),
        ("العراق", "iraq", C),
        ("إسطنبول", "istanbul", PR),
    ],
    "d2": [
        ("ديالى", "diyala", OTH),  # «محافظ ديالى»: title of office, place annotated
        ("قضاء المقدادية", "muqdadiya", S),
        ("محافظة ديالى", "diyala", C),
        ("قضاء المقدادية", "muqdadiya", S),
        ("المقدادية", "muqdadiya", S),
        ("شهربان", "muqdadiya", S),
        ("محافظة ديالى", "diyala", C),
        ("ديالى", "diyala", C),
        ("العراق", "iraq", A),
        ("العراق", "iraq", C),
        ("كركوك", "kirkuk_gov", PR),
        ("صلاح الدين", "salahaddin", PR),
        ("ديالى", "diyala", PR),
        ("حزام بغداد", "baghdad_belt", PR),
    ],
    "d5": [
        ("محافظة ديالى", "diyala", C),
        ("المقدادية", "muqdadiya", C),
        ("قرية الرشاد", "rashad", S),
        ("كركوك", "kirkuk_gov", PR),
        ("صلاح الدين", "salahaddin", PR),
        ("ديالى", "diyala", PR),
        ("مثلث الموت", "death_triangle", PR),
        ("العراق", "iraq", OTH),  # «رئيس وزراء العراق»: title of office
        ("العراق", "iraq", OTH),
    ],
    "d8": [
        ("محافظة ديالى", "diyala", C),
        ("العراق", "iraq", C),
        ("مدينة المقدادية", "muqdadiya", C),
        ("حي المعلمين", "muallimin", S),
        ("محافظة ديالى", "diyala", C),
    ],
    "m7": [
        ("محافظة ميسان", "maysan", C),
        ("قضاء علي الغربي", "ali_gharbi", S),
    ],
    "o1": [
        ("حقل غاز كورمور", "khor_mor", S),
        ("محافظة السليمانية", "sulay_gov", C),
        ("إقليم كردستان العراق", "krg", C),
        ("إقليم كردستان العراق", "krg", C),
    ],
    "o3": [
        ("العراق", "iraq", C),
        ("إقليم كردستان العراق", "krg", OTH),
        ("حقل كورمور الغازي", "khor_mor", S),
        ("بلدة جمجمال", "chamchamal", C),
        ("كركوك", "kirkuk_gov", R),
        ("السليمانية", "sulay_gov", R),
        ("الحقل كورمور الغازي", "khor_mor", PR),
    ],
    "en2": [
        ("SULAIMANI", "sulay", D),
        ("Baghdad", "baghdad", S),
        ("Iraq", "iraq", A),
        ("Baghdad", "baghdad", S),
        ("Baghdad", "baghdad", S),
    ],
    "en3": [
        ("Siri", "siri", S),
        ("Amedi district", "amadiya", C),
        ("Duhok", "duhok", C),
        ("Duhok governorate", "duhok", OTH),
        ("Ankara", "ankara", A),
        ("Kurdistan Region", "krg", OTH),
    ],
    "en6": [
        ("Salahaddin", "salahaddin", S),
        ("Salahaddin", "salahaddin", S),
        ("Iraq", "iraq", PR),  # «declared defeated in Iraq in late 2017»
        ("Salahaddin", "salahaddin", PR),
        ("Diyala", "diyala", PR),
        ("Alwamahmoud", "alwamahmoud", PR),
        ("Kirkuk province", "kirkuk_gov", PR),
        ("Diyala", "diyala", PR),
        ("Salahaddin", "salahaddin", PR),
        ("Mubarak Farhan", "mubarak_farhan", PR),
    ],
    "en8": [
        ("Saladin province", "salahaddin", S),
        ("Iraq", "iraq", C),
        ("Diyala", "diyala", R),
        ("Salahuddin", "salahaddin", S),
        ("Salahuddin", "salahaddin", S),
    ],
    "en9": [
        ("Saladin Governorate", "salahaddin", S),
        ("Diyala", "diyala", R),
        ("Saladin", "salahaddin", S),
        ("Saladin", "salahaddin", S),
        ("Iraq", "iraq", C),
        ("Saladin", "salahaddin", S),
        ("Iraq", None, SKIP),  # «Islamic State of Iraq and Syria»: group name
        ("Syria", None, SKIP),
        ("Iraq", "iraq", C),
        ("Diyala", "diyala", PR),
        ("Saladin", "salahaddin", PR),
        ("Nineveh", "ninawa", PR),
        ("Kirkuk", "kirkuk_gov", PR),
        ("Kurdistan Region", None, SKIP),  # «Kurdistan Region governments» = the KRG
    ],
    "en12": [
        ("Iraq", "iraq", C),
        ("Ain al-Asad airbase", "ain_asad", S),
        ("Anbar province", "anbar", C),
        ("Iraq", "iraq", C),
    ],
    "en16": [
        ("Ain al-Asad airbase", "ain_asad", S),
        ("Iraq", "iraq", C),
        ("Ain al-Asad airbase", "ain_asad", S),
        ("Iraq", "iraq", C),
        ("Anbar province", "anbar", C),
        ("Iraq", "iraq", C),
        ("Ain al-Asad", "ain_asad", S),
        ("Iraq", "iraq", C),
        ("Syria", "syria", C),
        ("Syria", "syria", C),
        ("Conoco gas field", "conoco", S),
        ("Deir Ezzor province", "deir_ezzor", C),
    ],
}

# --- incidents -----------------------------------------------------------------------------
# (article_id, type, date, date_precision, killed, wounded, (site surface, k-th annotated span
#  with that surface), lat/lon override or None (=the place's point), approx, event_key, note)
Num = tuple[int | None, int | None] | None
Z: Num = (0, 0)
INC: list[tuple[str, str, str | None, str | None, Num, Num, tuple[str, int],
                tuple[float, float] | None, bool, str, str]] = [
    ("seed-athr-kalsu", "air_strike", "2024-04-20", "day", (1, 1), (8, 8), ("كالسو", 0),
     None, False, "kalsu-2024-04-20", "US denial recorded; prior Feb strikes not an incident here"),
    ("c6", "explosion", "2024-04", "month", None, (1, None), ("قاعدة كالسو", 0),
     None, False, "kalsu-2024-04-20", "same event as the seed, reported only as an explosion"),
    ("a4", "downed_drone", None, None, Z, Z, ("بغداد", 0),
     (33.2985, 44.3958), False, "baghdad-us-embassy-drone-2021-07",
     "downed near the US embassy; 'Monday', no year in text (AFP story of July 2021)"),
    ("a4", "rocket_attack", None, None, None, None, ("العراق", 0),
     (33.7856, 42.4411), True, "western-iraq-base-rockets-a4",
     "base in western Iraq housing US troops (Ain al-Asad by world knowledge); text names only العراق"),
    ("a6", "downed_drone", None, None, Z, Z, ("مطار أربيل", 0),
     None, False, "erbil-airport-drone-a6", "shot down over Erbil airport, 'Sunday', no year"),
    ("a7", "downed_drone", "2026-03-01", "day", None, None, ("مطار مدينة أربيل", 0),
     None, False, "erbil-airport-drone-2026-03-01", "drone fell near Erbil airport"),
    ("t1", "air_strike", None, None, Z, Z, ("قضاء العمادية", 0),
     None, True, "amadiya-turkish-airstrike-t1", "unnamed village of Amadiya district; 'Friday'"),
    ("t2", "shelling", None, None, None, None, ("قضاء العمادية", 0),
     None, True, "amadiya-turkish-base-mortar-t2", "mortars on a Turkish post in Amadiya district"),
    ("t6", "air_strike", "2024-09", "month", None, None, ("سور سكيري", 0),
     None, True, "amadiya-turkish-strikes-2024-09", "Turkish air strikes causing fires"),
    ("i2", "ied", None, None, None, (2, 2), ("قضاء التاجي", 0),
     None, False, "taji-ied-i2", "'Saturday', no year"),
    ("i5", "ied", None, None, None, (4, 4), ("أور", 0),
     None, True, "baghdad-ur-ied-i5", "'Monday', no year"),
    ("k3", "armed_clash", None, None, None, (3, 3), ("داقوق", 0),
     None, True, "daquq-isis-attack-k3", "outskirts of Daquq; 'Friday', provincial elections on the 18th"),
    ("k7", "ied", None, None, None, (3, 3), ("قضاء داقوق", 0),
     None, True, "daquq-ied-k7", "'Thursday', no year"),
    ("r2", "rocket_attack", None, None, None, None, ("قاعدة عين الأسد", 0),
     None, False, "ain-al-asad-rockets-r2", "date unknown"),
    ("r4", "rocket_attack", None, None, None, None, ("قاعدة عين الأسد", 0),
     None, False, "ain-al-asad-rockets-r4", "'Thursday' early morning"),
    ("r5", "rocket_attack", None, None, Z, Z, ("قاعدة عين الأسد", 0),
     None, False, "ain-al-asad-rockets-r5", "night Monday-Tuesday, 5-6 rockets"),
    ("s6", "assassination", "2015-01-30", "day", (1, 1), None, ("الموفقية", 0),
     None, True, "basra-muwafaqiya-assassination-2015-01-30", ""),
    ("s6", "other", "2015-01-30", "day", None, None, ("المعقل", 0),
     None, True, "basra-maqil-armed-robbery-2015-01-30", "armed robbery of a house"),
    ("j4", "air_strike", None, None, (5, 5), (1, 1), ("مجمع خانصور", 0),
     None, True, "khanasor-turkish-strike-j4", "'Tuesday 19 November', no year (2019 or 2024 by weekday)"),
    ("j8", "air_strike", None, None, (11, 24), (12, 12), ("ناحية سنون", 0),
     None, True, "sinuni-turkish-strike-j8", "two hills next to Sinuni; 24 killed (source) vs 11 (official)"),
    ("e4", "rocket_attack", "2022-11-20", "day", None, None, ("كويسنجق", 0),
     None, False, "koya-iran-strikes-2022-11-20", "ballistic missiles and a drone on Iranian Kurdish parties"),
    ("e4", "rocket_attack", "2022-11-20", "day", None, None, ("السليمانية", 0),
     None, True, "sulaymaniyah-iran-strikes-2022-11-20", "text names only Sulaymaniyah"),
    ("d2", "armed_attack", None, None, (11, 11), None, ("قضاء المقدادية", 0),
     (34.02, 44.94), True, "muqdadiya-ambush-2021-10", "site al-Rashad village (named in d5)"),
    ("d5", "armed_attack", None, None, (15, 15), (16, None), ("قرية الرشاد", 0),
     None, True, "muqdadiya-ambush-2021-10", "toll rose from 11/12 to 15 killed, >15 wounded"),
    ("d8", "suicide_bombing", None, None, (5, 5), (25, 25), ("حي المعلمين", 0),
     None, True, "muqdadiya-cafe-suicide-d8", "café, suicide belt"),
    ("m7", "armed_clash", "2025", "year", (13, 13), None, ("قضاء علي الغربي", 0),
     None, False, "ali-al-gharbi-tribal-clash-2025", "tribal conflict; 13 killed in total"),
    ("o1", "drone_attack", None, None, Z, Z, ("حقل غاز كورمور", 0),
     None, True, "khor-mor-drone-o1", ""),
    ("o3", "rocket_attack", None, None, Z, Z, ("حقل كورمور الغازي", 0),
     None, True, "khor-mor-rockets-o3", "eight rockets, 'Wednesday'"),
    ("en2", "drone_strike", None, None, (3, None), (6, 6), ("Baghdad", 0),
     (33.35, 44.45), True, "baghdad-pmf-hq-drone-strike-en2", "eastern Baghdad; 'Thursday'"),
    ("en3", "downed_drone", None, None, Z, Z, ("Siri", 0),
     None, True, "amedi-siri-drone-crash-en3", "drone crashed on a house"),
    ("en6", "ied", None, None, (5, 5), None, ("Salahaddin", 0),
     None, True, "salahaddin-family-ied-en6", "exact location not given"),
    ("en8", "ied", None, None, (1, 1), (2, None), ("Saladin province", 0),
     None, True, "diyala-saladin-ied-2024-05-22", "same event as en9"),
    ("en9", "ied", "2024-05-22", "day", (1, 1), (4, None), ("Saladin Governorate", 0),
     None, True, "diyala-saladin-ied-2024-05-22", "same event as en8"),
    ("en12", "rocket_attack", "2024-01-20", "day", None, (2, None), ("Ain al-Asad airbase", 0),
     None, False, "ain-al-asad-2024-01-20", "'several' US troops + 1 Iraqi wounded"),
    ("en16", "rocket_attack", None, None, Z, Z, ("Ain al-Asad airbase", 0),
     None, False, "ain-al-asad-rockets-en16", "'Thursday evening'; the Conoco (Syria) attack is foreign, not coded"),
]

# fmt: on

NO_INCIDENT: list[str] = []  # article ids with no coded incident

_LETTER = "\u0621-\u064a\u066e-\u06d3\u06fa-\u06ffA-Za-z0-9\u0660-\u0669"
_PROCLITICS = "وفبلك"


def _is_letter(ch: str) -> bool:
    import re

    return bool(re.match(f"[{_LETTER}]", ch))


def _boundary_ok(text: str, start: int, end: int) -> bool:
    """The span is a whole word, allowing up to three Arabic proclitics before it."""
    if end < len(text) and _is_letter(text[end]):
        return False
    i = start
    n = 0
    while i > 0 and text[i - 1] in _PROCLITICS and n < 3 and _is_letter(text[start]):
        i -= 1
        n += 1
    if i > 0 and _is_letter(text[i - 1]):
        # maybe the chars were not proclitics but part of a longer word
        return False
    return not (n and text[start].isascii())


def find_next(text: str, surface: str, cursor: int) -> int:
    pos = cursor
    while True:
        pos = text.find(surface, pos)
        if pos < 0:
            raise ValueError(f"{surface!r} not found after {cursor}")
        if _boundary_ok(text, pos, pos + len(surface)):
            return pos
        pos += 1


def load_articles() -> dict[str, dict[str, object]]:
    with ARTICLES.open(encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def build() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    arts = load_articles()
    place_lines: list[dict[str, object]] = []
    spans: dict[str, list[dict[str, object]]] = {}
    for aid in arts:
        text = str(arts[aid]["text"])
        cursor = 0
        out: list[dict[str, object]] = []
        for surface, key, role in ANN.get(aid, []):
            try:
                start = find_next(text, surface, cursor)
            except ValueError as exc:
                raise ValueError(f"{aid}: {exc}") from None
            end = start + len(surface)
            cursor = end
            if role == SKIP or key is None:
                continue
            name_en, lat, lon, iraqi, ptype, approx = P[key]
            out.append(
                {
                    "start": start,
                    "end": end,
                    "text": surface,
                    "name_en": name_en,
                    "lat": lat,
                    "lon": lon,
                    "role": role,
                    "iraqi": iraqi,
                    "type": ptype,
                    "approx": approx,
                    "key": key,
                }
            )
        spans[aid] = out
        place_lines.append({"id": aid, "places": out})
    inc_lines: list[dict[str, object]] = []
    for aid, itype, date, prec, killed, wounded, (
        surf,
        k,
    ), ll, approx, ekey, note in INC:
        cands = [s for s in spans[aid] if s["text"] == surf]
        sp = cands[k]
        lat, lon = ll if ll else (sp["lat"], sp["lon"])
        inc_lines.append(
            {
                "article_id": aid,
                "type": itype,
                "date": date,
                "date_precision": prec,
                "killed": None
                if killed is None
                else {"min": killed[0], "max": killed[1]},
                "wounded": None
                if wounded is None
                else {"min": wounded[0], "max": wounded[1]},
                "place_text": surf,
                "place_start": sp["start"],
                "place_end": sp["end"],
                "place_key": sp["key"],
                "lat": lat,
                "lon": lon,
                "approx": approx,
                "event_key": ekey,
                "note": note,
            }
        )
    return place_lines, inc_lines


def main() -> int:
    places, incidents = build()
    with (HERE / "places_dev.jsonl").open("w", encoding="utf-8") as f:
        for line in places:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    with (HERE / "incidents_dev.jsonl").open("w", encoding="utf-8") as f:
        for line in incidents:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    n_spans = sum(len(p["places"]) for p in places)  # type: ignore[arg-type]
    sys.stdout.write(
        f"{len(places)} articles, {n_spans} place spans, {len(incidents)} incidents\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
