"""Language data as TSV tables (``src/kharita/lexicon/*.tsv``), loaded once.

Every table is UTF-8, tab-separated, with a header row and a ``source`` column
saying where each entry comes from.  Lines starting with ``#`` and blank lines
are ignored.  Cells are stripped of surrounding whitespace.

>>> rows = load_table("place_cues")   # doctest: +SKIP
>>> rows[0]["cue"]                     # doctest: +SKIP
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ConfigurationError

LEXICON_DIR = Path(__file__).resolve().parent


def table_path(name: str) -> Path:
    """The file of table ``name`` (with or without the ``.tsv`` suffix)."""
    stem = name[:-4] if name.endswith(".tsv") else name
    return LEXICON_DIR / f"{stem}.tsv"


@lru_cache(maxsize=64)
def _load(name: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    path = table_path(name)
    if not path.is_file():
        choices = ", ".join(sorted(p.stem for p in LEXICON_DIR.glob("*.tsv")))
        raise ConfigurationError(
            f"unknown lexicon table {name!r}; tables are: {choices}"
        )
    lines = [
        line.rstrip("\n\r")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        return ()
    header = [h.strip() for h in lines[0].split("\t")]
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > len(header):
            raise ConfigurationError(
                f"{path.name}:{number}: {len(cells)} cells, header has {len(header)}"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(tuple(zip(header, cells, strict=True)))
    return tuple(rows)


def load_table(name: str) -> list[dict[str, str]]:
    """Rows of lexicon table ``name`` as dicts keyed by the header (cached read).

    A fresh list of fresh dicts is returned, so callers may mutate them.
    Unknown tables raise :class:`kharita.errors.ConfigurationError` listing the
    available ones.
    """
    return [dict(row) for row in _load(name)]


def column(name: str, field: str) -> list[str]:
    """One column of a table, non-empty values only, in file order."""
    return [row[field] for row in _load_dicts(name) if row.get(field)]


def _load_dicts(name: str) -> list[dict[str, str]]:
    return [dict(row) for row in _load(name)]
