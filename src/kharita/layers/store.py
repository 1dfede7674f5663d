"""Where user gazetteer layers live and how one is written, listed and removed.

A layer is a folder ``<data dir>/layers/<name>/`` holding

* ``places.csv``: rows in the shipped gazetteer's CSV format (``gazetteer/README.md``);
* ``areas.geojson``: admin polygons (``level`` 1-3, ``place_id``, names), when the
  source had any;
* ``layer.json``: provenance: the files (name, format, SHA-256), the layer name,
  the licence when the file states one, row and area counts.

The data dir is ``$KHARITA_DATA_DIR`` or the platform's user data folder
(``platformdirs``).  A layer is written to a temporary folder and renamed into
place, so a failed import never leaves half a layer.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigurationError
from ..models import GazetteerPlace

PLACES_FILE = "places.csv"
AREAS_FILE = "areas.geojson"
MANIFEST_FILE = "layer.json"
COLUMNS = (
    "id",
    "type",
    "name_en",
    "name_ar",
    "aliases_ar",
    "aliases_en",
    "aliases_ku",
    "lat",
    "lon",
    "governorate",
    "district",
    "country",
    "population",
    "precision_m",
    "source",
)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


def data_dir() -> Path:
    """``$KHARITA_DATA_DIR`` or the user data folder of kharita (platformdirs)."""
    env = os.environ.get("KHARITA_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("kharita", appauthor=False))


def layers_dir(root: Path | None = None) -> Path:
    return (root or data_dir()) / "layers"


def layer_name(text: str) -> str:
    """A valid layer name from ``text`` (lower case, ``[a-z0-9_.-]``), or raise."""
    name = re.sub(r"[^a-z0-9_.-]+", "-", text.strip().lower()).strip("-.")
    if not _NAME.match(name):
        raise ConfigurationError(
            f"bad layer name {text!r}: use letters, digits, '-', '_' or '.'"
        )
    return name


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One imported file: its name, format and content hash."""

    name: str
    format: str
    sha256: str


@dataclass(frozen=True, slots=True)
class AdminArea:
    """An admin polygon of a layer: ``level`` 1 governorate, 2 district, 3 sub-district."""

    place_id: str
    level: int
    name_en: str
    name_ar: str
    geometry: dict[str, Any]


@dataclass(frozen=True, slots=True)
class LayerInfo:
    """What ``layer.json`` says about a layer."""

    name: str
    files: tuple[SourceFile, ...]
    licence: str | None
    places: int
    areas: int
    path: Path

    @property
    def fingerprint(self) -> str:
        """Changes whenever the layer's content does (for the compiled-index cache)."""
        return "|".join([self.name, *(f.sha256 for f in self.files)])


def write_layer(
    name: str,
    places: Sequence[GazetteerPlace],
    areas: Sequence[AdminArea],
    files: Sequence[SourceFile],
    licence: str | None,
    root: Path | None = None,
) -> LayerInfo:
    """Write (or replace) layer ``name`` atomically; returns its manifest."""
    target = layers_dir(root) / layer_name(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        _write_places(tmp / PLACES_FILE, places)
        if areas:
            _write_areas(tmp / AREAS_FILE, areas)
        manifest = {
            "name": target.name,
            "files": [asdict(f) for f in files],
            "licence": licence,
            "places": len(places),
            "areas": len(areas),
        }
        (tmp / MANIFEST_FILE).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return read_manifest(target)


def _write_places(path: Path, places: Iterable[GazetteerPlace]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for p in places:
            writer.writerow(
                [
                    p.id,
                    p.type,
                    p.name_en,
                    p.name_ar,
                    "|".join(p.aliases_ar),
                    "|".join(p.aliases_en),
                    "|".join(p.aliases_ku),
                    p.lat,
                    p.lon,
                    p.governorate or "",
                    p.district or "",
                    p.country,
                    "" if p.population is None else p.population,
                    p.precision_m,
                    p.source,
                ]
            )


def _write_areas(path: Path, areas: Iterable[AdminArea]) -> None:
    features = [
        {
            "type": "Feature",
            "properties": {
                "place_id": a.place_id,
                "level": a.level,
                "name_en": a.name_en,
                "name_ar": a.name_ar,
            },
            "geometry": a.geometry,
        }
        for a in areas
    ]
    data = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_manifest(folder: Path) -> LayerInfo:
    data = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    return LayerInfo(
        name=str(data["name"]),
        files=tuple(SourceFile(**f) for f in data.get("files", [])),
        licence=data.get("licence"),
        places=int(data.get("places", 0)),
        areas=int(data.get("areas", 0)),
        path=folder,
    )


def list_layers(root: Path | None = None) -> list[LayerInfo]:
    """Every complete layer of the data dir, by name."""
    folder = layers_dir(root)
    if not folder.is_dir():
        return []
    return [
        read_manifest(p)
        for p in sorted(folder.iterdir())
        if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST_FILE).is_file()
    ]


def remove_layer(name: str, root: Path | None = None) -> LayerInfo:
    """Delete layer ``name``; an unknown name raises, listing the layers."""
    for info in list_layers(root):
        if info.name == name:
            shutil.rmtree(info.path)
            return info
    names = ", ".join(i.name for i in list_layers(root)) or "none"
    raise ConfigurationError(f"no layer {name!r}; layers are: {names}")


def read_areas(info: LayerInfo) -> list[AdminArea]:
    path = info.path / AREAS_FILE
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        AdminArea(
            place_id=str(f["properties"]["place_id"]),
            level=int(f["properties"]["level"]),
            name_en=str(f["properties"].get("name_en") or ""),
            name_ar=str(f["properties"].get("name_ar") or ""),
            geometry=f["geometry"],
        )
        for f in data.get("features", [])
    ]
