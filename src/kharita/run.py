"""The one run loop: inputs -> per-article results -> sinks -> a :class:`RunReport`.

:func:`run` reads every input (:func:`kharita.ingest.iter_articles`), runs the
per-article pipeline on each article (in this process or in ``workers``
processes, :mod:`kharita.parallel`), reports each bad record through
``on_error`` and hands each result to every sink as it comes: nothing is kept
unless a sink keeps it.  The sinks of the command line are the JSON Lines
writer (:mod:`kharita.export.jsonl`), the SQLite store
(:class:`kharita.store.StoreSink`), the places layer
(:class:`kharita.export.geojson.PlacesLayer`) and :class:`IncidentCollector`,
which keeps a compact record of each incident for merging, the map, GeoJSON
and CSV.  :func:`process` is the Python API's run: it keeps every result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Protocol,
    cast,
    runtime_checkable,
)

from .errors import ConfigurationError
from .gazetteer import Gazetteer, load_gazetteer
from .incidents import merge_incidents
from .incidents.compact import SharedValues, stripped
from .incidents.dedup import Merger, Reports, merge_group
from .ingest import DEFAULT_MAX_RECORD_BYTES, iter_articles
from .models import Article, ArticleResult, Incident, RecordError, RunReport
from .parallel import Encoded, map_articles, map_encoded
from .pipeline import safe_extract
from .spill import SpilledSequence, SpillFile, decode

if TYPE_CHECKING:
    from .resolve.online import OnlineFallback

__all__ = [
    "EncodingSink",
    "IncidentCollector",
    "ResultCollector",
    "RunReport",
    "Sink",
    "extract_one",
    "iter_results",
    "process",
    "run",
]

Output = ArticleResult | RecordError


class Sink(Protocol):
    """Anything that consumes article results one at a time."""

    def add(self, result: ArticleResult) -> None: ...


@runtime_checkable
class EncodingSink(Sink, Protocol):
    """A sink that keeps only a picklable value made from each result (a JSON line).

    ``encode`` is a module-level function, so with ``workers`` it runs in the
    worker that made the result and only its value is sent back;
    ``add(result)`` must equal ``add_encoded(encode(result))``.
    """

    @property
    def encode(self) -> Callable[[ArticleResult], object]: ...

    def add_encoded(self, value: Any) -> None: ...


def encode_result(
    result: ArticleResult, encoders: tuple[Callable[[ArticleResult], object], ...]
) -> Encoded:
    """``result`` as its counts and each sink's value (picklable with ``partial``)."""
    values = tuple(encode(result) for encode in encoders)
    return Encoded(len(result.places), len(result.incidents), values)


def extract_one(
    article: Article, gazetteer: Gazetteer | None, online: OnlineFallback | None
) -> Output:
    """The per-article function of a run in this process (the one place it is called)."""
    return safe_extract(article, gazetteer, online)


