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
    (inc,) = extract_text(text, "ar").incidents
    return inc.killed.min


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
