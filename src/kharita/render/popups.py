"""Popup and tooltip HTML built from untrusted article text, escaped by construction.

Every value goes through :func:`esc`: HTML-escaped (quotes included) and then the
three characters that matter inside a JavaScript template literal (folium splices
popup/tooltip HTML into `` `...` ``) are made entities too: `` ` `` → ``&#96;``,
``$`` → ``&#36;``, ``\\`` → ``&#92;``.  Links are kept only for ``http(s)`` URLs and
open with ``rel="noopener noreferrer"``.  Arabic text is wrapped in
``dir="rtl" lang="ar"``, English in ``dir="ltr" lang="en"``.

The interactive map builds the same structure in the browser from its JSON data with
DOM ``textContent`` (see ``assets/kharita.js``); these functions serve folium
``Popup``/``Tooltip`` users, the base layer and the static exports.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from ..models import Count, EventDate, GazetteerPlace, Incident, Source
from .i18n import UiLang, label
from .types import IncidentStyle

ARABIC = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)
LATIN = re.compile("[A-Za-z]")


def esc(text: object) -> str:
    """HTML- and JS-template-literal-safe text."""
    out = html.escape(str(text), quote=True)
    return out.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


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


def text_lang(text: str, hint: str | None = None) -> UiLang:
    """``"ar"`` when Arabic letters outnumber Latin ones (``hint`` breaks ties)."""
    ar, en = len(ARABIC.findall(text)), len(LATIN.findall(text))
    if ar == en:
        return "ar" if hint == "ar" else "en"
    return "ar" if ar > en else "en"


def bidi(text: str, hint: str | None = None) -> str:
    """Escaped ``text`` in a ``<bdi>`` with its own direction and language."""
    lang = text_lang(text, hint)
    direction = "rtl" if lang == "ar" else "ltr"
    return f'<bdi dir="{direction}" lang="{lang}">{esc(text)}</bdi>'


def count_text(count: Count, lang: UiLang) -> str:
    if count.min is None:
        return label("unknown", lang)
    if count.max is None or count.max == count.min:
        return str(count.min)
    return f"{count.min}–{count.max}"


def date_text(date: EventDate, lang: UiLang) -> str:
    if not date.iso:
        return label("unknown", lang)
    if not date.precision:
        return date.iso
    return f"{date.iso} ({label('precision_' + date.precision, lang)})"


def excerpt_html(source: Source) -> str:
    """The excerpt in a direction-aware block, the place mention in ``<mark>``."""
    text, span = source.excerpt, source.highlight
    lang = text_lang(text, source.lang)
    direction = "rtl" if lang == "ar" else "ltr"
    if span and 0 <= span[0] < span[1] <= len(text):
        body = f"{esc(text[: span[0]])}<mark>{esc(text[span[0] : span[1]])}</mark>{esc(text[span[1] :])}"
    else:
        body = esc(text)
    return f'<blockquote class="kh-excerpt" dir="{direction}" lang="{lang}">{body}</blockquote>'


def source_html(source: Source, lang: UiLang) -> str:
    meta = [bidi(source.outlet or label("unknown", lang))]
    if source.date:
        meta.append(bidi(source.date))
    url = safe_url(source.url)
    if url:
        meta.append(
            f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(label("link", lang))}</a>'
        )
    return f'<li><div class="kh-src-meta">{" · ".join(meta)}</div>{excerpt_html(source)}</li>'


def place_text(incident: Incident, lang: UiLang, governorates: dict[str, str]) -> str:
    resolved = incident.place
    if resolved is None:
        return label("unknown", lang)
    place = resolved.place
    name = (
        (place.name_ar if lang == "ar" else place.name_en)
        if place
        else resolved.mention.text
    )
    gov = place.governorate if place else None
    if gov:
        gov_name = governorates.get(gov, gov) if lang == "ar" else gov
        return f"{name}، {gov_name}" if lang == "ar" else f"{name}, {gov_name}"
    return name


def _row(key: str, value_html: str, lang: UiLang) -> str:
    return f"<tr><th>{esc(label(key, lang))}</th><td>{value_html}</td></tr>"


def incident_popup_html(
    incident: Incident,
    style: IncidentStyle,
    lang: UiLang = "en",
    governorates: dict[str, str] | None = None,
) -> str:
    """The full popup of one incident: facts, then every source with its excerpt."""
    type_label = style.label_ar if lang == "ar" else style.label_en
    direction = "rtl" if lang == "ar" else "ltr"
    rows = [
        _row("date", bidi(date_text(incident.date, lang)), lang),
        _row("killed", bidi(count_text(incident.killed, lang)), lang),
        _row("wounded", bidi(count_text(incident.wounded, lang)), lang),
        _row("place", bidi(place_text(incident, lang, governorates or {})), lang),
        _row("confidence", bidi(f"{round(incident.confidence * 100)}%"), lang),
    ]
    if incident.place is not None:
        rows.append(
            _row(
                "precision_m", bidi(f"± {incident.place.precision_m / 1000:g} km"), lang
            )
        )
    sources = "".join(source_html(s, lang) for s in incident.sources)
    return (
        f'<div class="kh-pop" dir="{direction}" lang="{lang}">'
        f'<div class="kh-pop-type" style="border-color:{esc(style.colour)}">{esc(type_label)}</div>'
        f'<table class="kh-facts">{"".join(rows)}</table>'
        f'<div class="kh-src-head">{esc(label("sources", lang))} ({len(incident.sources)})</div>'
        f'<ol class="kh-sources">{sources}</ol></div>'
    )


def base_popup_html(place: GazetteerPlace, lang: UiLang = "en") -> str:
    """A base or airfield: both names, type, governorate."""
    direction = "rtl" if lang == "ar" else "ltr"
    rows = [_row("base_type", esc(place.type.replace("_", " ")), lang)]
    if place.governorate:
        rows.append(_row("governorate", bidi(place.governorate), lang))
    return (
        f'<div class="kh-pop kh-base-pop" dir="{direction}" lang="{lang}">'
        f'<div class="kh-names"><div dir="rtl" lang="ar">{esc(place.name_ar)}</div>'
        f'<div dir="ltr" lang="en">{esc(place.name_en)}</div></div>'
        f'<table class="kh-facts">{"".join(rows)}</table></div>'
    )


def tooltip_text(incident: Incident, style: IncidentStyle, lang: UiLang = "en") -> str:
    """A one-line escaped tooltip: type and place."""
    type_label = style.label_ar if lang == "ar" else style.label_en
    return f"{esc(type_label)} — {bidi(place_text(incident, lang, {}))}"
