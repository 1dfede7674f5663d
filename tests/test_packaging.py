"""The wheel's layout: the shipped gazetteer, its package data, build scripts outside."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import pytest

from kharita.gazetteer import default_directory

REPO = Path(__file__).resolve().parents[1]
GAZETTEER = REPO / "gazetteer"


def _package_data(package: str) -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = config["tool"]["setuptools"]["package-data"][package]
    return patterns


def test_packaging_default_gazetteer_is_the_shipped_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KHARITA_GAZETTEER", raising=False)
    shipped = default_directory()
    assert shipped.name in ("gazetteer", "gazetteer_data")
    assert sorted(p.name for p in shipped.glob("*.csv")) == sorted(
        p.name for p in GAZETTEER.glob("*.csv")
    )
    assert (shipped / "boundaries" / "iraq_governorates.geojson").is_file()


def test_packaging_environment_overrides_the_gazetteer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KHARITA_GAZETTEER", str(tmp_path))
    assert default_directory() == tmp_path


@pytest.mark.parametrize(
    ("package", "folder"),
    [
        ("kharita.gazetteer_data", GAZETTEER),
        ("kharita.gazetteer_data.boundaries", GAZETTEER / "boundaries"),
    ],
)
def test_packaging_every_runtime_data_file_is_shipped(
    package: str, folder: Path
) -> None:
    patterns = _package_data(package)
    runtime = [p for p in folder.iterdir() if p.suffix in (".csv", ".geojson")]
    assert runtime
    for path in runtime:
        assert any(fnmatch.fnmatch(path.name, pat) for pat in patterns), path.name


def test_packaging_setup_maps_gazetteer_into_the_package() -> None:
    setup = (REPO / "setup.py").read_text(encoding="utf-8")
    assert '"kharita.gazetteer_data": "gazetteer"' in setup
    assert (GAZETTEER / "__init__.py").is_file()
    assert not list(GAZETTEER.glob("build*.py"))  # build scripts live in tools/


@pytest.mark.parametrize("script", sorted((REPO / "tools").glob("*.py")), ids=str)
def test_packaging_build_scripts_need_no_sys_path_hacks(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    assert not re.search(r"sys\.path\.(insert|append)", text)
    assert "/tmp/" not in text
