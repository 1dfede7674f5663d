"""The document every stage reads: one article, normalised and split once.

A :class:`Doc` is made once per article by :meth:`kharita.pipeline.Pipeline.make_doc`
(spaCy's ``Doc`` is the model).  It holds

* the :class:`~kharita.models.Article` and its original text;
* :attr:`Doc.norm`: the folded text (:func:`kharita.text.normalize.normalize`)
  with the offset map back into the original;
* :attr:`Doc.match`: the same text with separator runs collapsed, which the
  place automaton scans (gazetteer keys have the same shape);
* :attr:`Doc.sentences`: the one sentence split of the package, over the
  folded text;
* :attr:`Doc.tokens`: words of the folded text with their proclitic stack
  split off (one clitic table, :mod:`kharita.text.clitics`), on demand;
* :attr:`Doc.phrases`: the hits of the pipeline's one phrase matcher over the
  folded text (:mod:`kharita.text.phrases`: triggers, cues, actors, casualty
  words ...), when the pipeline made the ``Doc``;

and the layers the pipeline components add, in order: ``mentions``
(recognise places), ``places`` (resolve places), ``incidents`` and the places
with their roles (extract incidents).  A component returns a new ``Doc``
(:func:`dataclasses.replace`); nothing re-normalises or re-splits the text.

Offsets: ``sentences`` and ``tokens`` index the folded text :attr:`Doc.text`;
mentions, places and incidents index the ORIGINAL text :attr:`Doc.original_text`.
:meth:`Doc.original` and :meth:`Doc.folded` convert between the two.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from .models import Article, ArticleResult, Incident, Mention, ResolvedPlace
from .text.clitics import split_clitic
from .text.normalize import Normalized, normalize
from .text.phrases import PhraseHits
from .text.tokens import MatchText, collapse_separators

# A sentence ends at . ! ? (not a decimal point "3.5", not the period of a
# one-letter abbreviation "U.S.", "U.N."), also where a period is glued to the
# next word («قتل.وأصيب»), and at line breaks.  The mark is matched before the
# lookbehinds are tried: the engine tests one character at most positions
# instead of running the lookbehinds at each (about 6x faster on an article).
_BOUNDARY = re.compile(r"[.!?](?<!\d.)(?<!\b[^\W\d_].)(?!\d)|\n+")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the folded text: ``[start, end)`` in folded offsets."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the folded text, ``[start, end)``; ``base`` without its proclitics."""

    start: int
    end: int
    text: str
    clitic: str
    base: str


@dataclass(frozen=True, slots=True)
class Doc:
    """One article read once, plus the layers the pipeline components add."""

    article: Article
    norm: Normalized
    match: MatchText
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    phrases: PhraseHits | None = None
    mentions: tuple[Mention, ...] = ()
    places: tuple[ResolvedPlace, ...] = ()
    incidents: tuple[Incident, ...] = ()

    @property
    def original_text(self) -> str:
        """The text as published (what every mention/incident offset indexes)."""
        return self.article.text

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Words of the folded text with their proclitic stacks split off
        (computed when asked for: most stages read sentences and phrase hits)."""
        return tokenize(self.norm.text)

    @property
    def hits(self) -> PhraseHits:
        """:attr:`phrases`, which the incident stages read (a Doc made without
        a phrase matcher raises ``ValueError``)."""
        if self.phrases is None:
            raise ValueError("this Doc was made without a phrase matcher")
        return self.phrases

    @property
    def text(self) -> str:
        """The folded text (what sentence and token offsets index)."""
        return self.norm.text

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Folded ``[start, end)`` -> original offsets."""
        return self.norm.span(start, end)

    def folded(self, original_pos: int) -> int:
        """Original offset -> the first folded offset at or after it."""
        return bisect_left(self.norm.index, original_pos)

    def sentence_at(self, folded_pos: int) -> Sentence:
        """The sentence holding folded offset ``folded_pos``."""
        i = max(0, bisect_right(self.starts, folded_pos) - 1)
        return self.sentences[i]

    def same_sentence(self, original_a: int, original_b: int) -> bool:
        """Do two ORIGINAL offsets lie in one sentence?"""
        a = self.sentence_at(self.folded(original_a)).index
        return a == self.sentence_at(self.folded(original_b)).index

    def result(self) -> ArticleResult:
        """The article's result record (the ``extract`` contract)."""
        return ArticleResult(
            article=self.article, places=self.places, incidents=self.incidents
        )


def make_doc(article: Article, read: Callable[[str], PhraseHits] | None = None) -> Doc:
    """Normalise, split into sentences and tokenise ``article`` (once); ``read``
    is the phrase matcher run over the folded text."""
    norm = normalize(article.text)
    sentences = split_sentences(norm.text)
    return Doc(
        article=article,
        norm=norm,
        match=collapse_separators(norm),
        sentences=sentences,
        starts=tuple(s.start for s in sentences),
        phrases=read(norm.text) if read is not None else None,
    )


def split_sentences(folded: str) -> tuple[Sentence, ...]:
    """The package's one sentence splitter (folded text in, folded offsets out)."""
    sentences: list[Sentence] = []
    pos = 0
    for m in _BOUNDARY.finditer(folded):
        _add(sentences, folded, pos, m.end())
        pos = m.end()
    _add(sentences, folded, pos, len(folded))
    if not sentences:
        sentences.append(Sentence(0, 0, len(folded), folded))
    return tuple(sentences)


def tokenize(folded: str) -> tuple[Token, ...]:
    """Words of the folded text, each with its Arabic proclitic stack split off."""
    out = []
    for m in _WORD.finditer(folded):
        word = m.group()
        clitic, base = split_clitic(word)
        out.append(Token(m.start(), m.end(), word, clitic, base))
    return tuple(out)


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    if not chunk.strip():
        if out:  # keep sentences contiguous: trailing blanks join the previous one
            last = out[-1]
            out[-1] = Sentence(last.index, last.start, end, text[last.start : end])
        return
    out.append(Sentence(len(out), start, end, chunk))
