"""Atomic file writes: write a temp file beside the target, then ``os.replace``.

A crash or an exception while writing never leaves a half-written output: the
target is either the old file or the complete new one.  The temp file lives in
the same directory so the final rename never crosses a filesystem.  The new
file gets the mode of the file it replaces (or 0666 minus the umask), not
``mkstemp``'s 0600: maps and exports are meant to be shared.

>>> with atomic_open(Path("output/incidents.geojson")) as fh:   # doctest: +SKIP
...     fh.write("{...}")
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_open", "atomic_write_bytes", "atomic_write_text"]


def _file_mode(target: Path) -> int:
    """The mode of the file being replaced, else 0666 minus the umask."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def _replacing(
    path: str | os.PathLike[str], mode: str, **kwargs: Any
) -> Iterator[IO[Any]]:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, _file_mode(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> Iterator[IO[str]]:
    """Open a text file for writing that appears at ``path`` only on success.

    Parent directories are created.  On an exception the temp file is removed
    and the exception propagates; ``path`` is untouched.
    """
    with _replacing(path, "w", encoding=encoding, newline=newline) as fh:
        yield fh


def atomic_write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8"
) -> Path:
    """Write ``text`` to ``path`` atomically; return the path."""
    with atomic_open(path, encoding=encoding, newline="") as fh:
        fh.write(text)
    return Path(path)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return the path."""
    with _replacing(path, "wb") as fh:
        fh.write(data)
    return Path(path)
