"""Saved web pages (``.html``/``.htm``) as articles, through trafilatura.

trafilatura keeps the article body and drops navigation, sidebars, share
buttons, comments and footers; its metadata gives the title, the publication
date (``htmldate``), the canonical URL and the site name.  The reader never
fetches anything: it only parses the bytes it is given.

:func:`article_from_html` is what :mod:`kharita.ingest` calls for each file;
:func:`read_html` reads one file by path.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from .lang import detect_lang
from .models import Article, RecordError

__all__ = ["article_from_html", "read_html"]

logger = logging.getLogger("kharita")
_MIN_TEXT = 20  # characters; less than this is not an article


def _extract(raw: bytes) -> dict[str, Any] | None:
    import trafilatura  # imported only when HTML is read

    doc = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        as_dict=False,
    )
    if doc is None:
        return None
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return data


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_html(
    raw: bytes, path: str, record: str = "1"
) -> Article | RecordError:
    """The article in one saved page, or a RecordError saying why there is none."""
    try:
        data = _extract(raw)
    except Exception as exc:  # lxml/trafilatura failures on broken pages
        logger.debug("trafilatura failed on %s", path, exc_info=True)
        return RecordError(
            path, record, f"cannot parse HTML: {type(exc).__name__}: {exc}"
        )
    text = _text(data.get("text")) if data else None
    if text is None or len(text) < _MIN_TEXT:
        return RecordError(path, record, "no article text found in the HTML page")
    url = _text(data.get("url")) if data else None
    return Article(
        id=url or Path(path).stem,
        text=text,
        lang=detect_lang(text),
        outlet=_text(data.get("sitename")) or _text(data.get("hostname"))
        if data
        else None,
        url=url,
        date=_text(data.get("date")) if data else None,
        title=_text(data.get("title")) if data else None,
        origin=f"{path}:{record}",
    )


def read_html(path: str | os.PathLike[str]) -> Article | RecordError:
    """Read one ``.html`` file from disk (see :func:`article_from_html`)."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return RecordError(name, "", f"cannot read: {exc.strerror or exc}")
    return article_from_html(raw, name)
