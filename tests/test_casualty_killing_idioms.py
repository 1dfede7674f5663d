"""Arabic killing idioms and assassinations (sentences written for these tests).

* cue: «أودى/يودي ... بحياة N» (claimed the lives of N), with the subject
  between the verb and «بحياة»; «لقي شخصان حتفهما» (a dual subject);
* singular: an assassination kills one unless a figure says otherwise
  («اغتيال ناشط»);
* attempt: a killing cue right after «محاولة» is an attempt that killed
  nobody («نجا من محاولة اغتيال»).
"""

from __future__ import annotations

import pytest

from factories import extract_text


def _killed(text: str) -> int | None:
    return _toll(text)[0]


def _toll(text: str) -> tuple[int | None, int | None]:
    """Killed and wounded (lower bounds) of the one incident of an Arabic text."""
    (inc,) = extract_text(text, "ar").incidents
    return inc.killed.min, inc.wounded.min


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("أودى انفجار سيارة مفخخة بحياة 4 مدنيين في الموصل.", 4),
        ("هجوم لداعش يودي بحياة ثلاثة جنود في كركوك.", 3),
        ("لقي شخصان حتفهما بانفجار عبوة ناسفة في قضاء بلد.", 2),
        ("لقيت امرأة حتفها بسقوط قذيفة هاون في قضاء طوزخورماتو.", 1),
    ],
)
def test_killing_idioms(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("اغتيال ناشط بأسلحة كاتمة للصوت في العمارة.", 1),
        ("اغتيال ثلاثة ناشطين بهجوم مسلح في البصرة.", 3),
    ],
)
def test_an_assassination_kills_one_unless_a_figure_says_otherwise(
    text: str, killed: int
) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    "text",
    [
        "نجا مسؤول محلي من محاولة اغتيال بعبوة لاصقة في البصرة.",
        "تعرض ناشط لمحاولة اغتيال في العمارة.",
    ],
)
def test_an_assassination_attempt_kills_nobody(text: str) -> None:
    assert _killed(text) is None


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # cue: present-tense verbs of headlines
        ("غارة جوية تستهدف اجتماعا لقيادات داعش في جبال حمرين وتقتل 5 منهم.", 5, None),
        ("انفجار عبوة ناسفة يقتل ثلاثة مدنيين في قضاء بلد.", 3, None),
        ("قذيفة هاون تصيب طفلين في ناحية العظيم.", None, 2),
    ],
)
def test_present_tense_verbs_of_headlines(
    text: str, killed: int | None, wounded: int | None
) -> None:
    assert _toll(text) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # construction possessed_one: a victim noun with a possessive suffix
        (
            "انفجار عبوة ناسفة على عجلة مدنية في قضاء خانقين أدى إلى إصابة سائقها.",
            None,
            1,
        ),
        (
            "انفجرت عبوة ناسفة على سيارة مختار قرية في قضاء الدبس، ما أدى إلى مقتل سائقه.",
            1,
            None,
        ),
    ],
)
def test_a_victim_noun_with_a_possessive_suffix_is_one(
    text: str, killed: int | None, wounded: int | None
) -> None:
    assert _toll(text) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "perpetrators"),
    [
        # construction vso_subject: verb, attackers as subject, then the object
        ("قتل مسلحون مجهولون صاحب محل لبيع المشروبات في بغداد.", 1, None),
        ("قتل مسلحون ثلاثة مدنيين في هجوم على قرية في قضاء المقدادية.", 3, None),
        # no object after them: the attackers are the dead (victims_attackers)
        ("قتل ثلاثة مسلحين في اشتباك مع القوات الأمنية في قضاء الطارمية.", 3, 3),
    ],
)
def test_the_object_after_an_attacker_subject_is_the_count(
    text: str, killed: int, perpetrators: int | None
) -> None:
    (inc,) = extract_text(text, "ar").incidents
    assert (inc.killed.min, inc.killed_perpetrators.min) == (killed, perpetrators)


@pytest.mark.parametrize(
    "text",
    [
        # cue: «فارق الحياة» (departed life), «توفي متأثرا بجراحه» (died of his wounds)
        "أطلق مسلحون النار على ناشط في الناصرية، وأكد مصدر أن الناشط فارق الحياة.",
        "أصيب شرطي بانفجار عبوة في الموصل، ثم توفي متأثرا بجراحه في المستشفى.",
    ],
)
def test_died_idioms_count_one(text: str) -> None:
    (inc,) = extract_text(text, "ar").incidents
    assert inc.killed.min == 1
