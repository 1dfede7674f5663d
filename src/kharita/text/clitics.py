"""The Arabic proclitic stacks, from ``lexicon/proclitics.tsv`` (the one clitic table).

A stack is an optional conjunction (و ف), then an optional preposition (ب ل ك),
an article (ال), a preposition with the article (بال كال), or «لل» (ل + ال).
Place recognition, the lexicon phrase matcher and the tokens of a
:class:`~kharita.doc.Doc` all split words with these stacks.

* :data:`PROCLITICS`: stacks without a free article (the article of a place
  name is part of the gazetteer name: «الموصل»);
* :data:`CLITICS_WITH_ARTICLE`: every stack;
* :data:`STACK_PATTERN`: a regex matching any stack (possibly empty).
"""

from __future__ import annotations

import re
from collections.abc import Container

from ..lexicon import load_table


def _forms(kind: str) -> tuple[str, ...]:
    return tuple(r["form"] for r in load_table("proclitics") if r["kind"] == kind)


_CONJ = ("", *_forms("conj"))
_PREP = ("", *_forms("prep"))
_ARTICLE = _forms("article")
_FUSED = _forms("prep_article")
# ل + ال is written لل (a fused row), never «لال»
_PREP_ARTICLE = tuple(
    p + a for p in _PREP for a in _ARTICLE if not any(f == p + a[1:] for f in _FUSED)
)

PROCLITICS: frozenset[str] = frozenset(c + p for c in _CONJ for p in (*_PREP, *_FUSED))
CLITICS_WITH_ARTICLE: frozenset[str] = PROCLITICS | frozenset(
    c + pa for c in _CONJ for pa in _PREP_ARTICLE
)
PROCLITIC_CHARS: frozenset[str] = frozenset("".join(CLITICS_WITH_ARTICLE))
STACK_PATTERN = (
    "(?:"
    + "|".join(
        re.escape(s) for s in sorted(CLITICS_WITH_ARTICLE, key=len, reverse=True) if s
    )
    + ")?"
)
_LONGEST = max(len(s) for s in CLITICS_WITH_ARTICLE)


def clitic_splits(word: str, min_base: int = 1) -> tuple[tuple[str, str], ...]:
    """Every (stack, base) reading of ``word``, the bare word first, shortest stack next.

    Which reading is right depends on the vocabulary the caller matches the
    base against (``بغداد`` is a name, not ب + غداد).
    """
    out = [("", word)]
    for k in range(1, min(_LONGEST, len(word) - min_base) + 1):
        if word[:k] in CLITICS_WITH_ARTICLE:
            out.append((word[:k], word[k:]))
    return tuple(out)


def split_clitic(word: str) -> tuple[str, str]:
    """The longest-stack reading of ``word`` that leaves at least three letters."""
    return clitic_splits(word, 3)[-1]


def strip_proclitic(word: str, vocabulary: Container[str]) -> tuple[str, str] | None:
    """(stack, base) of ``word`` with ``base`` in ``vocabulary``, shortest stack first."""
    for stack, base in clitic_splits(word):
        if base in vocabulary:
            return stack, base
    return None
