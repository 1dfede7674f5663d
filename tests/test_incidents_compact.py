"""Compact incidents: equal values held once, and only equal values."""

from __future__ import annotations

import dataclasses

import pytest

from factories import make_incident
from kharita.incidents.compact import SharedValues, stripped
from kharita.models import Count, Evidence


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Count(2, 2, vague=True), Count(2, 2)),  # equal by ==, not the same figure
        (0, 0.0),
        (1, True),
    ],
)
def test_compact_shares_only_the_same_value(first: object, second: object) -> None:
    shared = SharedValues()
    assert shared.share(first) is first
    assert repr(shared.share(second)) == repr(second)


def test_compact_shares_equal_values() -> None:
    shared = SharedValues()
    a, b = "".join(["قصف ", "كالسو"]), "".join(["قصف", " كالسو"])
    assert a is not b and shared.share(a) is a and shared.share(b) is a
    assert shared.share([1]) == [1]  # unhashable: kept as it is
    one, two = make_incident(id="a"), make_incident(id="b")
    merged = [shared.incident(one), shared.incident(two)]
    assert merged[1].place is merged[0].place
    assert merged[1].sources[0].excerpt is merged[0].sources[0].excerpt


def test_compact_stripped_drops_candidates_and_evidence() -> None:
    incident = make_incident()
    assert stripped(incident) is incident
    assert incident.place is not None
    scored = dataclasses.replace(incident.place, evidence=(Evidence("r", 1.0),))
    bare = stripped(make_incident(place=scored))
    assert bare.place is not None and bare.place.evidence == ()
    assert bare.place == incident.place
