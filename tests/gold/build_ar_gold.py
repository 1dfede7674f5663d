"""Build the Arabic construction dev set (run: python tests/gold/build_ar_gold.py).

The passages in :data:`PASSAGES` are ORIGINAL short texts written for kharita: fictional
events at real places, one or more per passage, each written to exercise one construction of
incident segmentation, site choice, dates and non-incidents. They do not copy or paraphrase any
outlet. This script is the source of truth for two files:

- ``tests/data/ar_passages.jsonl``       the passages (id, lang, outlet, url, date, title, text)
- ``tests/gold/ar_incidents_dev.jsonl``  one line per incident (schema of ``incidents_dev.jsonl``
  plus ``construction`` and ``outcome``)

Constructions: ``roundup`` (a daily round-up by place: «وفي محافظة ديالى، ...»), ``separate``
(«وفي حادث منفصل», «وفي حادث آخر»), ``transition`` («إلى ذلك» opening a new event; «من جهة
أخرى» continuing the same one with a revised toll), ``antecedent`` («وذلك بعد ساعات من هجوم
...»), ``site_reference`` (the finest place of the event's own clause is the site; a place it is
described from is a reference; a governorate only when nothing finer is named; a family name
that is a place, «مقتدى الصدر», is no site), ``weekday`` (a named weekday is the most recent
such day on or before the publication date; «أمس» is the day before it), ``foiled`` (a defused
or thwarted attack: outcome ``foiled``, no casualty figure), ``while_clause`` («، فيما ...»: another
event when the clause names its own site or kind, else the same event), ``negated_zero`` («لم يسفر
... عن إصابات», «دون أن تسفر عن خسائر بشرية»: a stated zero), ``another_victim`` («قتل جندي
وأصيب آخر»: one more; «والآخر» one of those counted), ``distributive`` («4 في قضاء بلد و2 في قضاء
الدجيل»: a toll per place), ``facility_targets`` (two named facilities far apart: two events),
``affiliation`` («والي كركوك»: a post, not the site), ``ground_advance`` («تقدمت قطعات الجيش»:
a battle), ``intent`` («تستعد القوات لشن هجوم»: no incident unless something was done),
``killing_idiom`` («أودى ... بحياة», «لقي ... حتفهما»), ``assassination`` («اغتيال ناشط»: one killed),
``attempt`` («محاولة اغتيال»: nobody killed), ``actor_in_name`` («قرب السفارة الأمريكية في بغداد»: the
embassy is the site), ``ago`` («قبل أسبوع»: an earlier event) and ``general`` (a condemnation, a
visit or commentary about strikes in general: no incident; listed in :data:`NO_INCIDENT`).

Offsets are computed, never typed: an incident's site is given as (surface, k), the k-th
whole-word occurrence of the surface in the passage. Coordinates are the annotator's
knowledge of the place (a district at its seat, a governorate at its capital), not copied
from any dataset; ``approx`` marks points known only roughly.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "ar_passages.jsonl"
INCIDENTS_OUT = HERE / "ar_incidents_dev.jsonl"
OUTLET = "kharita illustrative example"

# fmt: off
# (id, construction, publication date, text)
PASSAGES: list[tuple[str, str, str | None, str]] = [
    ("roundup-1", "roundup", "2024-03-11",
     "بغداد - أفاد مصدر أمني اليوم الاثنين بمقتل ثلاثة مدنيين وإصابة سبعة آخرين بانفجار سيارة مفخخة في قضاء الطارمية شمالي بغداد. وفي محافظة ديالى، أصيب جنديان بانفجار عبوة ناسفة استهدفت دورية للجيش في ناحية العظيم. وفي قضاء طوزخورماتو، قتل مزارع وأصيب ابنه بقصف بقذائف الهاون استهدف قرية زراعية."),
    ("roundup-2", "roundup", "2024-05-16",
     "أفادت مصادر أمنية، اليوم الخميس، بإصابة أربعة من عناصر الشرطة الاتحادية بانفجار عبوة ناسفة استهدفت عجلتهم في قضاء الحويجة جنوب غربي كركوك. وفي محافظة صلاح الدين، قتل جنديان بانفجار عبوة ناسفة على طريق زراعي في قضاء بلد. وفي محافظة الأنبار، سقطت ثلاث قذائف هاون على أطراف مدينة الفلوجة دون وقوع إصابات."),
    ("roundup-3", "roundup", "2023-11-02",
     "قتل شرطي وأصيب اثنان آخران بهجوم مسلح استهدف نقطة تفتيش في قضاء الدبس غربي كركوك، وفي قضاء خانقين أصيب مدني بانفجار عبوة ناسفة زرعت قرب منزله."),
    ("roundup-4", "roundup", "2024-11-04",
     "أفاد مصدر أمني بأن عبوة ناسفة انفجرت على دورية للشرطة في قضاء المحمودية جنوبي بغداد، ما أدى إلى إصابة شرطيين اثنين. كما انفجرت عبوة ناسفة ثانية قرب سوق في ناحية جلولاء بمحافظة ديالى، أسفرت عن مقتل مدني. كما أصيب ثلاثة جنود بقصف بقذائف الهاون استهدف موقعهم في قضاء داقوق بمحافظة كركوك."),
    ("separate-1", "separate", "2023-10-14",
     "أصيب ثلاثة مدنيين بانفجار عبوة ناسفة في سوق شعبي بقضاء المقدادية صباح اليوم السبت. وفي حادث منفصل، أصيب شرطي بانفجار عبوة ناسفة ثانية في ناحية جلولاء."),
    ("separate-2", "separate", "2022-09-18",
     "أصيب جندي بقصف بقذائف الهاون استهدف موقعا للجيش في قضاء مخمور مساء الأحد. وفي حادث آخر، قتل مدنيان بانفجار عبوة ناسفة في قضاء بيجي."),
    ("transition-1", "transition", "2022-01-03",
     "قتل ثلاثة من عناصر الحشد الشعبي وأصيب اثنان آخران بانفجار عبوة ناسفة استهدفت عجلتهم في قضاء الطارمية شمالي بغداد. إلى ذلك، سقط صاروخا كاتيوشا قرب مطار بغداد الدولي دون وقوع إصابات."),
    ("transition-2", "transition", "2023-06-09",
     "أصيب خمسة مدنيين بانفجار عبوة ناسفة في سوق بمدينة بعقوبة مساء اليوم الجمعة. من جهة أخرى، أكد مصدر طبي أن حصيلة المصابين بالانفجار ارتفعت إلى سبعة جرحى."),
    ("antecedent-1", "antecedent", "2023-07-04",
     "أسقطت الدفاعات الجوية طائرة مسيرة قرب مطار أربيل الدولي فجر اليوم الثلاثاء، وذلك بعد ساعات من هجوم صاروخي استهدف قاعدة عين الأسد الجوية في محافظة الأنبار."),
    ("site-1", "site_reference", "2024-03-13",
     "قتل شرطي وأصيب اثنان آخران بهجوم مسلح استهدف نقطة تفتيش في ناحية العلم التي تبعد 20 كم عن تكريت، مساء الأحد."),
    ("site-2", "site_reference", "2021-04-12",
     "أصيب جنديان بانفجار عبوة ناسفة في ناحية العلم (20 كم شرق تكريت) صباح اليوم الاثنين."),
    ("site-3", "site_reference", "2021-03-01",
     "قتل مدني بانفجار عبوة ناسفة في محافظة ديالى، بحسب مصدر أمني."),
    ("site-4", "site_reference", "2021-02-08",
     "قتل مدني بانفجار عبوة ناسفة في قضاء الخالص بمحافظة ديالى."),
    ("site-5", "site_reference", "2022-08-29",
     "دعا زعيم التيار الصدري مقتدى الصدر إلى التهدئة، بعد أن أصيب ستة متظاهرين بانفجار قنبلة صوتية في منطقة الكرادة ببغداد."),
    ("weekday-1", "weekday", "2024-03-20",
     "أعلنت خلية الإعلام الأمني إصابة ثلاثة جنود بانفجار عبوة ناسفة في قضاء الخالص اليوم الاثنين."),
    ("weekday-2", "weekday", "2023-05-09",
     "قتل مدني بانفجار عبوة ناسفة في قضاء الدبس أمس الأحد."),
    ("weekday-3", "weekday", "2023-06-09",
     "أصيب جندي بقصف بقذائف الهاون على قرية في قضاء مخمور مساء الجمعة."),
    ("weekday-4", "weekday", "2024-06-10",
     "أصيب مدنيان بانفجار عبوة ناسفة في قضاء بلد أمس."),
    ("foiled-1", "foiled", "2024-03-13",
     "أعلنت خلية الإعلام الأمني، اليوم الأربعاء، تفكيك عبوة ناسفة زرعت على طريق عام في قضاء الطارمية شمالي بغداد."),
    ("foiled-2", "foiled", "2023-08-15",
     "أحبطت القوات الأمنية هجوما بطائرة مسيرة مفخخة استهدف قاعدة عين الأسد الجوية في محافظة الأنبار، دون وقوع إصابات."),
    ("while-1", "while_clause", "2024-09-06",
     "قتل شخص وأصيب اثنان آخران، مساء الخميس، بنزاع عشائري في قضاء الشطرة شمالي محافظة ذي قار، فيما أصيب ثلاثة أشخاص بنزاع مماثل في قضاء الرفاعي."),
    ("while-2", "while_clause", "2024-09-07",
     "انفجرت عبوة ناسفة على دورية للشرطة في قضاء المقدادية صباح اليوم السبت، ما أدى إلى مقتل ضابطين، فيما أصيب ثلاثة آخرون بجروح."),
    ("while-3", "while_clause", "2023-02-20",
     "أصيب جنديان بقصف بقذائف الهاون على موقع للجيش في قضاء مخمور اليوم الاثنين، فيما قتل مدني بانفجار عبوة ناسفة في قضاء الحويجة."),
    ("zero-1", "negated_zero", "2024-10-02",
     "سقط صاروخ كاتيوشا قرب قاعدة بلد الجوية فجر اليوم الأربعاء، ولم يسفر الصاروخ عن إصابات، بحسب مصدر أمني."),
    ("zero-2", "negated_zero", "2024-10-03",
     "استهدفت طائرة مسيرة مفخخة مطار أربيل الدولي مساء اليوم الخميس، دون أن تسفر عن خسائر بشرية."),
    ("another-1", "another_victim", "2024-12-02",
     "قتل جندي وأصيب آخر بانفجار عبوة ناسفة استهدفت دورية للجيش في قضاء الطارمية شمالي بغداد مساء اليوم الاثنين."),
    ("another-2", "another_victim", "2024-12-03",
     "قتل شرطيان أحدهما ضابط والآخر منتسب بهجوم مسلح استهدف نقطة تفتيش في قضاء الدبس غربي كركوك فجر اليوم الثلاثاء."),
    ("distributive-1", "distributive", "2024-12-04",
     "أفاد مصدر أمني بمقتل 4 مدنيين في قضاء بلد و2 في قضاء الدجيل بهجوم مسلح لعناصر داعش على قريتين زراعيتين مساء أمس."),
    ("facilities-1", "facility_targets", "2024-12-05",
     "استهدف هجوم بطائرات مسيرة قاعدة عين الأسد الجوية ومطار أربيل الدولي فجر اليوم الخميس، دون وقوع إصابات."),
    ("affiliation-1", "affiliation", "2024-12-05",
     "قتل والي كركوك في تنظيم داعش بضربة جوية لطيران الجيش العراقي على مخبأ في قضاء الحويجة غربي كركوك اليوم الخميس."),
    ("advance-1", "ground_advance", "2024-12-10",
     "تقدمت قطعات الجيش العراقي في أطراف قضاء الشرقاط اليوم الثلاثاء وسط اشتباكات مع عناصر داعش أسفرت عن مقتل 6 من المسلحين."),
    ("intent-1", "intent", "2024-12-15",
     "تستعد القوات العراقية لشن هجوم واسع على مواقع تنظيم داعش في صحراء قضاء الحضر، بحسب ما أعلن قائد العمليات اليوم الأحد."),
    ("intent-2", "intent", "2024-12-16",
     "قتل جنديان بانفجار عبوة ناسفة استهدفت قوة كانت تستعد لاقتحام وكر للمسلحين في قضاء الشرقاط اليوم الاثنين."),
    ("idiom-1", "killing_idiom", "2024-12-17",
     "أودى انفجار عبوة ناسفة زرعت على جانب الطريق بحياة ثلاثة مدنيين في قضاء بلد مساء أمس."),
    ("idiom-2", "killing_idiom", "2024-12-18",
     "لقي شرطيان حتفهما وأصيب ثالث بهجوم مسلح على نقطة تفتيش في قضاء الدبس اليوم الأربعاء."),
    ("assassination-1", "assassination", "2024-12-20",
     "اغتيال ناشط مدني بأسلحة كاتمة للصوت وسط مدينة العمارة اليوم الجمعة."),
    ("attempt-1", "attempt", "2024-12-21",
     "نجا مسؤول محلي من محاولة اغتيال بعبوة لاصقة استهدفت سيارته في قضاء الزبير اليوم السبت."),
    ("embassy-1", "actor_in_name", "2024-12-24",
     "سقطت ثلاثة صواريخ كاتيوشا قرب السفارة الأمريكية في بغداد مساء اليوم الثلاثاء دون وقوع إصابات."),
    ("ago-1", "ago", "2024-12-22",
     "قتل ثلاثة جنود بانفجار عبوة ناسفة في قضاء بلد اليوم الأحد. وقتل جنديان بانفجار عبوة في قضاء الدجيل قبل أسبوع."),
    ("general-1", "general", "2024-03-13",
     "أدان محافظ نينوى الضربات الجوية التركية المتكررة على قضاء سنجار، وطالب الحكومة الاتحادية باتخاذ موقف حازم."),
    ("general-2", "general", "2024-03-13",
     "زار وزير الداخلية قاعدة عين الأسد في محافظة الأنبار، واطلع على الإجراءات المتخذة لمواجهة الهجمات الصاروخية."),
    ("general-3", "general", "2024-03-13",
     "يرى محللون أن الهجمات بالطائرات المسيرة على إقليم كردستان تصاعدت خلال العام الحالي."),
]

# key: (name_en, lat, lon, approx)
PLACES = {
    "tarmiyah": ("Tarmiyah", 33.67, 44.39, False),
    "udhaim": ("al-Udhaim", 34.35, 44.52, True),
    "tuz": ("Tuz Khurmatu", 34.8833, 44.6333, False),
    "hawija": ("Hawija", 35.3167, 43.7667, False),
    "balad": ("Balad", 34.0167, 44.1456, False),
    "fallujah": ("Fallujah", 33.35, 43.7833, False),
    "dibis": ("Dibis", 35.65, 44.07, True),
    "khanaqin": ("Khanaqin", 34.35, 45.3833, False),
    "muqdadiya": ("al-Muqdadiya", 33.9783, 44.9369, False),
    "jalawla": ("Jalawla", 34.2726, 45.1586, False),
    "makhmour": ("Makhmour", 35.7758, 43.5803, False),
    "baiji": ("Baiji", 34.9292, 43.4931, False),
    "baghdad_airport": ("Baghdad International Airport", 33.2625, 44.2346, False),
    "baqubah": ("Baqubah", 33.7466, 44.6437, False),
    "erbil_airport": ("Erbil International Airport", 36.2376, 43.9632, False),
    "ain_asad": ("Ain al-Asad Air Base", 33.7856, 42.4411, False),
    "alam": ("al-Alam", 34.70, 43.70, True),
    "diyala": ("Diyala Governorate", 33.7466, 44.6437, True),
    "khalis": ("al-Khalis", 33.8081, 44.5339, False),
    "karrada": ("Karrada (Baghdad)", 33.30, 44.43, True),
    "shatra": ("al-Shatra", 31.41, 46.17, False),
    "mahmudiya": ("al-Mahmudiya", 33.06, 44.37, False),
    "daquq": ("Daquq", 35.14, 44.45, False),
    "rifai": ("al-Rifai", 31.72, 46.11, False),
    "balad_ab": ("Balad Air Base", 33.94, 44.36, False),
    "dujail": ("al-Dujail", 33.85, 44.23, True),
    "shirqat": ("Shirqat", 35.51, 43.23, False),
    "amarah": ("Amarah", 31.84, 47.14, False),
    "zubair": ("al-Zubair", 30.39, 47.70, False),
    "us_embassy": ("Embassy of the United States in Baghdad", 33.30, 44.40, False),
}

Num = tuple[int | None, int | None] | None
Z: Num = (0, 0)
# (passage id, type, date, precision, killed, wounded, (site surface, k), place key, outcome, note)
INC: list[tuple[str, str, str | None, str | None, Num, Num, tuple[str, int], str, str, str]] = [
    ("roundup-1", "car_bomb", "2024-03-11", "day", (3, 3), (7, 7), ("قضاء الطارمية", 0),
     "tarmiyah", "completed", "first item of the round-up"),
    ("roundup-1", "ied", "2024-03-11", "day", None, (2, 2), ("ناحية العظيم", 0),
     "udhaim", "completed", "«وفي محافظة ديالى،» opens the second item; the sub-district is the site"),
    ("roundup-1", "shelling", "2024-03-11", "day", (1, 1), (1, 1), ("قضاء طوزخورماتو", 0),
     "tuz", "completed", "«وفي قضاء طوزخورماتو،»: a farmer killed, his son wounded"),
    ("roundup-2", "ied", "2024-05-16", "day", None, (4, 4), ("قضاء الحويجة", 0),
     "hawija", "completed", "Kirkuk is a reference («جنوب غربي كركوك»)"),
    ("roundup-2", "ied", "2024-05-16", "day", (2, 2), None, ("قضاء بلد", 0),
     "balad", "completed", "same type as the first item, another governorate: a distinct incident"),
    ("roundup-2", "shelling", "2024-05-16", "day", Z, Z, ("مدينة الفلوجة", 0),
     "fallujah", "completed", "stated zero"),
    ("roundup-3", "armed_attack", "2023-11-02", "day", (1, 1), (2, 2), ("قضاء الدبس", 0),
     "dibis", "completed", "attack on a checkpoint (armed_attack vs armed_clash is a doubt)"),
    ("roundup-3", "ied", "2023-11-02", "day", None, (1, 1), ("قضاء خانقين", 0),
     "khanaqin", "completed", "«، وفي قضاء خانقين» opens a clause-level round-up item"),
    ("roundup-4", "ied", "2024-11-04", "day", None, (2, 2), ("قضاء المحمودية", 0),
     "mahmudiya", "completed", "Baghdad is a reference («جنوبي بغداد»)"),
    ("roundup-4", "ied", "2024-11-04", "day", (1, 1), None, ("ناحية جلولاء", 0),
     "jalawla", "completed", "«كما» opens the next item; Diyala is the container, not a second site"),
    ("roundup-4", "shelling", "2024-11-04", "day", None, (3, 3), ("قضاء داقوق", 0),
     "daquq", "completed", "a district with its own figure and a new kind of event: a third incident"),
    ("separate-1", "ied", "2023-10-14", "day", None, (3, 3), ("قضاء المقدادية", 0),
     "muqdadiya", "completed", ""),
    ("separate-1", "ied", "2023-10-14", "day", None, (1, 1), ("ناحية جلولاء", 0),
     "jalawla", "completed", "«وفي حادث منفصل»; same day"),
    ("separate-2", "shelling", "2022-09-18", "day", None, (1, 1), ("قضاء مخمور", 0),
     "makhmour", "completed", ""),
    ("separate-2", "ied", "2022-09-18", "day", (2, 2), None, ("قضاء بيجي", 0),
     "baiji", "completed", "«وفي حادث آخر»; same day"),
    ("transition-1", "ied", "2022-01-03", "day", (3, 3), (2, 2), ("قضاء الطارمية", 0),
     "tarmiyah", "completed", ""),
    ("transition-1", "rocket_attack", "2022-01-03", "day", Z, Z, ("مطار بغداد الدولي", 0),
     "baghdad_airport", "completed", "«إلى ذلك» opens a second event"),
    ("transition-2", "ied", "2023-06-09", "day", None, (7, 7), ("مدينة بعقوبة", 0),
     "baqubah", "completed", "«من جهة أخرى» continues the same event: the revised toll, one incident"),
    ("antecedent-1", "downed_drone", "2023-07-04", "day", None, None, ("مطار أربيل الدولي", 0),
     "erbil_airport", "foiled", "shot down by air defences"),
    ("antecedent-1", "rocket_attack", "2023-07-04", "day", None, None, ("قاعدة عين الأسد الجوية", 0),
     "ain_asad", "completed", "«وذلك بعد ساعات من هجوم صاروخي»: an earlier, distinct event (same day assumed)"),
    ("site-1", "armed_attack", "2024-03-10", "day", (1, 1), (2, 2), ("ناحية العلم", 0),
     "alam", "completed", "Tikrit is a reference («التي تبعد 20 كم عن تكريت»); Sunday before Wed 13"),
    ("site-2", "ied", "2021-04-12", "day", None, (2, 2), ("ناحية العلم", 0),
     "alam", "completed", "Tikrit is a reference («(20 كم شرق تكريت)»)"),
    ("site-3", "ied", "2021-03-01", "day", (1, 1), None, ("محافظة ديالى", 0),
     "diyala", "completed", "only the governorate is named: it is the site"),
    ("site-4", "ied", "2021-02-08", "day", (1, 1), None, ("قضاء الخالص", 0),
     "khalis", "completed", "the district beats its governorate"),
    ("site-5", "explosion", "2022-08-29", "day", None, (6, 6), ("منطقة الكرادة", 0),
     "karrada", "completed", "«مقتدى الصدر» is a person, not Sadr City"),
    ("weekday-1", "ied", "2024-03-18", "day", None, (3, 3), ("قضاء الخالص", 0),
     "khalis", "completed", "«اليوم الاثنين» in an article of Wednesday 20: Monday 18"),
    ("weekday-2", "ied", "2023-05-07", "day", (1, 1), None, ("قضاء الدبس", 0),
     "dibis", "completed", "«أمس الأحد» in an article of Tuesday 9: the named Sunday"),
    ("weekday-3", "shelling", "2023-06-09", "day", None, (1, 1), ("قضاء مخمور", 0),
     "makhmour", "completed", "«مساء الجمعة» on a Friday: the same day"),
    ("weekday-4", "ied", "2024-06-09", "day", None, (2, 2), ("قضاء بلد", 0),
     "balad", "completed", "«أمس»: the day before publication"),
    ("while-1", "armed_clash", "2024-09-05", "day", (1, 1), (2, 2), ("قضاء الشطرة", 0),
     "shatra", "completed", "a tribal dispute; «مساء الخميس» in an article of Friday 6"),
    ("while-1", "armed_clash", "2024-09-05", "day", None, (3, 3), ("قضاء الرفاعي", 0),
     "rifai", "completed", "«، فيما ... بنزاع مماثل في قضاء الرفاعي»: another site, a similar event"),
    ("while-2", "ied", "2024-09-07", "day", (2, 2), (3, 3), ("قضاء المقدادية", 0),
     "muqdadiya", "completed", "«، فيما أصيب ثلاثة آخرون» only adds a figure: one incident"),
    ("while-3", "shelling", "2023-02-20", "day", None, (2, 2), ("قضاء مخمور", 0),
     "makhmour", "completed", ""),
    ("while-3", "ied", "2023-02-20", "day", (1, 1), None, ("قضاء الحويجة", 0),
     "hawija", "completed", "«، فيما قتل مدني بانفجار عبوة ناسفة في قضاء الحويجة»: another event"),
    ("zero-1", "rocket_attack", "2024-10-02", "day", Z, Z, ("قاعدة بلد الجوية", 0),
     "balad_ab", "completed", "«ولم يسفر الصاروخ عن إصابات»: a negated result clause is a stated zero"),
    ("zero-2", "drone_attack", "2024-10-03", "day", Z, Z, ("مطار أربيل الدولي", 0),
     "erbil_airport", "completed", "«دون أن تسفر عن خسائر بشرية»"),
    ("another-1", "ied", "2024-12-02", "day", (1, 1), (1, 1), ("قضاء الطارمية", 0),
     "tarmiyah", "completed", "«وأصيب آخر»: one more victim, wounded"),
    ("another-2", "armed_attack", "2024-12-03", "day", (2, 2), None, ("قضاء الدبس", 0),
     "dibis", "completed", "«والآخر» is one of the two already counted"),
    ("distributive-1", "armed_attack", "2024-12-03", "day", (4, 4), None, ("قضاء بلد", 0),
     "balad", "completed", "«4 مدنيين في قضاء بلد و2 في قضاء الدجيل»: a toll per place; «مساء أمس»"),
    ("distributive-1", "armed_attack", "2024-12-03", "day", (2, 2), None, ("قضاء الدجيل", 0),
     "dujail", "completed", "the second place's own toll"),
    ("facilities-1", "drone_attack", "2024-12-05", "day", Z, Z, ("قاعدة عين الأسد الجوية", 0),
     "ain_asad", "completed", "two named facilities far apart: two events"),
    ("facilities-1", "drone_attack", "2024-12-05", "day", Z, Z, ("مطار أربيل الدولي", 0),
     "erbil_airport", "completed", "the second target, same attack wave"),
    ("affiliation-1", "air_strike", "2024-12-05", "day", (1, 1), None, ("قضاء الحويجة", 0),
     "hawija", "completed", "«والي كركوك» names a post, not the site; Kirkuk is also a reference"),
    ("advance-1", "armed_clash", "2024-12-10", "day", (6, 6), None, ("قضاء الشرقاط", 0),
     "shirqat", "completed", "«تقدمت قطعات الجيش»: a ground advance with clashes"),
    ("intent-2", "ied", "2024-12-16", "day", (2, 2), None, ("قضاء الشرقاط", 0),
     "shirqat", "completed", "the blast is done; only the raid «كانت تستعد لاقتحام» was intended"),
    ("idiom-1", "ied", "2024-12-16", "day", (3, 3), None, ("قضاء بلد", 0),
     "balad", "completed", "«أودى ... بحياة ثلاثة مدنيين», the subject between verb and «بحياة»; «مساء أمس»"),
    ("idiom-2", "armed_attack", "2024-12-18", "day", (2, 2), (1, 1), ("قضاء الدبس", 0),
     "dibis", "completed", "«لقي شرطيان حتفهما» (a dual subject) «وأصيب ثالث»"),
    ("assassination-1", "assassination", "2024-12-20", "day", (1, 1), None, ("مدينة العمارة", 0),
     "amarah", "completed", "«اغتيال ناشط»: an assassination kills one"),
    ("attempt-1", "assassination", "2024-12-21", "day", None, None, ("قضاء الزبير", 0),
     "zubair", "completed", "«نجا ... من محاولة اغتيال»: nobody killed"),
    ("embassy-1", "rocket_attack", "2024-12-24", "day", Z, Z, ("السفارة الأمريكية في بغداد", 0),
     "us_embassy", "completed", "a place named after an actor is the site; «دون وقوع إصابات»"),
    ("ago-1", "ied", "2024-12-22", "day", (3, 3), None, ("قضاء بلد", 0),
     "balad", "completed", "the Dujail blast «قبل أسبوع» is an earlier event, not coded"),
    ("foiled-1", "ied", "2024-03-13", "day", None, None, ("قضاء الطارمية", 0),
     "tarmiyah", "foiled", "a defused device («تفكيك عبوة ناسفة»)"),
    ("foiled-2", "drone_attack", "2023-08-15", "day", Z, Z, ("قاعدة عين الأسد الجوية", 0),
     "ain_asad", "foiled", "«أحبطت القوات الأمنية هجوما»; stated zero"),
]

NO_INCIDENT: list[str] = ["general-1", "general-2", "general-3", "intent-1"]
# fmt: on

_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ffA-Za-z0-9\u0660-\u0669]")
_CLITICS = "وفبلك"


def find_nth(text: str, surface: str, k: int) -> int:
    """Start of the k-th whole-word occurrence of ``surface`` (proclitics may precede it)."""
    pos, seen = text.find(surface), 0
    while pos >= 0:
        end = pos + len(surface)
        head = text[:pos]
        bare = head.rstrip(_CLITICS)
        before_ok = not bare or not _WORD.match(bare[-1]) and len(head) - len(bare) <= 2
        after_ok = end == len(text) or not _WORD.match(text[end])
        if before_ok and after_ok:
            if seen == k:
                return pos
            seen += 1
        pos = text.find(surface, pos + 1)
    raise ValueError(f"{surface!r} #{k} not found")


def articles() -> list[dict[str, object]]:
    return [
        {"id": pid, "lang": "ar", "outlet": OUTLET, "url": None, "date": date,
         "title": None, "text": text}
        for pid, _, date, text in PASSAGES
    ]  # fmt: skip


def _count(value: Num) -> dict[str, int | None] | None:
    return None if value is None else {"min": value[0], "max": value[1]}


def build() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    texts = {pid: text for pid, _, _, text in PASSAGES}
    kinds = {pid: kind for pid, kind, _, _ in PASSAGES}
    rows: list[dict[str, object]] = []
    for pid, itype, date, prec, killed, wounded, (surf, k), key, outcome, note in INC:
        start = find_nth(texts[pid], surf, k)
        name_en, lat, lon, approx = PLACES[key]
        rows.append(
            {"article_id": pid, "type": itype, "date": date, "date_precision": prec,
             "killed": _count(killed), "wounded": _count(wounded), "place_text": surf,
             "place_start": start, "place_end": start + len(surf), "place_key": key,
             "lat": lat, "lon": lon, "approx": approx,
             "event_key": f"{key}-{itype}-{pid}", "note": note,
             "construction": kinds[pid], "outcome": outcome}
        )  # fmt: skip
    return articles(), rows


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    arts, incidents = build()
    _write(DATA, arts)
    _write(INCIDENTS_OUT, incidents)
    sys.stdout.write(f"{len(arts)} passages, {len(incidents)} incidents\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
