"""Each report keeps the evidence for its numbers: the sentence the casualty figures
were read from (offsets into the article as published) and the article's title, through
extraction, merging, the extract JSON, the CSV and the store."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kharita.export.acled_csv import write_csv
from kharita.incidents import merge_incidents
from kharita.models import Article, Incident, Source
from kharita.pipeline import extract_article
from kharita.serialize import source_to_dict
from kharita.store import Store

AR_FIGURES = (
    "وأعلنت خلية الإعلام الأمني أنه قُتل شخص وأصيب 8 آخرون جراء الانفجار داخل المعسكر."
)
AR_ARTICLE = "\n\n".join(
    [
        "نفت الولايات المتحدة أي صلة لها بالقصف الذي طال قاعدة كالسو في محافظة بابل.",
        "وقال متحدث عسكري أمريكي إن الأنباء عن غارات أمريكية في العراق غير دقيقة،"
        " فيما طالبت فصائل عراقية بتحقيق عاجل في ما جرى خلال الليل.",
        "وذكرت مصادر محلية أن الانفجار سُمع في مناطق واسعة من المحافظة، وأن النيران"
        " بقيت مشتعلة لساعات قبل أن تتمكن فرق الدفاع المدني من إخمادها.",
        AR_FIGURES,
    ]
)
EN_FIGURES = "Two soldiers were killed and five wounded, a security official said."
EN_ARTICLE = (
    "A drone struck Ain al-Asad air base in Anbar province on Saturday morning. "
    + EN_FIGURES
)

WIRE_FIGURES = "Iraq: Roadside bomb kills two soldiers in Baquba"
WIRE_ARTICLE = (
    WIRE_FIGURES + "\n\nThe bomb went off near a patrol in Diyala province on"
    " Saturday, officials said."
)


def extract(text: str, lang: str, title: str | None = None) -> list[Incident]:
    article = Article("a1", text, lang, "Example Agency", None, "2024-04-20", title)  # type: ignore[arg-type]
    return list(extract_article(article).incidents)


def said(src: Source, text: str) -> str:
    assert src.casualty_start is not None
    return text[src.casualty_start : src.casualty_start + len(src.casualty_sentence)]


# construction: the sentence holding the figure that became the toll
@pytest.mark.parametrize(
    ("text", "lang", "sentence", "killed"),
    [
        (AR_ARTICLE, "ar", AR_FIGURES, 1),  # three paragraphs after the place
        (EN_ARTICLE, "en", EN_FIGURES, 2),  # right after it
        # a headline whose wire furniture (the ":" of "Iraq:") was blanked for
        # reading: the sentence is given back as published
        (WIRE_ARTICLE, "en", WIRE_FIGURES, 2),
    ],
)
def test_incidents_evidence_casualty_sentence(
    text: str, lang: str, sentence: str, killed: int
) -> None:
    (incident,) = extract(text, lang, title="Headline")
    src = incident.sources[0]
    assert incident.killed.min == killed
    assert src.casualty_sentence == sentence == said(src, text)
    assert src.title == "Headline"


# construction: a stated zero is the evidence for "0", a foiled attack's too
@pytest.mark.parametrize(
    ("text", "lang", "sentence", "outcome"),
    [
        (
            "A rocket hit the Green Zone in Baghdad. No one was hurt, police said.",
            "en",
            "No one was hurt, police said.",
            "completed",
        ),
        (
            "أحبطت القوات الأمنية هجوما بعبوة ناسفة في قضاء الطارمية."
            " ولم يسفر الحادث عن خسائر بشرية.",
            "ar",
            "ولم يسفر الحادث عن خسائر بشرية.",
            "foiled",
        ),
    ],
)
def test_incidents_evidence_stated_zero(
    text: str, lang: str, sentence: str, outcome: str
) -> None:
    (incident,) = extract(text, lang)
    src = incident.sources[0]
    assert incident.outcome == outcome and incident.killed.max == 0
    assert src.casualty_sentence == sentence == said(src, text)


# construction: no figure read, no sentence (a place and a trigger only)
def test_incidents_evidence_none_without_figures() -> None:
    (incident,) = extract(
        "A drone struck Ain al-Asad air base in Anbar province on Saturday.", "en"
    )
    src = incident.sources[0]
    assert (src.casualty_sentence, src.casualty_start) == ("", None)


def test_incidents_evidence_carried_through_merge_json_csv_store(
    tmp_path: Path,
) -> None:
    (first,) = extract(AR_ARTICLE, "ar", title="عنوان")
    second = Incident(**{**_fields(first), "id": "a2#1", "sources": (_other(first),)})
    (merged,) = merge_incidents([first, second])
    assert {s.casualty_sentence for s in merged.sources} == {AR_FIGURES}
    out = source_to_dict(merged.sources[0])
    assert (out["casualty_sentence"], out["title"]) == (AR_FIGURES, "عنوان")
    assert out["casualty_start"] == AR_ARTICLE.index(AR_FIGURES)
    path = write_csv([merged], tmp_path / "i.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["casualty_sentence"] == AR_FIGURES
    article = Article("a1", AR_ARTICLE, "ar", title="عنوان")
    with Store(tmp_path / "k.db", merge=merge_incidents) as store:
        store.add_results([extract_article(article)])
        (stored,) = store.query_incidents()
    assert stored.sources[0].casualty_sentence == AR_FIGURES
    assert stored.sources[0].casualty_start == AR_ARTICLE.index(AR_FIGURES)


def _fields(incident: Incident) -> dict[str, object]:
    return {f: getattr(incident, f) for f in incident.__dataclass_fields__}


def _other(incident: Incident) -> Source:
    """The same report from another outlet."""
    src = incident.sources[0]
    return Source(
        **{
            **{f: getattr(src, f) for f in src.__dataclass_fields__},
            "article_id": "a2",
            "outlet": "Other",
        }
    )  # type: ignore[arg-type]
