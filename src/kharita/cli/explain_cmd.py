"""``kharita explain INPUT``: for each place mention, the candidates, the rules that fired, and why the winner won."""

from __future__ import annotations

import json
from typing import Any

import click

from ..gazetteer import load_gazetteer
from ..ingest import iter_articles
from ..mentions import recognizer_for
from ..models import Article, Candidate, RecordError, ResolvedPlace
from ..resolve import resolve_places


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


def _lines(article: Article, places: list[ResolvedPlace]) -> list[str]:
    out = [f"== {article.id} ({article.lang}), {len(places)} place mentions"]
    for rp in places:
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
        out.append(
            f"- «{rp.mention.text}» [{rp.start}:{rp.end}] -> {name} at {where} ±{info['precision_m']} m, confidence {rp.confidence:.2f}{flags}"
        )
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


@click.command("explain")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
def explain_command(inputs: tuple[str, ...], as_json: bool) -> None:
    """Explain place recognition and resolution for each article of INPUT."""
    gaz = load_gazetteer()
    recognize = recognizer_for(gaz)
    for record in iter_articles(inputs):
        if isinstance(record, RecordError):
            click.echo(str(record), err=True)
            continue
        places = resolve_places(record, recognize(record.text, record.lang), gaz)
        if as_json:
            click.echo(
                json.dumps(
                    {"id": record.id, "places": [explain_place(p) for p in places]},
                    ensure_ascii=False,
                )
            )
        else:
            click.echo("\n".join(_lines(record, places)))
