"""Typed, frozen records exchanged between kharita's stages.

The data flow is ``Article -> Mention -> ResolvedPlace -> Incident``; a run ends
in a :class:`RunReport`.  Every span is a ``(start, end)`` pair of character
offsets into the ORIGINAL ``Article.text`` (never into a normalised copy), so
excerpts and highlights are always cut from what the outlet published.

Coordinates are always ``(lat, lon)`` in this module.  Conversion to shapely's
``(x=lon, y=lat)`` happens only in :mod:`kharita.geo`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["ar", "en"]
MentionKind = Literal["gazetteer", "coordinates", "fuzzy"]
PlaceRole = Literal["site", "container", "reference", "prior", "actor", "other"]
DatePrecision = Literal["day", "month", "year"]
Outcome = Literal["completed", "foiled"]  # foiled: defused, intercepted, thwarted

IRAQ = "IQ"
#: how the ``source`` of a row with no point of its own begins; the id of the place
#: whose point it stands at ends it: "no point known: the point of its district
#: district:khalis" (a sub-district whose seat has no registry record or cited point)
NO_POINT_KNOWN = "no point known: the point of its "


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. Only ``text`` is required from the input."""

    id: str
    text: str
    lang: Lang
    outlet: str | None = None
    url: str | None = None
    date: str | None = None  # ISO date as given by the source ("2024-04-20", "2024-04")
    title: str | None = None
    origin: str = ""  # "path:record" where it was read from


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    """One row of the shipped gazetteer (see ``gazetteer/README.md``)."""

    id: str
    type: str
    name_en: str
    name_ar: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2, "IQ" for Iraq
    source: str
    governorate: str | None = None  # English governorate name, Iraqi places only
    district: str | None = None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    aliases_ku: tuple[str, ...] = ()
    population: int | None = None
    precision_m: float = 5_000.0  # how far the point may be from the thing it names
    seat: str | None = None  # a governorate's seat (capital), by gazetteer id

    @property
    def in_iraq(self) -> bool:
        return self.country == IRAQ

    @property
    def point_of(self) -> str | None:
        """The id of the place whose point this row stands at, when no point of its
        own is known (``source`` starts with :data:`NO_POINT_KNOWN`), else ``None``."""
        if not self.source.startswith(NO_POINT_KNOWN):
            return None
        return self.source.rsplit(" ", 1)[-1]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name and alias, primary names first."""
        return (
            self.name_ar,
            self.name_en,
            *self.aliases_ar,
            *self.aliases_en,
            *self.aliases_ku,
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the original text that names a place.

    ``candidates`` are gazetteer ids whose names match; resolution picks one.
    ``designator`` is a place-type cue inside the span (``قاعدة``, ``محافظة``,
    ``airbase``) when there is one.
    """

    start: int
    end: int
    text: str
    matched: str  # the normalised name that matched
    candidates: tuple[str, ...]
    kind: MentionKind = "gazetteer"
    designator: str | None = None
    designator_type: str | None = None  # gazetteer type the designator implies
    point: tuple[float, float] | None = None  # for coordinates written in the text


