"""Where the shipped gazetteer lives: a folder inside the installed package."""

from __future__ import annotations

import os
from importlib import resources
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
    shipped = resources.files("kharita.gazetteer_data")
    if not isinstance(shipped, Path):  # e.g. a zipped install: no folder to glob
        raise GazetteerError(
            str(shipped),
            None,
            "shipped gazetteer is not a folder; set KHARITA_GAZETTEER",
        )
    return shipped
