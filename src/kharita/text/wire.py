"""Wire and headline furniture: find it, blank it, keep every offset.

English wire headlines carry words that frame the news but report nothing:
a slug before the headline ("UPDATE 3-", "WRAPUP 1-", "FACTBOX-"), a country
tag ("Iraq: ...") and a credit after it (" -police", " - medics",
": officials", "-sources", ", police say").  Glued to the headline they hide
its first word from whole-word matching ("1-Car bomb") and make a place look
like a dateline ("in Kirkuk - medics") or an organisation ("Kirkuk -police").
Scare quotes around one word or figure (Iraqi army "kills" 22) cut the verb
from its figure.

:func:`clean` replaces the furniture with spaces of the same length, so every
offset into the cleaned text is the same offset into the original; nothing is
moved.  The words come from ``lexicon/wire_style.tsv``.  Only headline-style
lines (:func:`headline_at`: at most :data:`MAX_LINE` characters, no closing
full stop) are touched, and only their first and last words: a sentence of
an article body ("..., police said.") is never changed.

>>> clean("UPDATE 2-Car bomb kills 5 in Kirkuk -police").text
'         Car bomb kills 5 in Kirkuk        '
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import load_table
from ..models import Article, ArticleResult, Incident, Source

MAX_LINE = 200  # characters: longer lines are body text, not headlines
_WORD = r"[\w.'+&]+"
# Scare quotes around one word or figure of a headline: Iraqi army "kills" 22,
# kill "14" militants.  The quote marks go; the word stays.
_SCARE = re.compile(r'(?<!\w)(["\u201c\u201d])[\w,.-]+(["\u201c\u201d])(?!\w)')


@dataclass(frozen=True, slots=True)
class Furniture:
    """A stretch of wire furniture: ``[start, end)`` in the text, and its kind."""

    start: int
    end: int
    kind: str  # prefix | topic | credit | quote


@dataclass(frozen=True, slots=True)
class WireText:
    """A text with its furniture blanked; ``text`` has the original's length."""

    original: str
    text: str
    furniture: tuple[Furniture, ...]


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The compiled wire-furniture patterns."""

    prefix: re.Pattern[str]
    topic: re.Pattern[str]
    credit: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    rows = [r for r in load_table("wire_style") if r["lang"] == "en"]
    words = {
        k: [r["phrase"].lower() for r in rows if r["kind"] == k]
        for k in ("prefix", "topic", "credit", "say")
    }
    prefix, topic = _alternation(words["prefix"]), _alternation(words["topic"])
    head, say = _alternation(words["credit"]), _alternation(words["say"])
    one = rf"(?:{_WORD}\s+){{0,3}}?{head}"
    listed = rf"{one}(?:\s*(?:,|\band\b|&)\s*{one})*"
    return _Patterns(
        # "UPDATE 3-", "WRAPUP 1 -", "FACTBOX:", "The Latest:"
        prefix=re.compile(rf"^\s*{prefix}(?:\s*\d{{1,2}})?\s*[-:]\s*", re.I),
        # "Iraq:" (the name stays; its colon goes)
        topic=re.compile(rf"\s*{topic}(?P<sep>\s*:)(?=\s*\w)", re.I),
        # " -police", " - medics", ": officials", "-sources", ", police say"
        credit=re.compile(
            rf"(?:\s*[-:]\s*(?:{listed})(?:\s+{say})?|\s*,\s*(?:{listed})\s+{say})"
            rf"\s*[.]?\s*$",
            re.I,
        ),
    )


def _is_headline(line: str) -> bool:
    body = line.strip()
    return 0 < len(body) <= MAX_LINE and not body.endswith(".")


def _line_furniture(line: str, offset: int) -> list[Furniture]:
    if not _is_headline(line):
        return []
    pats = _patterns()
    found: list[Furniture] = []
    start = 0
    m = pats.prefix.match(line)
    if m is not None:
        found.append(Furniture(offset + m.start(), offset + m.end(), "prefix"))
        start = m.end()
    t = pats.topic.match(line, start)
    if t is not None:
        found.append(Furniture(offset + t.start("sep"), offset + t.end("sep"), "topic"))
        start = t.end()
    c = pats.credit.search(line, start)
    end = len(line)
    if c is not None and line[start : c.start()].strip():
        found.append(Furniture(offset + c.start(), offset + c.end(), "credit"))
        end = c.start()
    for q in _SCARE.finditer(line, start, end):
        for g in (1, 2):
            found.append(Furniture(offset + q.start(g), offset + q.end(g), "quote"))
    return sorted(found, key=lambda f: f.start)


def headline_at(text: str, pos: int) -> bool:
    """True when the line holding ``pos`` reads as a headline: at most
    :data:`MAX_LINE` characters and no closing full stop ("Bomb kills 5 in
    Kirkuk", not a body sentence "Two fighters were killed.")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return _is_headline(text[start : len(text) if end < 0 else end])


def find_furniture(text: str) -> tuple[Furniture, ...]:
    """Wire furniture of every headline-length line of ``text``."""
    found: list[Furniture] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        found.extend(_line_furniture(body, offset))
        offset += len(line)
    return tuple(found)


def clean(text: str) -> WireText:
    """``text`` with its furniture replaced by spaces (same length, same offsets)."""
    furniture = find_furniture(text)
    if not furniture:
        return WireText(text, text, ())
    chars = list(text)
    for f in furniture:
        chars[f.start : f.end] = " " * (f.end - f.start)
    return WireText(text, "".join(chars), furniture)


def clean_article(article: Article) -> Article:
    """``article`` with its furniture blanked (the same object when it has none).

    Only English articles are cleaned: the furniture words are English wire usage.
    """
    if article.lang != "en":
        return article
    wire = clean(article.text)
    return article if not wire.furniture else replace(article, text=wire.text)


def _restore_source(source: Source, text: str) -> Source:
    start, said = source.excerpt_start, source.casualty_start
    sentence = source.casualty_sentence
    if said is not None:
        sentence = text[said : said + len(sentence)]
    return replace(
        source,
        excerpt=text[start : start + len(source.excerpt)],
        casualty_sentence=sentence,
    )


def _restore_incident(incident: Incident, text: str) -> Incident:
    return replace(
        incident, sources=tuple(_restore_source(s, text) for s in incident.sources)
    )


def restore(result: ArticleResult, original: Article) -> ArticleResult:
    """A result computed on :func:`clean_article` output, given back its original
    article; excerpts are re-cut from the original text at the same offsets."""
    if result.article is original:
        return result
    text = original.text
    return replace(
        result,
        article=original,
        incidents=tuple(_restore_incident(i, text) for i in result.incidents),
    )
