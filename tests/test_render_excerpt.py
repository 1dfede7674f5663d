"""What a popup quotes of a report: the excerpt around the place and the sentence
that gave the casualty figures, with both highlights."""

from __future__ import annotations

import pytest

from kharita.models import Source
from kharita.render.excerpt import MAX_EXCERPT, quote

PLACE = "قاعدة كالسو"
FIGURES = "وأسفر القصف عن مقتل شخص وإصابة ثمانية آخرين."
LEAD = "أفادت مصادر أمنية بأن قصفاً جوياً استهدف " + PLACE + " في محافظة بابل. "
FILLER = "وتحدثت مصادر أخرى عن انفجارات متتالية في المكان. "


def report(article: str, excerpt: tuple[int, int], figures: str | None) -> Source:
    """A report of ``article`` whose excerpt is ``article[excerpt[0]:excerpt[1]]``."""
    start, end = excerpt
    text = article[start:end]
    at = text.find(PLACE)
    said = article.find(figures) if figures else -1
    return Source(
        "a",
        None,
        None,
        None,
        text,
        start,
        (at, at + len(PLACE)) if at >= 0 else None,
        casualty_sentence=figures or "",
        casualty_start=said if said >= 0 else None,
    )


# construction: where the casualty sentence lies relative to the excerpt
@pytest.mark.parametrize(
    ("article", "excerpt", "joined"),
    [
        (LEAD + FIGURES, (0, len(LEAD + FIGURES)), False),  # inside the excerpt
        (LEAD + FILLER * 3 + FIGURES, (0, len(LEAD)), True),  # after it, apart
        (
            FIGURES + " " + FILLER * 3 + LEAD,
            (len(FIGURES + FILLER * 3) + 1, None),
            True,
        ),
        (LEAD + FIGURES, (0, len(LEAD) + 10), False),  # overlapping its end
        (LEAD + FIGURES, (0, len(LEAD)), False),  # touching its end
    ],
)
def test_render_excerpt_quote_highlights_place_and_figures(
    article: str, excerpt: tuple[int, int | None], joined: bool
) -> None:
    src = report(article, (excerpt[0], excerpt[1] or len(article)), FIGURES)
    shown = quote(src)
    assert shown.place is not None and shown.figures is not None
    assert shown.text[slice(*shown.place)] == PLACE
    assert shown.text[slice(*shown.figures)] == FIGURES
    assert (" … " in shown.text) == joined
    assert shown.text.count(FIGURES) == 1 and shown.text.count(PLACE) == 1


def test_render_excerpt_long_excerpt_cut_around_place_keeps_figures() -> None:
    article = FILLER * 10 + LEAD + FILLER * 10 + FIGURES
    src = report(article, (0, len(article) - len(FIGURES)), FIGURES)
    shown = quote(src)
    assert shown.text.startswith("…") and " … " in shown.text
    assert len(shown.text) <= MAX_EXCERPT + 2 + 3 + len(FIGURES)
    assert shown.place is not None and shown.figures is not None
    assert shown.text[slice(*shown.place)] == PLACE
    assert shown.text[slice(*shown.figures)] == FIGURES


def test_render_excerpt_without_figures_is_the_excerpt() -> None:
    src = report(LEAD, (0, len(LEAD)), None)
    shown = quote(src)
    assert shown.text == LEAD and shown.figures is None
    assert shown.place is not None and shown.text[slice(*shown.place)] == PLACE
