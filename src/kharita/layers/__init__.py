"""Gazetteer layers users bring: GeoNames, OCHA COD-AB, GeoJSON (OSM) and CSV.

``import_files`` reads files into a layer in the user's data folder;
``list_layers`` / ``remove_layer`` manage them; :func:`kharita.gazetteer.load_gazetteer`
(with no directory) returns the shipped gazetteer plus every layer, so every
command and the Python API use them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .store import LayerInfo, data_dir, list_layers, remove_layer

if TYPE_CHECKING:
    from .importer import FORMATS, ImportReport, detect_format, import_files

# the importer (file formats, geometry) is loaded on first use: every run reads
# the layer list through this package, few runs import a layer
_LAZY = frozenset({"FORMATS", "ImportReport", "detect_format", "import_files"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(".importer", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "ImportReport",
    "LayerInfo",
    "data_dir",
    "detect_format",
    "import_files",
    "list_layers",
    "remove_layer",
]
