"""Attribution: who is said to have done it, who claimed it, who denied it.

Actors come from ``lexicon/actors.tsv`` (a folded phrase and a short label);
cues from ``lexicon/attribution_cues.tsv`` with the side of the cue where the
actor stands (Arabic VSO «نفت الولايات المتحدة», SVO «واشنطن تنفي», "X claimed
responsibility").  Rules:

* a claim cue right after a denial (``نفت ... مسؤوليتها عن``) is part of the
  denial; a negated claim (``لم تعلن أية جهة مسؤوليتها``, "no group has
  claimed") is no claim;
* an actor that denied is never the perpetrator (the seed: reports that «الولايات
  المتحدة شنت غارات» are what CENTCOM denies);
* the perpetrator is the actor of a perpetration cue (``شن``, ``نفذ``,
  ``أطلقت``, "carried out"), or an actor right beside an event noun (``قصف
  جوي تركي``, "Turkish air strikes"; not a headline's bare verb: "kill 8 PKK
  members"); "X is suspected" gives ``"X (suspected)"``.

Spans are offsets into the original article text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Attribution
from ..text.phrases import PhraseHits
from ._doc import Doc

_WINDOW_AFTER = 70
_WINDOW_BEFORE = 90
_NEGATION = re.compile(
    r"(?:\bلم|\bلا|\bno|\bnot|\bnone|\byet to)\s+(?:[\w-]+\s+){0,3}$"
)
_BREAK = re.compile(r"[.;!?\n]")
_SPEAKER_GAP = re.compile(r"\s+(?:\w+\s+)?")  # «مسؤول عسكري أمريكي»: one adjective


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in folded text."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class _Cue:
    """An attribution cue found in a sentence (folded offsets)."""

    start: int
    end: int
    kind: str
    subject: str


def find_actors(doc: Doc) -> list[ActorMention]:
    """Actors named in the article.

    construction capitals_actor: a row of case ``upper`` ("US") names its actor
    only where the article writes it in capitals ("US air strike"), never the
    pronoun ("told us")."""
    text = doc.original_text
    found = [
        m
        for m in doc.hits.matches("actor")
        if m.row.get("case") != "upper"
        or text[slice(*doc.original(m.start, m.end))].isupper()
    ]
    return sorted(
        (ActorMention(m.start, m.end, m.row["label"]) for m in found),
        key=lambda a: a.start,
    )


def _find_cues(hits: PhraseHits) -> list[_Cue]:
    found = hits.matches("attribution")
    return sorted(
        (_Cue(m.start, m.end, m.row["kind"], m.row["subject"]) for m in found),
        key=lambda c: c.start,
    )


def doc_actors(doc: Doc) -> list[ActorMention]:
    """Actors named anywhere in the article."""
    return find_actors(doc)


def _actor_for(
    cue: _Cue, actors: list[ActorMention], folded: str
) -> ActorMention | None:
    after = [
        a for a in actors
        if cue.subject in ("after", "both") and 0 <= a.start - cue.end <= _WINDOW_AFTER
        and not _BREAK.search(folded, cue.end, a.start)
    ]  # fmt: skip
    before = [
        a for a in actors
        if cue.subject in ("before", "both") and 0 <= cue.start - a.end <= _WINDOW_BEFORE
        and not _BREAK.search(folded, a.end, cue.start)
    ]  # fmt: skip
    if after and (not before or after[0].start - cue.end <= cue.start - before[-1].end):
        return after[0]
    return before[-1] if before else None


def find_attribution(
    doc: Doc,
    spans: Sequence[tuple[int, int]],
    triggers: Sequence[tuple[int, int]] = (),
    perpetrator_spans: Sequence[tuple[int, int]] | None = None,
) -> tuple[Attribution, list[ActorMention]]:
    """Attribution stated in the folded ``spans`` (an incident's sentences).

    Perpetration cues count only inside ``perpetrator_spans`` (default: all
    ``spans``) - the sentences that describe this incident's kind of event.
    """
    perp_ok = spans if perpetrator_spans is None else perpetrator_spans
    folded = doc.text
    all_actors, all_cues = find_actors(doc), _find_cues(doc.hits)
    actors = [a for a in all_actors if any(s <= a.start < e for s, e in spans)]
    cues = [c for c in all_cues if any(s <= c.start < e for s, e in spans)]
    found: dict[str, ActorMention] = {}
    # construction actor_modifier: an actor right beside an event noun, with
    # nothing between, is its perpetrator: after it in Arabic («قصف جوي تركي»),
    # before it in English ("Turkish air strikes", "a PKK attack"); never a
    # figure or word away ("kill 8 PKK members": the PKK are the dead)
    for t_start, t_end in triggers:
        for a in actors:
            latin = folded[a.start : a.end].isascii()
            after = 0 <= a.start - t_end <= 3 and not folded[t_end : a.start].strip()
            before = 0 <= t_start - a.end <= 2 and not folded[a.end : t_start].strip()
            after, before = after and not latin, before and latin
            # state_strike: the actor inside the trigger phrase («ضربة تركية»)
            inside = t_start <= a.start and a.end <= t_end
            if (after or before or inside) and "perpetrated" not in found:
                found["perpetrated"] = a
    suspected = False
    denial_ends = [c.end for c in cues if c.kind == "denied"]
    speakers = _speakers(folded, actors, cues)
    for cue in cues:
        if cue.kind == "speaker":
            continue
        if cue.kind == "claimed" and any(0 <= cue.start - d <= 70 for d in denial_ends):
            continue
        if cue.kind in ("perpetrated", "suspected", "accused") and not any(
            s <= cue.start < e for s, e in perp_ok
        ):
            continue
        if cue.kind in ("claimed", "perpetrated") and _NEGATION.search(
            folded[max(0, cue.start - 40) : cue.start]
        ):
            continue
        agents = actors
        if cue.kind in ("perpetrated", "suspected", "accused"):
            agents = [a for a in actors if a not in speakers]
        actor = _actor_for(cue, agents, folded)
        if actor is None:
            continue
        kind = "perpetrated" if cue.kind in ("accused", "suspected") else cue.kind
        if (
            kind == "perpetrated"
            and cue.kind == "suspected"
            and "perpetrated" not in found
        ):
            suspected = True
        found.setdefault(kind, actor)
    return _build(doc, found, suspected), actors


def _speakers(
    folded: str, actors: list[ActorMention], cues: list[_Cue]
) -> list[ActorMention]:
    """construction actor_speaker: an actor right beside a noun for who speaks,
    before it in English ("A second US official confirmed that the attack was
    carried out from inside Iraq"), after it in Arabic («قال مسؤول أمريكي إن
    الهجوم نفذ»), is a source of the report: it may deny or claim, but it is
    never the subject of a perpetration cue."""
    out = []
    for c in cues:
        if c.kind != "speaker":
            continue
        for a in actors:
            if c.subject == "before":  # English: the actor, then the noun
                beside = (
                    0 <= c.start - a.end <= 2 and not folded[a.end : c.start].strip()
                )
            else:  # Arabic: the noun, an adjective perhaps, then the actor
                beside = (
                    a.start >= c.end
                    and _SPEAKER_GAP.fullmatch(folded, c.end, a.start) is not None
                )
            if beside:
                out.append(a)
    return out


def _build(doc: Doc, found: dict[str, ActorMention], suspected: bool) -> Attribution:
    denied = found.get("denied")
    perp = found.get("perpetrated")
    if perp is not None and denied is not None and perp.label == denied.label:
        perp = None
    claimed = found.get("claimed")

    def span(a: ActorMention | None) -> tuple[int, int] | None:
        return doc.original(a.start, a.end) if a else None

    label = perp.label + (" (suspected)" if suspected else "") if perp else None
    return Attribution(
        perpetrator=label,
        claimed_by=claimed.label if claimed else None,
        denied_by=denied.label if denied else None,
        perpetrator_span=span(perp),
        claimed_span=span(claimed),
        denied_span=span(denied),
    )