@dataclass(frozen=True, slots=True)
class Evidence:
    """One rule that fired while resolving a mention."""

    rule: str
    weight: float
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored candidate of a mention, with the rules that scored it."""

    place: GazetteerPlace
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class RelativeLocation:
    """«30 كم شمال كركوك», "south of Baghdad": a point offset from an anchor."""

    phrase_start: int
    phrase_end: int
    phrase: str
    anchor_id: str
    bearing_deg: float | None
    distance_km: float | None


@dataclass(frozen=True, slots=True)
class NearPlace:
    """What reverse geocoding says of a point written in the text: the nearest
    named place and the admin units holding the point (English names)."""

    place_id: str
    name_en: str
    name_ar: str
    distance_km: float
    subdistrict: str | None = None
    district: str | None = None
    governorate: str | None = None


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A mention and the place it was resolved to (or ``place=None``).

    ``near``: for coordinates written in the text, the place reverse geocoding
    names for them.
    """

    mention: Mention
    place: GazetteerPlace | None
    lat: float | None
    lon: float | None
    confidence: float
    precision_m: float
    foreign: bool
    evidence: tuple[Evidence, ...] = ()
    alternatives: tuple[Candidate, ...] = ()
    relative: RelativeLocation | None = None
    role: PlaceRole = "other"
    near: NearPlace | None = None

    @property
    def low_confidence(self) -> bool:
        return self.confidence < 0.5

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty count as a range; ``None`` bounds mean unknown.

    ``Count(0, 0)`` is an explicit zero ("no casualties"), ``Count()`` not
    stated.  ``vague`` marks a figure read from a quantity word («العشرات»,
    "several", a bare «إصابات»): ``min`` is the lower bound the word entails,
    ``max`` is open, and a stated figure always beats it.  ``vague`` does not
    take part in equality.
    """

    min: int | None = None
    max: int | None = None
    vague: bool = field(default=False, compare=False)

    @property
    def known(self) -> bool:
        return self.min is not None


@dataclass(frozen=True, slots=True)
class EventDate:
    """The event date, ISO, with its precision. ``iso=None`` means unknown."""

    iso: str | None
    precision: DatePrecision | None
    start: int | None = None  # span of the date expression in the text
    end: int | None = None
    rule: str = ""
    weekday: int | None = None  # Monday = 0, when the text names the weekday


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who is said to have done it, who claimed it, who denied it."""

    perpetrator: str | None = None
    claimed_by: str | None = None
    denied_by: str | None = None
    perpetrator_span: tuple[int, int] | None = None
    claimed_span: tuple[int, int] | None = None
    denied_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One report of an incident: where it was read and what it says."""

    article_id: str
    outlet: str | None
    url: str | None
    date: str | None
    excerpt: str
    excerpt_start: int  # offset of the excerpt in the article text
    highlight: tuple[int, int] | None = None  # place mention, relative to excerpt
    lang: Lang = "ar"
    title: str | None = None  # the article's title
    # the sentence the casualty figures were read from (as published; it may lie
    # outside the excerpt) and its offset in the article text; "" when no figure
    casualty_sentence: str = ""
    casualty_start: int | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    """One event, possibly reported by several sources."""

    id: str
    type: str
    date: EventDate
    killed: Count
    wounded: Count
    place: ResolvedPlace | None
    sources: tuple[Source, ...]
    confidence: float
    acled_event_type: str = ""
    acled_sub_event_type: str = ""
    attribution: Attribution = field(default_factory=Attribution)
    trigger: str = ""
    trigger_span: tuple[int, int] | None = None
    # a toll stated for killed and wounded together («12 بين قتيل وجريح», "12 casualties")
    casualties: Count = field(default_factory=Count)
    # deaths among the attackers when the text says so; included in ``killed``
    killed_perpetrators: Count = field(default_factory=Count)
    outcome: Outcome = "completed"

    @property
    def lat(self) -> float | None:
        return self.place.lat if self.place else None

    @property
    def lon(self) -> float | None:
        return self.place.lon if self.place else None

    @property
    def report_count(self) -> int:
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything kharita extracted from one article."""

    article: Article
    places: tuple[ResolvedPlace, ...]
    incidents: tuple[Incident, ...]


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record that could not be read or processed: ``path:record: message``."""

    path: str
    record: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.record}" if self.record else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a run did: counts, failures, the files it wrote and, when the
    caller kept them (``kharita.process``), the results and merged incidents."""

    articles_read: int = 0
    articles_failed: int = 0
    places: int = 0
    incident_count: int = 0  # per-article incidents, or merged ones once merged
    errors: tuple[RecordError, ...] = ()
    outputs: tuple[str, ...] = ()
    results: tuple[ArticleResult, ...] = ()
    incidents: tuple[Incident, ...] = ()  # merged

    def summary(self) -> str:
        parts = [
            f"{self.articles_read} articles read",
            f"{self.articles_failed} failed",
            f"{self.places} places",
            f"{self.incident_count} incidents",
        ]
        line = ", ".join(parts)
        if self.outputs:
            line += " -> " + ", ".join(self.outputs)
        return line
