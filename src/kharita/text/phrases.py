"""One phrase matcher for the lexicon tables: an Aho-Corasick automaton, one pass a text.

A :class:`PhraseSet` is one lexicon table of one language (triggers, cues,
actors ...): folded phrases (:func:`phrase_key`) and their rows.  A
:class:`PhraseMatcher` is built once over many sets; calling it on a folded text
runs its automaton once and returns :class:`PhraseHits`, which answer "the
matches of set S in ``[start, stop)``" for any range, any number of times.

A match of a set is what this regex would find with ``finditer(text, start,
stop)`` (the tables were once compiled into such regexes; the tests still
compare the two)::

    Arabic:   (?<!\\w)(?:STACK)?(?P<p>PHRASE)(?:SUFFIX)?(?!\\w)
    English:  (?<![\\w.-])(?P<p>PHRASE)(?![\\w-])

* a space in a phrase matches any run of white space, and in Arabic also an
  article added to the next word («عبوه ناسفه» matches «عبوة الناسفة»);
* ``STACK`` is a proclitic stack (:mod:`kharita.text.clitics`), for sets with
  ``clitics``; ``SUFFIX`` a short inflectional ending, for sets with ``suffix``;
* leftmost first, then (as the regex tries them) the longest stack, the longest
  phrase, the first ending in :data:`AR_SUFFIXES`; matches never overlap;
* a range ends the text: a phrase may end at ``stop`` whatever follows it.

The row of a match is the row of its phrase text (an article added to a later
word falls back to the phrase without it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import product
from operator import itemgetter
from typing import Any, NamedTuple

import ahocorasick

from .clitics import CLITICS_WITH_ARTICLE
from .normalize import fold

Row = Mapping[str, str]
AR_SUFFIXES = ("ات", "ان", "ين", "ون", "وا", "ها", "هم", "يه", "يا", "ا", "ه", "ي", "ت")
ARTICLE = "ال"
_SPACE = re.compile(r"\s+")
_RUNS = re.compile(r"\s{2,}|[^\S ]")  # white space other than one plain space
_STACK_MAX = max(len(s) for s in CLITICS_WITH_ARTICLE)
# each ending's rank in AR_SUFFIXES, by length (to look up what follows a phrase)
_SUFFIX_RANKS = tuple(
    (n, {e: r for r, e in enumerate(AR_SUFFIXES) if len(e) == n})
    for n in sorted({len(e) for e in AR_SUFFIXES}, reverse=True)
)
_BY_RANK = itemgetter(0)


def phrase_key(text: str) -> str:
    """The lookup key of a phrase or a matched stretch: folded, single-spaced."""
    return _SPACE.sub(" ", fold(text)).strip()


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """One table of one language: ``rows`` by :func:`phrase_key`.

    ``name`` is ``TABLE:LANG``; :meth:`PhraseHits.matches` reads every
    language of a table, in the order the sets were given.
    """

    name: str
    lang: str  # "ar" or anything else (Latin script rules)
    rows: Mapping[str, Row]
    clitics: bool = True  # Arabic only: a proclitic stack may precede the phrase
    suffix: bool = False  # Arabic only: a short ending may follow it


@dataclass(frozen=True, slots=True)
class Hit:
    """A match in folded text: ``[start, end)``, the matched ``text`` (stack
    and ending included) and the row of its phrase."""

    start: int
    end: int
    text: str
    row: Row


@dataclass(frozen=True, slots=True)
class _Entry:
    """One way a stretch of text can be a phrase of one set."""

    set_index: int
    order: tuple[tuple[int, ...], ...]  # the regex's preference among paths
    row: Row | None  # None: no row (the regex lookup would fail)


class _Alternative(NamedTuple):  # a named tuple: several are made per hit
    rank: tuple[Any, ...]
    end: int  # folded offset after the match
    row: Row | None


class PhraseMatcher:
    """Many :class:`PhraseSet` in one automaton; call it on folded text."""

    def __init__(self, sets: Iterable[PhraseSet]) -> None:
        self.sets = tuple(sets)
        self.index = {s.name: i for i, s in enumerate(self.sets)}
        if len(self.index) != len(self.sets):
            raise ValueError("phrase sets must have distinct names")
        self.tables: dict[str, list[str]] = {}
        for phrase_set in self.sets:
            table = phrase_set.name.partition(":")[0]
            self.tables.setdefault(table, []).append(phrase_set.name)
        entries: dict[str, list[_Entry]] = {}
        for n, phrase_set in enumerate(self.sets):
            for key in phrase_set.rows:
                for text, order in _paths(key, phrase_set.lang == "ar"):
                    row = _row(phrase_set.rows, text)
                    entries.setdefault(text, []).append(_Entry(n, order, row))
        self._automaton: Any = ahocorasick.Automaton()
        for text, found in entries.items():
            self._automaton.add_word(text, (len(text), tuple(found)))
        self._empty = not entries
        if entries:
            self._automaton.make_automaton()

    def __call__(self, folded: str) -> PhraseHits:
        """Every possible match of every set in ``folded`` (one automaton pass)."""
        return PhraseHits(self, folded)

    def set_index(self, name: str) -> int:
        """The position of set ``name``; an unknown name lists the sets."""
        try:
            return self.index[name]
        except KeyError:
            names = ", ".join(self.index)
            raise KeyError(f"no phrase set {name!r}; sets are: {names}") from None


class PhraseHits:
    """The candidate matches of one text, answering range queries per set."""

    __slots__ = ("_by_set", "_matcher", "_starts", "text")

    def __init__(self, matcher: PhraseMatcher, folded: str) -> None:
        self._matcher = matcher
        self.text = folded
        # per set: match start (folded) -> alternatives, best first
        self._by_set: list[dict[int, list[_Alternative]]] = [{} for _ in matcher.sets]
        if not matcher._empty and folded:
            self._scan(folded)
        self._starts = [sorted(by_start) for by_start in self._by_set]

    def _scan(self, folded: str) -> None:
        plain, where = _single_spaced(folded)
        sets = self._matcher.sets
        stacks: dict[int, tuple[int, int] | None] = {}
        for last, (length, entries) in self._matcher._automaton.iter(plain):
            begin, after = last - length + 1, last + 1
            phrase_end = where[last] + 1
            for entry in entries:
                phrase_set = sets[entry.set_index]
                if phrase_set.lang != "ar":
                    if begin and (plain[begin - 1] in ".-" or _word(plain[begin - 1])):
                        continue
                    start, stack = begin, 0
                elif phrase_set.clitics:
                    if begin not in stacks:
                        stacks[begin] = _stack_before(plain, begin)
                    found = stacks[begin]
                    if found is None:
                        continue
                    start, stack = found
                else:
                    if begin and _word(plain[begin - 1]):
                        continue
                    start, stack = begin, 0
                alternatives = self._by_set[entry.set_index].setdefault(
                    where[start], []
                )
                arabic_ending = phrase_set.suffix and phrase_set.lang == "ar"
                if arabic_ending:
                    for rank, ending in _endings_at(plain, after):
                        alternatives.append(
                            _Alternative(
                                (-stack, entry.order, rank),
                                phrase_end + len(ending),
                                entry.row,
                            )
                        )
                alternatives.append(
                    _Alternative(
                        (-stack, entry.order, len(AR_SUFFIXES) if arabic_ending else 0),
                        phrase_end,
                        entry.row,
                    )
                )
        for by_start in self._by_set:
            for alternatives in by_start.values():
                if len(alternatives) > 1:
                    alternatives.sort(key=_BY_RANK)

    @property
    def matcher(self) -> PhraseMatcher:
        """The matcher that found these hits (to read another text with it)."""
        return self._matcher

    def matches(self, table: str, start: int = 0, stop: int | None = None) -> list[Hit]:
        """:meth:`finditer` of every language of ``table``, set after set."""
        names = self._matcher.tables.get(table, ())
        return [h for name in names for h in self.finditer(name, start, stop)]

    def found(self, table: str, start: int = 0, stop: int | None = None) -> bool:
        """Does any language of ``table`` match in ``text[start:stop]``?"""
        names = self._matcher.tables.get(table, ())
        return any(self.search(name, start, stop) is not None for name in names)

    def finditer(self, name: str, start: int = 0, stop: int | None = None) -> list[Hit]:
        """The matches of set ``name`` in ``text[start:stop]``, left to right."""
        return list(self._matches(name, start, stop, first=False))

    def search(self, name: str, start: int = 0, stop: int | None = None) -> Hit | None:
        """The first match of set ``name`` in ``text[start:stop]``, or None."""
        found = self._matches(name, start, stop, first=True)
        return found[0] if found else None

    def _matches(
        self, name: str, start: int, stop: int | None, *, first: bool
    ) -> list[Hit]:
        n = self._matcher.set_index(name)
        starts = self._starts[n]
        if not starts:
            return []
        by_start = self._by_set[n]
        latin = self._matcher.sets[n].lang != "ar"
        end = len(self.text) if stop is None else min(stop, len(self.text))
        out: list[Hit] = []
        pos = start
        for k in range(bisect_left(starts, start), bisect_left(starts, end)):
            at = starts[k]
            if at < pos:
                continue
            hit = self._first(by_start[at], at, end, latin)
            if hit is not None:
                out.append(hit)
                if first:
                    break
                pos = hit.end
        return out

    def _first(
        self, alternatives: list[_Alternative], at: int, stop: int, latin: bool
    ) -> Hit | None:
        text = self.text
        for alt in alternatives:
            if alt.end > stop:
                continue
            if alt.end < stop:
                after = text[alt.end]
                if _word(after) or (latin and after == "-"):
                    continue
            if alt.row is None:
                raise KeyError(f"no row for {text[at : alt.end]!r}")
            return Hit(at, alt.end, text[at : alt.end], alt.row)
        return None


def _endings_at(plain: str, after: int) -> list[tuple[int, str]]:
    """The endings of :data:`AR_SUFFIXES` ``plain`` holds at ``after``, by rank."""
    found = []
    for n, ranks in _SUFFIX_RANKS:
        ending = plain[after : after + n]
        rank = ranks.get(ending)
        if rank is not None:
            found.append((rank, ending))
    found.sort()
    return found


def _word(ch: str) -> bool:
    """``\\w`` of Python's ``re`` for one character."""
    return ch.isalnum() or ch == "_"


