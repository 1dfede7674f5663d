"""The shipped gazetteer plus the user's layers, compiled once and cached on disk.

An imported place that duplicates a shipped one (a shared normalised name, and
within :data:`MERGE_KM` or inside the imported unit's polygon) merges into it:
the shipped row keeps its id and point and gains the imported names as aliases
(a shipped sub-district with no point known, standing at its district's point,
takes the imported point instead).
Every other imported place is added.  The compiled :class:`Gazetteer` is pickled
under ``<data dir>/cache/``, keyed by the shipped files and the layers' content
hashes, so a large layer is parsed once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..gazetteer import (
    Gazetteer,
    build,
    load_directory,
    pack,
    parse_row,
    read_rows,
    unpack,
)
from ..geo import Area, contains, haversine_km, shape_of
from ..models import GazetteerPlace
from ..text.normalize import key
from .store import PLACES_FILE, LayerInfo, data_dir, list_layers, read_areas

logger = logging.getLogger("kharita")
MERGE_KM = 5.0


def with_layers(base_dir: Path, root: Path | None = None) -> Gazetteer:
    """The gazetteer of ``base_dir`` plus every layer of the data dir ``root``."""
    root = root or data_dir()
    layers = list_layers(root)
    if not layers:
        return load_directory(base_dir)
    return _compiled(base_dir, root, tuple(i.fingerprint for i in layers))


@lru_cache(maxsize=4)
def _compiled(base_dir: Path, root: Path, fingerprints: tuple[str, ...]) -> Gazetteer:
    digest = hashlib.sha256()
    for part in (__version__, str(base_dir.resolve()), *fingerprints):
        digest.update(part.encode() + b"\0")
    for path in sorted(base_dir.glob("*.csv")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    cache = root / "cache" / f"gazetteer-{digest.hexdigest()[:24]}.pickle"
    if cache.is_file():
        try:
            with cache.open("rb") as handle:
                return unpack(pickle.load(handle))
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            logger.warning("compiled gazetteer cache %s unreadable; rebuilding", cache)
    gazetteer = merge(load_directory(base_dir), list_layers(root))
    _store(cache, gazetteer)
    return gazetteer


def _store(path: Path, gazetteer: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("gazetteer-*.pickle"):
            old.unlink()
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(pack(gazetteer), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only data dir only costs speed
        logger.warning("could not cache the compiled gazetteer: %s", exc)


def merge(base: Gazetteer, layers: list[LayerInfo]) -> Gazetteer:
    """``base`` plus the places and areas of ``layers`` (duplicates merged)."""
    places = list(base.places)
    position = {p.id: i for i, p in enumerate(places)}
    areas: list[Area] = list(base.areas)
    keys: dict[str, str] = {}
    for info in layers:
        polygons = {a.place_id: a for a in read_areas(info)}
        renamed: dict[str, str] = {}
        name = f"{info.name}/{PLACES_FILE}"
        for line, row in read_rows(info.path / PLACES_FILE):
            place = parse_row(row, name, line)
            area = polygons.get(place.id)
            geom = shape_of(area.geometry) if area else None
            target = _duplicate(place, geom, base, keys)
            if target is None:
                position[place.id] = len(places)
                places.append(place)
            else:
                i = position[target]
                places[i] = _absorb(places[i], place)
                renamed[place.id] = target
            if area is not None:
                areas.append(
                    Area(
                        renamed.get(place.id, place.id),
                        area.level,
                        area.name_en,
                        area.name_ar,
                        geom,
                    )
                )
    return build(places, base.directory, base.ambiguous, areas=areas, keys=keys)


def _duplicate(
    place: GazetteerPlace, geom: object, base: Gazetteer, keys: dict[str, str]
) -> str | None:
    """The id of the shipped place ``place`` repeats, if any (``keys``: name memo)."""
    for name in (place.name_ar, place.name_en):
        k = keys.get(name)
        if k is None:
            k = keys[name] = key(name)
        for other_id in base.by_key.get(k, ()):
            other = base.by_id[other_id]
            if other.country != place.country:
                continue
            near = (
                haversine_km((place.lat, place.lon), (other.lat, other.lon)) <= MERGE_KM
            )
            if near or (geom is not None and contains(geom, (other.lat, other.lon))):
                return other.id
    return None


def _absorb(shipped: GazetteerPlace, imported: GazetteerPlace) -> GazetteerPlace:
    """``shipped`` with the names of ``imported`` it lacks, as aliases; a shipped row
    with no point of its own (its district's stands in) takes the imported point,
    precision and source."""
    known = {key(n) for n in shipped.names}
    ar = [n for n in (imported.name_ar, *imported.aliases_ar) if key(n) not in known]
    en = [n for n in (imported.name_en, *imported.aliases_en) if key(n) not in known]
    point = shipped if shipped.point_of is None else imported
    return replace(
        shipped,
        aliases_ar=shipped.aliases_ar + tuple(dict.fromkeys(ar)),
        aliases_en=shipped.aliases_en + tuple(dict.fromkeys(en)),
        lat=point.lat,
        lon=point.lon,
        precision_m=point.precision_m,
        source=point.source,
    )
