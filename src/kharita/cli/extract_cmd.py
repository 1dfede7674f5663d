"""``kharita extract``: one JSON object per article (the machine-readable contract)."""

from __future__ import annotations

import json

import click

from ..export.atomic import atomic_open
from ..serialize import result_to_dict
from ._common import finish, input_options, run_inputs


@click.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write JSON Lines here instead of stdout.")
@click.pass_context
def extract(ctx: click.Context, inputs: tuple[str, ...], workers: int, output: str | None) -> None:
    """Print places and incidents of each article as JSON Lines.

    Offsets (start/end) index the article's input text.
    """
    collected = run_inputs(ctx, inputs, workers)
    lines = [json.dumps(result_to_dict(r), ensure_ascii=False) for r in collected.results]
    if output:
        with atomic_open(output) as handle:
            handle.write("".join(line + "\n" for line in lines))
    else:
        for line in lines:
            click.echo(line)
    incidents = sum(len(r.incidents) for r in collected.results)
    finish(ctx, collected, incidents, [output] if output else [])
