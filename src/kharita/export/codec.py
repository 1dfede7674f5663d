"""Lossless dict form of kharita's model dataclasses (for the SQLite store).

``to_dict`` turns any record of :mod:`kharita.models` into JSON-able data and
``from_dict(cls, data)`` rebuilds it, guided by the dataclass type hints, so
the store can give back the very ``Incident`` objects that went in.  This is
an internal storage format; the public JSON contract is
:mod:`kharita.serialize`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, TypeVar, Union

from .. import models

T = TypeVar("T")

__all__ = ["from_dict", "to_dict"]


def to_dict(record: Any) -> Any:
    """Dataclasses -> dicts, tuples -> lists, recursively."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {
            f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)
        }
    if isinstance(record, tuple | list):
        return [to_dict(v) for v in record]
    return record


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, vars(models))
    return _HINTS[cls]


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a ``cls`` dataclass from :func:`to_dict` output."""
    hints = _hints(cls)
    kwargs = {
        f.name: _decode(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
