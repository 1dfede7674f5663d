"""Small builders of kharita's model records for tests (shared; keep generic).

Every builder takes keyword overrides so a test states only what it cares
about::

    inc = make_incident(type="airstrike", date="2024-04-20", killed=(1, 1))
    res = make_result(text="قصف قاعدة كالسو", incidents=[inc])

``toy_extract`` is a deterministic, picklable stand-in for the real per-article
function (used by the parallel/dask tests until they run the real pipeline).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from kharita.models import (
    Article,
    ArticleResult,
    Attribution,
    Count,
    EventDate,
    GazetteerPlace,
    Incident,
    Mention,
    ResolvedPlace,
    Source,
)

BABIL = dict(
    id="iq-kalsu",
    type="military_base",
    name_en="Kalsu",
    name_ar="كالسو",
    lat=32.75,
    lon=44.39,
    country="IQ",
    source="test fixture",
    governorate="Babil",
    district="Al-Musayab",
    precision_m=1_500.0,
)


def make_place(**over: Any) -> GazetteerPlace:
    """A gazetteer place (defaults: Kalsu base, Babil)."""
    return GazetteerPlace(**{**BABIL, **over})


def make_resolved(
    place: GazetteerPlace | None = None,
    *,
    start: int = 0,
    text: str | None = None,
    confidence: float = 0.9,
    **over: Any,
) -> ResolvedPlace:
    """A mention resolved to ``place`` (defaults to :func:`make_place`)."""
    place = place if place is not None else make_place()
    text = text if text is not None else place.name_ar
    mention = Mention(
        start=start,
        end=start + len(text),
        text=text,
        matched=text,
        candidates=(place.id,),
    )
    fields: dict[str, Any] = dict(
        mention=mention,
        place=place,
        lat=place.lat,
        lon=place.lon,
        confidence=confidence,
        precision_m=place.precision_m,
        foreign=not place.in_iraq,
        role="site",
    )
    fields.update(over)
    return ResolvedPlace(**fields)


def make_article(text: str = "قصف قاعدة كالسو في بابل", **over: Any) -> Article:
    fields: dict[str, Any] = dict(
        id="art-" + hashlib.sha1(text.encode()).hexdigest()[:8],
        text=text,
        lang="ar",
        outlet="Test Outlet",
        url="https://example.org/a",
        date="2024-04-20",
        title="عنوان",
        origin="test.jsonl:1",
    )
    fields.update(over)
    return Article(**fields)


def make_source(article: Article | None = None, **over: Any) -> Source:
    article = article if article is not None else make_article()
    fields: dict[str, Any] = dict(
        article_id=article.id,
        outlet=article.outlet,
        url=article.url,
        date=article.date,
        excerpt=article.text[:200],
        excerpt_start=0,
        highlight=None,
        lang=article.lang,
    )
    fields.update(over)
    return Source(**fields)


def make_incident(
    *,
    id: str = "inc-1",
    type: str = "airstrike",
    date: str | None = "2024-04-20",
    precision: str | None = "day",
    killed: tuple[int | None, int | None] = (1, 1),
    wounded: tuple[int | None, int | None] = (8, 8),
    place: ResolvedPlace | None = None,
    sources: Sequence[Source] | None = None,
    confidence: float = 0.8,
    **over: Any,
) -> Incident:
    """An incident (defaults: an airstrike on Kalsu, 1 killed, 8 wounded)."""
    fields: dict[str, Any] = dict(
        id=id,
        type=type,
        date=EventDate(iso=date, precision=precision),  # type: ignore[arg-type]
        killed=Count(*killed),
        wounded=Count(*wounded),
        place=place if place is not None else make_resolved(),
        sources=tuple(sources) if sources is not None else (make_source(),),
        confidence=confidence,
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        attribution=Attribution(perpetrator="مجهول"),
        trigger="قصف",
    )
    fields.update(over)
    return Incident(**fields)


def make_result(
    article: Article | None = None,
    *,
    places: Iterable[ResolvedPlace] | None = None,
    incidents: Iterable[Incident] | None = None,
) -> ArticleResult:
    article = article if article is not None else make_article()
    place_list = tuple(places) if places is not None else (make_resolved(),)
    inc_list = (
        tuple(incidents)
        if incidents is not None
        else (make_incident(id=f"inc-{article.id}", sources=(make_source(article),)),)
    )
    return ArticleResult(article=article, places=place_list, incidents=inc_list)


def toy_extract(article: Article) -> ArticleResult:
    """Deterministic, picklable per-article function for parallel/dask tests.

    One incident per article, typed by its first word, dated by the article;
    raises for texts containing ``BOOM`` (to test per-article isolation).
    """
    if "BOOM" in article.text:
        raise ValueError("toy failure")
    word = article.text.split()[0] if article.text.split() else "empty"
    inc = make_incident(
        id="inc-" + hashlib.sha1(article.text.encode()).hexdigest()[:10],
        type=word,
        date=article.date,
        killed=(len(article.text) % 5, len(article.text) % 7 + 5),
        sources=(make_source(article),),
    )
    return ArticleResult(article=article, places=(inc.place,), incidents=(inc,))  # type: ignore[arg-type]


def toy_merge(incidents: Iterable[Incident]) -> list[Incident]:
    """A stand-in merge: same type + date + place id -> one incident, sources joined."""
    groups: dict[tuple[Any, ...], list[Incident]] = {}
    for inc in incidents:
        pid = inc.place.place.id if inc.place and inc.place.place else None
        groups.setdefault((inc.type, inc.date.iso, pid), []).append(inc)
    merged: list[Incident] = []
    for group in groups.values():
        first = group[0]
        sources = tuple(s for inc in group for s in inc.sources)
        ids = sorted(inc.id for inc in group)
        merged.append(
            Incident(
                id=ids[0],
                type=first.type,
                date=first.date,
                killed=first.killed,
                wounded=first.wounded,
                place=first.place,
                sources=sources,
                confidence=max(inc.confidence for inc in group),
                acled_event_type=first.acled_event_type,
                acled_sub_event_type=first.acled_sub_event_type,
                attribution=first.attribution,
                trigger=first.trigger,
            )
        )
    return sorted(merged, key=lambda i: i.id)


_LEXICON: list[Any] = []


def incident_lexicon() -> Any:
    """One :class:`~kharita.incidents.lexicon.IncidentLexicon` for the test run."""
    from kharita.incidents.lexicon import IncidentLexicon
    from kharita.incidents.types import registry

    if not _LEXICON:
        _LEXICON.append(IncidentLexicon(registry()))
    return _LEXICON[0]


def phrase_hits(text: str) -> Any:
    """The incident phrase hits of ``text`` folded."""
    from kharita.text.normalize import fold

    return incident_lexicon().read(fold(text))


def extract_text(
    text: str, lang: str = "ar", date: str = "2031-05-02"
) -> ArticleResult:
    """The extract of one text written for a test (an article of ``date``)."""
    from kharita.pipeline import extract_article

    return extract_article(Article(id="t", text=text, lang=lang, date=date))  # type: ignore[arg-type]


def incident_summary(
    result: ArticleResult,
) -> list[tuple[str | None, str, Count, Count]]:
    """(site's English name, type, killed, wounded) of each incident of ``result``."""
    return [
        (
            i.place.place.name_en if i.place and i.place.place else None,
            i.type,
            i.killed,
            i.wounded,
        )
        for i in result.incidents
    ]
