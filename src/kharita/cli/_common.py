"""Shared CLI pieces: option bundles, progress, error printing, the run loop."""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

import click

from ..errors import ConfigurationError
from ..incidents import merge_incidents
from ..models import ArticleResult, Incident, RecordError
from ..pipeline import iter_results

if TYPE_CHECKING:
    from ..resolve.online import OnlineFallback

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
F = TypeVar("F", bound=Callable[..., Any])
Sink = Callable[[ArticleResult], None]


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
    """INPUT..., --workers and the opt-in online geocoder, the same for every command."""
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

    def tick(self) -> None:
        self.count += 1
        now = self.clock()
        if self.enabled and now - self.last_draw >= 0.2:
            self.last_draw = now
            rate = self.count / max(now - self.start, 1e-9)
            click.echo(f"\r{self.count} articles, {rate:,.0f}/s", err=True, nl=False)

    def close(self) -> None:
        if self.enabled and self.count:
            click.echo("\r\033[K", err=True, nl=False)


@dataclass
class Tally:
    """Counts of a run and, when asked for, what it produced."""

    read: int = 0
    failed: int = 0
    places: int = 0
    article_incidents: int = 0
    results: list[ArticleResult] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)


def _online(ctx: click.Context, params: dict[str, Any]) -> OnlineFallback | None:
    if not params.get("online"):
        return None
    url = urlsplit(params["nominatim"])
    if url.scheme not in ("http", "https") or not url.netloc:
        raise ConfigurationError(
            f"--nominatim needs an http(s) URL, got {params['nominatim']!r}"
        )
    from ..resolve.online import OnlineFallback, default_user_agent  # lazy: start-up

    fallback = OnlineFallback(
        params["geocode_cache"],
        default_user_agent(params.get("contact")),
        domain=url.netloc + url.path.rstrip("/"),
        scheme=url.scheme,
    )
    ctx.call_on_close(fallback.close)
    return fallback


def run_inputs(
    ctx: click.Context,
    params: dict[str, Any],
    *,
    keep: bool,
    sinks: Sequence[Sink] = (),
) -> Tally:
    """Run the pipeline over ``params["inputs"]``, one error line per bad record as it happens."""
    quiet = bool((ctx.find_root().obj or {}).get("quiet"))
    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    tally = Tally()
    stream = iter_results(
        params["inputs"], workers=params["workers"], online=_online(ctx, params)
    )
    try:
        for item in stream:
            progress.tick()
            tally.read += 1
            if isinstance(item, RecordError):
                tally.failed += 1
                click.echo(
                    f"\r\033[K{item}" if progress.enabled else str(item), err=True
                )
                continue
            tally.places += len(item.places)
            tally.article_incidents += len(item.incidents)
            if keep:
                tally.results.append(item)
            for sink in sinks:
                sink(item)
    finally:
        progress.close()
    return tally


@contextlib.contextmanager
def store_sink(db: str | None, tally_outputs: list[str]) -> Iterator[list[Sink]]:
    """A sink adding results to the SQLite store in batches (nothing when ``db`` is None)."""
    if not db:
        yield []
        return
    from ..store import Store  # lazy: start-up

    batch: list[ArticleResult] = []
    with Store(db) as store:

        def add(result: ArticleResult) -> None:
            batch.append(result)
            if len(batch) >= 500:
                store.add_results(batch)
                batch.clear()

        yield [add]
        store.add_results(batch)
    tally_outputs.append(db)


def write_outputs(
    params: dict[str, Any],
    incidents: Sequence[Incident],
    results: Sequence[ArticleResult],
) -> list[str]:
    """GeoJSON/CSV files asked for by ``output_options``."""
    from ..export.acled_csv import write_csv  # lazy: start-up
    from ..export.geojson import write_geojson

    written: list[str] = []
    if params.get("geojson"):
        write_geojson(incidents, params["geojson"])
        written.append(params["geojson"])
    if params.get("places_geojson"):
        write_geojson(results, params["places_geojson"], layer="places")
        written.append(params["places_geojson"])
    if params.get("csv_path"):
        write_csv(incidents, params["csv_path"])
        written.append(params["csv_path"])
    return written


def merged(results: Sequence[ArticleResult]) -> list[Incident]:
    return merge_incidents(i for r in results for i in r.incidents)


def require_inputs(params: dict[str, Any], allow_db: bool = False) -> None:
    if not params["inputs"] and not (allow_db and params.get("db")):
        hint = " (or --db FILE to map a store)" if allow_db else ""
        raise ConfigurationError(f"give at least one INPUT file, folder or -{hint}")


def finish(ctx: click.Context, tally: Tally, incidents: int) -> None:
    """Print the summary line and exit non-zero when any record failed."""
    line = (
        f"{tally.read} articles read, {tally.failed} failed, "
        f"{tally.places} places, {incidents} incidents"
    )
    if tally.outputs:
        line += " -> " + ", ".join(tally.outputs)
    click.echo(line, err=True)
    if tally.failed:
        ctx.exit(1)
