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
    TypeVar,
    cast,
    runtime_checkable,
)

from .errors import ConfigurationError
from .gazetteer import Gazetteer, load_gazetteer
from .incidents import merge_incidents
from .incidents.dedup import Merger
from .ingest import DEFAULT_MAX_RECORD_BYTES, iter_articles
from .models import Article, ArticleResult, Incident, RecordError, RunReport, Source
from .parallel import Encoded, map_articles, map_encoded
from .pipeline import safe_extract

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
T = TypeVar("T")


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
    reads them), and every value equal to one already kept (sites, dates,
    figures, attributions, excerpts, outlets, type names) is stored once: a
    report costs its own id, article id and URL, and references.  Memory grows
    with the reports the map lists, by a small record each, not with article
    results.
    """

    def __init__(self, *, compact: bool = True) -> None:
        self.compact = compact
        self._merger = Merger()
        self._shared: dict[object, object] = {}

    def add(self, result: ArticleResult) -> None:
        for incident in result.incidents:
            self._merger.add(self._compacted(incident) if self.compact else incident)

    def __len__(self) -> int:
        return len(self._merger)

    def merged(self) -> list[Incident]:
        """The incidents so far, reports of the same event merged."""
        return self._merger.merged()

    def _share(self, value: T) -> T:
        try:
            return cast(T, self._shared.setdefault(value, value))
        except TypeError:  # an unhashable value: keep it as it is
            return value

    def _compacted(self, incident: Incident) -> Incident:
        share, place = self._share, incident.place
        if place is not None:
            place = share(dataclasses.replace(place, evidence=(), alternatives=()))
        sources = tuple(self._compact_source(s) for s in incident.sources)
        return dataclasses.replace(
            incident,
            type=share(incident.type),
            date=share(incident.date),
            killed=share(incident.killed),
            wounded=share(incident.wounded),
            casualties=share(incident.casualties),
            killed_perpetrators=share(incident.killed_perpetrators),
            place=place,
            sources=sources,
            acled_event_type=share(incident.acled_event_type),
            acled_sub_event_type=share(incident.acled_sub_event_type),
            attribution=share(incident.attribution),
            trigger=share(incident.trigger),
            trigger_span=share(incident.trigger_span),
            confidence=share(incident.confidence),
            outcome=share(incident.outcome),
        )

    def _compact_source(self, source: Source) -> Source:
        share = self._share
        return dataclasses.replace(
            source,
            outlet=share(source.outlet),
            date=share(source.date),
            excerpt=share(source.excerpt),
            excerpt_start=share(source.excerpt_start),
            highlight=share(source.highlight),
            lang=share(source.lang),
            title=share(source.title),
            casualty_sentence=share(source.casualty_sentence),
        )


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