def iter_results(
    inputs: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    workers: int = 1,
    online: OnlineFallback | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> Iterator[Output]:
    """Stream per-article results (or errors) in input order."""
    if online is not None and workers > 1:
        raise ConfigurationError(
            "--online runs in one process (1 request/s); drop --workers"
        )
    records = iter_articles(inputs, max_bytes=max_record_bytes)
    if workers > 1:
        yield from map_articles(records, workers=workers, gazetteer=gazetteer)
        return
    for record in records:
        if isinstance(record, RecordError):
            yield record
            continue
        if gazetteer is None:  # the default one (with the user's layers), once a run
            gazetteer = load_gazetteer()
        yield extract_one(record, gazetteer, online)


@dataclasses.dataclass
class _Counts:
    """What a run has read and found so far."""

    read: int = 0
    failed: int = 0
    places: int = 0
    incidents: int = 0


def run(
    inputs: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    workers: int = 1,
    online: OnlineFallback | None = None,
    sinks: Sequence[Sink] = (),
    on_error: Callable[[RecordError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> RunReport:
    """Run the pipeline over ``inputs``, feeding each result to every sink.

    ``incident_count`` in the report counts per-article incidents (not merged).
    """
    counts, errors = _Counts(), list[RecordError]()
    stream: Iterable[Output | Encoded]
    if (
        online is None
        and workers > 1
        and all(isinstance(s, EncodingSink) for s in sinks)
    ):
        # every sink keeps a value made from the result: made in the workers
        encoders = tuple(cast(EncodingSink, s).encode for s in sinks)
        records = iter_articles(inputs, max_bytes=max_record_bytes)
        encode = partial(encode_result, encoders=encoders)
        stream = map_encoded(records, encode, workers=workers, gazetteer=gazetteer)
    else:
        stream = iter_results(
            inputs,
            gazetteer=gazetteer,
            workers=workers,
            online=online,
            max_record_bytes=max_record_bytes,
        )
    for item in stream:
        counts.read += 1
        if on_progress is not None:
            on_progress(counts.read)
        if isinstance(item, RecordError):
            counts.failed += 1
            errors.append(item)
            if on_error is not None:
                on_error(item)
            continue
        if isinstance(item, Encoded):
            counts.places += item.places
            counts.incidents += item.incidents
            for sink, value in zip(sinks, item.values, strict=True):
                cast(EncodingSink, sink).add_encoded(value)
            continue
        counts.places += len(item.places)
        counts.incidents += len(item.incidents)
        for sink in sinks:
            sink.add(item)
    return RunReport(
        articles_read=counts.read,
        articles_failed=counts.failed,
        places=counts.places,
        incident_count=counts.incidents,
        errors=tuple(errors),
    )


class ResultCollector:
    """A sink that keeps every result (for the Python API and small batches)."""

    def __init__(self) -> None:
        self.results: list[ArticleResult] = []

    def add(self, result: ArticleResult) -> None:
        self.results.append(result)


class IncidentCollector:
    """A sink that merges each article's incidents as they come, keeping only them.

    With ``compact`` (the default) an incident keeps its site without the
    candidate list and the scoring evidence (no output of merged incidents
    reads them), and values equal to one already kept (sites, dates, figures,
    excerpts, outlets...) are one object (:mod:`kharita.incidents.compact`).

    With ``spill``, the reports are written to a temporary file
    (:class:`kharita.spill.SpillFile`, in ``spill_folder`` or the system's
    temporary folder) as they come, and so are the merged incidents
    :meth:`merged` returns, which are read back as they are used: memory holds
    what merging decides on (:class:`kharita.incidents.dedup.Merger`: a few
    dozen bytes a report) and one incident at a time.  Values are then shared
    within each merged incident only.  Use it as a context manager: the files
    go with it (and with the process, however it ends).
    """

    def __init__(
        self,
        *,
        compact: bool = True,
        spill: bool = False,
        spill_folder: str | Path | None = None,
    ) -> None:
        self.compact = compact
        self.spill = spill
        self._spill_folder = spill_folder
        self._files: list[SpillFile] = []
        self._reports: Reports = self._new_file() if spill else []
        self._merger = Merger(self._reports)
        self._shared = SharedValues()
        self._finished = False

    def __enter__(self) -> IncidentCollector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the temporary files (the merged incidents go with them)."""
        for file in self._files:
            file.close()

    def add(self, result: ArticleResult) -> None:
        if self._finished:
            raise RuntimeError("IncidentCollector.add after finish()")
        for incident in result.incidents:
            if self.compact:
                incident = stripped(incident)
                if not self.spill:
                    incident = self._shared.incident(incident)
            self._merger.add(incident)

    def __len__(self) -> int:
        return len(self._merger)

    def merged(
        self, keep: Callable[[Incident], bool] | None = None
    ) -> Sequence[Incident]:
        """The incidents so far, reports of the same event merged (those ``keep``
        accepts): a list, or with ``spill`` a sequence read from disk."""
        if isinstance(self._reports, SpillFile):
            return self._merged_on_disk(self._reports, keep)
        merged = self._merger.iter_merged()
        return [m for m in merged if keep is None or keep(m)]

    def _merged_on_disk(
        self, reports: SpillFile, keep: Callable[[Incident], bool] | None
    ) -> SpilledSequence[Incident]:
        out = self._new_file()
        for members in self._merger.groups():
            if len(members) == 1:  # a report on its own: its bytes as they are
                data = reports.raw(members[0])
                if keep is None or keep(decode(data)):
                    out.append_raw(data)
                continue
            if self.compact:
                shared = SharedValues()  # what the reports of one event repeat, once
                group = [shared.report(reports[j]) for j in members]
            else:
                group = [reports[j] for j in members]
            incident = merge_group(group)
            if keep is None or keep(incident):
                out.append(incident)
        return SpilledSequence(out)

    def finish(
        self, keep: Callable[[Incident], bool] | None = None
    ) -> Sequence[Incident]:
        """:meth:`merged`, ending the collection: what merging kept (and with
        ``spill`` the reports' file) is let go, the merged incidents stay."""
        merged = self.merged(keep)
        self._finished = True
        if isinstance(self._reports, SpillFile):
            self._reports.close()
        self._reports, self._shared = [], SharedValues()
        self._merger = Merger(self._reports)
        return merged

    def _new_file(self) -> SpillFile:
        file = SpillFile(self._spill_folder)
        self._files.append(file)
        return file


def process(
    inputs: Iterable[str | Path],
    *,
    gazetteer: Gazetteer | None = None,
    workers: int = 1,
    on_error: Callable[[RecordError], None] | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> RunReport:
    """Run over ``inputs`` keeping every result; the report's ``incidents`` are merged."""
    results = ResultCollector()
    report = run(
        inputs,
        gazetteer=gazetteer,
        workers=workers,
        sinks=[results],
        on_error=on_error,
        max_record_bytes=max_record_bytes,
    )
    merged = merge_incidents(i for r in results.results for i in r.incidents)
    return dataclasses.replace(
        report, results=tuple(results.results), incidents=tuple(merged)
    )
