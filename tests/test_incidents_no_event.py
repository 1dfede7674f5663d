"""Sentences that say no attack happened, and short forms of devices, gunfire
and "without injuries" (sentences written for these tests).

* no_event: a denial that any attack took place («نفى وقوع أي هجوم») or a
  controlled detonation of old ordnance is no incident, wherever the cue
  stands in the sentence; a denial of responsibility is not such a cue;
* «برصاص مجهولين» (by the gunfire of unknown men) is an armed attack; a bare
  «عبوة» (device) is an IED;
* «دون إصابات» / "without injuries" is a stated zero.
"""

from __future__ import annotations

import pytest

from kharita.models import Article, ArticleResult, Count
from kharita.pipeline import extract_article


def _run(text: str, lang: str = "ar") -> ArticleResult:
    return extract_article(Article(id="n", text=text, lang=lang, date="2031-06-10"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("نفى الناطق العسكري وقوع أي هجوم على قاعدة التاجي صباح اليوم.", "ar"),
        ("أكد مصدر أن الانفجار الذي سمع قرب قاعدة التاجي ناجم عن تفجير مسيطر عليه "
         "لمخلفات حربية.", "ar"),
        ("The blast heard near Taji base was a controlled detonation of old munitions, "
         "the army said.", "en"),
    ],
)  # fmt: skip
def test_no_event_sentence_is_no_incident(text: str, lang: str) -> None:
    assert _run(text, lang).incidents == ()


def test_denial_of_responsibility_keeps_the_incident() -> None:
    text = (
        "قتل شخص بغارة جوية على قاعدة كالسو شمالي بابل، "
        "ونفت الولايات المتحدة مسؤوليتها عن الغارة."
    )
    (inc,) = _run(text).incidents
    assert inc.type == "air_strike"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("قتل شاب برصاص مجهولين في منطقة البلديات ببغداد.", "armed_attack"),
        ("انفجرت عبوة على طريق زراعي في قضاء الطارمية.", "ied"),
    ],
)
def test_gunfire_and_device_short_forms(text: str, kind: str) -> None:
    (inc,) = _run(text).incidents
    assert inc.type == kind


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("انفجرت عبوة ناسفة في منطقة الدورة جنوبي بغداد دون إصابات.", "ar"),
        ("A roadside bomb went off in Dora, south Baghdad, without injuries.", "en"),
    ],
)
def test_without_injuries_is_zero(text: str, lang: str) -> None:
    (inc,) = _run(text, lang).incidents
    assert (inc.killed, inc.wounded) == (Count(0, 0), Count(0, 0))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # construction trial: the old attack's figures make no incident
        ("A court in Baghdad sentenced a man to death for the 2016 Karrada bombing.", "en"),
        ("أصدرت المحكمة الجنائية المركزية حكما بالإعدام بحق مدان بتفجير الكرادة عام 2016.", "ar"),
        # commemoration, debate, trend: strikes in general
        ("Families marked the anniversary of the Camp Speicher massacre in Tikrit on Sunday.", "en"),
        ("Parliament discussed the drone attacks on Erbil airport on Tuesday.", "en"),
        ("ناقش البرلمان الهجمات بالطائرات المسيرة على مطار أربيل.", "ar"),
        ("Iraq has seen a sharp decline in bombings since 2017, officials say.", "en"),
        ("شهدت بغداد انخفاضا كبيرا في التفجيرات منذ عام 2017.", "ar"),
    ],
)  # fmt: skip
def test_trials_commemorations_debates_and_trends_are_no_incident(
    text: str, lang: str
) -> None:
    assert _run(text, lang).incidents == ()


@pytest.mark.parametrize(
    ("text", "lang", "killed"),
    [
        # the cue after the trigger does not govern it
        ("Gunmen killed a judge who had sentenced militants in Baghdad.", "en", 1),
        ("استهدف تفجير انتحاري زوارا يحيون ذكرى عاشوراء في كربلاء ما أسفر عن مقتل 20 شخصا.",
         "ar", 20),
    ],
)  # fmt: skip
def test_a_trial_or_commemoration_word_after_the_event_is_no_cue(
    text: str, lang: str, killed: int
) -> None:
    (inc,) = _run(text, lang).incidents
    assert inc.killed == Count(killed, killed)


@pytest.mark.parametrize(
    "text",
    [
        # construction not_a_trigger: the trigger word inside a phrase naming no event
        "دعا الزعيمان إلى وقف فوري لإطلاق النار في المدينة.",
        "تتحدث المصادر عن اتفاق وقف إطلاق نار لمدة عام.",
        "يمكن أن تثير الإجراءات شكاوى من المسافرين ضد شركات الطيران في بغداد.",
        "فرضت منطقة يحظر على الطيران العراقي التحليق فيها شمالي البلاد.",
        # sports (statement rows): a team's attack is no attack
        "في مباراة الأمس شن الفريق هجوما قويا على مرمى الخصم في بغداد.",
        "تقدم اللاعب إلى خط الهجوم في ملعب البصرة.",
    ],
)
def test_trigger_words_that_name_no_event(text: str) -> None:
    assert _run(text).incidents == ()


def test_fire_opened_on_a_patrol_is_still_an_attack() -> None:
    (inc,) = _run("تعرضت دورية للشرطة لإطلاق النار في قضاء المقدادية.").incidents
    assert inc.type == "armed_attack"
