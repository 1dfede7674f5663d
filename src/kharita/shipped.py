"""Where the shipped gazetteer lives: a folder inside the installed package."""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path

from .errors import GazetteerError

__all__ = ["default_directory"]


def default_directory() -> Path:
    """``$KHARITA_GAZETTEER``, else the gazetteer shipped inside the package.

    The repository's top-level ``gazetteer/`` folder is installed as the data package
    ``kharita.gazetteer_data`` (see ``setup.py``), in wheels and editable installs alike.
    """
    env = os.environ.get("KHARITA_GAZETTEER")
    if env:
        return Path(env)
    # the package's folder, as importlib.resources.files() gives it (that module
    # alone costs a few ms of every start-up)
    spec = find_spec("kharita.gazetteer_data")
    folders = list(spec.submodule_search_locations or []) if spec else []
    shipped = Path(folders[0]) if folders else None
    if shipped is None or not shipped.is_dir():  # e.g. a zipped install: no folder
        raise GazetteerError(
            str(shipped or "kharita.gazetteer_data"),
            None,
            "shipped gazetteer is not a folder; set KHARITA_GAZETTEER",
        )
    return shipped
