"""The casualty grammar's language data, compiled once (internal helper).

Three lexicon tables feed it:

* ``casualty_cues.tsv`` - the words a count is read next to (``مقتل``,
  ``قتيلا``, "killed"), their kind (killed, wounded, casualties = a combined
  toll, zero phrases) and the direction the count is looked for;
* ``number_words.tsv`` - cardinals, duals, counted singulars, vague
  quantities and modifiers ("at least", ``أكثر من``);
* ``casualty_words.tsv`` - the word sets the reading rules use (units,
  joiners, negators, revision and background markers, attacker nouns ...),
  each row naming its set and the construction it serves.

Everything is folded (:func:`kharita.text.normalize.fold`) on load, so the
tables are written in ordinary spelling.  The phrases found in running text
(cues, zero phrases, revision words) are sets of the one phrase matcher
(:mod:`kharita.incidents.lexicon`); this module indexes the words the
reading rules look up token by token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table
from ..text.phrases import phrase_key
from .lexicon import ZERO_KINDS, by_lang

Row = dict[str, str]
# first word -> (width in words, the following words, row), longest first
PhraseIndex = dict[str, list[tuple[int, tuple[str, ...], Row]]]


@dataclass(frozen=True, slots=True)
class CasualtyLexicon:
    """The compiled tables (see module doc)."""

    cues: PhraseIndex  # non-zero cues by first word
    numbers: dict[str, Row]  # number words by folded key
    number_index: PhraseIndex
    words: dict[str, frozenset[str]]  # casualty_words.tsv: set -> folded words
    months: frozenset[str]

    def is_(self, word_set: str, *forms: str) -> bool:
        """True when any of ``forms`` is in ``word_set``."""
        members = self.words.get(word_set, frozenset())
        return not members.isdisjoint(forms)


def _index(rows: dict[str, Row]) -> PhraseIndex:
    index: PhraseIndex = {}
    for key, row in rows.items():
        head, *tail = key.split(" ")
        index.setdefault(head, []).append((1 + len(tail), tuple(tail), row))
    for entries in index.values():
        entries.sort(key=lambda e: -e[0])
    return index


def _word_sets() -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for row in load_table("casualty_words"):
        key = phrase_key(row["word"])
        sets.setdefault(row["set"], set()).add(key)
        if " " in key:  # the first words of phrases: a cheap pre-check
            sets.setdefault(row["set"] + "_head", set()).add(key.split(" ")[0])
    return {k: frozenset(v) for k, v in sets.items()}


@lru_cache(maxsize=1)
def casualty_lexicon() -> CasualtyLexicon:
    """The casualty tables, loaded and compiled once."""
    cues = by_lang(load_table("casualty_cues"), "cue")
    flat: dict[str, Row] = {}
    for table in cues.values():
        flat.update({k: v for k, v in table.items() if v["kind"] not in ZERO_KINDS})
    numbers: dict[str, Row] = {}
    for row in load_table("number_words"):
        numbers.setdefault(phrase_key(row["word"]), row)
    return CasualtyLexicon(
        cues=_index(flat),
        numbers=numbers,
        number_index=_index(numbers),
        words=_word_sets(),
        months=frozenset(
            phrase_key(r["name"]).split()[0] for r in load_table("months")
        ),
    )
