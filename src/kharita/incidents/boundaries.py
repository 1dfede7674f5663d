"""Where one event of an article ends and the next begins, and what is no event.

Two lexicon tables, phrase sets of the one matcher (``doc.phrases``):

* ``lexicon/incident_boundaries.tsv`` - markers that open a new event at the
  head of a sentence or of a clause (after a comma or semicolon): a daily
  round-up by place («وفي محافظة ديالى،» / "In Diyala province,": kind
  ``roundup_place``, only when a place mention follows at once), a separate
  incident («وفي حادث منفصل», "In other violence", "Elsewhere": ``separate``)
  or a topic shift («إلى ذلك», «من جهة أخرى», "Meanwhile": ``transition``);
  a clause telling an earlier, distinct event («وذلك عقب هجوم صاروخي على
  قاعدة ...», "hours after": ``antecedent``) is an event of its own for that
  clause only.
  A sentence is cut at a clause marker, so each event keeps its own clauses
  (and its own casualty figures).
* ``lexicon/non_incident_cues.tsv`` - a foiled, defused or intercepted attack
  (``foiled``: «إحباط», «تفكيك عبوة», "intercepted") and sentences about
  strikes in general: a visit, a condemnation or call, commentary, a
  background note (``visit``, ``statement``, ``analysis``, ``background``),
  and sentences saying no attack happened (``no_event``: «نفى وقوع أي هجوم», a
  controlled detonation).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.phrases import PhraseHits
from ._doc import Doc, Sentence

FOILED_WINDOW = 80  # characters: a foiled cue this far before the trigger governs it
INTENT_WINDOW = 24  # characters: an intent cue this far before the trigger governs it
_PLACE_GAP = 2  # characters between «وفي» and the place mention it introduces
_SENTENCE_HEAD = re.compile(r"^[\s\"«“'(\-–—]*$")
_CLAUSE_HEAD = re.compile(r"(?:^|[,;]|\n)[\s\"«“'(\-–—]*$")


@dataclass(frozen=True, slots=True)
class Boundary:
    """A marker opening a new event: folded offset of its start and its kind."""

    start: int
    kind: str  # roundup_place | separate | transition | antecedent


def _at_head(folded: str, sentence: Sentence, pos: int, position: str) -> bool:
    head = _CLAUSE_HEAD if position == "clause" else _SENTENCE_HEAD
    return bool(head.search(folded[sentence.start : pos]))


def find_boundaries(
    doc: Doc, place_starts: Sequence[int]
) -> list[Boundary]:  # fmt: skip
    """Event markers at the head of a sentence or clause (``place_starts``:
    folded starts of the place mentions, for ``roundup_place``)."""
    folded = doc.text
    starts = set(place_starts)
    out: list[Boundary] = []
    for m in doc.hits.matches("boundary"):
        row = m.row
        sentence = doc.sentence_at(m.start)
        if not _at_head(folded, sentence, m.start, row["position"]):
            continue
        kind = row["kind"]
        if kind == "roundup_place" and not any(
            m.end < s <= m.end + _PLACE_GAP for s in starts
        ):
            continue
        out.append(Boundary(m.start, kind))
    return sorted({b.start: b for b in out}.values(), key=lambda b: b.start)


def split_units(doc: Doc, boundaries: Sequence[Boundary]) -> list[Sentence]:
    """The sentences of ``doc`` cut again at every clause-level boundary."""
    cuts = sorted({b.start for b in boundaries})
    units: list[Sentence] = []
    for s in doc.sentences:
        pos = s.start
        for cut in (c for c in cuts if s.start < c < s.end):
            units.append(Sentence(len(units), pos, cut, doc.text[pos:cut]))
            pos = cut
        units.append(Sentence(len(units), pos, s.end, doc.text[pos : s.end]))
    return units


@dataclass(frozen=True, slots=True)
class Cue:
    """A non-incident cue in folded text."""

    start: int
    end: int
    kind: str  # foiled | visit | statement | analysis | background | no_event


def find_cues(hits: PhraseHits, start: int = 0, end: int | None = None) -> list[Cue]:
    """Non-incident cues in ``folded[start:end]`` (``hits`` of the folded text)."""
    found = hits.matches("non_incident", start, end)
    return sorted(
        (Cue(m.start, m.end, m.row["kind"]) for m in found), key=lambda c: c.start
    )


def is_general(cues: Sequence[Cue], triggers: Sequence[int]) -> bool:
    """A sentence about strikes in general: a visit, a statement, commentary or
    a background note governs it (its cue comes before the first trigger:
    «أدان المحافظ الضربات», not "a rocket hit the base during a visit"), or every
    trigger is an act only intended (:func:`_intended`).  ``triggers`` are the
    start offsets of the sentence's triggers."""
    first = min(triggers, default=None)
    intents = [c for c in cues if c.kind == "intent"]
    return any(
        c.kind == "no_event"  # «نفى وقوع أي هجوم», "a controlled detonation"
        or c.kind in ("visit", "statement", "analysis", "background")
        and (first is None or c.start < first)
        for c in cues
    ) or bool(intents and triggers and all(_intended(intents, t) for t in triggers))


def is_trial(cues: Sequence[Cue], triggers: Sequence[int]) -> bool:
    """construction trial: a sentence about a trial for an attack («أصدرت المحكمة
    حكما بالإعدام بحق مدان بتفجير الكرادة», "A court sentenced a man to death for
    the 2016 Karrada bombing") reports no incident, whatever figures it gives
    (they are the old attack's): the cue comes before the first trigger ("gunmen
    killed a judge who had sentenced ..." is an incident)."""
    first = min(triggers, default=None)
    return any(c.kind == "trial" and (first is None or c.start < first) for c in cues)


def _intended(intents: Sequence[Cue], trigger: int) -> bool:
    """construction intent: an act prepared, planned or threatened is not an
    act done: the trigger follows an intent cue within a few words ("forces are
    preparing to advance on Tal Afar", «تستعد القوات لشن هجوم»).  A trigger
    further on tells something else ("forces preparing to advance were hit by
    a car bomb")."""
    return any(0 <= trigger - c.end <= INTENT_WINDOW for c in intents)


def foiled(cues: Sequence[Cue], trigger_start: int, trigger_end: int) -> bool:
    """True when a foiled cue stands on or shortly before the trigger
    («أحبطت القوات الأمنية محاولة لاستهداف ...», "defused a roadside bomb")."""
    return any(
        c.kind == "foiled"
        and c.start < trigger_end
        and trigger_start - c.end <= FOILED_WINDOW
        for c in cues
    )
