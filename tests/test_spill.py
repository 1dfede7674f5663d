"""Records on disk: read back field for field, in a file that never outlives its use."""

from __future__ import annotations

import dataclasses
import os
import random
from pathlib import Path

import pytest

from factories import (
    make_article,
    make_incident,
    make_place,
    make_resolved,
    make_source,
)
from kharita.models import Count, Incident
from kharita.spill import SpilledSequence, SpillFile


def _incidents(seed: int, n: int) -> list[Incident]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        article = make_article(f"تقرير {k} " * rng.randrange(1, 40), id=f"a{k}")
        place = make_place(lat=rng.choice([33.1, -0.0, 0.0]), lon=44.25)
        incident = make_incident(
            id=f"i{k}",
            killed=rng.choice([(None, None), (0, 0), (3, 5)]),
            place=rng.choice([make_resolved(place), None]),
            sources=[make_source(article, excerpt_start=rng.choice([0, 7]))],
            confidence=rng.choice([0.0, 0.5, 1.0]),
        )
        if rng.random() < 0.3:  # a figure read from vague words
            incident = dataclasses.replace(incident, wounded=Count(2, 2, vague=True))
        out.append(incident)
    return out


@pytest.mark.parametrize("seed", [0, 1])
def test_spill_reads_back_every_field(seed: int) -> None:
    incidents = _incidents(seed, 300)
    with SpillFile() as spill:
        for k, incident in enumerate(incidents):
            assert spill.append(incident) == k
        assert len(spill) == len(incidents)
        # repr shows what == leaves out: a count's vague flag, -0.0, 1 against 1.0
        assert [repr(i) for i in spill] == [repr(i) for i in incidents]
        assert repr(spill[17]) == repr(incidents[17])
        assert repr(spill[-1]) == repr(incidents[-1])
        spill.append(incidents[0])  # appending after reading
        assert repr(spill[len(incidents)]) == repr(incidents[0])
        with pytest.raises(IndexError):
            spill[len(spill)]


@pytest.mark.parametrize("size", [0, 1, 5000])
def test_spill_reads_in_order_across_blocks(size: int) -> None:
    records = [("x" * (k % 700), k) for k in range(size)]
    with SpillFile() as spill:
        for record in records:
            spill.append(record)
        view: SpilledSequence[tuple[str, int]] = SpilledSequence(spill)
        assert len(view) == size
        assert list(view) == records
        assert view[size // 2 : size // 2 + 3] == records[size // 2 : size // 2 + 3]


@pytest.mark.parametrize("fail", [False, True])
def test_spill_file_is_gone_after_use(tmp_path: Path, fail: bool) -> None:
    class Failed(Exception):
        pass

    spill = SpillFile(tmp_path)
    try:
        with spill:
            spill.append(make_incident())
            if os.name == "posix":  # an unnamed file: nothing to leave behind
                assert list(tmp_path.iterdir()) == []
            if fail:
                raise Failed
    except Failed:
        assert fail
    assert spill.closed
    assert list(tmp_path.iterdir()) == []
    spill.close()  # closing twice is fine
