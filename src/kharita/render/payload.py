"""The one JSON blob the map's script reads: incidents, bases, labels, UI strings.

Rows are positional arrays (see the field constants at the top of
``assets/kharita.js``) and repeated strings (places, governorates, outlets) are
interned in tables, which keeps a 10,000-incident map small.  :func:`script_json`
escapes ``<``, ``>`` and ``&`` so no string can close the ``<script>`` it lives in.
"""

from __future__ import annotations

import base64
import calendar
import itertools
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..models import EventDate, GazetteerPlace, Incident, Source
from .basemap import Basemap
from .excerpt import quote
from .types import IncidentStyle

COMPRESS_ABOVE = 1_000_000  # bytes of JSON above which the blob is gzipped
PRECISIONS = {"day": 0, "month": 1, "year": 2}
ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
EPOCH = date(1970, 1, 1).toordinal()


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else ``None``."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in url for c in "\x00\r\n\t<>\"'` "):
        return None
    return url


_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
_FLUSH_CHARS = 1 << 16  # JSON text escaped, encoded and compressed at a time
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _escaped(text: str) -> str:
    for raw, escaped in _SCRIPT_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def _json_chunks(value: object) -> Iterator[str]:
    """``json.dumps(value)`` (compact, not ASCII-only) in pieces: containers of
    containers item by item, so no piece holds more than one innermost list
    (one report of an incident), however many reports the map lists."""
    if isinstance(value, dict):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield ("," if n else "") + _ENCODER.encode(key) + ":"
            yield from _json_chunks(item)
        yield "}"
    elif isinstance(value, LazyList) or (
        isinstance(value, list)
        and any(isinstance(v, (list, dict, LazyList)) for v in value)
    ):
        yield "["
        for n, item in enumerate(value):
            if n:
                yield ","
            yield from _json_chunks(item)
        yield "]"
    else:
        yield _ENCODER.encode(value)


def _script_pieces(value: object) -> Iterator[str]:
    """:func:`script_json` of ``value`` in pieces of about :data:`_FLUSH_CHARS`."""
    buffer: list[str] = []
    size = 0
    for chunk in _json_chunks(value):
        buffer.append(chunk)
        size += len(chunk)
        if size >= _FLUSH_CHARS:
            yield _escaped("".join(buffer))
            buffer, size = [], 0
    yield _escaped("".join(buffer))


