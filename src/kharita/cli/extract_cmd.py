"""``kharita extract``: one JSON object per article (the machine-readable contract)."""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from ..export.atomic import atomic_open
from ..export.jsonl import JsonLinesSink
from ..models import RunReport
from ..run import IncidentCollector, Sink
from ._common import finish, input_options, output_options, require_inputs, run_inputs
from ._outputs import check_outputs, open_store, write_outputs


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
    help="Write JSON Lines here instead of stdout (- is stdout).",
)
@click.pass_context
def extract(ctx: click.Context, /, output: str | None, **params: Any) -> None:
    """Print places and incidents of each article as JSON Lines.

    Offsets (start/end) index the article's input text. Streams: memory stays
    flat however many articles go in (--geojson/--csv keep each incident in a
    temporary file until the end).
    """
    require_inputs(params)
    output = None if output == "-" else output  # the usual name of stdout
    check_outputs(params, [output])
    places = None
    if params["places_geojson"]:
        from ..export.geojson import PlacesLayer  # lazy: start-up

        places = PlacesLayer()
    with contextlib.ExitStack() as files:
        incidents = None
        if params["geojson"] or params["csv_path"]:  # reports on disk until the end
            incidents = files.enter_context(IncidentCollector(spill=True))
        report = _extract(ctx, params, output, [incidents, places])
        outputs = [output] if output else []
        outputs += [params["db"]] if params["db"] else []
        merged = incidents.finish() if incidents is not None else []
        outputs += write_outputs(params, merged, places)
    finish(ctx, dataclasses.replace(report, outputs=tuple(outputs)))


def _extract(
    ctx: click.Context,
    params: dict[str, Any],
    output: str | None,
    extra: list[Sink | None],
) -> RunReport:
    """Run the inputs into the JSON Lines, the store and the ``extra`` sinks."""
    with (
        _lines_to(output) as handle,
        open_store(params["db"], create=True) as store,
        contextlib.ExitStack() as stack,
    ):
        sinks: list[Sink] = [JsonLinesSink(handle)]
        if store is not None:
            from ..store import StoreSink  # lazy: start-up

            sinks.append(stack.enter_context(StoreSink(store)))
        sinks += [s for s in extra if s is not None]
        return run_inputs(ctx, params, sinks)
