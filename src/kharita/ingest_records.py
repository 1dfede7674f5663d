"""One decoded record (a JSON object or a CSV row) -> an :class:`Article`, or why not.

Every check a hostile record can fail ends in a :class:`RecordError` naming
``path:record``, never in an exception: a missing or non-string ``text``, a
field of the wrong type, an unpaired surrogate (``"\\ud83d"`` in JSON cannot be
written out as UTF-8), or a text over the record size cap.
"""

from __future__ import annotations

from .lang import detect_lang
from .models import Article, RecordError

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "STRING_FIELDS",
    "article_from_record",
    "oversize",
]

STRING_FIELDS = ("id", "lang", "outlet", "url", "date", "title")
DEFAULT_MAX_RECORD_BYTES = 5_000_000  # 5 MB of UTF-8 text per record


def oversize(size: int, limit: int) -> str | None:
    """The error message for a record of ``size`` bytes over ``limit``, else None."""
    if size <= limit:
        return None
    return (
        f"record is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit"
        " (raise it with --max-record-mb)"
    )


def _utf8_size(text: str, limit: int) -> int:
    if len(text) > limit or len(text) * 4 <= limit:
        return len(text)  # surely over, or surely under, without encoding
    return len(text.encode("utf-8", "surrogatepass"))


def _surrogate(name: str, value: str) -> str | None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        return f'field "{name}" has an unpaired surrogate \\u{code:04x} at character {exc.start}'
    return None


def _text_field(data: dict[object, object], limit: int) -> tuple[str, str | None]:
    """``(text, None)``, or ``("", why the record has no usable text)``."""
    if "text" not in data or data["text"] is None:
        return "", 'missing field "text"'
    text = data["text"]
    if not isinstance(text, str):
        return "", f'field "text" must be a string, got {type(text).__name__}'
    if not text.strip():
        return "", 'field "text" is empty'
    problem = oversize(_utf8_size(text, limit), limit) or _surrogate("text", text)
    return (text, None) if problem is None else ("", problem)


def _string_fields(data: dict[object, object]) -> dict[str, str | None] | str:
    fields: dict[str, str | None] = {}
    for name in STRING_FIELDS:
        value = data.get(name)
        if value is None or value == "":
            fields[name] = None
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # json refuses integers longer than str() allows
        if not isinstance(value, str):
            return f'field "{name}" must be a string, got {type(value).__name__}'
        problem = _surrogate(name, value)
        if problem:
            return problem
        fields[name] = value
    return fields


def article_from_record(
    data: object,
    path: str,
    record: str,
    *,
    max_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> Article | RecordError:
    """Validate one decoded record (a JSON object or CSV row) into an Article."""
    if not isinstance(data, dict):
        return RecordError(
            path, record, f"expected an object, got {type(data).__name__}"
        )
    text, problem = _text_field(data, max_bytes)
    if problem is not None:
        return RecordError(path, record, problem)
    fields = _string_fields(data)
    if isinstance(fields, str):
        return RecordError(path, record, fields)
    lang = fields["lang"]
    if lang not in (None, "ar", "en"):
        lang = None  # an unsupported language tag: detect instead
    return Article(
        id=fields["id"] or f"{path}:{record}",
        text=text,
        lang=lang or detect_lang(text),  # type: ignore[arg-type]
        outlet=fields["outlet"],
        url=fields["url"],
        date=fields["date"],
        title=fields["title"],
        origin=f"{path}:{record}",
    )