def script_json(value: object) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>``, ``&``, U+2028/9 escaped."""
    return "".join(_script_pieces(value))


def data_element(value: object, compress: bool | None = None) -> str:
    """The ``<script id="kharita-data">`` element holding the blob.

    Large blobs (``compress=None``: above :data:`COMPRESS_ABOVE` bytes) are gzipped and
    base64-encoded (Arabic text shrinks about 3-4x); the page inflates them with the
    browser's ``DecompressionStream``.  Small maps stay plain JSON.  The JSON is
    compressed as it is encoded: only the compressed blob grows with the map.
    """
    chunks = (piece.encode("utf-8") for piece in _script_pieces(value))
    head: list[bytes] = []
    if compress is None:
        size = 0
        for chunk in chunks:
            head.append(chunk)
            size += len(chunk)
            if size > COMPRESS_ABOVE:
                break
        compress = size > COMPRESS_ABOVE
    if not compress:
        text = b"".join([*head, *chunks]).decode("utf-8")
        return f'<script type="application/json" id="kharita-data">{text}</script>'
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip, as gzip.compress(mtime=0)
    packed = [packer.compress(chunk) for chunk in itertools.chain(head, chunks)]
    packed.append(packer.flush())
    text = base64.b64encode(b"".join(packed)).decode("ascii")
    return (
        '<script type="application/octet-stream" id="kharita-data" '
        f'data-encoding="gzip+base64">{text}</script>'
    )


def day_span(event: EventDate) -> tuple[int | None, int | None]:
    """First and last day (days since 1970-01-01) covered by a day/month/year date."""
    match = ISO.match(event.iso or "")
    if not match:
        return None, None
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    try:
        if day and month:
            first = last = date(year, int(month), int(day))
        elif month:
            first = date(year, int(month), 1)
            last = date(year, int(month), calendar.monthrange(year, int(month))[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None, None
    return first.toordinal() - EPOCH, last.toordinal() - EPOCH


_BIDI_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
MAX_OUTLET_CHARS = 40


MAX_TITLE_CHARS = 200


def outlet_label(outlet: str, limit: int = MAX_OUTLET_CHARS) -> str:
    """An outlet name (or an article title) as the map shows it: bidi controls
    dropped (a U+202E in a feed's name must not reverse the sources line),
    capped at ``limit`` characters."""
    name = " ".join(outlet.translate(_BIDI_CONTROLS).split())
    if len(name) > limit:
        name = name[: limit - 1] + "…"
    return name


class LazyList:
    """A list for the JSON encoder whose items are made only while it is encoded
    (:func:`script_json`, :func:`data_element`): the rows of a large map are
    never all held at once."""

    def __init__(self, items: Callable[[], Iterable[Any]]) -> None:
        self._items = items

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items())


class Interner:
    """Index of repeated values (names, outlets), listed once in the blob."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        self.rows: list[Any] = []

    def __call__(self, value: Any) -> int:
        key = json.dumps(value, ensure_ascii=False)
        if key not in self.index:
            self.index[key] = len(self.rows)
            self.rows.append(value)
        return self.index[key]


@dataclass
class Survey:
    """What :meth:`Payload.survey` learns of the incidents in its one pass."""

    count: int = 0
    placed: int = 0  # with a point (a row on the map)
    types: set[str] = field(default_factory=set)
    first_day: int | None = None  # days since 1970-01-01 (:func:`day_span`)
    last_day: int | None = None


class Payload:
    """Accumulates the blob for one map."""

    def __init__(self, styles: Sequence[IncidentStyle], gov_ar: dict[str, str]) -> None:
        self.use_styles(styles)
        self.gov_ar = gov_ar
        self.places, self.govs, self.outlets = Interner(), Interner(), Interner()

    def use_styles(self, styles: Sequence[IncidentStyle]) -> None:
        """The incident types of the map, in the order their rows refer to them."""
        self.styles = tuple(styles)
        self.type_index = {s.type: i for i, s in enumerate(styles)}

    def survey(self, incidents: Iterable[Incident]) -> Survey:
        """One pass over ``incidents``: their types, their days, how many have a
        point, and every name and outlet listed (:meth:`intern`)."""
        seen = Survey()
        for incident in incidents:
            seen.count += 1
            seen.placed += self.intern(incident)
            seen.types.add(incident.type)
            for day in day_span(incident.date):
                if day is None:
                    continue
                if seen.first_day is None or day < seen.first_day:
                    seen.first_day = day
                if seen.last_day is None or day > seen.last_day:
                    seen.last_day = day
        return seen

    def place(self, incident: Incident) -> int:
        resolved = incident.place
        if resolved is None:
            return -1
        gp = resolved.place
        gov = -1
        if gp and gp.governorate:
            gov = self.govs([gp.governorate, self.gov_ar.get(gp.governorate, "")])
        if gp is None:
            return self.places(["", "", gov, resolved.mention.text])
        return self.places([gp.name_en, gp.name_ar, gov, resolved.mention.text])

    def source(self, source: Source) -> list[Any]:
        """``[outlet, url, date, lang, text, place start, place end, figures
        start, figures end, title]``: the text is :func:`excerpt.quote`'s.  Trailing
        nulls are left out (most reports have no casualty sentence nor title)."""
        shown = quote(source)
        place, figures = shown.place or (None, None), shown.figures or (None, None)
        row = [
            self.outlets(outlet_label(source.outlet or "")),
            safe_url(source.url),
            source.date,
            "a" if source.lang == "ar" else "e",
            shown.text,
            *place,
            *figures,
            outlet_label(source.title or "", MAX_TITLE_CHARS) or None,
        ]
        while row[-1] is None:
            row.pop()
        return row

    def intern(self, incident: Incident) -> bool:
        """List the names and outlets of ``incident`` as :meth:`incident` would,
        without making its row; ``False`` when it has no point (no row)."""
        if incident.place is None or incident.lat is None or incident.lon is None:
            return False
        self.place(incident)
        for source in incident.sources:
            self.outlets(outlet_label(source.outlet or ""))
        return True

    def rows(self, incidents: Sequence[Incident]) -> LazyList:
        """The rows of ``incidents``, made as they are encoded (after :meth:`intern`
        has listed every name, so the tables are complete before the rows)."""
        return LazyList(
            lambda: (row for row in map(self.incident, incidents) if row is not None)
        )

    def incident(self, incident: Incident) -> list[Any] | None:
        if incident.place is None or incident.lat is None or incident.lon is None:
            return None
        d0, d1 = day_span(incident.date)
        precision = PRECISIONS.get(incident.date.precision or "", -1)
        return [
            round(incident.lat, 5),
            round(incident.lon, 5),
            self.type_index[incident.type],
            incident.date.iso,
            precision,
            d0,
            d1,
            incident.killed.min,
            incident.killed.max,
            incident.wounded.min,
            incident.wounded.max,
            self.place(incident),
            round(max(incident.place.precision_m, 50.0)),
            round(incident.confidence * 100),
            # made as they are encoded: one event may have thousands of reports
            LazyList(lambda: map(self.source, incident.sources)),
            incident.id,
            acled_text(incident),
            attribution_row(incident),
        ]


def acled_text(incident: Incident) -> str:
    """``"event type / sub-event type"`` (ACLED's names), or ``""``."""
    parts = [incident.acled_event_type, incident.acled_sub_event_type]
    return " / ".join(p for p in parts if p)


def attribution_row(incident: Incident) -> list[str | None] | None:
    """``[perpetrator, claimed by, denied by]``, or ``None`` when none is known."""
    a = incident.attribution
    row = [a.perpetrator, a.claimed_by, a.denied_by]
    return row if any(row) else None


def base_row(place: GazetteerPlace, gov_ar: dict[str, str]) -> list[Any]:
    """``[lat, lon, name_en, name_ar, type, governorate_en, governorate_ar]``."""
    gov = place.governorate or ""
    return [
        round(place.lat, 5),
        round(place.lon, 5),
        place.name_en,
        place.name_ar,
        place.type,
        gov,
        gov_ar.get(gov, ""),
    ]


def river_labels(basemap: Basemap) -> list[list[Any]]:
    """One label per named river, at the middle of its longest stretch."""
    from shapely.geometry import shape

    out = []
    for feat in basemap.rivers["features"]:
        props = feat["properties"]
        if not props.get("name_en"):
            continue
        geom = shape(feat["geometry"])
        parts = list(getattr(geom, "geoms", [geom]))
        longest = max(parts, key=lambda g: g.length)
        point = longest.interpolate(0.5, normalized=True)
        out.append(
            [round(point.y, 4), round(point.x, 4), props["name_en"], props["name_ar"]]
        )
    return out
