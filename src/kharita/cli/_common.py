"""Shared CLI pieces: option bundles, progress, error lines, calling the run loop."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import ConfigurationError
from ..models import RecordError, RunReport
from ..run import Sink, run

if TYPE_CHECKING:
    from ..resolve.online import OnlineFallback

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
F = TypeVar("F", bound=Callable[..., Any])


def configure_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kharita: %(levelname)s: %(message)s"))
    logger = logging.getLogger("kharita")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


def _apply(fn: F, decorators: Sequence[Callable[[F], F]]) -> F:
    for decorator in reversed(decorators):
        fn = decorator(fn)
    return fn


def input_options(fn: F) -> F:
    """INPUT..., --workers, the record size cap and the opt-in online geocoder."""
    return _apply(
        fn,
        [
            click.argument("inputs", nargs=-1, metavar="INPUT..."),
            click.option(
                "--workers",
                type=click.IntRange(min=1),
                default=1,
                show_default=True,
                help="Worker processes (output is identical to one worker).",
            ),
            click.option(
                "--max-record-mb",
                type=click.FloatRange(min=0, min_open=True),
                default=5.0,
                show_default=True,
                help="Refuse (with one line) a record with more text than this.",
            ),
            click.option(
                "--online",
                is_flag=True,
                help="Ask OpenStreetMap Nominatim (1 request/s, cached) for places the gazetteer lacks.",
            ),
            click.option(
                "--contact",
                metavar="EMAIL",
                help="Contact put in the --online user agent.",
            ),
            click.option(
                "--nominatim",
                metavar="URL",
                default="https://nominatim.openstreetmap.org",
                show_default=True,
                help="The Nominatim server --online asks (e.g. your own).",
            ),
            click.option(
                "--geocode-cache",
                type=click.Path(file_okay=False, path_type=Path),
                default=Path.home() / ".cache" / "kharita",
                show_default=True,
                help="Where --online answers are cached.",
            ),
        ],
    )


def output_options(fn: F) -> F:
    """Machine-readable outputs written beside the main one."""
    return _apply(
        fn,
        [
            click.option(
                "--geojson",
                type=click.Path(dir_okay=False),
                help="Write incidents as GeoJSON (RFC 7946).",
            ),
            click.option(
                "--places-geojson",
                type=click.Path(dir_okay=False),
                help="Write resolved places as GeoJSON.",
            ),
            click.option(
                "--csv",
                "csv_path",
                type=click.Path(dir_okay=False),
                help="Write incidents as ACLED-style CSV.",
            ),
            click.option(
                "--db",
                type=click.Path(dir_okay=False),
                help="Add results to this SQLite store (idempotent; datasette opens it).",
            ),
        ],
    )


class Progress:
    """``N articles, X/s`` on stderr, redrawn in place; silent unless stderr is a TTY."""

    def __init__(
        self, enabled: bool, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.enabled = enabled
        self.clock = clock
        self.start = clock()
        self.count = 0
        self.last_draw = 0.0

    def tick(self, count: int | None = None) -> None:
        self.count = self.count + 1 if count is None else count
        now = self.clock()
        if self.enabled and now - self.last_draw >= 0.2:
            self.last_draw = now
            rate = self.count / max(now - self.start, 1e-9)
            click.echo(f"\r{self.count} articles, {rate:,.0f}/s", err=True, nl=False)

    def close(self) -> None:
        if self.enabled and self.count:
            click.echo("\r\033[K", err=True, nl=False)


def _online(ctx: click.Context, params: dict[str, Any]) -> OnlineFallback | None:
    if not params.get("online"):
        return None
    from urllib.parse import urlsplit  # lazy: start-up

    url = urlsplit(params["nominatim"])
    if url.scheme not in ("http", "https") or not url.netloc:
        raise ConfigurationError(
            f"--nominatim needs an http(s) URL, got {params['nominatim']!r}"
        )
    from ..resolve.online import OnlineFallback, default_user_agent  # lazy: sqlite3

    fallback = OnlineFallback(
        params["geocode_cache"],
        default_user_agent(params.get("contact")),
        domain=url.netloc + url.path.rstrip("/"),
        scheme=url.scheme,
    )
    ctx.call_on_close(fallback.close)
    return fallback


def run_inputs(
    ctx: click.Context, params: dict[str, Any], sinks: Sequence[Sink]
) -> RunReport:
    """The run loop over ``params["inputs"]``, one error line per bad record as it happens."""
    quiet = bool((ctx.find_root().obj or {}).get("quiet"))
    progress = Progress(enabled=not quiet and sys.stderr.isatty())

    def error_line(error: RecordError) -> None:
        click.echo(f"\r\033[K{error}" if progress.enabled else str(error), err=True)

    try:
        return run(
            params["inputs"],
            workers=params["workers"],
            online=_online(ctx, params),
            sinks=sinks,
            on_error=error_line,
            on_progress=progress.tick,
            max_record_bytes=int(params["max_record_mb"] * 1_000_000),
        )
    finally:
        progress.close()


def require_inputs(params: dict[str, Any], allow_db: bool = False) -> None:
    if not params["inputs"] and not (allow_db and params.get("db")):
        hint = " (or --db FILE to map a store)" if allow_db else ""
        raise ConfigurationError(f"give at least one INPUT file, folder or -{hint}")


def finish(ctx: click.Context, report: RunReport) -> None:
    """Print the summary line; exit 1 when any record failed."""
    click.echo(report.summary(), err=True)
    if report.articles_failed:
        ctx.exit(1)
