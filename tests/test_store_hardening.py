"""The store under stress: foreign files left untouched, concurrent writers, corruption."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import make_article, make_result, toy_merge
from kharita.cli import cli
from kharita.errors import ConfigurationError, StoreError
from kharita.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _results(prefix: str, n: int) -> list:  # type: ignore[type-arg]
    return [
        make_result(make_article(f"مقال {prefix} رقم {i}", id=f"{prefix}-{i}"))
        for i in range(n)
    ]


def _foreign_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (name TEXT, size INTEGER)")
    conn.execute("INSERT INTO meta VALUES ('x', 1)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is a text file, not a database" * 10, "not a SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "not a SQLite database"),
        (None, "another application"),
    ],
)
def test_store_refuses_other_files_untouched(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "other.db"
    if content is None:
        _foreign_db(path)
    else:
        path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(StoreError, match=message):
        Store(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_store_corrupt_pages_are_noticed(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    with Store(path, merge=toy_merge) as store:
        store.add_results(_results("a", 300))
        assert store.check() == ["ok"]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xa5" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=str(path)):
        Store(path)


def test_store_missing_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "k.db"
    with Store(path, merge=toy_merge) as store:
        store.add_results(_results("a", 2))
        assert store.count("articles") == 2


@pytest.mark.parametrize("kind", ["parent is a file", "path is a folder"])
def test_store_unusable_path_is_one_line(tmp_path: Path, kind: str) -> None:
    blocker = tmp_path / "blocker"
    if kind == "parent is a file":
        blocker.write_text("x")
        path = blocker / "k.db"
    else:
        blocker.mkdir()
        path = blocker
    with pytest.raises((StoreError, ConfigurationError)) as info:
        Store(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def _writer(path: str, prefix: str) -> None:
    with Store(path, merge=toy_merge) as store:
        for result in _results(prefix, 20):
            store.add_results([result], batch_size=1)


def test_store_four_concurrent_writers_all_land(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(path), f"w{n}")) for n in range(4)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with Store(path, merge=toy_merge) as store:
        assert store.count("articles") == 80
        assert store.count("article_incidents") == 80
        assert store.check() == ["ok"]
        assert not store._dirty()  # the last writer re-merged every article


def _cli(args: list[str]):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_cli_map_db_typo_without_input_creates_nothing(tmp_path: Path) -> None:
    result = _cli(
        ["map", "--db", str(tmp_path / "typo.db"), "-o", str(tmp_path / "m.html")]
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: no such database: {tmp_path / 'typo.db'} (give INPUT files to create it)"
    ]
    assert list(tmp_path.iterdir()) == []


def test_cli_map_db_foreign_database_untouched(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    _foreign_db(path)
    before = _digest(path)
    result = _cli(
        [
            "map",
            str(EXAMPLES / "en-sample.txt"),
            "--db",
            str(path),
            "-o",
            str(tmp_path / "m.html"),
        ]
    )
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "another application" in result.stderr
    assert _digest(path) == before
    assert not (tmp_path / "m.html").exists()


def test_cli_map_db_writes_the_places_layer(tmp_path: Path) -> None:
    db, places = tmp_path / "k.db", tmp_path / "places.geojson"
    args = ["map", str(EXAMPLES), "-o", str(tmp_path / "m.html"), "--places-geojson"]
    plain = _cli([*args, str(tmp_path / "plain.geojson")])
    stored = _cli([*args, str(places), "--db", str(db)])
    assert plain.exit_code == stored.exit_code == 0
    assert (tmp_path / "plain.geojson").read_text() == places.read_text()
    again = _cli(
        [
            "map",
            "--db",
            str(db),
            "-o",
            str(tmp_path / "m2.html"),
            "--places-geojson",
            str(tmp_path / "p2.geojson"),
        ]
    )
    assert again.exit_code == 0
    assert (tmp_path / "p2.geojson").read_text() == places.read_text()
