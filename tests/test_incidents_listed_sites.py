"""Listed sites in one clause: one incident per site, and a toll stated for the
sites together shared, never repeated (sentences written for these tests)."""

from __future__ import annotations

import pytest

from kharita.models import Article, Count
from kharita.pipeline import extract_article


def _incidents(text: str) -> list[tuple[str, str | None, Count]]:
    result = extract_article(Article(id="t", text=text, lang=None, date="2031-03-10"))
    return sorted(
        (i.type, i.place.place.name_en if i.place and i.place.place else None, i.killed)
        for i in result.incidents
    )


@pytest.mark.parametrize(
    "text",
    [
        # construction dual_event_noun: «سيارتان مفخختان» is the car bomb's dual
        "انفجرت سيارتان مفخختان في كركوك والبصرة ما أسفر عن مقتل 30 شخصا.",
        # construction plural_event_noun: «سيارات مفخخة»
        "انفجرت سيارات مفخخة في كركوك والبصرة ما أسفر عن مقتل 30 شخصا.",
    ],
)
def test_listed_sites_arabic_share_one_toll(text: str) -> None:
    # construction listed_sites_and + shared_toll: two car bombs, one site each,
    # the 30 dead belong to both together (0..30 each, flagged vague)
    found = _incidents(text)
    assert [(kind, site) for kind, site, _ in found] == [
        ("car_bomb", "Basra"),
        ("car_bomb", "Kirkuk"),
    ]
    assert [k for _, _, k in found] == [Count(0, 30), Count(0, 30)]
    assert all(k.vague for _, _, k in found)


def test_listed_sites_own_figure_is_kept() -> None:
    # a site told with its own figure in its own sentence keeps that figure
    found = _incidents(
        "قتل 4 أشخاص بانفجار سيارة مفخخة في كركوك. "
        "وفي البصرة، قتل شخصان بانفجار عبوة ناسفة."
    )
    assert sorted((site or "", k.min, k.max) for _, site, k in found) == [
        ("Basra", 2, 2),
        ("Kirkuk", 4, 4),
    ]


def test_listed_sites_zero_is_everyones() -> None:
    # an explicit zero stated for both sites holds for each («دون وقوع إصابات»)
    found = _incidents("انفجرت عبوتان ناسفتان في كركوك والبصرة دون وقوع إصابات.")
    assert [site for _, site, _ in found] == ["Basra", "Kirkuk"]
    assert [k for _, _, k in found] == [Count(0, 0), Count(0, 0)]
