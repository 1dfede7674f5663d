"""The construction catalogue (``docs/incident-constructions.md``) cannot drift.

Every table row names its tests (``tests/<file>.py::<test_function>``) and what
recognises it: a rule (``<module>.py::<function>`` under ``src/kharita/``) and/or a
lexicon table (``<table>.tsv``, optionally with ``<column> `<value>``` naming one of
its column values).  Every reference must resolve, and every construction the code
names in a docstring or comment, or in the ``construction`` column of the casualty
tables, must be in the catalogue.
"""

from __future__ import annotations

import ast
import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "incident-constructions.md"
SRC = REPO / "src" / "kharita"
LEXICON = SRC / "lexicon"

_TEST = re.compile(r"`tests/(\w+\.py)::(\w+)`")
_MODULE = re.compile(r"`((?:\w+/)*\w+\.py)(?:::(\w+))?`")
_COLUMNS = "kind|set|scope|construction|dir|position|op|part"
_TABLE = re.compile(rf"`(\w+\.tsv)`(?: ({_COLUMNS}) `([^`]+)`)?")
_CODE_NAME = re.compile(
    r"\bconstructions? ([a-z][a-z_]*(?:, [a-z][a-z_]*)*)(:|\s*$)", re.M
)


@dataclass(frozen=True)
class Entry:
    construction: str
    recognised_by: str
    tests: str


def _entries() -> list[Entry]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith(("| Construction", "| ---")):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        assert len(cells) == 4, line
        rows.append(Entry(cells[0], cells[2], cells[3]))
    return rows


@cache
def _defined(path: Path) -> frozenset[str]:
    """Names of the functions and classes defined anywhere in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return frozenset(n.name for n in ast.walk(tree) if isinstance(n, kinds))


@cache
def _table(name: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a lexicon table (comment lines skipped)."""
    lines = (LEXICON / name).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line and not line.startswith("#")]
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _code_names() -> set[str]:
    """Construction names the code gives: "construction name:" in a docstring or
    comment (or a name with an underscore), and the casualty tables' column."""
    names: set[str] = set()
    for path in SRC.rglob("*.py"):
        for listed, colon in _CODE_NAME.findall(path.read_text(encoding="utf-8")):
            names.update(n for n in listed.split(", ") if colon or "_" in n)
    for table in ("casualty_words.tsv", "casualty_cues.tsv"):
        names.update(row["construction"] for row in _table(table)[1])
    return names


def test_docs_constructions_catalogue_is_large_and_every_row_is_complete() -> None:
    entries = _entries()
    assert len(entries) > 30
    names = [e.construction for e in entries]
    assert len(set(names)) == len(names)
    for e in entries:
        assert _TEST.search(e.tests), e.construction
        assert _MODULE.search(e.recognised_by) or _TABLE.search(e.recognised_by), (
            e.construction
        )


def test_docs_constructions_every_test_exists() -> None:
    refs = [ref for e in _entries() for ref in _TEST.findall(e.tests)]
    assert len(refs) > 30
    missing = [
        f"{file}::{name}"
        for file, name in refs
        if not (REPO / "tests" / file).is_file()
        or name not in _defined(REPO / "tests" / file)
        or not name.startswith("test_")
    ]
    assert missing == []


def test_docs_constructions_every_rule_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    refs = _MODULE.findall(text)
    assert len(refs) > 30
    missing = [
        f"{module}::{name}"
        for module, name in refs
        if not module.startswith("tests/")
        and (
            not (SRC / module).is_file()
            or (name and name not in _defined(SRC / module))
        )
    ]
    assert missing == []


def test_docs_constructions_every_table_and_value_exists() -> None:
    refs = _TABLE.findall(DOC.read_text(encoding="utf-8"))
    assert len(refs) > 30
    missing = []
    for table, column, value in refs:
        if not (LEXICON / table).is_file():
            missing.append(table)
            continue
        header, rows = _table(table)
        if column and (
            column not in header or all(row[column] != value for row in rows)
        ):
            missing.append(f"{table} {column} {value}")
    assert missing == []


def test_docs_constructions_every_name_in_the_code_is_catalogued() -> None:
    text = DOC.read_text(encoding="utf-8")
    names = _code_names()
    assert len(names) > 20
    assert sorted(n for n in names if f"`{n}`" not in text) == []
