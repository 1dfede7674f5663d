"""Matching text: normalised, separators collapsed, with offsets into the original.

:func:`match_text` turns an article into the string the place automaton runs
over: :func:`kharita.text.normalize.normalize` folding, then every run of
whitespace, hyphens and underscores collapsed to one space (the same shape as
:func:`kharita.text.normalize.key` gives gazetteer names).  ``index[i]`` is the
ORIGINAL offset of character ``i``.

Token helpers look at the words just before or after a span, which is how
designators («محافظة»), prepositions («في») and organisation cues («شرطة»)
are found around a name.
"""

from __future__ import annotations

import re

from .clitics import CLITICS_WITH_ARTICLE, PROCLITICS, strip_proclitic
from .normalize import Normalized, normalize

__all__ = [
    "ARABIC_LETTERS",
    "CLITICS_WITH_ARTICLE",
    "PROCLITICS",
    "MatchText",
    "collapse_separators",
    "match_text",
    "strip_proclitic",
    "word_start",
    "words_after",
    "words_before",
]

# a run of separators that is not already one plain space (those stay as they are)
_SEP_TO_COLLAPSE = re.compile(r"(?! (?![\s\-_]))[\s\-_]+")
_WORD = re.compile(r"[^\s]+")
_PUNCT = set(".,;:!?()[]{}\"'/|<>«»")
ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset(
    chr(c) for c in range(0x0671, 0x06D4)
)
# The string to match on and the original offset of each of its characters: the
# same record as a normalised text (one offset-map type for the whole package).
MatchText = Normalized


def match_text(text: str) -> MatchText:
    """Normalise ``text`` for matching, keeping the offset map (see module doc)."""
    return collapse_separators(normalize(text))


def collapse_separators(norm: Normalized) -> MatchText:
    """``norm`` with every run of whitespace, hyphens and underscores as one space."""
    s, idx = norm.text, norm.index
    text_length = norm.original_length
    pieces: list[str] = []
    index: list[int] = []
    last = 0
    for m in _SEP_TO_COLLAPSE.finditer(s):
        pieces.append(s[last : m.start()])
        index.extend(idx[last : m.start()])
        pieces.append(" ")
        index.append(idx[m.start()])
        last = m.end()
    if not pieces:
        return MatchText(s, idx, text_length)
    pieces.append(s[last:])
    index.extend(idx[last:])
    return MatchText("".join(pieces), tuple(index), text_length)


def is_arabic(ch: str) -> bool:
    return ch in ARABIC_LETTERS


def word_start(s: str, pos: int) -> int:
    """Start of the Arabic-letter run that ends at ``pos`` (exclusive)."""
    j = pos
    while j > 0 and s[j - 1] in ARABIC_LETTERS:
        j -= 1
    return j


def words_before(s: str, pos: int, n: int) -> list[tuple[int, str]]:
    """Up to ``n`` whitespace-separated words ending before ``pos``, nearest last.

    Stops at punctuation: a word that is (or ends with) punctuation ends the
    look-behind, so cues never jump across a comma or a full stop.
    """
    out: list[tuple[int, str]] = []
    end = pos
    while len(out) < n:
        while end > 0 and s[end - 1] == " ":
            end -= 1
        if end == 0 or s[end - 1] in _PUNCT:
            break
        start = end
        while start > 0 and s[start - 1] != " " and s[start - 1] not in _PUNCT:
            start -= 1
        out.append((start, s[start:end]))
        if start > 0 and s[start - 1] in _PUNCT:
            break
        end = start
    out.reverse()
    return out


def words_after(s: str, pos: int, n: int) -> list[tuple[int, str]]:
    """Up to ``n`` words starting after ``pos``; stops at punctuation."""
    out: list[tuple[int, str]] = []
    start = pos
    length = len(s)
    while len(out) < n:
        while start < length and s[start] == " ":
            start += 1
        if start >= length or s[start] in _PUNCT:
            break
        end = start
        while end < length and s[end] != " " and s[end] not in _PUNCT:
            end += 1
        out.append((start, s[start:end]))
        if end < length and s[end] in _PUNCT:
            break
        start = end
    return out
