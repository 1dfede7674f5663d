"""A ground advance reported as a battle (sentences written for these tests).

Construction ground_advance: a trigger of scope ``forces`` in
``incident_triggers.tsv`` ("advance", "edge into", "close in on", "gains",
«تقدمت», «توغلت», «استعادت») reports an armed clash (ACLED: Battles,
government regains territory) only with an armed-forces noun
(``armed_forces.tsv``) within three words before it (English) or after it
(Arabic, verb first).  Without one ("oil prices advance") it is no incident.
"""

from __future__ import annotations

import pytest

from factories import extract_text


@pytest.mark.parametrize(
    ("text", "lang", "site"),
    [
        ("Iraqi forces edge into Hit as militants retreat", "en", "Hit"),
        ("Security forces close in on militant-held Shirqat", "en", "Shirqat"),
        ("Iraqi troops make fresh gains in eastern Ramadi", "en", "Ramadi"),
        ("تقدمت القوات العراقية في حي الزنجيلي بمدينة الموصل", "ar", "Zanjili"),
        ("توغلت قطعات الجيش في أطراف قضاء الشرقاط", "ar", "Shirqat District"),
    ],
)
def test_an_advance_by_armed_forces_is_a_battle(
    text: str, lang: str, site: str
) -> None:
    (inc,) = extract_text(text, lang).incidents
    assert inc.type == "armed_clash"
    assert inc.place is not None and inc.place.place is not None
    assert inc.place.place.name_en == site


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Oil prices advance as Basra exports rise", "en"),
        ("Talks on the budget made fresh gains in Erbil on Sunday", "en"),
        (
            "Army officials met in Baghdad and said the reform plan would advance quickly",
            "en",
        ),
        ("تقدمت الحكومة بطلب جديد إلى البرلمان في بغداد", "ar"),
    ],
)
def test_an_advance_without_armed_forces_is_no_incident(text: str, lang: str) -> None:
    assert extract_text(text, lang).incidents == ()
