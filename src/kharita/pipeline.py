"""The per-article pipeline: one :class:`~kharita.doc.Doc`, components in order.

The run over many inputs (the one run loop, sinks, the run report) is
:mod:`kharita.run`; it calls :func:`safe_extract` for each article.

spaCy's ``Language`` is the model.  A :class:`Pipeline` is built once from a
gazetteer, :class:`Settings` and a clock; it compiles what the components
need (the place automaton and cues) and then runs every article through the
same components::

    make_doc -> recognise_places -> resolve_places [-> geocode_online] -> extract_incidents

Each component takes a ``Doc`` and returns a new one with its layer added
(``mentions``, ``places``, ``incidents`` and place roles).  Nothing is
re-normalised or re-split after :meth:`Pipeline.make_doc`.

The wall clock is never read here: an article without a date resolves
relative dates ("yesterday", «السبت») against ``clock()``, which is ``None``
unless the caller injects one, so a run over undated articles gives the same
output on any day.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from .doc import Doc, make_doc
from .errors import KharitaError, OnlineGeocoderError
from .gazetteer import Gazetteer, load_gazetteer
from .incidents import extract_incidents
from .incidents.lexicon import IncidentLexicon
from .incidents.types import registry
from .mentions import recognizer_for
from .models import Article, ArticleResult, NearPlace, RecordError
from .resolve import resolve_places
from .text.wire import clean_article, restore

if TYPE_CHECKING:
    from .resolve.online import OnlineFallback
    from .reverse import ReverseIndex

logger = logging.getLogger("kharita")

Clock = Callable[[], date | None]
Component = Callable[[Doc], Doc]


def no_clock() -> date | None:
    """The default clock: no reference day for undated articles."""
    return None


@dataclass(frozen=True, slots=True)
class Settings:
    """Per-run options of the language pipeline (frozen; passed in, never global).

    ``reference_date``: the day undated articles are read against (ISO
    ``YYYY-MM-DD``); ``None`` leaves their relative dates unresolved.
    """

    reference_date: date | None = None


class Pipeline:
    """Built once; call it on articles (or use :meth:`pipe` / :meth:`safe`)."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        settings: Settings | None = None,
        clock: Clock | None = None,
        online: OnlineFallback | None = None,
    ) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.settings = settings if settings is not None else Settings()
        if clock is None:
            fixed = self.settings.reference_date
            clock = (lambda: fixed) if fixed is not None else no_clock
        self.clock = clock
        self.online = online
        self.recognizer = recognizer_for(self.gazetteer)
        self.lexicon = IncidentLexicon(registry())
        self._reverse: ReverseIndex | None = None
        self.components: list[tuple[str, Component]] = [
            ("recognise_places", self.recognise_places),
            ("resolve_places", self.resolve_places),
        ]
        if online is not None:
            self.components.append(("geocode_online", self.geocode_online))
        self.components.append(("extract_incidents", self.extract_incidents))

    # -- the document -------------------------------------------------------
    def make_doc(self, article: Article) -> Doc:
        """Normalise, split and tokenise ``article`` once (English wire furniture
        blanked first, offsets unchanged: :mod:`kharita.text.wire`)."""
        return make_doc(clean_article(article), self.lexicon.read)

    # -- components ---------------------------------------------------------
    def recognise_places(self, doc: Doc) -> Doc:
        """Add ``mentions``: every place name, with original offsets."""
        return replace(doc, mentions=tuple(self.recognizer.recognise(doc)))

    def resolve_places(self, doc: Doc) -> Doc:
        """Add ``places``: one resolution (or none) per mention."""
        return replace(
            doc,
            places=tuple(
                resolve_places(
                    doc,
                    doc.mentions,
                    self.gazetteer,
                    self.recognizer.cues.common_words,
                    self.describe_point,
                )
            ),
        )

    def describe_point(self, point: tuple[float, float]) -> NearPlace | None:
        """Reverse geocoding of a point written in an article: the nearest named
        place and the units holding it (the index is built on first use)."""
        if self._reverse is None:
            from .reverse import ReverseIndex  # lazy: numpy, shapely

            self._reverse = ReverseIndex(self.gazetteer)
        found = self._reverse.describe(point)
        if found is None:
            return None
        units = found.containers()
        return NearPlace(
            found.place.id,
            found.place.name_en,
            found.place.name_ar,
            found.km,
            units["subdistrict"],
            units["district"],
            units["governorate"],
        )

    def geocode_online(self, doc: Doc) -> Doc:
        """Ask the opt-in online geocoder for places the gazetteer lacks."""
        if self.online is None:
            return doc
        from .resolve.online import fill_unresolved  # lazy: start-up

        return replace(doc, places=tuple(fill_unresolved(doc.places, self.online)))

    def extract_incidents(self, doc: Doc) -> Doc:
        """Add ``incidents`` and set each place's role."""
        incidents, places = extract_incidents(
            doc, doc.places, today=self.clock(), lexicon=self.lexicon
        )
        return replace(doc, incidents=incidents, places=places)

    # -- running ------------------------------------------------------------
    def __call__(self, article: Article) -> Doc:
        """Every component over one article."""
        doc = self.make_doc(article)
        for _, component in self.components:
            doc = component(doc)
        return doc

    def stages(self, article: Article) -> Iterator[tuple[str, Doc]]:
        """The ``Doc`` after each component (what ``kharita explain`` shows)."""
        doc = self.make_doc(article)
        yield "make_doc", doc
        for name, component in self.components:
            doc = component(doc)
            yield name, doc

    def extract(self, article: Article) -> ArticleResult:
        """Places and incidents of one article (its original text kept)."""
        return restore(self(article).result(), article)

    def safe(self, article: Article) -> ArticleResult | RecordError:
        """:meth:`extract`, with an unexpected failure turned into a RecordError.

        An unreachable online geocoder is not the article's fault: it propagates.
        """
        try:
            return self.extract(article)
        except OnlineGeocoderError:
            raise
        except KharitaError as exc:
            return record_error(article, str(exc))
        except Exception as exc:  # one bad article must not lose the run
            logger.debug("extraction failed for %s", article.origin, exc_info=True)
            return record_error(
                article, f"extraction failed: {type(exc).__name__}: {exc}"
            )


