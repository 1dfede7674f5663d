"""``kharita eval GOLD.jsonl``: score recognition/resolution (or incidents) against gold."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--articles",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Articles the gold offsets index (default: ../shared/samples/articles.jsonl).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the scores as one JSON object."
)
def eval_command(gold: Path, articles: Path | None, as_json: bool) -> None:
    """Score kharita on GOLD: span P/R/F1 (exact, overlap), acc@k km, median km.

    GOLD is ner_ar_dev-style (text + spans), tests/gold/places_dev.jsonl
    (ids + place offsets into --articles) or tests/gold/incidents_dev.jsonl;
    a UCDP GED CSV (.csv with source_headline) gives incident coverage,
    acc@50km and killed exact on its headlines, per half (dev, heldout).
    """
    if gold.suffix.lower() == ".csv":
        from ..evaluate.ucdp import evaluate_ucdp, ucdp_lines  # lazy, like gold

        ucdp = evaluate_ucdp(gold)
        if as_json:
            click.echo(json.dumps(ucdp, ensure_ascii=False))
            return
        for line in ucdp_lines(ucdp):
            click.echo(line)
        return
    from ..evaluate.gold import evaluate_file, table_lines  # lazy: geopy, start-up

    scores = evaluate_file(gold, articles)
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False))
        return
    for line in table_lines(scores):
        click.echo(line)
