"""Rows of the map's JSON blob: links, attribution, bases, styles.

The popups themselves are built only in the browser (``assets/kharita.js``); the
browser tests open them, hostile fixture included.
"""

from __future__ import annotations

import dataclasses

import pytest

from kharita.models import Attribution
from kharita.render.payload import (
    Payload,
    acled_text,
    attribution_row,
    base_row,
    safe_url,
)
from kharita.render.types import unknown_style
from render_fixtures import place, sample_incidents


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//example.org/x", False),
        ('https://example.org/"onmouseover=', False),
        (None, False),
    ],
)
def test_payload_safe_url(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) is kept


def test_payload_incident_row_carries_id_acled_and_attribution() -> None:
    incident = dataclasses.replace(
        sample_incidents()[0],
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        attribution=Attribution(
            perpetrator="Kataib Hezbollah", denied_by="United States"
        ),
    )
    row = Payload([unknown_style(incident.type)], {}).incident(incident)
    assert row is not None
    assert row[15] == "inc-1"
    assert row[16] == "Explosions/Remote violence / Shelling/artillery/missile attack"
    assert row[17] == ["Kataib Hezbollah", None, "United States"]


def test_payload_attribution_absent_is_null() -> None:
    incident = sample_incidents()[1]
    assert attribution_row(incident) is None and acled_text(incident) == ""


def test_payload_base_row_has_arabic_governorate() -> None:
    row = base_row(place("ainasad"), {"Anbar": "الأنبار"})
    assert row[2:] == [
        "Ain al-Asad Air Base",
        "قاعدة عين الأسد",
        "airbase",
        "Anbar",
        "الأنبار",
    ]


def test_payload_unknown_type_is_grey() -> None:
    assert unknown_style("mystery").colour == "#6b7280"
