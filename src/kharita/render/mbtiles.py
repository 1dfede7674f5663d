"""Raster tiles from an offline MBTiles package, cut to the area of the incidents.

An MBTiles file is SQLite: ``metadata(name, value)`` and ``tiles(zoom_level,
tile_column, tile_row, tile_data)`` with TMS rows (row 0 at the south).  Only raster
PNG/JPEG/WebP packages can be drawn by Leaflet without a vector renderer; a vector
(``pbf``) package is refused with a one-line error.  The tiles covering ``bounds``
from the package's minimum zoom up to ``max_zoom`` are embedded in the page as
base64, so the size grows about 4x per extra zoom level: the caller reports it.
"""

from __future__ import annotations

import base64
import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError

MIME = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}
MIME["webp"] = "image/webp"
Bounds = tuple[float, float, float, float]  # south, west, north, east


@dataclass(frozen=True, slots=True)
class TileSet:
    """Embedded tiles: ``"z/x/y" -> base64`` (XYZ rows), their format and zooms."""

    tiles: dict[str, str]
    mime: str
    min_zoom: int
    max_zoom: int
    attribution: str
    nbytes: int  # size of the tile data before base64


def tile_range(bounds: Bounds, zoom: int) -> tuple[int, int, int, int]:
    """XYZ ``x0, y0, x1, y1`` (inclusive) of the tiles covering ``bounds``."""
    south, west, north, east = bounds
    n = 2**zoom

    def xy(lat: float, lon: float) -> tuple[int, int]:
        lat = max(min(lat, 85.0511), -85.0511)
        x = int((lon + 180.0) / 360.0 * n)
        rad = math.radians(lat)
        y = int((1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n)
        return min(max(x, 0), n - 1), min(max(y, 0), n - 1)

    x0, y0 = xy(north, west)
    x1, y1 = xy(south, east)
    return x0, y0, x1, y1


def _metadata(db: sqlite3.Connection) -> dict[str, str]:
    try:
        rows = db.execute("SELECT name, value FROM metadata").fetchall()
    except sqlite3.DatabaseError:
        return {}
    return {str(k): str(v) for k, v in rows}


def _open(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise RenderError(f"{path}: no such MBTiles file")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        db.execute(
            "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1"
        )
    except sqlite3.DatabaseError as err:
        raise RenderError(f"{path}: not an MBTiles file ({err})") from None
    return db


def read_tiles(path: Path, bounds: Bounds, max_zoom: int) -> TileSet:
    """The tiles of ``path`` covering ``bounds`` up to ``max_zoom``."""
    db = _open(path)
    try:
        meta = _metadata(db)
        fmt = meta.get("format", "png").lower()
        if fmt not in MIME:
            raise RenderError(
                f"{path}: {fmt!r} tiles cannot be embedded; "
                "use a raster (png/jpg/webp) MBTiles package"
            )
        low = int(meta.get("minzoom", "0") or 0)
        tiles: dict[str, str] = {}
        nbytes = 0
        for z in range(low, max_zoom + 1):
            x0, y0, x1, y1 = tile_range(bounds, z)
            top = 2**z - 1
            rows = db.execute(
                "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ? "
                "AND tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? AND ?",
                (z, x0, x1, top - y1, top - y0),
            )
            for x, row, data in rows:
                tiles[f"{z}/{x}/{top - row}"] = base64.b64encode(data).decode("ascii")
                nbytes += len(data)
    except sqlite3.DatabaseError as err:
        raise RenderError(f"{path}: cannot read tiles ({err})") from None
    finally:
        db.close()
    return TileSet(
        tiles, MIME[fmt], low, max_zoom, meta.get("attribution", path.name), nbytes
    )
