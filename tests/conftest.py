"""Shared fixtures. Reference data and samples are read in place from ../shared."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared; a missing one fails the test (never a skip)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"reference file missing: {path} (tests read ../shared beside the repo)")
    return path


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
    rows = [json.loads(line) for line in samples_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row for row in rows}


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_path("samples", "seed-article.txt")


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from kharita.gazetteer import load_gazetteer

    return load_gazetteer()


# A fake Nominatim on 127.0.0.1: the online geocoder is never tested against the network.
KNOWN = {
    "جرف النصر": {
        "place_id": 1234,
        "osm_type": "relation",
        "osm_id": 987,
        "lat": "32.7651",
        "lon": "44.2012",
        "display_name": "Jurf al-Nasr, Babil Governorate, Iraq",
        "boundingbox": ["32.70", "32.83", "44.13", "44.27"],
        "address": {"state": "Babil Governorate", "country_code": "iq"},
        "namedetails": {"name": "جرف النصر", "name:en": "Jurf al-Nasr"},
    },
    # a village the shipped gazetteer does not hold (for the CLI --online test)
    "البو حياة": {
        "place_id": 4321,
        "osm_type": "node",
        "osm_id": 654,
        "lat": "33.4123",
        "lon": "43.5012",
        "display_name": "Albu Hayat, Anbar Governorate, Iraq",
        "boundingbox": ["33.40", "33.42", "43.49", "43.51"],
        "address": {"state": "Anbar Governorate", "country_code": "iq"},
        "namedetails": {"name": "البو حياة", "name:en": "Albu Hayat"},
    },
}


class FakeNominatim(BaseHTTPRequestHandler):
    requests: list[tuple[str, dict[str, list[str]], str]] = []
    status = 200

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        url = urlparse(self.path)
        params = parse_qs(url.query)
        type(self).requests.append(
            (url.path, params, self.headers.get("User-Agent", ""))
        )
        if type(self).status != 200:
            self.send_error(type(self).status)
            return
        hit = KNOWN.get(params.get("q", [""])[0])
        body = json.dumps([hit] if hit else []).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


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
