"""Records kept on disk instead of in memory: a temporary file of pickles.

:class:`SpillFile` appends records (incidents, or anything picklable) to an
anonymous temporary file and reads them back by index or in order, so a run
keeps in memory only an offset per record.  The file has no name on POSIX
systems (``tempfile.TemporaryFile``): it disappears when it is closed or when
the process ends, however it ends; elsewhere it is deleted on close.  Use it as
a context manager, or call :meth:`SpillFile.close`.

Incidents are pickled field by field (their classes called with their fields:
about half the time of the generic state protocol), and the small values that
recur (counts, dates, attributions) are made once per value while records are
read.  The file is this process's own (it has no name to open it by), so what
is read back is what was written.
"""

from __future__ import annotations

import dataclasses
import io
import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import Any, Generic, TypeVar, overload

from . import models as M

__all__ = ["SpillFile", "SpilledSequence", "decode"]

T = TypeVar("T")

_BLOCK = 1 << 20  # bytes read at a time when records are read in order
_MEMO = 4096  # recurring small values made once, the most recent ones


@lru_cache(maxsize=_MEMO, typed=True)
def _count(*fields: Any) -> M.Count:
    return M.Count(*fields)


@lru_cache(maxsize=_MEMO, typed=True)
def _event_date(*fields: Any) -> M.EventDate:
    return M.EventDate(*fields)


@lru_cache(maxsize=_MEMO, typed=True)
def _attribution(*fields: Any) -> M.Attribution:
    return M.Attribution(*fields)


def _reducers() -> dict[type, Callable[[Any], tuple[Any, ...]]]:
    """``pickle`` reducers for the model classes: ``(make, fields in order)``.

    Values with no float field are made through a memo (equal fields, equal
    types: one object); the others are made anew, so a record reads back
    field for field what was written (``-0.0`` stays ``-0.0``).
    """
    memo: dict[type, Callable[..., Any]] = {
        M.Count: _count,
        M.EventDate: _event_date,
        M.Attribution: _attribution,
    }
    classes = (
        M.Article, M.GazetteerPlace, M.Mention, M.Evidence, M.Candidate,
        M.RelativeLocation, M.NearPlace, M.ResolvedPlace, M.Count, M.EventDate,
        M.Attribution, M.Source, M.Incident,
    )  # fmt: skip
    table: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
    for cls in classes:
        fields = attrgetter(*(f.name for f in dataclasses.fields(cls)))
        table[cls] = _reducer(memo.get(cls, cls), fields)
    return table


def _reducer(
    make: Callable[..., Any], fields: Callable[[Any], tuple[Any, ...]]
) -> Callable[[Any], tuple[Any, ...]]:
    return lambda record: (make, fields(record))


_REDUCERS = _reducers()


def decode(data: bytes | memoryview) -> Any:
    """The record whose bytes :meth:`SpillFile.raw` gave."""
    return pickle.loads(data)


class SpillFile:
    """Picklable records in an anonymous temporary file, read back by index or in order.

    ``folder`` is where the file is made (default: the system's temporary
    folder).  Memory per record is its offset (8 bytes).
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        # closed by close() / __exit__ (this class is the context manager)
        self._file = tempfile.TemporaryFile(prefix="kharita-", dir=folder)  # noqa: SIM115
        self._offsets = array("q", [0])
        self._buffer = io.BytesIO()
        self._at_end = True

    def __enter__(self) -> SpillFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @property
    def closed(self) -> bool:
        return self._file.closed

    def close(self) -> None:
        """Remove the file (idempotent)."""
        self._file.close()

    def append(self, record: object) -> int:
        """Write ``record`` at the end; its index."""
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        # a new pickler a record: clearing a memo costs its largest size so far
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _REDUCERS
        pickler.dump(record)
        with buffer.getbuffer() as data:  # not a copy: one incident may be large
            return self.append_raw(data)

    def append_raw(self, data: bytes | memoryview) -> int:
        """Write a record as :meth:`raw` gave it (from this file or another)."""
        if not self._at_end:
            self._file.seek(0, os.SEEK_END)
            self._at_end = True
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    def raw(self, index: int) -> bytes:
        """The bytes of a record (:func:`decode` reads them)."""
        if not -len(self) <= index < len(self):
            raise IndexError(f"record {index} of {len(self)}")
        index %= len(self)
        start, stop = self._offsets[index], self._offsets[index + 1]
        return self._read(start, stop - start)

    def __getitem__(self, index: int) -> Any:
        return decode(self.raw(index))

    def __iter__(self) -> Iterator[Any]:
        """Every record in order, read a block at a time."""
        offsets, count, i = self._offsets, len(self), 0
        while i < count:
            j = i + 1  # the records i..j-1 are one read
            while j < count and offsets[j + 1] - offsets[i] <= _BLOCK:
                j += 1
            base = offsets[i]
            block = memoryview(self._read(base, offsets[j] - base))
            for k in range(i, j):
                yield decode(block[offsets[k] - base : offsets[k + 1] - base])
            i = j

    def _read(self, start: int, size: int) -> bytes:
        self._file.seek(start)
        self._at_end = False
        data = self._file.read(size)
        if len(data) != size:
            raise OSError(
                f"temporary file: {size} bytes asked at {start}, got {len(data)}"
            )
        return data


class SpilledSequence(Sequence[T], Generic[T]):
    """A read-only sequence over the records of a :class:`SpillFile` (valid until
    the file is closed): iterating reads them in order, one block at a time."""

    def __init__(self, spill: SpillFile) -> None:
        self._spill = spill

    def __len__(self) -> int:
        return len(self._spill)

    def __iter__(self) -> Iterator[T]:
        return iter(self._spill)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._spill[i] for i in range(*index.indices(len(self)))]
        record: T = self._spill[index]
        return record
