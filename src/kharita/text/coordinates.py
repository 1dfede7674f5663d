"""Coordinates written in a text: decimal degrees, degrees-minutes-seconds, MGRS.

:func:`find_coordinates` returns ``Mention(kind="coordinates", point=(lat, lon))``
records with ORIGINAL offsets; :func:`parse_coordinates` re-reads one such span
and also says how precise it is (from the number of digits given).
Arabic-Indic digits work (the text is normalised first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Mention
from .normalize import normalize
from .tokens import MatchText, match_text

_NUM = r"(-?\d{1,3}\.\d{2,})"
_HEMI = r"(?:\s*°?\s*([nsew])(?![a-z]))?°?"
_DEC = re.compile(_NUM + _HEMI + r"\s*[,;/]?\s*" + _NUM + _HEMI + r"(?![\d.])")
_DMS_PART = r"(\d{1,3})\s*°\s*(\d{1,2})\s*['′]\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:\"|″|'')?)?\s*([nsew])"
_DMS = re.compile(_DMS_PART + r"\s*[,;/]?\s*" + _DMS_PART)
_MGRS = re.compile(
    r"(?<![a-z0-9.])(\d{1,2}[c-hj-np-x])\s?([a-hj-np-z]{2})\s?(\d{2,5})\s?(\d{2,5})?(?![\w.])"
)
_LETTER_SIGN = {"s": -1, "w": -1}
_LAT_LETTERS = frozenset("ns")


@dataclass(frozen=True, slots=True)
class Coordinates:
    """A point written in a text, with the precision its notation implies."""

    lat: float
    lon: float
    precision_m: float


def _valid(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180 and not (lat == 0 and lon == 0)


def _decimal(m: re.Match[str]) -> Coordinates | None:
    a, la, b, lb = (
        float(m.group(1)),
        m.group(2) or "",
        float(m.group(3)),
        m.group(4) or "",
    )
    a *= _LETTER_SIGN.get(la, 1)
    b *= _LETTER_SIGN.get(lb, 1)
    if la and la not in _LAT_LETTERS and lb in _LAT_LETTERS:
        a, b = b, a  # written lon first, labelled
    elif not la and not lb and abs(a) > 90 >= abs(b):
        a, b = b, a
    if not _valid(a, b):
        return None
    decimals = min(len(m.group(1).split(".")[1]), len(m.group(3).split(".")[1]))
    return Coordinates(a, b, max(1.0, 111_000.0 / 10**decimals))


def _dms_value(deg: str, minutes: str, seconds: str | None, hemi: str) -> float:
    value = int(deg) + int(minutes) / 60 + (float(seconds) if seconds else 0.0) / 3600
    return value * _LETTER_SIGN.get(hemi, 1)


def _dms(m: re.Match[str]) -> Coordinates | None:
    first = _dms_value(m.group(1), m.group(2), m.group(3), m.group(4))
    second = _dms_value(m.group(5), m.group(6), m.group(7), m.group(8))
    lat, lon = (first, second) if m.group(4) in "ns" else (second, first)
    if not _valid(lat, lon) or int(m.group(2)) >= 60 or int(m.group(6)) >= 60:
        return None
    return Coordinates(lat, lon, 30.0 if m.group(3) else 1_800.0)


def _mgrs(m: re.Match[str]) -> Coordinates | None:
    digits = m.group(3) + (m.group(4) or "")
    if len(digits) % 2 or (m.group(4) and len(m.group(3)) != len(m.group(4))):
        return None
    ref = (m.group(1) + m.group(2) + digits).upper()
    import mgrs  # lazy: start-up (grid references are rare)

    try:
        lat, lon = mgrs.MGRS().toLatLon(ref)
    except Exception:  # the mgrs package raises bare MGRSError/ValueError types
        return None
    if not _valid(lat, lon):
        return None
    return Coordinates(float(lat), float(lon), 10.0 ** (5 - len(digits) // 2))


_DIGIT_PAIR = re.compile(
    r"[\d\u0660-\u0669\u06f0-\u06f9][.,°٫'′\s]*[\d\u0660-\u0669\u06f0-\u06f9]"
)
_PARSERS = ((_DMS, _dms), (_MGRS, _mgrs), (_DEC, _decimal))


def parse_coordinates(text: str) -> Coordinates | None:
    """The first coordinate pair written in ``text``, or ``None``."""
    s = normalize(text).text
    for pattern, parse in _PARSERS:
        m = pattern.search(s)
        if m and (c := parse(m)) is not None:
            return c
    return None


def find_coordinates(text: str, norm: MatchText | None = None) -> list[Mention]:
    """Every coordinate pair in ``text`` as a ``kind="coordinates"`` mention.

    ``norm`` is :func:`kharita.text.tokens.match_text` of ``text`` when the caller has it.
    """
    if not _DIGIT_PAIR.search(text):
        return []
    norm = norm if norm is not None else match_text(text)
    s = norm.text
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for pattern, parse in _PARSERS:
        for m in pattern.finditer(s):
            if any(m.start() < e and b < m.end() for b, e in taken):
                continue
            c = parse(m)
            if c is None:
                continue
            taken.append((m.start(), m.end()))
            start, end = norm.span(m.start(), m.start() + len(m.group(0).rstrip()))
            found.append(
                Mention(
                    start,
                    end,
                    text[start:end],
                    m.group(0),
                    (),
                    kind="coordinates",
                    point=(c.lat, c.lon),
                )
            )
    return sorted(found, key=lambda x: x.start)
