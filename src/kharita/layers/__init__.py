"""Gazetteer layers users bring: GeoNames, OCHA COD-AB, GeoJSON (OSM) and CSV.

``import_files`` reads files into a layer in the user's data folder;
``list_layers`` / ``remove_layer`` manage them; :func:`kharita.gazetteer.load_gazetteer`
(with no directory) returns the shipped gazetteer plus every layer, so every
command and the Python API use them.
"""

from __future__ import annotations

from .importer import FORMATS, ImportReport, detect_format, import_files
from .store import LayerInfo, data_dir, list_layers, remove_layer

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
