"""Drone attack or drone strike, by the Arabic noun phrase (sentences written
for these tests): «هجوم بطائرة مسيرة» is "a drone attack" (``drone_attack``,
an armed group's drone), «ضربة بطائرة مسيرة» is "a drone strike"
(``drone_strike``), as in English ("drone attack" / "drone strike";
``incident_triggers.tsv``)."""

from __future__ import annotations

import pytest

from factories import extract_text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("استهدف هجوم بطائرات مسيرة قاعدة عين الأسد الجوية فجر اليوم.", "drone_attack"),
        ("تعرض مطار أربيل الدولي لهجوم بطائرة مسيرة مساء أمس.", "drone_attack"),
        (
            "قتل قيادي في فصيل مسلح بضربة بطائرة مسيرة استهدفت سيارته في قضاء القائم.",
            "drone_strike",
        ),
    ],
)
def test_arabic_drone_noun_phrase_gives_the_kind(text: str, kind: str) -> None:
    (inc,) = extract_text(text).incidents
    assert inc.type == kind
