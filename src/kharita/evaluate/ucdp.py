"""Measure kharita on UCDP GED news headlines (English, real wire style).

UCDP GED codes conflict events with a point, the governorate and a death toll,
and lists the headlines of the reports it coded them from.  Each headline is
run through kharita as a one-line English article (dated by its
``source_date``).  An event counts when one of its headlines names the coded
place or its governorate (:mod:`.ucdp_names`); only those headlines are used.

* **coverage**: share of counted events with at least one incident;
* **acc@50km**: share of covered events whose nearest incident (to the UCDP
  point) lies within 50 km; an incident without coordinates is not near;
* **killed exact**: among events whose headlines state UCDP's ``best`` death
  toll as a number (digits or a number word; wire slugs such as "UPDATE 3-"
  are not a statement), the share where an incident of such a headline has
  exactly that many killed (``killed.min == killed.max == best``);
  ``killed_min`` also accepts an open top (the headline's "at least 44" read
  as 44 or more).

Events are split into two halves by a hash of the UCDP event id (stable across
runs and machines): steer on ``dev``, report ``heldout`` beside it.
Headlines that are archive labels, not news ("June 13th 2016: Mosul, Iraq"),
are counted apart and not scored.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..gazetteer import Gazetteer, load_gazetteer
from ..geo import haversine_km
from ..models import Article, ArticleResult, Incident
from .ucdp_names import NameIndex, NumberForms, PlaceNames

Extract = Callable[[Article], ArticleResult]
HALVES = ("dev", "heldout")
NEAR_KM = 50.0
REQUIRED = ("id", "source_headline", "latitude", "longitude", "where_coordinates")
# Airwars archive labels ("June 13th 2016: Mosul, ...") and BBC Monitoring
# programme listings carry a place but report no event in their words.
_MONTH = (
    "january|february|march|april|may|june|july|august|september|october"
    "|november|december"
)
_LABEL = re.compile(
    rf"^\s*(?:(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?[^:]{{0,24}}:"
    r"|(?:[\w ]+:\s*)?(?:programme summary|press highlights|highlights of)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Headline:
    text: str
    date: str | None


@dataclass(frozen=True, slots=True)
class UcdpEvent:
    """One UCDP GED row: the coded point and toll, and its headlines."""

    id: str
    line: int
    headlines: tuple[Headline, ...]
    lat: float
    lon: float
    where: str
    adm_1: str
    best: int | None


def half_of(event_id: str) -> str:
    """``"dev"`` or ``"heldout"``, from a SHA-1 of the event id."""
    return HALVES[hashlib.sha1(event_id.encode("utf-8")).digest()[0] % 2]


def split_headlines(headlines: str, dates: str) -> tuple[Headline, ...]:
    """UCDP joins headlines with ``;``; a ``;`` followed by a space is inside one."""
    texts = [t.strip() for t in re.split(r";(?!\s)", headlines) if t.strip()]
    days = [d.strip() or None for d in dates.split(";")]
    if len(days) != len(texts):
        days = [days[0] if days else None] * len(texts)
    return tuple(Headline(t, d) for t, d in zip(texts, days, strict=True))


def _event(row: dict[str, str], line: int) -> UcdpEvent:
    best = (row.get("best") or "").strip()
    return UcdpEvent(
        id=(row.get("id") or "").strip(),
        line=line,
        headlines=split_headlines(
            row.get("source_headline") or "", row.get("source_date") or ""
        ),
        lat=_number(row, "latitude"),
        lon=_number(row, "longitude"),
        where=row.get("where_coordinates") or "",
        adm_1=row.get("adm_1") or "",
        best=int(_number(row, "best")) if best else None,
    )


def _number(row: dict[str, str], column: str) -> float:
    value = (row.get(column) or "").strip()
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{column} is not a number: {value!r}") from None


def read_events(path: Path) -> tuple[list[UcdpEvent], list[str]]:
    """Events of a UCDP GED CSV, and one ``file:line: message`` per bad row."""
    try:
        return _read_events(path)
    except UnicodeDecodeError as exc:
        raise InputError(path.name, None, f"not UTF-8 text: {exc.reason}") from None


def _read_events(path: Path) -> tuple[list[UcdpEvent], list[str]]:
    events: list[UcdpEvent] = []
    problems: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
        if missing:
            raise InputError(
                path.name, 1, f"not a UCDP GED CSV: no column {missing[0]!r}"
            )
        for row in reader:
            line = reader.line_num
            try:
                event = _event(row, line)
            except (ValueError, TypeError) as exc:
                problems.append(f"{path.name}:{line}: {exc}")
                continue
            if event.headlines:
                events.append(event)
    return events, problems


@dataclass(slots=True)
class HalfScores:
    """Counts of one half; the rates are derived."""

    events: int = 0
    labels_only: int = 0
    counted: int = 0
    named_place: int = 0
    covered: int = 0
    near: int = 0
    stated: int = 0
    killed_exact: int = 0
    killed_min: int = 0
    covered_place: int = 0  # covered events whose headline names the place itself
    near_place: int = 0
    failures: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "labels_only": self.labels_only,
            "counted": self.counted,
            "named_place": self.named_place,
            "covered": self.covered,
            "near": self.near,
            "stated": self.stated,
            "killed_exact": self.killed_exact,
            "killed_min": self.killed_min,
            "covered_place": self.covered_place,
            "near_place": self.near_place,
            "coverage": _rate(self.covered, self.counted),
            "acc@50km": _rate(self.near, self.covered),
            "acc@50km_place": _rate(self.near_place, self.covered_place),
            "killed_exact_rate": _rate(self.killed_exact, self.stated),
            "killed_min_rate": _rate(self.killed_min, self.stated),
            "failures": dict(self.failures.most_common()),
        }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What kharita made of one counted event."""

    named: str
    incidents: tuple[Incident, ...]
    stated_incidents: tuple[Incident, ...] | None
    places_found: bool
    nearest_km: float | None


