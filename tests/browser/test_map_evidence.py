"""Popups carry the evidence for their numbers: the sentence the casualty figures were
read from is quoted and highlighted even when the excerpt around the place leaves it
out, under the article's title; hostile titles and sentences stay text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kharita.models import Article, Incident
from kharita.pipeline import pipeline_for
from kharita.render import render_map, write_html
from render_fixtures import HOSTILE, hostile_incident, map_inputs

pytestmark = pytest.mark.browser

# Written for this test after the seed article's shape: the base is named in the first
# paragraph, the toll comes three paragraphs later.
TITLE = "نفي أمريكي بعد قصف قاعدة كالسو"
FIGURES = (
    "وأعلنت خلية الإعلام الأمني أنه قُتل شخص وأصيب 8 آخرون جراء الانفجار الذي وقع"
    " داخل المعسكر فجر السبت."
)
SEED_LIKE = "\n\n".join(
    [
        "نفت الولايات المتحدة أي صلة لها بالقصف الذي طال قاعدة كالسو في محافظة بابل،"
        " بحسب بيان صدر صباح اليوم.",
        "وقال متحدث عسكري أمريكي إن الأنباء عن غارات أمريكية في العراق غير دقيقة،"
        " فيما طالبت فصائل عراقية بتحقيق عاجل.",
        "وذكرت مصادر محلية أن الانفجار سُمع في مناطق واسعة من المحافظة، وأن النيران"
        " بقيت مشتعلة لساعات.",
        FIGURES,
    ]
)
POPUP = ".leaflet-popup-content .kh-pop"


def seed_like_incidents() -> list[Incident]:
    article = Article(
        "seed-like", SEED_LIKE, "ar", "Example Agency", None, "2024-04-20", TITLE
    )
    return list(pipeline_for().extract(article).incidents)


def hostile_evidence() -> Incident:
    """The hostile fixture with a hostile title and casualty sentence."""
    base = hostile_incident()
    src = base.sources[0]
    said = f"قتل 3 {HOSTILE}"
    src = dataclasses.replace(
        src,
        excerpt=src.excerpt + " " + said,
        title=f"Title {HOSTILE}",
        casualty_sentence=said,
        casualty_start=len(src.excerpt) + 1,
    )
    return dataclasses.replace(base, sources=(src, *base.sources[1:]))


@pytest.fixture(scope="module")
def evidence_maps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("evidence")
    return {
        "seed": write_html(
            render_map(seed_like_incidents(), title="t", lang="ar", **map_inputs()),
            root / "seed.html",
        ),
        "hostile": write_html(
            render_map([hostile_evidence()], title="t", lang="en", **map_inputs()),
            root / "hostile.html",
        ),
    }


def open_first_popup(page: Any) -> Any:
    assert page.evaluate("kharita.openPopup(0)")
    pop = page.locator(POPUP).last
    pop.wait_for(timeout=10_000)
    return pop


def test_map_evidence_casualty_sentence_shown_and_highlighted(
    open_map: Callable[..., Any], evidence_maps: dict[str, Path]
) -> None:
    (incident,) = seed_like_incidents()
    src = incident.sources[0]
    assert FIGURES not in src.excerpt  # the excerpt alone would leave the numbers out
    mp = open_map(evidence_maps["seed"])
    pop = open_first_popup(mp.page)
    assert pop.locator("tr[data-row=killed] td").inner_text() == "1"
    assert pop.locator("tr[data-row=wounded] td").inner_text() == "8"
    figures = pop.locator(".kh-excerpt mark.kh-figures")
    assert figures.count() == 1 and figures.inner_text() == FIGURES
    assert figures.get_attribute("title")  # says what the highlight means
    assert "كالسو" in pop.locator(".kh-excerpt mark.kh-place").inner_text()
    assert pop.locator(".kh-src-title").inner_text() == TITLE
    # the sentence is painted in its own colour, not left as plain text
    background = mp.page.evaluate(
        "getComputedStyle(document.querySelector('.kh-excerpt mark.kh-figures')).backgroundColor"
    )
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    mp.assert_clean()


def test_map_evidence_hostile_title_and_sentence_inert(
    open_map: Callable[..., Any], evidence_maps: dict[str, Path]
) -> None:
    mp = open_map(evidence_maps["hostile"])
    pop = open_first_popup(mp.page)
    assert pop.locator(".kh-src-title").first.inner_text() == f"Title {HOSTILE}"
    assert HOSTILE in pop.locator(".kh-excerpt mark.kh-figures").inner_text()
    assert pop.locator("script, img, [onerror]").count() == 0
    assert mp.page.evaluate("window.__pwned") is None
    assert mp.page.title() == "t"
    mp.assert_clean()