def record_error(article: Article, message: str) -> RecordError:
    """A :class:`RecordError` naming the article's ``file:record``."""
    path, _, record = article.origin.rpartition(":")
    return RecordError(path or article.origin, record, message)


_PIPELINES: dict[
    tuple[int, int], tuple[Gazetteer, OnlineFallback | None, Pipeline]
] = {}


def pipeline_for(
    gazetteer: Gazetteer | None = None, online: OnlineFallback | None = None
) -> Pipeline:
    """A :class:`Pipeline` over ``gazetteer`` (the shipped one by default), reused
    across calls with the same gazetteer and fallback (building one compiles the
    place automaton)."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    slot = (id(gaz), id(online))
    held = _PIPELINES.get(slot)
    if held is None or held[0] is not gaz or held[1] is not online:
        if len(_PIPELINES) >= 4:
            _PIPELINES.clear()
        held = (gaz, online, Pipeline(gaz, online=online))
        _PIPELINES[slot] = held
    return held[2]


def extract_article(
    article: Article,
    gazetteer: Gazetteer | None = None,
    online: OnlineFallback | None = None,
) -> ArticleResult:
    """Places and incidents of one article (through :func:`pipeline_for`)."""
    return pipeline_for(gazetteer, online).extract(article)


def safe_extract(
    article: Article,
    gazetteer: Gazetteer | None = None,
    online: OnlineFallback | None = None,
) -> ArticleResult | RecordError:
    """:meth:`Pipeline.safe` of :func:`pipeline_for` (the run loop's per-article call)."""
    return pipeline_for(gazetteer, online).safe(article)
