"""English wire and headline style: present-tense triggers, headline verbs, casualty
verbs, number words, possessives, wire furniture -- one test per construction
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from factories import phrase_hits
from kharita.incidents.types import find_triggers
from kharita.models import Article, ArticleResult, Count
from kharita.pipeline import extract_article


def _run(text: str) -> ArticleResult:
    return extract_article(Article(id="h", text=text, lang="en", date="2031-03-10"))


def _top(text: str) -> str:
    found = find_triggers(phrase_hits(text))
    return max(found, key=lambda t: t.weight).type if found else "none"


def _one(text: str) -> tuple[str, Count, Count, str | None]:
    (inc,) = _run(text).incidents
    site = inc.place.mention.text if inc.place is not None else None
    return inc.type, inc.killed, inc.wounded, site


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # present tense and plurals of the event nouns
        ("Roadside bomb kills 3 in Baiji", "ied"),
        ("Bombs wound 9 in Hilla", "ied"),
        ("Car bombs rock two markets in Kut", "car_bomb"),
        ("Truck bomb hits a checkpoint near Balad", "car_bomb"),
        ("Blasts shake Basra port", "explosion"),
        ("Gunmen kill two farmers near Hawija", "armed_attack"),
        ("Shooting at a wedding in Kut leaves 3 dead", "armed_attack"),
        ("Air strikes hit militant hideouts in Hamrin", "air_strike"),
        ("Air raids pound positions near Qaim", "air_strike"),
        ("Suicide bomber attacks a police post in Tarmiya", "suicide_bombing"),
        ("Bomber blows himself up at a checkpoint in Tarmiya", "suicide_bombing"),
        ("Mortar shells land near a school in Tuz", "shelling"),
        ("Rocket attacks target an airbase near Balad", "rocket_attack"),
        ("Artillery bombards villages near Sinjar", "shelling"),
        ("Sticky bomb wounds a driver in Karrada", "ied"),
        ("Drone attacks hit an oil field near Erbil", "drone_attack"),
        ("Gunmen assassinate a judge in Amara", "assassination"),
        ("Militants kidnap 4 workers near Baiji", "kidnapping"),
        # battle reports
        ("Troops retake a village near Rutba", "armed_clash"),
        ("Army repels an attack on Baiji refinery", "armed_clash"),
        ("Militants launch an assault on Samarra", "armed_clash"),
        # executions
        ("Jihadists execute 6 captives in Hawija", "armed_attack"),
        # sabotage; the Turkish defence ministry's "neutralised"
        ("Unknown assailants blow up power pylons in Kirkuk", "explosion"),
        ("Turkey says it neutralised 4 PKK militants in northern Iraq", "armed_clash"),
    ],
)
def test_headline_trigger(text: str, kind: str) -> None:
    assert _top(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Five killed in Kut", "other"),  # a bare casualty verb in a headline
        ("Attacks kill 12 in Diyala", "other"),
        ("Violence kills 8 across Nineveh", "other"),
    ],
)
def test_headline_verb_starts_incident(text: str, kind: str) -> None:
    assert _one(text)[0] == kind


def test_headline_verb_not_in_body_sentence() -> None:
    # a sentence (full stop) is not a headline: its bare verb is no trigger
    assert find_triggers(phrase_hits("Two fighters were killed, the group said.")) == []
    assert _run("Two fighters were killed in Kut, the group said.").incidents == ()


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Roadside bomb kills 3 in Baiji", Count(3, 3), Count()),  # kills N
        ("Roadside bomb kills four in Baiji", Count(4, 4), Count()),  # number word
        ("Car bombs kill at least 12 in Kut", Count(12, None), Count()),  # at least
        ("Bombs wound 9 in Hilla", Count(), Count(9, 9)),  # wounds N
        ("Blast kills two, wounds 11 in Kut", Count(2, 2), Count(11, 11)),
        ("Blast in Kut leaves 3 dead", Count(3, 3), Count()),  # leaves N dead
        ("Death toll from Kut blast rises to 31", Count(31, 31), Count()),  # rises to
        (
            'Troops "kill" 14 militants near Rawa',
            Count(14, 14),
            Count(),
        ),  # scare quotes
        ("Jihadists execute 6 captives in Hawija", Count(6, 6), Count()),  # execute N
        ("Blast injures 7 in Amara", Count(), Count(7, 7)),  # injures N
        ("Toll from Kut bombing climbs to 40", Count(40, 40), Count()),  # climbs to
        # a figure before a noun phrase of several words
        ("Nine Iraqi security personnel killed near Haditha", Count(9, 9), Count()),
        ("32 Islamic State militants killed in Anbar air raid", Count(32, 32), Count()),
    ],
)
def test_headline_casualties(text: str, killed: Count, wounded: Count) -> None:
    _, k, w, _ = _one(text)
    assert (k, w) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Car bomb kills 5 in Iraq's Makhmour", "Makhmour"),  # possessive country
        ("Bomb hits a cafe in Baghdad's Karrada", "Karrada"),  # possessive city
        ("UPDATE 2-Gunmen kill 3 in Kut -police", "Kut"),  # slug + credit
        ("Roadside bomb wounds 4 in Tikrit - medics", "Tikrit"),  # spaced credit
        ("Car bomb kills 6 in Hilla-sources", "Hilla"),  # glued credit
        ("Iraq: Blast kills 2 in Amara", "Amara"),  # country tag
        ("Troops kill 12 militants near Bayji refinery", "Bayji"),  # a spelling
    ],
)
def test_headline_site(text: str, site: str) -> None:
    assert _one(text)[3] == site


# --- constructions owned by other modules -----------------------------------


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # construction compound_number: tens-units in one word pair
        ("Twenty-five people killed in Kirkuk blast", 25),
        ("Thirty-two Islamic State militants killed in Anbar air raid", 32),
        ("twenty five killed in a bombing in Baghdad", 25),
    ],
)
def test_headline_compound_number_word(text: str, killed: int) -> None:
    assert _one(text)[1] == Count(killed, killed)


def test_headline_part_of_city() -> None:
    # construction: a several-word name holding a sure place name ("west Mosul")
    # needs no more support than the name inside it
    assert _one("Troops comb west Mosul after surprise attack")[3] is not None


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        # construction listed_sites_comma: a wire headline's comma list of sites
        ("Car bombs in Kirkuk, Basra kill 30", ["Basra", "Kirkuk"]),
        ("Car bombs hit Mosul, Kut and Hilla", ["Hilla", "Kut", "Mosul"]),
        # construction listed_sites_headline: a headline lists events up to
        # governorates, whatever the strength of its verb
        (
            "Dozens of militants killed in Iraq's Anbar, Salahuddin",
            ["Anbar", "Salahuddin"],
        ),
        ("Two killed in Tuz Khurmatu, Salahuddin", ["Tuz Khurmatu"]),
        # construction listed_sites_and
        ("Car bombs in Kirkuk and Basra kill 30", ["Basra", "Kirkuk"]),
        # construction place_comma_governorate: the namesake city after a comma is
        # the place's governorate, its container, not a second site
        ("A bomb in Qurna, Basra killed 3", ["Qurna"]),
        ("Gunmen kill 3 in Karrada, Baghdad", ["Karrada"]),
    ],
)
def test_headline_listed_sites(text: str, sites: list[str]) -> None:
    found = [i.place.mention.text if i.place else None for i in _run(text).incidents]
    assert sorted(s for s in found if s) == sites


def test_headline_listed_sites_share_one_toll() -> None:
    # construction shared_toll: one figure for several listed sites is theirs
    # together: each incident holds 0..N (vague), never N twice
    incidents = _run("Car bombs in Kirkuk, Basra kill 30").incidents
    assert [i.killed for i in incidents] == [Count(0, 30), Count(0, 30)]
    assert all(i.killed.vague for i in incidents)
    assert sum(i.killed.min or 0 for i in incidents) == 0
