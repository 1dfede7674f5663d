"""Event dates: find date expressions in folded text and resolve them to ISO.

Handled: day + month (+ year) in both Arabic month systems (``20 نيسان``,
``20 أبريل``, ``كانون الثاني/يناير``, an ordinal day ``الخامس من تموز``) and English, month + year, a month with
``الماضي/الفائت``, numeric ``20/4/2024`` and ISO dates, weekdays (``فجر
السبت``, "on Thursday"), relative words (``اليوم``, ``أمس``, ``الأسبوع
الماضي``, "yesterday").  Arabic-Indic digits are folded to ASCII first.

Rules (the reference is the article date; it may be a day, a month or unknown):

* weekday + day + month, no year: the most recent year <= the reference year
  (``today`` when the article date is unknown) in which that day falls on that
  weekday, not after the reference date, searched 28 years back (the calendar
  repeats every 28 years).  «السبت 20 نيسان» -> 2024-04-20 for any reference
  in 2024-04-20 .. 2030-04-19.
* day + month, no year, no weekday: the reference year, or the year before when
  the day would fall after the reference; unknown without a reference.
* a month with ``الماضي/الفائت/المنصرم``: the latest such month strictly before
  the reference month (month precision); such mentions are marked ``past``.
* a weekday alone: the latest such weekday <= a day-precise reference; with a
  month-precise reference, that month; otherwise unknown, but the weekday is
  kept in :attr:`EventDate.weekday` (Monday = 0) for dedup.
* a year alone (``خلال العام 2025``, "in 2025"): year precision.
* no article date: the latest year the text states (``18 كانون الثاني الفائت
  2024``) anchors weekday + day + month to that year or the next (the seed);
  with no stated year such a date stays unknown (``الثلاثاء 19 تشرين الثاني``
  fits 2019 and 2024), as do day + month and relative words.
* ``اليوم``/``أمس``: reference + offset; week phrases give month precision.

No dateparser: the regex path resolves the sample articles' dates and runs
in microseconds per article (dateparser needs a Levantine-month pre-pass and
costs milliseconds per call).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..lexicon import load_table
from ..models import DatePrecision, EventDate
from ..text.phrases import phrase_key
from ._lex import trie_regex

PAST_WORDS = ("الفايت", "الماضي", "المنصرم")
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_EXPLICIT = {"full", "daymonth", "numeric", "monthyear", "year"}
_KIND_RANK = {**dict.fromkeys(_EXPLICIT, 0), "weekday": 1}  # then relative words


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in folded text (offsets into the folded text)."""

    start: int
    end: int
    kind: str  # full | daymonth | monthyear | monthpast | numeric | weekday | relative
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None
    rel_precision: DatePrecision | None = None
    past: bool = False


@dataclass(frozen=True, slots=True)
class Reference:
    """The article date as a reference point."""

    year: int
    month: int | None
    day: int | None
    inferred: bool = False  # from a year stated in the text, not the article date

    @property
    def precision(self) -> DatePrecision:
        return "day" if self.day else "month" if self.month else "year"

    def as_date(self) -> date:
        return date(
            self.year,
            self.month or 12,
            self.day or _month_end(self.year, self.month or 12),
        )


def parse_reference(article_date: str | None) -> Reference | None:
    """``"2024-04-20"`` / ``"2024-04"`` / ``"2024"`` -> :class:`Reference`; junk -> None."""
    if not article_date:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", article_date.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    ref = Reference(year, int(month) if month else None, int(day) if day else None)
    try:
        ref.as_date()
    except ValueError:
        return None
    return ref


def _alt(words: list[str]) -> str:
    return trie_regex({phrase_key(w) for w in words})


@lru_cache(maxsize=1)
def _tables() -> tuple[
    re.Pattern[str], dict[str, int], dict[str, int], dict[str, tuple[int, str]]
]:
    months = {phrase_key(r["name"]): int(r["month"]) for r in load_table("months")}
    weekdays = {
        phrase_key(r["name"]): int(r["weekday"]) for r in load_table("weekdays")
    }
    relative = {
        phrase_key(r["phrase"]): (int(r["offset_days"]), r["precision"])
        for r in load_table("relative_dates")
    }
    long_months = [m for m in months if len(m) > 3 and m != "may"]
    ordinals = [r["word"] for r in load_table("day_ordinals")]
    mo, lmo, wd, rel, od = (
        _alt(list(months)),
        _alt(long_months),
        _alt(list(weekdays)),
        _alt(list(relative)),
        _alt(ordinals),
    )
    past = "|".join(PAST_WORDS)
    year = r"(?:19|20)\d\d"
    pattern = (
        rf"(?:(?P<wd1>{wd})\s*,?\s*)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:من\s+|of\s+)?|(?P<o1>{od})\s+من\s+)(?:شهر\s+)?"
        rf"(?P<m1>{mo})(?:\s*/\s*(?:{mo}))?(?:\s+(?P<p1>{past}))?(?:\s*,?\s*(?:عام|سنه)?\s*(?P<y1>{year}))?(?!\w)"
        rf"|(?:(?P<wd2>{wd})\s*,?\s*)?(?P<m2>{mo})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s*(?P<y2>{year}))?(?![\w/])"
        rf"|(?P<m3>{mo})(?:\s*/\s*(?:{mo}))?(?:\s+(?P<p3>{past}))?\s*,?\s*(?:عام|سنه|of)?\s*(?P<y3>{year})(?!\w)"
        rf"|(?P<m4>{lmo})(?:\s*/\s*(?:{mo}))?\s+(?P<p4>{past})"
        rf"|(?P<d5>\d{{1,2}})[/.-](?P<mo5>\d{{1,2}})[/.-](?P<y5>{year})(?!\d)"
        rf"|(?P<y6>{year})-(?P<mo6>\d\d)-(?P<d6>\d\d)(?!\d)"
        rf"|(?:(?:العام|عام|سنه|in|during)\s+)(?P<y8>{year})(?![\w/-])"
        rf"|(?P<wd7>{wd})"
        rf"|(?P<rel>{rel})"
    )
    compiled = re.compile(rf"(?<![\w/]){(r'(?:[وب]|لل|ل)?')}(?:{pattern})")
    return compiled, months, weekdays, relative


