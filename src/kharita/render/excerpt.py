"""The text a popup quotes from one report: the excerpt around the place and the
sentence the casualty figures were read from, each with its highlight.

The excerpt is cut to :data:`MAX_EXCERPT` characters around the place mention
("…" marks a cut).  The casualty sentence often lies outside it (the seed
article names the base three paragraphs before it gives the toll), so it is
joined on in article order: merged with the excerpt where the two overlap or
touch in the article, after " … " where they do not.  Spans are ``(start, end)``
offsets into the returned text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Source

MAX_EXCERPT = 400  # characters of excerpt kept per source, centred on the place
CUT = "…"
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Quote:
    """What a popup shows of one report."""

    text: str
    place: Span | None = None
    figures: Span | None = None


@dataclass(frozen=True, slots=True)
class _Piece:
    """Text at an article offset, and whether the article goes on before/after it."""

    start: int
    text: str
    cut_before: bool = False
    cut_after: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _window(source: Source) -> tuple[_Piece, Span | None]:
    """The kept part of the excerpt, and the place span in article offsets."""
    text, span, at = source.excerpt, source.highlight, source.excerpt_start
    if span and not (0 <= span[0] < span[1] <= len(text)):
        span = None
    start, end = 0, len(text)
    if end > MAX_EXCERPT:
        centre = (span[0] + span[1]) // 2 if span else 0
        start = max(0, min(centre - MAX_EXCERPT // 2, end - MAX_EXCERPT))
        end = start + MAX_EXCERPT
    piece = _Piece(at + start, text[start:end], start > 0, end < len(text))
    if span is None or not (start <= span[0] and span[1] <= end):
        return piece, None
    return piece, (at + span[0], at + span[1])


def _merged(first: _Piece, second: _Piece) -> _Piece:
    """Two pieces that overlap or touch (``first`` starts first) as one."""
    if second.end <= first.end:
        return first
    return _Piece(
        first.start,
        first.text + second.text[first.end - second.start :],
        first.cut_before,
        second.cut_after,
    )


def quote(source: Source) -> Quote:
    """The excerpt with the place, and the casualty sentence, highlighted."""
    window, place = _window(source)
    pieces, figures = [window], None
    if source.casualty_start is not None and source.casualty_sentence:
        said = _Piece(source.casualty_start, source.casualty_sentence)
        figures = (said.start, said.end)
        first, second = sorted([window, said], key=lambda p: p.start)
        pieces = (
            [_merged(first, second)] if second.start <= first.end else [first, second]
        )
    text, starts = "", []
    for k, p in enumerate(pieces):
        if k:
            text += " " + CUT + " "
        elif p.cut_before:
            text += CUT
        starts.append((p, len(text)))
        text += p.text
    if pieces[-1].cut_after:
        text += CUT

    def where(span: Span | None) -> Span | None:
        for p, at in starts:
            if span is not None and p.start <= span[0] and span[1] <= p.end:
                return span[0] - p.start + at, span[1] - p.start + at
        return None

    return Quote(text, where(place), where(figures))
