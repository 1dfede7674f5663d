"""Compiled indexes cached on disk, keyed by a hash of what they are built from.

One small API, used for whatever is slow to build and pure in its inputs (today the
parsed gazetteer and the word-frequency table)::

    key = content_hash(csv_files, source_files(__name__))  # content + building code
    gazetteer = cached("gazetteer", key, build, dump_pickle, load_pickle(Gazetteer))

* The folder is ``$KHARITA_CACHE_DIR``, else the user cache folder
  (``platformdirs.user_cache_dir("kharita")``).  ``KHARITA_CACHE_DIR=off`` turns
  the disk cache off (every index is built in memory).
* Files are named ``NAME-KEY``: a change of content (or of the code that builds it,
  when the key includes :func:`source_files`) gives a new key; after a successful
  write the folder keeps the :data:`KEEP` newest files of that name (several installs
  or checkouts of different versions share the folder without evicting each other
  at every run).
* Safe on concurrent runs: a file is written under a temporary name in the same
  folder and moved into place with :func:`os.replace` (atomic), so readers see a
  whole file or none.
* A file that fails to load (corrupt, truncated, from an incompatible library) is
  rebuilt and replaced.  A folder that cannot be written (read-only, full) is not an
  error: the index is built in memory for this run.

The cache is an accelerator only: the value returned is always the one ``build``
would return (``load(dump(build()))`` must equal ``build()``).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

logger = logging.getLogger("kharita")

T = TypeVar("T")

OFF = "off"
KEEP = 4  # files kept per name: the one just written and the 3 newest others


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when the disk cache is turned off."""
    env = os.environ.get("KHARITA_CACHE_DIR")
    if env is not None and env.strip():
        return None if env.strip().lower() == OFF else Path(env)
    import platformdirs  # lazy: only when no folder is given

    return Path(platformdirs.user_cache_dir("kharita", appauthor=False))


def content_hash(*parts: bytes | str | Path | Iterable[Path]) -> str:
    """A short hex digest of ``parts``: bytes, text, files (by content) or lists of files."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            digest.update(b"b" + part)
        elif isinstance(part, str):
            digest.update(b"s" + part.encode("utf-8"))
        elif isinstance(part, Path):
            digest.update(b"f" + part.name.encode("utf-8") + b"\0" + part.read_bytes())
        else:
            for path in sorted(part):
                digest.update(b"f" + path.name.encode("utf-8") + b"\0")
                digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def source_files(*modules: str) -> list[Path]:
    """The source files of already imported ``modules`` (to key a cache on its builder)."""
    files: list[Path] = []
    for name in modules:
        origin = getattr(sys.modules[name], "__file__", None)
        if origin:
            files.append(Path(origin))
    return files


def dump_pickle(value: object, path: Path) -> None:
    """``dump`` for :func:`cached`: any picklable value."""
    with path.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)


def load_pickle(kind: type[T]) -> Callable[[Path], T]:
    """``load`` for :func:`cached`: a file of :func:`dump_pickle` holding a ``kind``."""

    def load(path: Path) -> T:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        if not isinstance(value, kind):
            raise TypeError(f"not a {kind.__name__}: {type(value).__name__}")
        return value

    return load


def cached(
    name: str,
    key: str,
    build: Callable[[], T],
    dump: Callable[[T, Path], None],
    load: Callable[[Path], T],
) -> T:
    """``load`` the cached ``name`` for ``key``, else ``build`` it and ``dump`` it to disk."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}"
    if path.is_file():
        try:
            return load(path)
        # Any failure to read a cache file means "rebuild it": the loaders are
        # third-party (pickle, sqlite3, pyahocorasick) and raise many types.
        except Exception as exc:  # noqa: BLE001
            logger.info("cache %s unreadable (%s): rebuilding it", path.name, exc)
    value = build()
    if _write(folder, path, value, dump):
        _remove_stale(folder, name, path)
    return value


def _write(folder: Path, path: Path, value: T, dump: Callable[[T, Path], None]) -> bool:
    """Write ``value`` to ``path`` atomically; ``False`` (logged) when it cannot."""
    import tempfile  # lazy: only when a cache file is written

    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name}.", suffix=".tmp"
        )
        os.close(handle)
        dump(value, Path(tmp))
        os.replace(tmp, path)
        return True
    except OSError as exc:
        logger.info("cache folder %s not writable (%s): built in memory", folder, exc)
        return False
    finally:
        if tmp is not None and os.path.exists(tmp):
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _remove_stale(folder: Path, name: str, keep: Path) -> None:
    """Drop the files of ``name`` under other keys beyond the :data:`KEEP` newest."""
    others: list[tuple[float, Path]] = []
    for old in folder.glob(f"{name}-*"):
        suffix = old.name[len(name) + 1 :]
        same_shape = len(suffix) == len(keep.name) - len(name) - 1
        if old != keep and same_shape and all(c in "0123456789abcdef" for c in suffix):
            with contextlib.suppress(OSError):
                others.append((old.stat().st_mtime, old))
    others.sort(reverse=True)
    for _, old in others[KEEP - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()
