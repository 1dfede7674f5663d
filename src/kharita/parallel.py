"""Run the per-article function over many articles: in worker processes, or on Dask.

:func:`map_articles` streams ``Article`` records through a
``ProcessPoolExecutor`` in chunks, keeps at most ``max_in_flight`` chunks in
flight (memory stays bounded however long the input is) and yields results in
input order, so ``workers=N`` gives exactly the output of ``workers=1``.

Where the operating system can fork safely (Linux, no other thread running), the
pipeline is built once in the calling process and the workers are forked from it:
they share the gazetteer and the compiled matchers instead of each loading them
again.  Elsewhere (macOS, Windows, a process already running threads) each worker
starts fresh and loads the gazetteer once, when it runs its first chunk.
:func:`map_encoded` turns each result into what the caller keeps (a picklable
function), in the worker: e.g. the JSON line ``kharita extract`` writes, which
costs less to send back than the result it is made from.

:func:`dask_extract` runs the same, unchanged per-article function on a
``dask.bag`` over files, for a cluster or a notebook::

    from dask.distributed import Client
    client = Client("scheduler:8786")          # or Client() for a local cluster
    results = dask_extract(["articles/"])      # uses the active client
    incidents = merge_incidents(i for r in results if isinstance(r, ArticleResult)
                                for i in r.incidents)

Dask is optional (``pip install "dask[distributed]"``) and imported only there.
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ConfigurationError
from .ingest import iter_articles, iter_files
from .models import Article, ArticleResult, RecordError
from .pipeline import pipeline_for, safe_extract

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

    from .gazetteer import Gazetteer

__all__ = [
    "Encoded",
    "dask_extract",
    "expand_inputs",
    "map_articles",
    "map_encoded",
]

logger = logging.getLogger("kharita")

Record = Article | RecordError
Output = ArticleResult | RecordError
ArticleFn = Callable[[Article], Output]


class Encoded(NamedTuple):
    """A result as :func:`map_encoded` sends it back from a worker: its counts and
    the values made from it (e.g. its JSON line), not the result itself."""

    places: int
    incidents: int
    values: tuple[object, ...]


# Per-worker-process state, set once by _init_worker.
_WORKER: dict[str, Any] = {}


def _record_error(article: Article, exc: Exception) -> RecordError:
    path, _, record = article.origin.rpartition(":")
    message = f"extraction failed: {type(exc).__name__}: {exc}"
    return RecordError(path or article.origin, record, message)


def apply_one(
    record: Record, fn: ArticleFn | None = None, gazetteer: Gazetteer | None = None
) -> Output:
    """One record through ``fn`` (default: the pipeline's ``safe_extract``).

    RecordErrors pass through; an exception becomes a RecordError so one bad
    article never stops a run.
    """
    if isinstance(record, RecordError):
        return record
    if fn is None:
        return safe_extract(record, gazetteer)
    try:
        return fn(record)
    except Exception as exc:  # per-article isolation
        logger.debug("extraction failed for %s", record.origin, exc_info=True)
        return _record_error(record, exc)


def _init_worker(
    fn: ArticleFn | None,
    gazetteer: Gazetteer | None,
    encode: Callable[[ArticleResult], Encoded] | None,
) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool, the
    # workers must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(fn=fn, gazetteer=gazetteer, encode=encode)


def _run_chunk(chunk: list[Record]) -> list[Any]:
    fn, gazetteer, encode = _WORKER["fn"], _WORKER["gazetteer"], _WORKER["encode"]
    if fn is None and gazetteer is None:  # the default one, loaded once per worker
        gazetteer = _WORKER["gazetteer"] = pipeline_for().gazetteer
    out = [apply_one(record, fn, gazetteer) for record in chunk]
    if encode is None:
        return out
    return [encode(r) if isinstance(r, ArticleResult) else r for r in out]


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _context(name: str | None) -> BaseContext:
    import multiprocessing  # lazy: start-up of one-process runs

    if name is None:
        methods = multiprocessing.get_all_start_methods()
        if (
            "fork" in methods
            and sys.platform.startswith("linux")
            and threading.active_count() == 1
        ):
            name = "fork"  # no thread to deadlock a child: share what is built
        elif "forkserver" in methods and sys.platform != "darwin":
            name = "forkserver"  # safe with threads, and Python 3.14's default
        else:
            name = "spawn"
    return multiprocessing.get_context(name)


def map_articles(
    records: Iterable[Record],
    *,
    workers: int,
    gazetteer: Gazetteer | None = None,
    fn: ArticleFn | None = None,
    chunksize: int = 16,
    max_in_flight: int | None = None,
    start_method: str | None = None,
) -> Iterator[Output]:
    """Results of ``fn`` over ``records``, in input order, using ``workers`` processes.

    ``fn`` must be picklable (a module-level function); by default it is the
    pipeline's ``safe_extract`` with ``gazetteer`` (shared with forked workers, else
    sent to each worker once) or the default gazetteer.  At most
    ``max_in_flight`` chunks of ``chunksize`` records (default ``4 * workers``) are
    in flight, so memory does not grow with the input.
    """
    state = (fn, gazetteer, None)
    return _mapped(records, workers, chunksize, max_in_flight, start_method, state)


def map_encoded(
    records: Iterable[Record],
    encode: Callable[[ArticleResult], Encoded],
    *,
    workers: int,
    gazetteer: Gazetteer | None = None,
) -> Iterator[Encoded | RecordError]:
    """:func:`map_articles` of the pipeline, each result made into ``encode(result)``
    in the worker that made it (``encode`` is picklable): what comes back to this
    process is the JSON line, not the result."""
    state = (None, gazetteer, encode)
    return _mapped(records, workers, 16, None, None, state)


def _mapped(
    records: Iterable[Record],
    workers: int,
    chunksize: int,
    max_in_flight: int | None,
    start_method: str | None,
    state: tuple[ArticleFn | None, Gazetteer | None, Any],
) -> Iterator[Any]:
    if workers < 1:
        raise ConfigurationError(f"workers must be >= 1, got {workers}")
    if chunksize < 1:
        raise ConfigurationError(f"chunksize must be >= 1, got {chunksize}")
    fn, gazetteer, encode = state
    if workers == 1:
        for record in records:
            out = apply_one(record, fn, gazetteer)
            yield encode(out) if encode and isinstance(out, ArticleResult) else out
        return
    yield from _pooled(
        records,
        workers=workers,
        chunksize=chunksize,
        limit=max_in_flight or 4 * workers,
        context=_context(start_method),
        state=state,
    )


def _pooled(
    records: Iterable[Record],
    *,
    workers: int,
    chunksize: int,
    limit: int,
    context: BaseContext,
    state: tuple[ArticleFn | None, Gazetteer | None, Any],
) -> Iterator[Any]:
    """:func:`map_articles` over a pool; ``state`` is the workers' ``_WORKER``."""
    import gc
    from concurrent.futures import ProcessPoolExecutor  # lazy: start-up

    fn, gazetteer, encode = state
    forked = context.get_start_method() == "fork"
    thaw = forked and gc.get_freeze_count() == 0  # leave a caller's freeze alone
    if forked and fn is None:
        # built here once; the forked workers inherit it (pipeline_for's cache)
        gazetteer = pipeline_for(gazetteer).gazetteer
    if thaw:
        gc.freeze()  # keep the shared objects' pages shared (no collector writes)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(fn, gazetteer, encode),
    )
    pending: deque[Future[list[Any]]] = deque()
    try:
        for chunk in _chunks(records, chunksize):
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if thaw:
            gc.unfreeze()


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named by ``inputs``; directories expand like :mod:`kharita.ingest` does
    (a folder that cannot be listed or a broken link is left to the reader)."""
    files: list[Path] = []
    for item in inputs:
        if str(item) == "-":
            raise ConfigurationError("dask_extract reads files, not stdin ('-')")
        path = Path(item)
        if path.is_dir():
            files.extend(p for p in iter_files(path) if isinstance(p, Path))
        else:
            files.append(path)
    return files


def _read_file(path: str) -> list[Record]:
    return list(iter_articles([path]))


def dask_extract(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    fn: ArticleFn | None = None,
    npartitions: int | None = None,
    scheduler: Any = None,
) -> list[Output]:
    """Results of the per-article function over files, computed by a ``dask.bag``.

    One partition per file by default; the output order is the input order,
    the same as :func:`map_articles`.  Uses the active ``dask.distributed``
    client if there is one, else ``scheduler`` (e.g. ``"processes"``).
    """
    db: Any = importlib.import_module("dask.bag")  # optional dependency

    files = [str(p) for p in expand_inputs(inputs)]
    if not files:
        return []
    bag = db.from_sequence(files, npartitions=npartitions or len(files))
    outputs = bag.map(_read_file).flatten().map(apply_one, fn)
    result: list[Output] = outputs.compute(scheduler=scheduler)
    return result
