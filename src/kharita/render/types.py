"""Incident type styles (labels, colour, icon) from the incident-type registry.

The caller passes the registry's rows (anything with the :class:`TypeRow` fields,
e.g. ``kharita.incidents.types.registry().values()``): ``render`` imports no
language stage.  Types without a style are drawn in grey, named as they came.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..errors import RenderError
from .assets import icon_paths

logger = logging.getLogger("kharita")

COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# folium / Leaflet.awesome-markers colour names -> hex, darkened where a white glyph on the
# original (beige, light*) would be unreadable.
NAMED_COLOURS = {
    "red": "#d63e2a",
    "darkred": "#a23336",
    "lightred": "#eb6f5f",
    "orange": "#f08a1c",
    "beige": "#b58b52",
    "green": "#4f9a1f",
    "darkgreen": "#5f6e1d",
    "lightgreen": "#7cb342",
    "blue": "#2f8fc4",
    "darkblue": "#0067a3",
    "lightblue": "#3fa9d9",
    "purple": "#b43fa0",
    "darkpurple": "#5b396b",
    "pink": "#e06fc8",
    "cadetblue": "#436978",
    "white": "#9ca3af",
    "gray": "#575757",
    "grey": "#575757",
    "lightgray": "#8d8d8d",
    "black": "#303030",
}
FALLBACK_ICON = "circle-exclamation"
UNKNOWN_COLOUR = "#6b7280"


class TypeRow(Protocol):
    """One row of ``lexicon/incident_types.tsv`` as the registry gives it."""

    @property
    def type(self) -> str: ...
    @property
    def label_en(self) -> str: ...
    @property
    def label_ar(self) -> str: ...
    @property
    def colour(self) -> str: ...
    @property
    def icon(self) -> str: ...
    @property
    def priority(self) -> int: ...


@dataclass(frozen=True, slots=True)
class IncidentStyle:
    """How one incident type looks on the map and in the legend."""

    type: str
    label_en: str
    label_ar: str
    colour: str
    icon: str
    priority: int = 0


def unknown_style(type_: str) -> IncidentStyle:
    """Grey style for a type the table does not know (named as it came)."""
    return IncidentStyle(
        type_,
        type_ or "unknown",
        type_ or "غير معروف",
        UNKNOWN_COLOUR,
        FALLBACK_ICON,
        99,
    )


def _icon(name: str) -> str:
    name = name.strip().removeprefix("fa-").removeprefix("fa ")
    if name in icon_paths():
        return name
    logger.warning(
        "incident icon %r not in render/assets/fa-icons.json; using %s",
        name,
        FALLBACK_ICON,
    )
    return FALLBACK_ICON


def style_of(kind: TypeRow) -> IncidentStyle:
    """The map style of one registered incident type (colour names become hex)."""
    colour = kind.colour.strip()
    colour = NAMED_COLOURS.get(colour.lower(), colour)
    if not COLOUR.match(colour):
        raise RenderError(
            f"incident_types.tsv: type {kind.type!r} has bad colour {colour!r}"
        )
    return IncidentStyle(
        type=kind.type,
        label_en=kind.label_en.strip() or kind.type,
        label_ar=kind.label_ar.strip() or kind.type,
        colour=colour.lower(),
        icon=_icon(kind.icon),
        priority=kind.priority,
    )


def load_styles(kinds: Iterable[TypeRow]) -> tuple[IncidentStyle, ...]:
    """Styles of the registered incident types ``kinds``, ordered by priority."""
    styles = [style_of(k) for k in kinds]
    return tuple(sorted(styles, key=lambda s: (s.priority, s.type)))


def style_table(
    used: Sequence[str], styles: Sequence[IncidentStyle] | None = None
) -> tuple[IncidentStyle, ...]:
    """Styles of the types in ``used`` (table order), unknown types appended in grey."""
    known = {s.type: s for s in (styles or ())}
    wanted = set(used)
    out = [s for s in known.values() if s.type in wanted]
    out += [unknown_style(t) for t in sorted(wanted - set(known))]
    return tuple(out)
