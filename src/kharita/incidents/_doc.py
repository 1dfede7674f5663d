"""The folded text of an article, cut into sentences (internal helper).

All matching in :mod:`kharita.incidents` runs on the folded text; spans are
mapped back to the original with :meth:`Doc.original`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..text.normalize import Normalized
from ..text.tokens import normalized

_BOUNDARY = re.compile(r"(?<!\d)[.!?](?!\d)|\n+|(?<=\.)(?=\w)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the folded text: ``[start, end)`` in folded offsets."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Doc:
    """Original text, its folded copy and the sentences of the folded copy."""

    original_text: str
    norm: Normalized
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]

    @property
    def text(self) -> str:
        return self.norm.text

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Folded ``[start, end)`` -> original offsets."""
        return self.norm.span(start, end)

    def folded(self, original_pos: int) -> int:
        """Original offset -> the first folded offset at or after it."""
        return bisect_left(self.norm.index, original_pos)

    def sentence_at(self, folded_pos: int) -> Sentence:
        i = max(0, bisect_right(self.starts, folded_pos) - 1)
        return self.sentences[i]


def make_doc(text: str) -> Doc:
    norm = normalized(text)  # shared with place recognition
    sentences: list[Sentence] = []
    pos = 0
    folded = norm.text
    for m in _BOUNDARY.finditer(folded):
        _add(sentences, folded, pos, m.end())
        pos = m.end()
    _add(sentences, folded, pos, len(folded))
    if not sentences:
        sentences.append(Sentence(0, 0, len(folded), folded))
    return Doc(text, norm, tuple(sentences), tuple(s.start for s in sentences))


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    if not chunk.strip():
        if out:  # keep sentences contiguous: trailing blanks join the previous one
            last = out[-1]
            out[-1] = Sentence(last.index, last.start, end, text[last.start : end])
        return
    out.append(Sentence(len(out), start, end, chunk))
