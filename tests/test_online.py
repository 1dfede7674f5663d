"""Opt-in online geocoder against a FAKE Nominatim on 127.0.0.1 (never the network)."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest

from fake_nominatim import FakeNominatim
from kharita.errors import ConfigurationError, OnlineGeocoderError
from kharita.resolve.online import OnlineFallback, default_user_agent


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _fallback(
    tmp_path: Path, domain: str, clock: FakeClock | None = None
) -> OnlineFallback:
    clock = clock or FakeClock()
    return OnlineFallback(
        tmp_path / "cache",
        default_user_agent("test@example.org"),
        domain=domain,
        scheme="http",
        timeout=2,
        clock=clock.clock,
        sleep=clock.sleep,
        today=lambda: date(2026, 1, 2),
    )


@pytest.mark.parametrize("name", ["جرف النصر", " جرف   النصر "])
def test_online_geocode_fake_server(
    tmp_path: Path, fake_server: str, name: str
) -> None:
    with _fallback(tmp_path, fake_server) as online:
        place = online.geocode(name)
    assert place is not None
    assert (place.lat, place.lon) == (32.7651, 44.2012)
    assert (place.id, place.type, place.country) == ("osm:relation/987", "online", "IQ")
    assert (place.name_ar, place.name_en) == ("جرف النصر", "Jurf al-Nasr")
    assert place.source == "Nominatim/OpenStreetMap (ODbL) via geopy, 2026-01-02"
    assert 7_000 < place.precision_m < 12_000  # half the bbox diagonal
    path, params, agent = FakeNominatim.requests[0]
    assert path == "/search"
    assert params["countrycodes"] == ["iq"] and params["q"] == ["جرف النصر"]
    assert agent.startswith("kharita/") and "test@example.org" in agent


@pytest.mark.parametrize("name", ["جرف النصر", "قرية غير موجودة"])
def test_online_cache_asks_once(tmp_path: Path, fake_server: str, name: str) -> None:
    with _fallback(tmp_path, fake_server) as online:
        first = online.geocode(name)
        assert online.geocode(name) == first
    with _fallback(tmp_path, fake_server) as online:  # a new run reads the disk cache
        assert online.geocode(name) == first
    assert len(FakeNominatim.requests) == 1


@pytest.mark.parametrize("names", [["a1", "a2", "a3"]])
def test_online_rate_limit_one_per_second(
    tmp_path: Path, fake_server: str, names: list[str]
) -> None:
    clock = FakeClock()
    with _fallback(tmp_path, fake_server, clock) as online:
        for name in names:
            assert online.geocode(name) is None
    assert len(FakeNominatim.requests) == len(names)
    assert len(clock.sleeps) == len(names) - 1
    assert all(s == pytest.approx(1.0) for s in clock.sleeps)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("name", ["جرف النصر"])
def test_online_offline_is_one_line_error(tmp_path: Path, name: str) -> None:
    with _fallback(tmp_path, f"127.0.0.1:{_free_port()}") as online:
        with pytest.raises(OnlineGeocoderError) as info:
            online.geocode(name)
        message = str(info.value)
        assert message.startswith("online geocoder unavailable (offline?): ")
        assert "\n" not in message
        with pytest.raises(OnlineGeocoderError, match="offline"):  # stops asking
            online.geocode("another")


@pytest.mark.parametrize("status", [500, 403])
def test_online_http_error_is_one_line(
    tmp_path: Path, fake_server: str, status: int
) -> None:
    FakeNominatim.status = status
    with (
        _fallback(tmp_path, fake_server) as online,
        pytest.raises(OnlineGeocoderError) as info,
    ):
        online.geocode("x")
    assert str(info.value).startswith("online geocoder")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("agent", ["", "my-application"])
def test_online_rejects_sample_user_agents(tmp_path: Path, agent: str) -> None:
    with pytest.raises(ConfigurationError, match="does not identify kharita"):
        OnlineFallback(tmp_path, agent)


@pytest.mark.parametrize("delay", [0.1])
def test_online_public_server_needs_one_second(tmp_path: Path, delay: float) -> None:
    with pytest.raises(ConfigurationError, match="1 request/s"):
        OnlineFallback(tmp_path, default_user_agent(), min_delay_seconds=delay)
