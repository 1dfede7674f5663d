"""The ``kharita`` command group and how kharita's errors end: one line, an exit code."""

from __future__ import annotations

import click

from .. import __version__
from ..errors import ConfigurationError, KharitaError
from ._common import CONTEXT_SETTINGS, configure_logging
from .eval_cmd import eval_command
from .explain_cmd import explain_command
from .extract_cmd import extract
from .gazetteer_cmd import gazetteer
from .geocode_cmd import geocode
from .map_cmd import map_command

EXIT_FAILED = 1  # bad records, or an output/store that failed
EXIT_USAGE = 2  # an option or argument that cannot work
EXIT_INTERRUPTED = 130  # SIGINT (Ctrl-C)


class UsageProblem(click.ClickException):
    """A :class:`ConfigurationError`: one ``Error: ...`` line, exit 2."""

    exit_code = EXIT_USAGE


class Interrupted(click.ClickException):
    """Ctrl-C: one line, exit 130; committed work (store batches) is kept."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self) -> None:
        super().__init__("interrupted")


class KharitaGroup(click.Group):
    """Turns kharita's own errors into one-line ``Error: ...`` messages."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ConfigurationError as exc:
            raise UsageProblem(str(exc)) from None
        except KharitaError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            raise Interrupted() from None


@click.group(cls=KharitaGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="kharita")
@click.option(
    "-v", "--verbose", count=True, help="More log output on stderr (-vv for debug)."
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Only errors on stderr; no progress bar."
)
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """kharita: map incidents in Arabic and English news about Iraq, offline."""
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet
    configure_logging(verbose, quiet)


cli.add_command(map_command)
cli.add_command(extract)
cli.add_command(explain_command)
cli.add_command(geocode)
cli.add_command(gazetteer)
cli.add_command(eval_command)
