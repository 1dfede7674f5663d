"""The ``kharita`` command line: a thin skin over the Python API.

One module per command; only this package prints, exits or configures logging.
"""

from __future__ import annotations

import click

from .. import __version__
from ..errors import KharitaError
from ._common import CONTEXT_SETTINGS, configure_logging
from .eval_cmd import eval_command
from .explain_cmd import explain_command
from .extract_cmd import extract
from .gazetteer_cmd import gazetteer
from .geocode_cmd import geocode
from .map_cmd import map_command


class KharitaGroup(click.Group):
    """Turns kharita's own errors into one-line ``Error: ...`` messages, exit 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KharitaError as exc:
            raise click.ClickException(str(exc)) from None


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


def main() -> None:
    cli(prog_name="kharita")
