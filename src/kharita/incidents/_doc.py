"""The incident stages read the article's :class:`kharita.doc.Doc`.

``make_doc(text, read)`` reads a bare text into a ``Doc`` (tests and callers
that have no :class:`~kharita.models.Article`), its phrase hits from ``read``
(:meth:`kharita.incidents.lexicon.IncidentLexicon.read`); the pipeline builds
the ``Doc`` once per article and passes it down.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import doc as _doc
from ..lang import detect_lang
from ..models import Article
from ..text.phrases import PhraseHits

Doc = _doc.Doc
Sentence = _doc.Sentence


def make_doc(text: str, read: Callable[[str], PhraseHits] | None = None) -> Doc:
    """A :class:`Doc` of ``text`` alone (language detected as on ingest)."""
    return _doc.make_doc(Article(id="", text=text, lang=detect_lang(text)), read)
