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
    weekday: int | None = None,
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
        date=EventDate(iso, prec, weekday=weekday),
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
            _inc("r5", killed=Count(0, 0), weekday=0),
            _inc("en16", killed=Count(0, 0), weekday=3),
            False,
        ),
        (_inc("r2"), _inc("r4", weekday=3), False),
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


def test_dedup_index_groups_like_all_pairs() -> None:
    from itertools import combinations

    from kharita.incidents.dedup import same_event

    rows = []
    for n in range(60):
        day = f"2024-01-{10 + n % 4:02d}" if n % 3 else None
        rows.append(
            _inc(
                f"a{n}",
                iso=day,
                prec="day" if day else None,
                killed=Count(n % 2, n % 2),
                lat=33.0 + (n % 5) * 0.04,
                lon=42.0 + (n % 7) * 0.06,
            )
        )
    pairs = {
        (i, j) for i, j in combinations(range(60), 2) if same_event(rows[i], rows[j])
    }
    parent = list(range(60))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(j)] = root(i)
    expected = sorted(
        sorted(
            s.article_id for k, r in enumerate(rows) if root(k) == g for s in r.sources
        )
        for g in {root(k) for k in range(60)}
    )
    got = sorted(sorted(s.article_id for s in m.sources) for m in merge_incidents(rows))
    assert got == expected
