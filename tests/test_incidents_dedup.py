import pytest

from factories import make_place, make_resolved
from kharita.incidents import merge_incidents
from kharita.models import Count, EventDate, Incident, Source


def _inc(
    aid: str,
    type_: str = "rocket_attack",
    iso: str | None = None,
    prec: str | None = None,
    killed: Count | None = None,
    rule: str = "",
    lat: float = 33.8,
    lon: float = 42.44,
) -> Incident:
    killed = killed or Count()
    place = make_resolved(make_place(id="iq-asad", type="airbase", lat=lat, lon=lon))
    src = Source(
        article_id=aid, outlet=None, url=None, date=None, excerpt="x", excerpt_start=0
    )
    return Incident(
        id=aid,
        type=type_,
        date=EventDate(iso, prec, rule=rule),
        killed=killed,
        wounded=Count(),
        place=place,
        sources=(src,),
        confidence=0.5,
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "merged"),
    [
        (
            _inc("s", "air_strike", "2024-04-20", "day", Count(1, 1)),
            _inc("c", "explosion", "2024-04", "month"),
            True,
        ),
        (
            _inc("d2", "armed_attack", killed=Count(11, 11)),
            _inc("d5", "armed_attack", killed=Count(15, 15)),
            True,
        ),
        (
            _inc("d5", "armed_attack", killed=Count(15, 15)),
            _inc("d8", "suicide_bombing", killed=Count(5, 5)),
            False,
        ),
        (
            _inc("r5", killed=Count(0, 0), rule="weekday=0"),
            _inc("en16", killed=Count(0, 0), rule="weekday=3"),
            False,
        ),
        (_inc("r2"), _inc("r4", rule="weekday=3"), False),
        (
            _inc("x", iso="2024-01-20", prec="day"),
            _inc("y", iso="2024-01-25", prec="day"),
            False,
        ),
        (
            _inc("x", iso="2024-01-20", prec="day"),
            _inc("y", iso="2024-01-20", prec="day", lat=36.0),
            False,
        ),
    ],
)
def test_dedup_pairs(a: Incident, b: Incident, merged: bool) -> None:
    assert (len(merge_incidents([a, b])) == 1) is merged


def test_dedup_widens_and_lists_sources() -> None:
    (m,) = merge_incidents(
        [
            _inc("d2", "armed_attack", killed=Count(11, 11)),
            _inc("d5", "armed_attack", killed=Count(15, 15)),
        ]
    )
    assert m.killed == Count(11, 15)
    assert m.report_count == 2 and {s.article_id for s in m.sources} == {"d2", "d5"}
