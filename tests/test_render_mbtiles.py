"""Tiles embedded from an offline MBTiles package (a tiny one written here)."""

from __future__ import annotations

import base64
import sqlite3
import struct
import zlib
from pathlib import Path

import pytest

from kharita.errors import RenderError
from kharita.render import read_tiles, render_map
from kharita.render.mbtiles import tile_range
from render_fixtures import sample_incidents

BAGHDAD = (33.3152, 44.3661)


def png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A valid single-colour PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * size))
        + chunk(b"IEND", b"")
    )


def write_mbtiles(
    path: Path, zooms: range, fmt: str = "png", around: tuple[float, float] = BAGHDAD
) -> Path:
    """Tiles at ``zooms`` over a 3x3 block around ``around`` (TMS rows, as the spec says)."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute(
        "CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB)"
    )
    db.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [("format", fmt), ("minzoom", str(zooms.start)), ("attribution", "test tiles")],
    )
    lat, lon = around
    for z in zooms:
        x0, y0, _, _ = tile_range((lat, lon, lat, lon), z)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                tms = 2**z - 1 - (y0 + dy)
                db.execute(
                    "INSERT INTO tiles VALUES (?, ?, ?, ?)",
                    (z, x0 + dx, tms, png((200, 220 - z * 5, 180))),
                )
    db.commit()
    db.close()
    return path


def test_mbtiles_tile_range_xyz() -> None:
    # Baghdad at zoom 10 is tile 638/411 in XYZ numbering
    assert tile_range((*BAGHDAD, *BAGHDAD), 10)[:2] == (638, 411)


def test_mbtiles_only_tiles_around_incidents_up_to_zoom(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "t.mbtiles", range(8, 14))
    bounds = (33.2, 44.2, 33.4, 44.5)
    tiles = read_tiles(path, bounds, max_zoom=11)
    zooms = {int(k.split("/")[0]) for k in tiles.tiles}
    assert zooms == {8, 9, 10, 11} and tiles.mime == "image/png"
    x, y = tile_range((*BAGHDAD, *BAGHDAD), 11)[:2]
    assert f"11/{x}/{y}" in tiles.tiles  # XYZ key from the TMS row
    assert tiles.nbytes == sum(len(base64.b64decode(t)) for t in tiles.tiles.values())
    far = read_tiles(path, (30.0, 47.0, 30.1, 47.1), max_zoom=13)  # Basra: none there
    assert far.tiles == {}


def test_mbtiles_vector_package_refused(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "v.mbtiles", range(5, 6), fmt="pbf")
    with pytest.raises(RenderError, match="raster"):
        read_tiles(path, (33.0, 44.0, 34.0, 45.0), 6)


def test_mbtiles_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "x.mbtiles"
    bad.write_text("not sqlite", encoding="utf-8")
    with pytest.raises(RenderError, match="not an MBTiles file"):
        read_tiles(bad, (33.0, 44.0, 34.0, 45.0), 6)
    with pytest.raises(RenderError, match="no such"):
        read_tiles(tmp_path / "missing.mbtiles", (33.0, 44.0, 34.0, 45.0), 6)


def test_mbtiles_embedded_in_page_raise_max_zoom(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "t.mbtiles", range(10, 16))
    tiles = read_tiles(path, (33.2, 44.2, 33.4, 44.5), max_zoom=15)
    page = render_map(sample_incidents(), tileset=tiles)
    assert '"maxZoom": 15' in page and "test tiles" in page
    assert next(iter(tiles.tiles.values()))[:20] in page
