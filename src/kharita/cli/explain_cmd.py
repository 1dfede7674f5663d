"""``kharita explain INPUT``: the article's Doc after each pipeline component.

For every article: what ``make_doc`` read (sentences, tokens), the mentions
``recognise_places`` found, for each place the candidates, the rules that fired
and why the winner won (``resolve_places``), and the incidents and place roles
``extract_incidents`` set.
"""

from __future__ import annotations

import json
from typing import Any

import click

from ..doc import Doc
from ..ingest import iter_articles
from ..models import Candidate, Mention, RecordError, ResolvedPlace
from ..pipeline import Pipeline
from ..serialize import incident_to_dict


def _candidate(c: Candidate) -> dict[str, Any]:
    return {
        "id": c.place.id,
        "name": c.place.name_en,
        "name_ar": c.place.name_ar,
        "type": c.place.type,
        "country": c.place.country,
        "score": c.score,
        "rules": [
            {"rule": e.rule, "weight": e.weight, "detail": e.detail} for e in c.evidence
        ],
    }


def explain_place(rp: ResolvedPlace) -> dict[str, Any]:
    """A JSON-able account of one resolution decision."""
    alts = list(rp.alternatives)
    margin = round(alts[0].score - alts[1].score, 3) if len(alts) > 1 else None
    return {
        "text": rp.mention.text,
        "start": rp.start,
        "end": rp.end,
        "kind": rp.mention.kind,
        "designator": rp.mention.designator,
        "winner": rp.place.id if rp.place else None,
        "lat": rp.lat,
        "lon": rp.lon,
        "confidence": rp.confidence,
        "low_confidence": rp.low_confidence,
        "precision_m": round(rp.precision_m),
        "foreign": rp.foreign,
        "relative": rp.relative.phrase if rp.relative else None,
        "margin": margin,
        "rules": [
            {"rule": e.rule, "weight": e.weight, "detail": e.detail}
            for e in rp.evidence
        ],
        "candidates": [_candidate(c) for c in alts],
    }


def _mention(m: Mention) -> dict[str, Any]:
    return {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "kind": m.kind,
        "designator": m.designator,
        "candidates": list(m.candidates),
    }


def stage_dict(name: str, doc: Doc) -> Any:
    """What component ``name`` added to ``doc``, JSON-able."""
    if name == "make_doc":
        return {
            "lang": doc.article.lang,
            "sentences": len(doc.sentences),
            "tokens": len(doc.tokens),
            "characters": len(doc.original_text),
        }
    if name == "recognise_places":
        return [_mention(m) for m in doc.mentions]
    if name in ("resolve_places", "geocode_online"):
        return [explain_place(p) for p in doc.places]
    return {
        "incidents": [incident_to_dict(i) for i in doc.incidents],
        "roles": [
            {"text": p.mention.text, "start": p.start, "role": p.role}
            for p in doc.places
        ],
    }


def _place_lines(rp: ResolvedPlace) -> list[str]:
    info = explain_place(rp)
    where = (
        f"{rp.lat:.4f}, {rp.lon:.4f}"
        if rp.lat is not None and rp.lon is not None
        else "no point"
    )
    flags = " LOW-CONFIDENCE" if rp.low_confidence else ""
    flags += " FOREIGN" if rp.foreign else ""
    name = (
        f"{rp.place.name_en} [{rp.place.id}, {rp.place.type}]"
        if rp.place
        else "(no gazetteer place)"
    )
    out = [
        f"- «{rp.mention.text}» [{rp.start}:{rp.end}] -> {name} at {where} ±{info['precision_m']} m, confidence {rp.confidence:.2f}{flags}"
    ]
    if rp.relative:
        out.append(f"    relative: «{rp.relative.phrase}»")
    for c in rp.alternatives:
        rules = ", ".join(f"{e.rule} {e.weight:+.2f}" for e in c.evidence) or "none"
        out.append(
            f"    {c.score:6.2f}  {c.place.name_en} [{c.place.id}, {c.place.type}, {c.place.country}]: {rules}"
        )
    if info["margin"] is not None:
        out.append(f"    winner by {info['margin']:.2f} points")
    elif rp.place:
        out.append("    only candidate")
    return out


def stage_lines(name: str, doc: Doc) -> list[str]:
    """What component ``name`` added to ``doc``, as text lines."""
    if name == "make_doc":
        return [
            f"== {doc.article.id} ({doc.article.lang}): "
            f"{len(doc.sentences)} sentences, {len(doc.tokens)} tokens"
        ]
    if name == "recognise_places":
        found = ", ".join(f"«{m.text}» [{m.start}:{m.end}]" for m in doc.mentions)
        return [f"[{name}] {len(doc.mentions)} mentions: {found or '-'}"]
    if name in ("resolve_places", "geocode_online"):
        out = [f"[{name}] {len(doc.places)} place mentions"]
        for rp in doc.places:
            out.extend(_place_lines(rp))
        return out
    out = [f"[{name}] {len(doc.incidents)} incidents"]
    for n, inc in enumerate(doc.incidents, 1):
        where = inc.place.place.name_en if inc.place and inc.place.place else "-"
        day = inc.date.iso or "undated"
        out.append(
            f"  #{n} {inc.type} {day} at {where}: killed {inc.killed.min}-{inc.killed.max}, "
            f"wounded {inc.wounded.min}-{inc.wounded.max}"
        )
    roles = ", ".join(f"«{p.mention.text}» {p.role}" for p in doc.places)
    out.append(f"  roles: {roles or '-'}")
    return out


@click.command("explain")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
def explain_command(inputs: tuple[str, ...], as_json: bool) -> None:
    """Show the Doc of each article of INPUT after every pipeline component:
    mentions found, candidates and rules of each place, incidents and roles."""
    pipeline = Pipeline()
    for record in iter_articles(inputs):
        if isinstance(record, RecordError):
            click.echo(str(record), err=True)
            continue
        stages = list(pipeline.stages(record))
        if as_json:
            out = {
                "id": record.id,
                "stages": {name: stage_dict(name, doc) for name, doc in stages},
            }
            click.echo(json.dumps(out, ensure_ascii=False))
        else:
            for name, doc in stages:
                click.echo("\n".join(stage_lines(name, doc)))
