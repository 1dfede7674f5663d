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
        # an infiltration repelled, an aircraft downed: a clash
        ("Troops repel an IS infiltration near Baiji", "armed_clash"),
        ("Iraqi jets hit a militant convoy near Fallujah", "air_strike"),
        ("IS downs army helicopter near Baiji", "armed_clash"),
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
        ('Militants "burn to death" 7 villagers near Hawija', Count(7, 7), Count()),
        ("Four shepherds burned to death near Samarra", Count(4, 4), Count()),
        ("Militants behead 3 shepherds near Tuz", Count(3, 3), Count()),
        # "lost their lives" reads back; "shot dead" reads forward, then back, else one
        ("Eight people lost their lives in a blast in Kirkuk", Count(8, 8), Count()),
        (
            "Police found the bodies of four men shot dead in Mosul",
            Count(4, 4),
            Count(),
        ),
        ("A judge was shot dead in Amara", Count(1, 1), Count()),
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


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # listed_groups: groups before a passive cue add up
        ("Two soldiers and three militants killed in Tikrit", Count(5, 5)),
        (
            "Two Iraqi soldiers, three militants killed in clashes near Tikrit",
            Count(5, 5),
        ),
        ("A soldier and two civilians killed in a Kut blast", Count(3, 3)),
        # listed_groups: groups after the cue, joined by a comma or "and"
        ("Bomb kills two Iraqi soldiers, three civilians in Kut", Count(5, 5)),
        ("Gunmen kill a policeman and his son in Basra", Count(2, 2)),
        # a comma before "a"/"the" is not a list ("..., a source said")
        (
            "A mortar round hit a base near Tikrit, wounding a soldier, a source said",
            Count(),
        ),
        # a year or a span of time before the comma is no group
        ("Two years after the battle, three killed in a Kut blast", Count(3, 3)),
    ],
)
def test_listed_groups(text: str, killed: Count) -> None:
    assert _one(text)[1] == killed


def test_listed_groups_keep_a_stated_wounded_figure() -> None:
    assert _one(
        "A mortar round hit a base near Tikrit, wounding a soldier, a source said"
    )[2] == Count(1, 1)


@pytest.mark.parametrize(
    ("text", "by_site"),
    [
        # gapping: the cue is left out before the next place's figure
        (
            "Blast kills 5 in Kut, 2 in Hilla",
            {"Kut": Count(5, 5), "Hillah": Count(2, 2)},
        ),
        (
            "Car bombs kill 12 in Baghdad, five in Kirkuk, 3 in Mosul",
            {"Baghdad": Count(12, 12), "Kirkuk": Count(5, 5), "Mosul": Count(3, 3)},
        ),
        # one toll for three listed sites: each holds a share, never the whole
        (
            "Car bombs kill 12 in Baghdad, Kirkuk and Mosul",
            {n: Count(0, 12, vague=True) for n in ("Baghdad", "Kirkuk", "Mosul")},
        ),
    ],
)
def test_figures_per_listed_site(text: str, by_site: dict[str, Count]) -> None:
    got = {
        i.place.place.name_en: i.killed
        for i in _run(text).incidents
        if i.place is not None and i.place.place is not None
    }
    assert got == by_site


def test_listed_groups_of_victims_and_attackers_keep_their_classes() -> None:
    (inc,) = _run(
        "Two militants and three soldiers killed in a clash near Baiji"
    ).incidents
    assert (inc.killed, inc.killed_perpetrators) == (Count(5, 5), Count(2, 2))


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # clause_figure: a figure opening a reported clause is read back from its cue
        (
            "Troops pushed into western Mosul, and a commander said at least 20 "
            "Islamic State militants were killed in the fighting",
            Count(20, None),
        ),
        (
            "Police in Kut said that four Iraqi army soldiers were killed by a bomb",
            Count(4, 4),
        ),
    ],
)
def test_figure_opening_a_reported_clause(text: str, killed: Count) -> None:
    assert _one(text)[1] == killed


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # aside: ", including ...," between the figure and its cue
        (
            "Nine tourists, including a child, were killed and 23 wounded when "
            "shells hit a resort in Zakho",
            Count(9, 9),
            Count(23, 23),
        ),
        # a group joined by "and" belongs to the cue of its own clause, even past
        # a long noun phrase
        (
            "A contractor was killed and several U.S. service members and Iraqi "
            "personnel were wounded in a rocket attack on a base near Kirkuk",
            Count(1, 1),
            Count(),
        ),
    ],
)
def test_aside_and_long_conjunct(text: str, killed: Count, wounded: Count) -> None:
    _, k, w = _one(text)
    assert (k, w) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Seven policemen among 12 dead in Ramadi attacks",
            Count(12, 12),
        ),  # among_total
        (
            "Car bomb kills 12 in Ramadi, among them seven policemen",
            Count(12, 12),
        ),  # subset
    ],
)
def test_among_total_and_subset(text: str, killed: Count) -> None:
    assert _one(text)[1] == killed


def test_arabic_subset_after_among_the_dead() -> None:
    """construction subset: «وبين القتلى طفل وامرأتان» ("among the dead a
    child and two women") is part of the toll, not a figure of its own."""
    text = "أسفر التفجير عن مقتل أحد عشر شخصا في بغداد، وبين القتلى طفل وامرأتان."
    (inc,) = extract_article(
        Article(id="w", text=text, lang="ar", date="2031-03-10")
    ).incidents
    assert inc.killed == Count(11, 11)
