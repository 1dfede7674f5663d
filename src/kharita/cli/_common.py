"""Shared CLI pieces: option bundles, progress, error printing, the run loop."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

from ..models import ArticleResult, RecordError
from ..pipeline import Collected, process

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
F = TypeVar("F", bound=Callable[..., Any])


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kharita: %(levelname)s: %(message)s"))
    logger = logging.getLogger("kharita")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


def input_options(fn: F) -> F:
    """INPUT... arguments and --workers, spelled the same for every command."""
    fn = click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Worker processes (output is identical to one worker).",
    )(fn)
    return click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(fn)


class Progress:
    """``N articles, X/s`` on stderr, redrawn in place; silent unless stderr is a TTY."""

    def __init__(self, enabled: bool, clock: Callable[[], float] = time.monotonic) -> None:
        self.enabled = enabled
        self.clock = clock
        self.start = clock()
        self.count = 0
        self.last_draw = 0.0

    def __call__(self, _result: ArticleResult | RecordError) -> None:
        self.count += 1
        now = self.clock()
        if self.enabled and now - self.last_draw >= 0.2:
            self.last_draw = now
            rate = self.count / max(now - self.start, 1e-9)
            click.echo(f"\r{self.count} articles, {rate:,.0f}/s", err=True, nl=False)

    def close(self) -> None:
        if self.enabled and self.count:
            click.echo("\r\033[K", err=True, nl=False)


def run_inputs(ctx: click.Context, inputs: Iterable[str], workers: int = 1) -> Collected:
    """Run the pipeline, printing one line per bad record as it happens."""
    quiet = bool((ctx.find_root().obj or {}).get("quiet"))
    progress = Progress(enabled=not quiet and sys.stderr.isatty())

    def on_error(error: RecordError) -> None:
        progress(error)
        click.echo(f"\r{error}" if progress.enabled else str(error), err=True)

    try:
        return process(list(inputs), workers=workers, on_error=on_error, on_result=progress)
    finally:
        progress.close()


def finish(ctx: click.Context, collected: Collected, incidents: int, outputs: list[str]) -> None:
    """Print the summary line and exit non-zero when any record failed."""
    read = len(collected.results) + len(collected.errors)
    line = (
        f"{read} articles read, {len(collected.errors)} failed, "
        f"{collected.place_count} places, {incidents} incidents"
    )
    if outputs:
        line += " -> " + ", ".join(outputs)
    click.echo(line, err=True)
    if collected.errors:
        ctx.exit(1)
