"""Place-name recognition: find every gazetteer name in a text, with original offsets.

One :class:`Recognizer` is built per :class:`~kharita.gazetteer.Gazetteer` (an
Aho-Corasick automaton over every normalised name, plus the forms a name takes
after «لل»); :func:`recognizer_for` caches it.  Calling it on a text returns
:class:`~kharita.models.Mention` records whose ``start``/``end`` index the
ORIGINAL text.

The rules, all data-driven from ``kharita/lexicon/*.tsv``:

* Arabic names may carry a proclitic stack (و ف + ب ل ك + ال, and «لل»), never
  a glued suffix (بغدادي, العراقية are adjectives, not places).  Latin names need
  word boundaries, allow a possessive ('s) and a leading al-/el-, and must be
  capitalised somewhere unless the whole text is lower case.
* The longest name wins; a designator before the name (محافظة، قاعدة، "province
  of") and a trailing adjective (الجوية، الدولي) or English post-designator
  ("airbase", "province") are kept in the span (``place_cues.tsv``).
* A name inside an organisation or outlet name (شرطة البصرة، «بغداد اليوم») is
  not a place (``org_cues.tsv``).
* A name that is also a common word (``common_word_names.tsv`` and the
  gazetteer's ``is_ambiguous``) counts only with support: a designator, a
  preposition of place right before it, or a co-mentioned parent area.
"""

from __future__ import annotations

from .cues import Cues, load_cues, open_cues
from .recognizer import Recognizer, recognizer_for
from .support import common_excess, support_needed

__all__ = [
    "Cues",
    "Recognizer",
    "common_excess",
    "load_cues",
    "open_cues",
    "recognizer_for",
    "support_needed",
]
