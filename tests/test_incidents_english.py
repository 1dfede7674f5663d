"""English incident summaries: triggers, targeted killings, casualty phrases,
second incidents, site points (between / offset / bracketed container)."""

import pytest

from factories import phrase_hits
from kharita.incidents.casualties import combine, find_casualties, says_no_casualties
from kharita.incidents.types import find_triggers
from kharita.models import Article, Count
from kharita.pipeline import extract_article


def _counts(text: str) -> tuple[Count, Count]:
    f = phrase_hits(text)
    return combine(find_casualties(f), says_no_casualties(f))


def _top(text: str) -> str:
    found = find_triggers(phrase_hits(text))
    return max(found, key=lambda t: t.weight).type if found else "none"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A quarrel at a wedding turned into a gunfight.", "armed_clash"),
        ("Police and smugglers clashed near the border.", "armed_clash"),
        ("Guards exchanged fire with infiltrators.", "armed_clash"),
        ("Unidentified aircraft struck a weapons depot.", "air_strike"),
        ("Air defences intercepted a drone over the airport.", "downed_drone"),
        ("Two explosive drones hit a radar site.", "drone_attack"),
        ("Gunmen shot dead a local mukhtar at his shop.", "assassination"),
        ("A provincial official was shot dead in his car.", "assassination"),
        ("Gunmen shot dead two shepherds.", "armed_attack"),
    ],
)
def test_incidents_english_trigger(text: str, kind: str) -> None:
    assert _top(text) == kind


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Gunmen shot dead a shop owner.", Count(1, 1), Count()),
        ("Gunmen shot dead three guards.", Count(3, 3), Count()),
        ("The death toll from the market bombing rose to 23.", Count(23, 23), Count()),
        ("A mine exploded, killing the shepherd.", Count(1, 1), Count()),
        ("A drone hit a car, killing both men inside.", Count(2, 2), Count()),
        ("Gunmen killed one guard, wounding another.", Count(1, 1), Count(1, 1)),
        ("One policeman suffered a concussion.", Count(), Count(1, 1)),
        ("A farmer was lightly injured. No fatalities.", Count(0, 0), Count(1, 1)),
        (
            "Four soldiers and one attacker were killed. 5 fatalities.",
            Count(5, 5),
            Count(),
        ),
        ("A bomb wounded four workers.", Count(), Count(4, 4)),
        (
            "Artillery shelled a hamlet, wounding several villagers.",
            Count(),
            Count(1, None),
        ),
        ("The number of wounded rose to 12.", Count(), Count()),
    ],
)
def test_incidents_english_casualties(text: str, killed: Count, wounded: Count) -> None:
    assert _counts(text) == (killed, wounded)


def _extract(
    text: str, day: str = "2023-05-10"
) -> list[tuple[str, str | None, str | None]]:
    art = Article(id="t", text=text, lang="en", date=day)
    res = extract_article(art)
    return [
        (i.type, i.date.iso, i.place.mention.text if i.place else None)
        for i in res.incidents
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen abducted a trader in Tuz Khurmatu district on Monday. Hours later "
            "a roadside bomb wounded two policemen searching for him in Amirli.",
            [
                ("kidnapping", "2023-05-08", "Tuz Khurmatu district"),
                ("ied", "2023-05-08", "Amirli"),
            ],
        ),
        (
            "A car bomb killed four people in Tikrit on Monday. Separately, police "
            "arrested six suspects in Baiji.",
            [
                ("car_bomb", "2023-05-08", "Tikrit"),
                ("arrest_raid", "2023-05-08", "Baiji"),
            ],
        ),
    ],
)
def test_incidents_english_second_incident(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _extract(text) == expected


@pytest.mark.parametrize(
    ("text", "site", "lat", "lon", "tol"),
    [
        # bracketed container: the district before it is the site
        (
            "Gunmen shot dead a judge in Qurna district (Basrah).",
            "Qurna district",
            None,
            None,
            0.0,
        ),
        # between two nearby reference points: their midpoint
        (
            "A roadside bomb hit a patrol on the road between Balad and Samarra (Salah al-Din).",
            None,
            34.09,
            44.02,
            0.15,
        ),
    ],
)
def test_incidents_english_site(
    text: str, site: str | None, lat: float | None, lon: float | None, tol: float
) -> None:
    res = extract_article(Article(id="t", text=text, lang="en", date="2023-05-10"))
    inc = res.incidents[0]
    if site is not None:
        assert inc.place is not None and inc.place.mention.text == site
    if lat is not None and lon is not None:
        assert inc.lat is not None and inc.lon is not None
        assert abs(inc.lat - lat) < tol and abs(inc.lon - lon) < tol