def _nearest(event: UcdpEvent, incidents: Iterable[Incident]) -> float | None:
    best: float | None = None
    for inc in incidents:
        p = inc.place
        if p is None or p.lat is None or p.lon is None:
            continue
        km = haversine_km((event.lat, event.lon), (p.lat, p.lon))
        best = km if best is None or km < best else best
    return best


def judge(
    event: UcdpEvent,
    names: PlaceNames,
    extract: Extract,
    numbers: NumberForms,
    source: str = "ucdp",
) -> Outcome | None:
    """Run the event's naming headlines; None when no news headline names it."""
    named: list[tuple[str, ArticleResult]] = []
    for i, h in enumerate(event.headlines, start=1):
        kind = None if _LABEL.match(h.text) else names.named_in(h.text)
        if kind is None:
            continue
        article = Article(
            id=f"{event.id}.{i}",
            text=h.text,
            lang="en",
            date=h.date,
            origin=f"{source}:{event.line}",
        )
        named.append((kind, extract(article)))
    if not named:
        return None
    incidents = tuple(i for _, r in named for i in r.incidents)
    stated = None
    if event.best is not None:
        with_number = [
            r for _, r in named if numbers.stated(event.best, r.article.text)
        ]
        if with_number:
            stated = tuple(i for r in with_number for i in r.incidents)
    return Outcome(
        named="place" if any(k == "place" for k, _ in named) else "governorate",
        incidents=incidents,
        stated_incidents=stated,
        places_found=any(p.lat is not None for _, r in named for p in r.places),
        nearest_km=_nearest(event, incidents),
    )


def _exact(incidents: Iterable[Incident], best: int, *, strict: bool) -> bool:
    """An incident reads ``best`` killed (open above allowed unless ``strict``)."""
    return any(
        i.killed.min == best
        and (i.killed.max == best or (i.killed.max is None and not strict))
        for i in incidents
    )


def _killed_failure(incidents: Sequence[Incident], best: int) -> str:
    if not incidents:
        return "killed: no incident from the headline stating the toll"
    if all(i.killed.min is None for i in incidents):
        return "killed: toll not read"
    if any(i.killed.min == best and i.killed.max is None for i in incidents):
        return "killed: open above ('at least N' read as N or more)"
    if any(i.killed.min != i.killed.max for i in incidents):
        return "killed: a range, not one figure"
    return "killed: another figure"


