"""The incident stages read the article's :class:`kharita.doc.Doc`.

``make_doc(text)`` reads a bare text into a ``Doc`` (tests and callers that
have no :class:`~kharita.models.Article`); the pipeline builds the ``Doc``
once per article and passes it down.
"""

from __future__ import annotations

from .. import doc as _doc
from ..models import Article
from ..text.normalize import is_arabic_letter

Doc = _doc.Doc
Sentence = _doc.Sentence


def make_doc(text: str) -> Doc:
    """A :class:`Doc` of ``text`` alone (language guessed from its letters)."""
    arabic = any(is_arabic_letter(c) for c in text[:200])
    return _doc.make_doc(Article(id="", text=text, lang="ar" if arabic else "en"))
