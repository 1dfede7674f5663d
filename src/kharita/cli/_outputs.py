"""Output files of the commands: checked before any work, written after it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigurationError
from ..models import Incident

if TYPE_CHECKING:  # the writers and the store are imported when asked for
    from ..export.geojson import PlacesLayer
    from ..store import Store

OUTPUT_KEYS = ("geojson", "places_geojson", "csv_path", "db")


def _existing_ancestor(path: Path) -> Path:
    for parent in path.absolute().parents:
        if parent.exists():
            return parent
    return Path("/")


def _input_files(inputs: Iterable[str]) -> set[Path]:
    return {Path(i).resolve() for i in inputs if i != "-" and Path(i).exists()}


def check_writable(path: Path) -> None:
    """Refuse an output that cannot be written, before any work is done."""
    if path.is_dir():
        raise ConfigurationError(f"{path}: is a folder; give a file name")
    folder = path.parent if path.parent.exists() else _existing_ancestor(path)
    if not folder.is_dir():
        raise ConfigurationError(f"{path}: {folder} is not a folder")
    try:  # the only sure test (permissions, read-only file systems, ACLs)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise ConfigurationError(
            f"cannot write {path}: {exc.strerror or exc} in {folder}"
        ) from None
    if path.exists() and not os.access(path, os.W_OK):
        raise ConfigurationError(f"cannot write {path}: permission denied")


def check_outputs(params: dict[str, Any], extra: Sequence[str | None]) -> None:
    """Every output writable and none of them an input (``-o`` must not overwrite one)."""
    inputs = _input_files(params.get("inputs", ()))
    names = [params.get(k) for k in OUTPUT_KEYS] + list(extra)
    for name in filter(None, names):
        path = Path(name)
        if path.exists() and path.resolve() in inputs:
            raise ConfigurationError(
                f"{path} is also an input; choose another output file"
            )
        check_writable(path)


@contextlib.contextmanager
def open_store(db: str | None, *, create: bool) -> Iterator[Store | None]:
    if not db:
        yield None
        return
    from ..store import Store

    with Store(db, create=create) as store:
        yield store


def write_outputs(
    params: dict[str, Any], incidents: Sequence[Incident], places: PlacesLayer | None
) -> list[str]:
    """GeoJSON/CSV files asked for by ``output_options``."""
    written: list[str] = []
    if params.get("geojson"):
        from ..export.geojson import write_geojson

        write_geojson(incidents, params["geojson"])
        written.append(params["geojson"])
    if params.get("places_geojson") and places is not None:
        from ..export.geojson import write_collection

        write_collection(places.collection(), params["places_geojson"])
        written.append(params["places_geojson"])
    if params.get("csv_path"):
        from ..export.acled_csv import write_csv

        write_csv(incidents, params["csv_path"])
        written.append(params["csv_path"])
    return written
