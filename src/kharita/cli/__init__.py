"""The ``kharita`` command line: a thin skin over the Python API.

One module per command; only this package prints, exits or configures logging.
Exit codes: 0 success, 1 some records failed (each named on stderr) or an
output could not be written, 2 usage (a bad option or argument), 130
interrupted (SIGINT).  SIGTERM ends the run like Ctrl-C does (exit 143): no
partial output files are left.  The command group lives in :mod:`.app` and is
imported only inside :func:`main`, so an interrupt during start-up is one line
too.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import cli

__all__ = ["cli", "console", "main"]

EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(EXIT_TERMINATED)  # unwinds: temp files are removed


def _interrupted() -> None:
    sys.stderr.write("kharita: interrupted\n")
    sys.exit(EXIT_INTERRUPTED)


def main() -> None:
    """The ``kharita`` console script."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        from .app import cli as group

        group.main(prog_name="kharita")
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:  # e.g. ``kharita extract ... | head``
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


def console() -> None:
    """The ``kharita`` console script: :func:`main`, then the process ends at once.

    When the command returns, its outputs are written and closed; what is left is
    the interpreter freeing the gazetteer, the matchers and the lexicon object by
    object (about a seventh of a one-article run).  The standard streams and the
    log handlers are flushed, then ``os._exit`` ends the process with the
    command's exit code.  Call :func:`main` to stay in the process.
    """
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        sys.stderr.write(f"{code}\n")  # what the interpreter does with sys.exit("...")
        code = 1
    try:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader of stdout went away: as in main()
        code = code or 1
    os._exit(code or 0)


def __getattr__(name: str) -> Any:
    if name == "cli":
        from .app import cli as group

        return group
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
