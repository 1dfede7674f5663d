"""An act prepared, planned or threatened is not an act done (construction
intent: ``non_incident_cues.tsv`` kind ``intent``,
``incidents/boundaries.py::_intended``); sentences written for these tests.

The cue governs a trigger a few words after it («تستعد القوات لشن هجوم»,
"preparing to advance"); a trigger further on, or a casualty figure in the
sentence, still reports an incident."""

from __future__ import annotations

import pytest

from factories import extract_text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Iraqi forces are preparing to advance on Tal Afar, the army said on Monday.",
            "en",
        ),
        ("Militants threatened to attack the Kirkuk oil fields.", "en"),
        ("The army plans to strike militant hideouts near Tal Afar.", "en"),
        ("تستعد القوات العراقية لشن هجوم على قضاء تلعفر غرب الموصل.", "ar"),
        ("هددت الجماعة بقصف قاعدة عين الأسد.", "ar"),
    ],
)
def test_an_intended_act_is_no_incident(text: str, lang: str) -> None:
    assert extract_text(text, lang).incidents == ()


def test_a_trigger_beyond_the_intent_is_an_incident() -> None:
    text = (
        "Iraqi forces preparing to advance on Tal Afar were hit by a car bomb on "
        "Monday, police said."
    )
    (inc,) = extract_text(text, "en").incidents
    assert inc.type == "car_bomb"


@pytest.mark.parametrize(
    ("text", "lang", "kind", "killed"),
    [
        ("Forces preparing to storm Tal Afar killed 12 militants in air strikes on "
         "Monday.", "en", "air_strike", 12),
        ("قتل خمسة جنود بانفجار عبوة ناسفة استهدفت قوة كانت تستعد لاقتحام قضاء تلعفر.",
         "ar", "ied", 5),
    ],
)  # fmt: skip
def test_an_intent_beside_a_casualty_figure_is_an_incident(
    text: str, lang: str, kind: str, killed: int
) -> None:
    (inc,) = extract_text(text, lang).incidents
    assert inc.type == kind and inc.killed.min == killed
