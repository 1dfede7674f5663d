"""English wire headlines, second round: one test per construction (sentences
written for these tests).

* aerial subject + the verb "bomb" ("Air force bombs ...") is an air strike,
  not a roadside bomb;
* "bomber" alone is a suicide bomber in wire usage;
* "overrun" reports a battle;
* "die"/"dies", "hurt", "shoot(s) dead", "gun(s) down" are casualty verbs;
* bare_person: a headline's singular victim without an article is one
  ("Sniper kills army officer", "Policeman killed in Kut");
* headline_clauses: two comma-coordinated clauses, each with its own trigger
  and place, are two incidents, each with the figures of its own clause.
"""

from __future__ import annotations

import pytest

from kharita.models import Article, ArticleResult, Count
from kharita.pipeline import extract_article


def _run(text: str) -> ArticleResult:
    return extract_article(Article(id="w", text=text, lang="en", date="2031-03-10"))


def _one(text: str) -> tuple[str, Count, Count]:
    (inc,) = _run(text).incidents
    return inc.type, inc.killed, inc.wounded


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Iraqi air force bombs militant hideouts near Hawija", "air_strike"),
        ("Warplanes bomb a weapons depot west of Qaim", "air_strike"),
        ("Bombs wound 9 in Hilla", "ied"),  # the noun is still a bomb
        ("Bomber on a motorbike kills four at a market in Tuz", "suicide_bombing"),
        ("Militants overrun an army post near Baiji", "armed_clash"),
        ("Gunmen shoot dead a shopkeeper in Kut", "armed_attack"),
    ],
)
def test_wire_verbs_type(text: str, kind: str) -> None:
    assert _one(text)[0] == kind


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Four soldiers die as a house explodes in Ramadi", Count(4, 4), Count()),
        ("Two killed, 14 hurt as a bomb hits a Kut market", Count(2, 2), Count(14, 14)),
        ("Gunmen shoot dead three farmers near Hawija", Count(3, 3), Count()),
        ("Militants gun down two policemen in Tarmiya", Count(2, 2), Count()),
    ],
)
def test_wire_casualty_verbs(text: str, killed: Count, wounded: Count) -> None:
    _, k, w = _one(text)
    assert (k, w) == (killed, wounded)


@pytest.mark.parametrize(
    "text",
    [
        "Sniper kills Iraqi army officer in Ramadi",
        "Roadside bomb kills police colonel in Kirkuk",
        "Policeman killed in bomb blast in Kut",
        "Soldier was killed by a sniper near Baiji",
    ],
)
def test_bare_person_is_one(text: str) -> None:
    assert _one(text)[1] == Count(1, 1)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a figure is still read first; a plural is not one
        ("Bomb kills officer and 3 soldiers in Kut", Count(4, 4)),
        ("Sniper kills policemen in Ramadi", Count()),
        # a preposition between the verb and the noun: the noun is not the victim
        ("Soldiers killed in attack on officer's house in Kut", Count()),
    ],
)
def test_bare_person_limits(text: str, killed: Count) -> None:
    assert _one(text)[1] == killed


def test_headline_clauses_two_incidents_own_figures() -> None:
    result = _run("Troops kill 12 militants in Baiji, repel an offensive in Kirkuk")
    by_site = {
        i.place.place.name_en: i.killed
        for i in result.incidents
        if i.place is not None and i.place.place is not None
    }
    assert by_site == {"Baiji": Count(12, 12), "Kirkuk": Count()}


def test_headline_clauses_need_a_trigger_in_the_second_clause() -> None:
    # "..., officials say in Baghdad": the second clause reports no event
    result = _run("Car bomb kills 5 in Kut, officials say in Baghdad")
    assert [
        i.place.place.name_en for i in result.incidents if i.place and i.place.place
    ] == ["Kut"]
    assert result.incidents[0].killed == Count(5, 5)


def test_comma_between_place_and_its_governorate_is_not_a_clause() -> None:
    (inc,) = _run("Roadside bomb kills 3 in Qurna, Basra").incidents
    assert inc.killed == Count(3, 3)