@lru_cache(maxsize=1)
def _ordinal_days() -> dict[str, int]:
    """«الخامس» -> 5 (``day_ordinals.tsv``), folded."""
    return {phrase_key(r["word"]): int(r["day"]) for r in load_table("day_ordinals")}


def find_dates(
    folded: str, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Date expressions in ``folded[start:end]``."""
    pattern, months, weekdays, relative = _tables()
    stop = len(folded) if end is None else end
    return [
        _mention(m, months, weekdays, relative)
        for m in pattern.finditer(folded, start, stop)
    ]


def dates_by_span(
    folded: str, spans: Sequence[tuple[int, int]], found: Sequence[DateMention]
) -> list[list[DateMention]]:
    """:func:`find_dates` of each ``[start, end)`` span (contiguous, in order),
    read off ``found``, the mentions of the whole text.

    The same as searching each span on its own: no date expression ends in
    punctuation or a space, which is where sentences end.  A span that a
    mention runs across or ends on (a date broken by a line break) is searched
    on its own all the same.
    """
    out: list[list[DateMention]] = [[] for _ in spans]
    again: set[int] = set()
    ends = [end for _, end in spans]
    for m in found:
        first = bisect_right(ends, m.start)
        last = bisect_left(ends, m.end)
        if first >= len(spans):
            continue
        if last != first or m.end == ends[first]:
            again.update(range(first, min(last, len(spans) - 1) + 1))
        out[first].append(m)
    for i in again:
        out[i] = find_dates(folded, *spans[i])
    return out


def _mention(
    m: re.Match[str],
    months: dict[str, int],
    weekdays: dict[str, int],
    relative: dict[str, tuple[int, str]],
) -> DateMention:
    g = m.groupdict()

    def month(key: str) -> int:
        return months[phrase_key(g[key])]

    def wday(key: str) -> int | None:
        return weekdays[phrase_key(g[key])] if g[key] else None

    s, e = m.start(), m.end()
    if g["m1"]:
        y = int(g["y1"]) if g["y1"] else None
        kind = "full" if y else "daymonth"
        day = int(g["d1"]) if g["d1"] else _ordinal_days()[phrase_key(g["o1"])]
        return DateMention(
            s, e, kind, y, month("m1"), day, wday("wd1"), past=bool(g["p1"])
        )
    if g["m2"]:
        y = int(g["y2"]) if g["y2"] else None
        kind = "full" if y else "daymonth"
        return DateMention(s, e, kind, y, month("m2"), int(g["d2"]), wday("wd2"))
    if g["m3"]:
        return DateMention(
            s, e, "monthyear", int(g["y3"]), month("m3"), past=bool(g["p3"])
        )
    if g["m4"]:
        return DateMention(s, e, "monthpast", None, month("m4"), past=True)
    if g["d5"]:
        return DateMention(s, e, "numeric", int(g["y5"]), int(g["mo5"]), int(g["d5"]))
    if g["y6"]:
        return DateMention(s, e, "numeric", int(g["y6"]), int(g["mo6"]), int(g["d6"]))
    if g["y8"]:
        return DateMention(s, e, "year", int(g["y8"]))
    if g["wd7"]:
        return DateMention(s, e, "weekday", weekday=wday("wd7"))
    offset, precision = relative[phrase_key(g["rel"])]
    prec: DatePrecision = "month" if precision == "month" else "day"
    return DateMention(
        s, e, "relative", offset=offset, rel_precision=prec, past=offset <= -7
    )


def resolve(
    mention: DateMention, ref: Reference | None, today: date | None = None
) -> EventDate:
    """The date a mention denotes, given the article date ``ref``.

    ``today`` is accepted for callers that pass the run's clock; no rule needs
    it (an undated article's anchor comes from :func:`text_reference`), and the
    wall clock is never read.
    """
    kind = mention.kind
    if kind in ("full", "numeric"):
        return _ymd(mention, mention.year, kind)
    if kind == "daymonth":
        return _day_month(mention, ref)
    if kind == "year":
        return _event(mention, f"{mention.year:04d}", "year", kind)
    if kind == "monthyear":
        return _event(mention, f"{mention.year:04d}-{mention.month:02d}", "month", kind)
    if kind == "monthpast":
        if ref is None or ref.inferred or mention.month is None:
            return _unknown(mention, kind)
        ref_month = ref.month or 13
        year = ref.year if mention.month < ref_month else ref.year - 1
        return _event(mention, f"{year:04d}-{mention.month:02d}", "month", kind)
    if kind == "weekday":
        return _weekday(mention, ref)
    return _relative(mention, ref)


def _event(m: DateMention, iso: str, precision: DatePrecision, rule: str) -> EventDate:
    return EventDate(iso, precision, m.start, m.end, rule, m.weekday)


def _unknown(m: DateMention, rule: str) -> EventDate:
    return EventDate(None, None, m.start, m.end, rule, m.weekday)


def _ymd(m: DateMention, year: int | None, rule: str) -> EventDate:
    try:
        day = date(year or 0, m.month or 0, m.day or 0)
    except ValueError:
        return _unknown(m, rule)
    return _event(m, day.isoformat(), "day", rule)


def _day_month(m: DateMention, ref: Reference | None) -> EventDate:
    if ref is None or ref.inferred:
        return _anchored(m, ref)
    limit = ref.as_date()
    month, day = m.month or 0, m.day or 0
    if m.weekday is not None:
        for year in range(limit.year, limit.year - 29, -1):
            try:
                cand = date(year, month, day)
            except ValueError:
                continue
            if cand <= limit and cand.weekday() == m.weekday:
                return _event(m, cand.isoformat(), "day", "weekday+daymonth")
    year = ref.year if (month, day) <= (limit.month, limit.day) else ref.year - 1
    return _ymd(m, year, "daymonth")


def _anchored(m: DateMention, ref: Reference | None) -> EventDate:
    """Weekday + day + month in the text's stated year or the next, if unique."""
    if ref is None or m.weekday is None:
        return _unknown(m, "daymonth")
    fits = []
    for year in (ref.year, ref.year + 1):
        try:
            cand = date(year, m.month or 0, m.day or 0)
        except ValueError:
            continue
        if cand.weekday() == m.weekday:
            fits.append(cand)
    if len(fits) != 1:
        return _unknown(m, "daymonth")
    return _event(m, fits[0].isoformat(), "day", "weekday+daymonth")


def text_reference(
    mentions: list[DateMention], today: date | None = None
) -> Reference | None:
    """A year-only anchor from the latest year the text states (no article
    date); with ``today`` (the run's clock), years after it are ignored."""
    years = [
        m.year for m in mentions if m.year and (today is None or m.year <= today.year)
    ]
    return Reference(max(years), None, None, inferred=True) if years else None


def _weekday(m: DateMention, ref: Reference | None) -> EventDate:
    if ref is not None and ref.inferred:
        return _unknown(m, "weekday")
    if ref is not None and ref.day:
        limit = ref.as_date()
        back = (limit.weekday() - (m.weekday or 0)) % 7
        return _event(m, (limit - timedelta(days=back)).isoformat(), "day", "weekday")
    if ref is not None and ref.month:
        return _event(m, f"{ref.year:04d}-{ref.month:02d}", "month", "weekday")
    return _unknown(m, "weekday")


def _relative(m: DateMention, ref: Reference | None) -> EventDate:
    if ref is None or ref.inferred:
        return _unknown(m, "relative")
    if not ref.day:
        if ref.month and m.rel_precision == "day" and m.offset == 0:
            return _event(m, f"{ref.year:04d}-{ref.month:02d}", "month", "relative")
        return _unknown(m, "relative")
    day = ref.as_date() + timedelta(days=m.offset or 0)
    if m.rel_precision == "month":
        return _event(m, day.isoformat()[:7], "month", "relative")
    return _event(m, day.isoformat(), "day", "relative")


def _month_end(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def best_date(candidates: list[tuple[DateMention, EventDate]]) -> EventDate | None:
    """The most informative resolved date among mentions: the most precise;
    then an explicit date, then a named weekday, then a relative word.

    A weekday beats a relative word of the same sentence: «اليوم الاثنين» or
    «أمس الأحد» in an article dated a day or two later is the named day (the
    most recent such weekday on or before the publication date), not the
    publication date itself.
    """
    known = [(m, d) for m, d in candidates if d.iso]
    if not known:
        return None
    m, d = min(
        known,
        key=lambda md: (
            _PRECISION_RANK[md[1].precision or "year"],
            _KIND_RANK.get(md[0].kind, 2),
        ),
    )
    return d


def weekday_of(event_date: EventDate) -> int | None:
    """The weekday an event is known to fall on (from the date or the text)."""
    if event_date.iso and event_date.precision == "day":
        return date.fromisoformat(event_date.iso).weekday()
    return event_date.weekday


def unknown_date() -> EventDate:
    return EventDate(iso=None, precision=None)
