"""Shared fixtures. Reference data and samples are read in place from ../shared."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from fake_nominatim import FakeNominatim

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared; a missing one fails the test (never a skip)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(
            f"reference file missing: {path} (tests read ../shared beside the repo)"
        )
    return path


@pytest.fixture(scope="session", autouse=True)
def no_user_layers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the developer's own gazetteer layers out of the tests (empty data dir)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KHARITA_DATA_DIR", str(tmp_path_factory.mktemp("kharita-data")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def samples_path() -> Path:
    return shared_path("samples", "articles.jsonl")


@pytest.fixture(scope="session")
def samples(samples_path: Path) -> dict[str, dict[str, object]]:
    rows = [
        json.loads(line)
        for line in samples_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return {row["id"]: row for row in rows}


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_path("samples", "seed-article.txt")


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from kharita.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture
def fake_server() -> Iterator[str]:
    FakeNominatim.requests = []
    FakeNominatim.status = 200
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