def _single_spaced(folded: str) -> tuple[str, list[int]]:
    """``folded`` with each run of white space as one space, and for each of its
    characters the folded offset (a run maps to its first character)."""
    pieces: list[str] = []
    where: list[int] = []
    last = 0
    for m in _RUNS.finditer(folded):  # only the runs that are not one plain space
        start = m.start()
        pieces.append(folded[last:start])
        pieces.append(" ")
        where.extend(range(last, start + 1))
        last = m.end()
    if not pieces:
        return folded, list(range(len(folded)))
    pieces.append(folded[last:])
    where.extend(range(last, len(folded)))
    return "".join(pieces), where


def _stack_before(plain: str, begin: int) -> tuple[int, int] | None:
    """The start of the word holding ``begin`` and the length of the stack
    before ``begin`` (None when the letters before it are no proclitic stack)."""
    start = begin
    while start > 0 and _word(plain[start - 1]):
        start -= 1
        if begin - start > _STACK_MAX:
            return None
    stack = plain[start:begin]
    if stack and stack not in CLITICS_WITH_ARTICLE:
        return None
    return start, len(stack)


def _paths(key: str, arabic: bool) -> list[tuple[str, tuple[tuple[int, ...], ...]]]:
    """The texts ``key`` matches (single-spaced) and each path's preference.

    Arabic: each space may be followed by an added article.  The preference is
    the order in which a backtracking regex tries the paths: at a space, the
    article first; a longer phrase before a shorter one (see :class:`_Entry`).
    """
    words = key.split(" ")
    choices = (
        [(True, False)] * (len(words) - 1) if arabic else [(False,)] * (len(words) - 1)
    )
    out = []
    for added in product(*choices):
        text = words[0]
        order: list[tuple[int, ...]] = [(0,)] * len(words[0])
        for word, article in zip(words[1:], added, strict=True):
            text += " " + (ARTICLE if article else "") + word
            order.append((1, 0 if article else 1))
            order.extend([(0,)] * len(word))
        order.append((2,))
        out.append((text, tuple(order)))
    return out


def _row(rows: Mapping[str, Row], text: str) -> Row | None:
    """The row of a matched phrase text (an added article dropped when needed)."""
    row = rows.get(text)
    if row is None:
        first, *rest = text.split(" ")
        stripped = [w[2:] if w.startswith(ARTICLE) else w for w in rest]
        row = rows.get(" ".join([first, *stripped]))
    return row
