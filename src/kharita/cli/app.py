"""The ``kharita`` command group and how kharita's errors end: one line, an exit code."""

from __future__ import annotations

from importlib import import_module

import click

from .. import __version__
from ..errors import ConfigurationError, KharitaError
from ._common import CONTEXT_SETTINGS, configure_logging

# Each command's module is imported only when that command runs (or when help
# lists them all): ``kharita extract`` never loads the map's renderer.
COMMANDS = {
    "map": ("map_cmd", "map_command"),
    "extract": ("extract_cmd", "extract"),
    "explain": ("explain_cmd", "explain_command"),
    "geocode": ("geocode_cmd", "geocode"),
    "gazetteer": ("gazetteer_cmd", "gazetteer"),
    "eval": ("eval_cmd", "eval_command"),
}

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
    """Turns kharita's own errors into one-line ``Error: ...`` messages and loads
    each command from its module on first use (:data:`COMMANDS`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            command = getattr(import_module(f".{module}", __package__), attribute)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

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
