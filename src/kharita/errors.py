"""kharita's exceptions: one root, each also a builtin, each one line when printed.

Only :mod:`kharita.cli` turns these into exit codes; library code raises them.
"""

from __future__ import annotations


class KharitaError(Exception):
    """Root of every error kharita raises on purpose."""


class InputError(KharitaError, ValueError):
    """A bad input file or record: ``path:record: message``."""

    def __init__(self, path: str, record: str | int | None, message: str) -> None:
        self.path = path
        self.record = "" if record is None else str(record)
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.record}" if self.record else self.path
        return f"{where}: {self.message}"


class GazetteerError(KharitaError, ValueError):
    """A problem in the shipped gazetteer files: ``file:row: message``."""

    def __init__(self, path: str, row: int | None, message: str) -> None:
        self.path = path
        self.row = row
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.row}" if self.row is not None else self.path
        return f"{where}: {self.message}"


class ConfigurationError(KharitaError, ValueError):
    """An option or argument that cannot work; the message says the fix."""


class OnlineGeocoderError(KharitaError, ConnectionError):
    """The opt-in online geocoder failed (usually: no internet)."""


class RenderError(KharitaError, RuntimeError):
    """The map or an export could not be produced."""


class StoreError(KharitaError, RuntimeError):
    """The SQLite store cannot be opened or written: ``path: what and why``."""