def tally(scores: HalfScores, event: UcdpEvent, outcome: Outcome | None) -> None:
    """Add one event's outcome to the scores of its half."""
    scores.events += 1
    if outcome is None:
        if any(_LABEL.match(h.text) for h in event.headlines):
            scores.labels_only += 1
        return
    scores.counted += 1
    scores.named_place += outcome.named == "place"
    if not outcome.incidents:
        scores.failures[
            "no incident (a place was resolved)"
            if outcome.places_found
            else "no incident (no place resolved)"
        ] += 1
    else:
        _tally_place(scores, outcome)
    if outcome.stated_incidents is not None and event.best is not None:
        scores.stated += 1
        scores.killed_min += _exact(outcome.stated_incidents, event.best, strict=False)
        if _exact(outcome.stated_incidents, event.best, strict=True):
            scores.killed_exact += 1
        else:
            scores.failures[_killed_failure(outcome.stated_incidents, event.best)] += 1


def _tally_place(scores: HalfScores, outcome: Outcome) -> None:
    near = outcome.nearest_km is not None and outcome.nearest_km <= NEAR_KM
    scores.covered += 1
    scores.near += near
    if outcome.named == "place":
        scores.covered_place += 1
        scores.near_place += near
    if outcome.nearest_km is None:
        scores.failures["incident without coordinates"] += 1
    elif not near:
        scores.failures[f"nearest incident > 50 km (named {outcome.named})"] += 1


def score_events(
    events: Iterable[UcdpEvent],
    extract: Extract,
    gazetteer: Gazetteer,
    source: str = "ucdp",
) -> dict[str, HalfScores]:
    """Scores per half (``dev``, ``heldout``) of ``events``."""
    index = NameIndex(gazetteer)
    numbers = NumberForms.from_lexicon()
    halves = {h: HalfScores() for h in HALVES}
    for event in events:
        names = index.names(event.where, event.adm_1, (event.lat, event.lon))
        outcome = judge(event, names, extract, numbers, source)
        tally(halves[half_of(event.id)], event, outcome)
    return halves


def evaluate_ucdp(
    path: Path, gazetteer: Gazetteer | None = None, extract: Extract | None = None
) -> dict[str, Any]:
    """Score kharita on a UCDP GED CSV; a JSON-able dict with both halves."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    if extract is None:
        from ..pipeline import extract_article

        def extract(article: Article) -> ArticleResult:
            return extract_article(article, gaz)

    events, problems = read_events(path)
    halves = score_events(events, extract, gaz, path.name)
    return {
        "gold": str(path),
        "format": "ucdp",
        "skipped_rows": problems,
        **{h: s.to_dict() for h, s in halves.items()},
    }


def ucdp_lines(scores: dict[str, Any]) -> Iterator[str]:
    """A human-readable table of :func:`evaluate_ucdp` output."""
    yield f"gold: {scores['gold']}  format: ucdp"
    for problem in scores["skipped_rows"]:
        yield f"  skipped {problem}"
    for half in HALVES:
        s = scores[half]
        yield (
            f"  {half:<8} events {s['events']}  headline names the place/governorate "
            f"{s['counted']} (place {s['named_place']}; archive labels only "
            f"{s['labels_only']})"
        )
        yield (
            f"           coverage {_fmt(s['coverage'])} ({s['covered']}/{s['counted']})"
            f"  acc@50km {_fmt(s['acc@50km'])} ({s['near']}/{s['covered']})"
            f"  killed exact {_fmt(s['killed_exact_rate'])}"
            f" ({s['killed_exact']}/{s['stated']})"
        )
        yield (
            f"           acc@50km where the place itself is named "
            f"{_fmt(s['acc@50km_place'])} ({s['near_place']}/{s['covered_place']})"
            f"  killed N or more "
            f"{_fmt(s['killed_min_rate'])} ({s['killed_min']}/{s['stated']})"
        )
        for name, count in s["failures"].items():
            yield f"           {count:>5}  {name}"


def _fmt(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.3f}"
