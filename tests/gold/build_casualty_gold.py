"""Build the casualty-construction gold set (run: python tests/gold/build_casualty_gold.py).

The passages in :data:`PASSAGES` are ORIGINAL test sentences written for kharita: fictional
events at real Iraqi towns, one casualty construction each (digits, number words, duals,
minimum, range, zero, combined tolls, vague quantities, revisions, background figures,
victims vs attackers). They copy no outlet. This script is the source of truth for:

- ``tests/data/casualty_constructions.jsonl``  the passages (articles)
- ``tests/gold/casualty_constructions.jsonl``  one incident per passage, in the incident gold
  format plus ``construction`` and ``casualties`` (the combined killed+wounded toll)

Score with ``kharita eval tests/gold/casualty_constructions.jsonl --articles
tests/data/casualty_constructions.jsonl``: ``by_construction`` gives casualty_exact per
construction. Counts follow ``tests/gold/README.md``; a vague quantity is its entailed lower
bound, open above, with ``"vague": true``.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "casualty_constructions.jsonl"
GOLD = HERE / "casualty_constructions.jsonl"
OUTLET = "kharita test passage"
FIRST_DAY = date(2025, 1, 1)  # passage n is dated 3n days later: distinct events

# fmt: off
# place surface -> (lat, lon): the town's published point
PLACES: dict[str, tuple[float, float]] = {
    "الحلة": (32.4637, 44.4196), "كركوك": (35.4681, 44.3922), "Samarra": (34.1959, 43.8857),
    "سامراء": (34.1959, 43.8857), "بيجي": (34.9292, 43.4888), "Baqubah": (33.754, 44.6052),
    "الرمادي": (33.4206, 43.3078), "Karbala": (32.616, 44.0249), "المقدادية": (33.9786, 44.9369),
    "الموصل": (36.335, 43.1189), "Mosul": (36.335, 43.1189), "الفلوجة": (33.3491, 43.786),
    "سنجار": (36.3209, 41.8766), "الكوت": (32.5128, 45.8182), "حديثة": (34.1366, 42.3773),
    "الطارمية": (33.6744, 44.3958), "Tikrit": (34.6158, 43.6786), "Basra": (30.5085, 47.7804),
    "مطار بغداد الدولي": (33.2625, 44.2346), "الخالص": (33.8512, 44.5205), "Kirkuk": (35.4681, 44.3922),
    "Hillah": (32.4637, 44.4196), "Fallujah": (33.3491, 43.786), "Ramadi": (33.4206, 43.3078),
    "Baiji": (34.9292, 43.4888), "Haditha": (34.1366, 42.3773), "بعقوبة": (33.754, 44.6052),
    "Kut": (32.5128, 45.8182),
}

Num = tuple[int | None, int | None] | tuple[int | None, int | None, bool] | None

# (id, lang, construction, type, place surface, killed, wounded, casualties, text)
PASSAGES: list[tuple[str, str, str, str, str, Num, Num, Num, str]] = [
    ("cas-01", "ar", "digits", "ied", "الحلة", (3, 3), (7, 7), None,
     "انفجرت عبوة ناسفة صباح اليوم في سوق شعبي وسط مدينة الحلة، ما أسفر عن مقتل 3 أشخاص وإصابة 7 آخرين بجروح."),
    ("cas-02", "ar", "digits", "car_bomb", "كركوك", (4, 4), (12, 12), None,
     "أعلنت الشرطة أن سيارة مفخخة انفجرت قرب مرآب للنقل في مدينة كركوك، وأسفر الانفجار عن مقتل ٤ مدنيين وإصابة ١٢ آخرين."),
    ("cas-03", "en", "digits", "ied", "Samarra", (4, 4), (9, 9), None,
     "A roadside bomb exploded near a market in Samarra, killing 4 people and wounding 9 others, police said."),
    ("cas-04", "ar", "number_word", "ied", "بيجي", (3, 3), (5, 5), None,
     "قُتل ثلاثة من عناصر الشرطة وأصيب خمسة آخرون بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء بيجي."),
    ("cas-05", "en", "number_word", "armed_attack", "Baqubah", (5, 5), (2, 2), None,
     "Gunmen opened fire on a minibus near Baqubah, killing five passengers and injuring two."),
    ("cas-06", "ar", "dual", "ied", "سامراء", None, (2, 2), None,
     "انفجرت عبوة ناسفة على طريق زراعي في مدينة سامراء، ما أسفر عن إصابة جنديين بجروح."),
    ("cas-07", "ar", "dual", "shelling", "المقدادية", (2, 2), (2, 2), None,
     "سقطت قذائف هاون على قرية تابعة لقضاء المقدادية، ما أدى إلى مقتل شخصين وإصابة طفلين."),
    ("cas-08", "en", "dual", "ied", "Fallujah", (2, 2), None, None,
     "An IED hit a car on the outskirts of Fallujah, killing both men inside."),
    ("cas-09", "ar", "minimum", "suicide_bombing", "الرمادي", (6, None), (21, None), None,
     "قُتل ما لا يقل عن 6 أشخاص وأصيب أكثر من 20 آخرين في تفجير انتحاري استهدف سوقاً في مدينة الرمادي."),
    ("cas-10", "en", "minimum", "suicide_bombing", "Karbala", (7, None), (16, None), None,
     "At least 7 people were killed and more than 15 wounded when a suicide bomber blew himself up at a market in Karbala."),
    ("cas-11", "ar", "range", "armed_attack", "الطارمية", (3, 5), None, None,
     "هاجم مسلحون موقعاً للحشد الشعبي في قضاء الطارمية، وتحدثت المصادر عن مقتل 3 إلى 5 من عناصر الحشد."),
    ("cas-12", "en", "range", "shelling", "Mosul", (3, 5), None, None,
     "Mortar shells hit a village west of Mosul, killing 3-5 people, according to local officials."),
    ("cas-13", "ar", "zero", "rocket_attack", "مطار بغداد الدولي", (0, 0), (0, 0), None,
     "سقطت ثلاثة صواريخ كاتيوشا قرب مطار بغداد الدولي دون وقوع إصابات."),
    ("cas-14", "ar", "zero", "ied", "الخالص", (0, 0), (0, 0), None,
     "انفجرت عبوة ناسفة على جانب طريق في قضاء الخالص، ولم يسفر الانفجار عن خسائر بشرية."),
    ("cas-15", "en", "zero", "rocket_attack", "Kirkuk", (0, 0), (0, 0), None,
     "A rocket landed inside a military base near Kirkuk; no one was hurt."),
    ("cas-16", "en", "zero", "shelling", "Hillah", (0, 0), (0, 0), None,
     "Mortar rounds hit an empty field in Hillah. No casualties were reported."),
    ("cas-17", "ar", "combined", "car_bomb", "الموصل", None, None, (12, 12),
     "أسفر انفجار سيارة مفخخة في مدينة الموصل عن سقوط 12 بين قتيل وجريح."),
    ("cas-18", "ar", "combined", "suicide_bombing", "بعقوبة", None, None, (45, 45),
     "خلّف التفجير الانتحاري الذي استهدف سوقاً في مدينة بعقوبة 45 قتيلاً وجريحاً."),
    ("cas-19", "en", "combined", "car_bomb", "Basra", None, None, (12, 12),
     "A car bomb in Basra left 12 people killed or wounded."),
    ("cas-20", "en", "combined", "ied", "Kirkuk", None, None, (20, 20),
     "The bomb blast at a bus station in Kirkuk caused 20 casualties, officials said."),
    ("cas-21", "ar", "vague", "car_bomb", "الفلوجة", None, (20, None, True), None,
     "أدى انفجار سيارة مفخخة في مدينة الفلوجة إلى سقوط العشرات من الجرحى."),
    ("cas-22", "ar", "vague", "shelling", "سنجار", None, (2, None, True), None,
     "أصيب عدد من المدنيين بقصف مدفعي استهدف قرية في قضاء سنجار."),
    ("cas-23", "en", "vague", "car_bomb", "Ramadi", None, (24, None, True), None,
     "Dozens of people were wounded when a car bomb exploded in Ramadi."),
    ("cas-24", "en", "vague", "ied", "Tikrit", (1, None, True), None, None,
     "Several soldiers were killed in a roadside bombing in Tikrit."),
    ("cas-25", "ar", "revision", "car_bomb", "الكوت", (9, 9), None, None,
     "انفجرت سيارة مفخخة في مدينة الكوت، ما أسفر عن مقتل 5 أشخاص. وفي وقت لاحق ارتفعت حصيلة ضحايا التفجير إلى 9 قتلى."),
    ("cas-26", "en", "revision", "suicide_bombing", "Samarra", (11, 11), None, None,
     "A suicide bombing at a mosque in Samarra killed 6 people. The death toll later rose to 11."),
    ("cas-27", "ar", "background", "ied", "حديثة", (1, 1), None, None,
     "انفجرت عبوة ناسفة بدورية للشرطة في قضاء حديثة، ما أدى إلى مقتل شرطي. ومنذ عام 2014 قُتل أكثر من 40 من رجال الشرطة في القضاء."),
    ("cas-28", "ar", "background", "armed_attack", "المقدادية", (2, 2), None, None,
     "قُتل شخصان بهجوم مسلح في قضاء المقدادية، وهي منطقة تشهد نزاعاً عشائرياً منذ عام 2005."),
    ("cas-29", "en", "background", "ied", "Baiji", (2, 2), None, None,
     "A roadside bomb killed two soldiers near Baiji, adding to the 3,000 killed in the province since 2014."),
    ("cas-30", "ar", "victims_attackers", "armed_clash", "الطارمية", (5, 5), None, None,
     "هاجم مسلحون نقطة تفتيش للجيش في قضاء الطارمية، ما أسفر عن مقتل 3 جنود، فيما قُتل 2 من المسلحين خلال الاشتباك."),
    ("cas-31", "en", "victims_attackers", "armed_attack", "Haditha", (6, 6), None, None,
     "Gunmen attacked a police station in Haditha, killing four policemen. Two of the attackers were killed in the exchange of fire."),
    ("cas-32", "en", "victims_attackers", "armed_clash", "Kut", (3, None), None, None,
     "Security forces clashed with gunmen near Kut and at least three gunmen were killed."),
]
# fmt: on


def _count(value: Num) -> dict[str, int | bool | None] | None:
    if value is None:
        return None
    out: dict[str, int | bool | None] = {"min": value[0], "max": value[1]}
    if len(value) == 3 and value[2]:
        out["vague"] = True
    return out


def build() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    articles: list[dict[str, object]] = []
    gold: list[dict[str, object]] = []
    for n, row in enumerate(PASSAGES):
        aid, lang, construction, type_, place, killed, wounded, both, text = row
        day = (FIRST_DAY + timedelta(days=3 * n)).isoformat()
        articles.append({"id": aid, "lang": lang, "outlet": OUTLET, "url": None,
                         "date": day, "title": None, "text": text})  # fmt: skip
        start = text.index(place)
        lat, lon = PLACES[place]
        gold.append({
            "article_id": aid, "type": type_, "date": day, "date_precision": "day",
            "killed": _count(killed), "wounded": _count(wounded), "casualties": _count(both),
            "place_text": place, "place_start": start, "place_end": start + len(place),
            "lat": lat, "lon": lon, "approx": False, "event_key": aid,
            "construction": construction, "note": "",
        })  # fmt: skip
    return articles, gold


def _lines(rows: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main() -> int:
    articles, gold = build()
    DATA.write_text(_lines(articles), encoding="utf-8")
    GOLD.write_text(_lines(gold), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
