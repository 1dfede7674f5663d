import pytest

from factories import extract_text, incident_lexicon
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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # construction actor_speaker: "a US official" is a source of the report
        ("Two rockets hit Ain al-Asad air base on Saturday. A second US official "
         "confirmed that the attack was carried out from inside Iraq.", "en"),
        ("سقطت صواريخ على قاعدة عين الأسد يوم السبت. وقال مسؤول عسكري أمريكي إن "
         "الهجوم نفذ من داخل العراق.", "ar"),
    ],
)  # fmt: skip
def test_an_actor_beside_a_speaker_noun_is_no_perpetrator(text: str, lang: str) -> None:
    (inc,) = extract_text(text, lang).incidents
    assert inc.attribution.perpetrator is None


def test_a_speaker_may_still_deny() -> None:
    text = (
        "A drone strike hit a militia headquarters near al-Qaim on Sunday. "
        "US officials denied carrying out the strike."
    )
    (inc,) = extract_text(text, "en").incidents
    assert inc.attribution.denied_by == "United States"
    assert inc.attribution.perpetrator is None


@pytest.mark.parametrize(
    ("text", "lang", "kind", "denied_by"),
    [
        # actors.tsv: armed groups named in English and Arabic reports
        ("Kataib Hezbollah denied involvement in the drone attack on Erbil airport.",
         "en", "drone_attack", "Kataib Hezbollah"),
        ("نفت كتائب حزب الله مسؤوليتها عن الهجوم بالطائرة المسيرة على مطار أربيل.",
         "ar", "drone_attack", "Kataib Hezbollah"),
        ("Asaib Ahl al-Haq denied firing the rockets at Baghdad airport.",
         "en", "rocket_attack", "Asaib Ahl al-Haq"),
    ],
)  # fmt: skip
def test_armed_groups_named_in_either_language_deny(
    text: str, lang: str, kind: str, denied_by: str
) -> None:
    (inc,) = extract_text(text, lang).incidents
    assert (inc.type, inc.attribution.denied_by) == (kind, denied_by)
