"""Outputs beside the map: GeoJSON, ACLED-style CSV, all written atomically.

The SQLite store lives in :mod:`kharita.store`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .atomic import atomic_open, atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    from .acled_csv import write_csv
    from .geojson import write_geojson

# the writers load on first use: ``kharita extract`` imports this package for
# its JSON Lines sink and rarely writes GeoJSON or CSV
_LAZY = {"write_csv": ".acled_csv", "write_geojson": ".geojson"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "atomic_open",
    "atomic_write_bytes",
    "atomic_write_text",
    "write_csv",
    "write_geojson",
]
