"""The incident layer holds Iraqi places only, for every real sample and example."""

from __future__ import annotations

from pathlib import Path

import pytest

from kharita.run import process

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def collected(samples_path: Path):  # type: ignore[no-untyped-def]
    return process([samples_path, REPO / "examples"])


def test_pipeline_no_foreign_place_on_the_incident_layer(collected) -> None:  # type: ignore[no-untyped-def]
    incidents = [i for r in collected.results for i in r.incidents]
    assert len(incidents) > 40
    for incident in incidents:
        place = incident.place
        assert place is not None and place.lat is not None, incident.id
        assert not place.foreign, incident.id
        # a gazetteer place in Iraq, or an unknown place put inside an Iraqi container
        # (s6's «منطقة (المعقل)» in Basra)
        assert place.place is None or place.place.in_iraq, incident.id


def test_pipeline_every_place_span_indexes_the_original_text(collected) -> None:  # type: ignore[no-untyped-def]
    for result in collected.results:
        text = result.article.text
        for place in result.places:
            assert text[place.start : place.end] == place.mention.text
        for incident in result.incidents:
            for source in incident.sources:
                assert (
                    text[
                        source.excerpt_start : source.excerpt_start
                        + len(source.excerpt)
                    ]
                    == source.excerpt
                )


def test_pipeline_reads_every_example_without_error(collected) -> None:  # type: ignore[no-untyped-def]
    assert collected.errors == ()
