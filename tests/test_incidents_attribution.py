import pytest

from factories import incident_lexicon
from kharita.incidents._doc import make_doc
from kharita.incidents.attribution import find_attribution


def _attr(text: str):  # type: ignore[no-untyped-def]
    doc = make_doc(text, incident_lexicon().read)
    return find_attribution(doc, [(s.start, s.end) for s in doc.sentences])[0]


def test_attribution_denial_is_not_perpetration() -> None:
    a = _attr(
        "نفت الولايات المتحدة الأمريكية مسؤوليتها عن استهداف قاعدة كالسو. أفادت بأن الولايات المتحدة شنت غارات جوية"
    )
    assert a.denied_by == "United States"
    assert a.perpetrator is None and a.claimed_by is None
    assert a.denied_span is not None


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("وأعلن تنظيم داعش عن مسؤوليته عن التفجير", "Islamic State"),
        ("ولم تعلن أية جهة مسؤوليتها عن الهجوم", None),
        ("No group has claimed responsibility for the attack", None),
    ],
)
def test_attribution_claims(text: str, claimed: str | None) -> None:
    assert _attr(text).claimed_by == claimed


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("اغتال مسلحون مجهولون مدنيا", "Unidentified gunmen"),
        ("قصفت مقاتلات حربية تركية منزلا", "Turkey"),
        ("but the Islamic State is suspected", "Islamic State (suspected)"),
    ],
)
def test_attribution_perpetrator(text: str, perpetrator: str) -> None:
    assert _attr(text).perpetrator == perpetrator
