"""A fake Nominatim on 127.0.0.1: the online geocoder is never tested against the network."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

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
