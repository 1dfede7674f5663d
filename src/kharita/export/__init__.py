"""Outputs beside the map: GeoJSON, ACLED-style CSV, all written atomically.

The SQLite store lives in :mod:`kharita.store`.
"""

from __future__ import annotations

from .acled_csv import write_csv
from .atomic import atomic_open, atomic_write_bytes, atomic_write_text
from .geojson import write_geojson

__all__ = [
    "atomic_open",
    "atomic_write_bytes",
    "atomic_write_text",
    "write_csv",
    "write_geojson",
]
