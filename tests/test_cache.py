"""The on-disk index cache: hit, miss, corrupt file, read-only folder, concurrency."""

from __future__ import annotations

import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from kharita import cache
from kharita.cache import cached, content_hash, dump_pickle, load_pickle
from kharita.gazetteer import default_directory, load_directory
from kharita.mentions import Recognizer
from kharita.text.frequency import zipf


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: dict[str, int]) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return dict(self.value)


def _get(builds: Builds, key: str = "k1") -> dict[str, int]:
    return cached("table", key, builds, dump_pickle, load_pickle(dict))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "cache"
    monkeypatch.setenv("KHARITA_CACHE_DIR", str(target))
    return target


def test_cache_builds_once_then_loads(folder: Path) -> None:
    builds = Builds({"a": 1})
    assert _get(builds) == {"a": 1}
    assert _get(builds) == {"a": 1}
    assert builds.calls == 1
    assert [p.name for p in folder.iterdir()] == ["table-k1"]


def test_cache_new_key_rebuilds_and_keeps_the_newest_files(folder: Path) -> None:
    keys = [f"{n:04x}" for n in range(cache.KEEP + 2)]
    for age, key in enumerate(keys):
        builds = Builds({"a": age})
        assert _get(builds, key) == {"a": age}
        assert builds.calls == 1
        stamp = 1_000_000 + age  # file times in key order, whatever the clock does
        os.utime(folder / f"table-{key}", (stamp, stamp))
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [f"table-{k}" for k in keys[-cache.KEEP :]]


def test_cache_two_installs_alternating_do_not_rebuild(folder: Path) -> None:
    old, new = Builds({"a": 1}), Builds({"a": 2})
    for _ in range(3):  # two versions run in turn share the folder
        assert _get(old, "aaaa") == {"a": 1}
        assert _get(new, "bbbb") == {"a": 2}
    assert (old.calls, new.calls) == (1, 1)


@pytest.mark.parametrize(
    "garbage", [b"", b"not a pickle", pickle.dumps(["a list, not a dict"])]
)
def test_cache_corrupt_file_is_rebuilt_and_replaced(
    folder: Path, garbage: bytes
) -> None:
    folder.mkdir()
    (folder / "table-k1").write_bytes(garbage)
    builds = Builds({"a": 1})
    assert _get(builds) == {"a": 1}
    assert builds.calls == 1
    assert load_pickle(dict)(folder / "table-k1") == {"a": 1}


def test_cache_unwritable_location_builds_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("KHARITA_CACHE_DIR", str(blocker / "cache"))
    builds = Builds({"a": 1})
    assert _get(builds) == {"a": 1}
    assert _get(builds) == {"a": 1}
    assert builds.calls == 2
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_cache_off_never_touches_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KHARITA_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    builds = Builds({"a": 1})
    _get(builds)
    _get(builds)
    assert builds.calls == 2
    assert cache.cache_dir() is None
    assert list(tmp_path.iterdir()) == []


def test_cache_default_folder_is_the_user_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KHARITA_CACHE_DIR", raising=False)
    folder = cache.cache_dir()
    assert folder is not None and "kharita" in folder.parts[-2:]


def _build_in_child(folder: str) -> dict[str, int]:
    os.environ["KHARITA_CACHE_DIR"] = folder
    return _get(Builds({"a": 1, "b": 2}))


def test_cache_concurrent_writers_leave_one_whole_file(folder: Path) -> None:
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(_build_in_child, [str(folder)] * 6))
    assert results == [{"a": 1, "b": 2}] * 6
    assert [p.name for p in folder.iterdir()] == ["table-k1"]
    assert load_pickle(dict)(folder / "table-k1") == {"a": 1, "b": 2}


def test_cache_content_hash_follows_content(tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text("a", encoding="utf-8")
    two.write_text("b", encoding="utf-8")
    before = content_hash("v1", [one, two])
    assert content_hash("v1", [two, one]) == before  # order of a list does not count
    assert content_hash("v2", [one, two]) != before
    two.write_text("c", encoding="utf-8")
    assert content_hash("v1", [one, two]) != before


def test_cache_gazetteer_equals_a_fresh_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zipf("بغداد", "ar")  # the word table: from the usual cache, not rebuilt below
    folder = tmp_path / "cache"
    monkeypatch.setenv("KHARITA_CACHE_DIR", str(folder))
    root = default_directory()
    cold = load_directory.__wrapped__(root)  # parses the CSVs and writes the cache
    assert [p.name.split("-")[0] for p in folder.iterdir()] == ["gazetteer"]
    warm = load_directory.__wrapped__(root)  # reads the cache
    monkeypatch.setenv("KHARITA_CACHE_DIR", "off")
    fresh = load_directory.__wrapped__(root)
    assert warm == cold == fresh and warm is not fresh
    text = "قصف جوي استهدف قاعدة كالسو في محافظة بابل، وفي Baghdad and Ain al-Asad"
    assert Recognizer(warm)(text) == Recognizer(fresh)(text)
    assert {m.text for m in Recognizer(warm)(text)} >= {"قاعدة كالسو", "Baghdad"}
