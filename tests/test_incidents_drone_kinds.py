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


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # construction state_strike: «ضربة» with a state's adjective is an air strike
        ("ضربة تركية تستهدف سيارة في قضاء سنجار وتقتل ثلاثة.", "Turkey"),
        ("قتل قيادي في فصيل مسلح بضربة أمريكية قرب قضاء القائم.", "United States"),
    ],
)
def test_a_state_strike_is_an_air_strike(text: str, perpetrator: str) -> None:
    (inc,) = extract_text(text).incidents
    assert inc.type == "air_strike"
    assert inc.attribution.perpetrator == perpetrator


def test_a_strike_without_a_state_is_no_trigger() -> None:
    assert extract_text("وجه اللاعب ضربة قوية إلى الكرة في ملعب بغداد.").incidents == ()
