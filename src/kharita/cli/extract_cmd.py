"""``kharita extract``: one JSON object per article (the machine-readable contract)."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from ..export.atomic import atomic_open
from ..models import ArticleResult
from ..serialize import result_to_dict
from ._common import (
    finish,
    input_options,
    merged,
    output_options,
    require_inputs,
    run_inputs,
    store_sink,
    write_outputs,
)


@contextlib.contextmanager
def _lines_to(output: str | None) -> Iterator[IO[str]]:
    if output:
        with atomic_open(output) as handle:
            yield handle
    else:
        yield sys.stdout


@click.command()
@input_options
@output_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write JSON Lines here instead of stdout.",
)
@click.pass_context
def extract(ctx: click.Context, /, output: str | None, **params: Any) -> None:
    """Print places and incidents of each article as JSON Lines.

    Offsets (start/end) index the article's input text. Streams: memory stays
    flat however many articles go in (unless --geojson/--csv need them all).
    """
    require_inputs(params)
    keep = bool(params["geojson"] or params["places_geojson"] or params["csv_path"])
    outputs: list[str] = []
    with _lines_to(output) as handle, store_sink(params["db"], outputs) as sinks:

        def write(result: ArticleResult) -> None:
            handle.write(json.dumps(result_to_dict(result), ensure_ascii=False) + "\n")

        tally = run_inputs(ctx, params, keep=keep, sinks=[write, *sinks])
    tally.outputs = ([output] if output else []) + outputs
    tally.outputs += write_outputs(params, merged(tally.results), tally.results)
    finish(ctx, tally, tally.article_incidents)
