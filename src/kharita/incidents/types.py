"""The registry of incident types, read from ``lexicon/incident_types.tsv``.

Each type carries its labels, the ACLED ``event_type``/``sub_event_type`` it
maps to, a map colour and a Font Awesome icon, a tie-break ``priority`` and its
``families`` (types whose families intersect may describe the same event).
Triggers (``lexicon/incident_triggers.tsv``) are phrase sets of the one
matcher (:mod:`kharita.incidents.lexicon`), by scope: a ``headline`` trigger (a
bare verb: "kills", "killed", "attacks") counts only in a headline-style line,
where it reports the event itself; a ``forces`` trigger ("advance", «تقدمت»)
counts only next to an armed-forces noun (``armed_forces.tsv``).

>>> get_type("air_strike").acled_sub_event_type
'Air/drone strike'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigurationError
from ..lexicon import load_table
from ..text.phrases import PhraseHits, phrase_key
from ..text.wire import headline_at

OTHER = "other"


@dataclass(frozen=True, slots=True)
class IncidentType:
    """One row of ``incident_types.tsv``."""

    type: str
    label_en: str
    label_ar: str
    acled_event_type: str
    acled_sub_event_type: str
    colour: str
    icon: str
    priority: int
    families: frozenset[str]

    def compatible(self, other: IncidentType) -> bool:
        """True when both types may describe one event (dedup)."""
        if "any" in self.families or "any" in other.families:
            return True
        return bool(self.families & other.families)


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in folded text."""

    start: int
    end: int
    type: str
    weight: float
    text: str
    bare_verb: bool = False  # a headline-scope verb ("kill", "killed"), no event noun


@lru_cache(maxsize=1)
def registry() -> dict[str, IncidentType]:
    """Every incident type by name, in file order."""
    out: dict[str, IncidentType] = {}
    for row in load_table("incident_types"):
        out[row["type"]] = IncidentType(
            type=row["type"],
            label_en=row["label_en"],
            label_ar=row["label_ar"],
            acled_event_type=row["acled_event_type"],
            acled_sub_event_type=row["acled_sub_event_type"],
            colour=row["colour"],
            icon=row["icon"],
            priority=int(row["priority"] or 50),
            families=frozenset(f for f in row["family"].split("|") if f),
        )
    return out


def get_type(name: str) -> IncidentType:
    """The type called ``name``; an unknown name lists the options."""
    types = registry()
    try:
        return types[name]
    except KeyError:
        options = ", ".join(types)
        raise ConfigurationError(
            f"unknown incident type {name!r}; options are: {options}"
        ) from None


_KILL_VERB = (
    r"(?:(?:shot|shoots?)\s+dead|(?:gunned|guns?)\s+down"
    r"|shot\s+and\s+killed|shot\s+to\s+death)"
)
TARGETED_WEIGHT = 4.0


@lru_cache(maxsize=1)
def _targeted() -> re.Pattern[str]:
    """A killing verb with a targeted person as its object or subject
    ("shot dead a tribal sheikh", "a council member was gunned down")."""
    words = sorted(
        (
            phrase_key(r["word"])
            for r in load_table("targeted_persons")
            if r["lang"] == "en"
        ),
        key=len,
        reverse=True,
    )
    who = "(?:" + "|".join(re.escape(w).replace("\\ ", "\\s+") for w in words) + ")"
    gap = r"(?:[\w'-]+\s+){0,4}?"
    return re.compile(
        rf"(?<![\w-]){_KILL_VERB}\s+{gap}{who}(?![\w-])"
        rf"|(?<![\w-]){who}\s+{gap}(?:was|were)\s+{_KILL_VERB}(?![\w-])"
    )


def _targeted_killings(folded: str, start: int, stop: int) -> list[TriggerMatch]:
    return [
        TriggerMatch(m.start(), m.end(), "assassination", TARGETED_WEIGHT, m.group(0))
        for m in _targeted().finditer(folded, start, stop)
    ]


FORCE_WINDOW = 3  # words between a ``forces`` trigger and its armed-forces noun


def _with_forces(hits: PhraseHits, start: int, end: int) -> bool:
    """construction ground_advance: an armed-forces noun within three words
    before the trigger ("Iraqi forces edge into") or after it (Arabic puts
    the verb first: «تقدمت القوات العراقية»)."""
    folded = hits.text
    lo = start
    for _ in range(FORCE_WINDOW + 1):
        lo = folded.rfind(" ", 0, max(0, lo - 1)) + 1 if lo > 0 else 0
    hi = end
    for _ in range(FORCE_WINDOW + 1):
        nxt = folded.find(" ", hi + 1)
        hi = len(folded) if nxt < 0 else nxt
    return hits.found("force", lo, start) or hits.found("force", end, hi)


def find_triggers(
    hits: PhraseHits, start: int = 0, end: int | None = None
) -> list[TriggerMatch]:
    """Triggers of every language in ``folded[start:end]`` (``hits`` of the
    folded text)."""
    folded = hits.text
    stop = len(folded) if end is None else end
    found: list[TriggerMatch] = []
    for table in ("trigger", "headline", "forces"):
        for hit in hits.matches(table, start, stop):
            if table == "headline" and not headline_at(folded, hit.start):
                continue
            if table == "forces" and not _with_forces(hits, hit.start, hit.end):
                continue
            row = hit.row
            found.append(
                TriggerMatch(
                    hit.start,
                    hit.end,
                    row["type"],
                    float(row["weight"]),
                    hit.text,
                    bare_verb=table == "headline",
                )
            )
    span = folded[start:stop]
    if "shoot" in span or "shot" in span or "gun" in span:
        found.extend(_targeted_killings(folded, start, stop))
    found = _not_triggers_removed(hits, found, start, stop)
    found.sort(key=lambda t: t.start)
    return found


def _not_triggers_removed(
    hits: PhraseHits, found: list[TriggerMatch], start: int, stop: int
) -> list[TriggerMatch]:
    """construction not_a_trigger: a trigger word inside a longer phrase that
    names no event is none («وقف إطلاق النار» a ceasefire, «شركات الطيران»
    airlines, «حظر الطيران» a no-fly zone): ``non_incident_cues.tsv`` kind
    ``not_trigger``."""
    if not found:
        return found
    spans = [
        (h.start, h.end)
        for h in hits.matches("non_incident", start, stop)
        if h.row["kind"] == "not_trigger"
    ]
    if not spans:
        return found
    return [t for t in found if not any(a <= t.start and t.end <= b for a, b in spans)]
