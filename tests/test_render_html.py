"""String-level tests of the offline map HTML (no browser)."""

from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path

import folium
import pytest

from kharita.errors import ConfigurationError, RenderError
from kharita.render import build_map, embed_snippet, render_map, write_html
from kharita.render.assets import assert_offline
from render_fixtures import (
    HOSTILE,
    hostile_incident,
    map_inputs,
    sample_bases,
    sample_incidents,
)

BLOB = re.compile(
    r'<script type="application/json" id="kharita-data">(\{.*?)</script>', re.DOTALL
)


PACKED = re.compile(r'data-encoding="gzip\+base64">([A-Za-z0-9+/=]+)</script>')


def blob_of(page: str) -> dict[str, object]:
    match = BLOB.search(page)
    if match is None:
        packed = PACKED.search(page)
        assert packed is not None
        text = gzip.decompress(base64.b64decode(packed.group(1))).decode("utf-8")
    else:
        text = match.group(1)
    data: dict[str, object] = json.loads(text)
    return data


@pytest.fixture(scope="module")
def page() -> str:
    return render_map(
        sample_incidents() + [hostile_incident()],
        title="Test map",
        **map_inputs(bases=sample_bases()),
    )


def test_render_no_external_script_or_stylesheet(page: str) -> None:
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page, flags=re.IGNORECASE)
    assert tags
    assert not [t for t in tags if re.search(r"(?:src|href)\s*=", t)]
    assert (
        "cdn.jsdelivr" not in page and "code.jquery" not in page and "cdnjs" not in page
    )


def test_render_every_asset_inlined(page: str) -> None:
    assert "L.markerClusterGroup" in page and "kharitaInit" in page
    assert re.search(r"url\(data:image/png;base64,", page)


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.org/x.js"></script>',
        '<link rel="stylesheet" href="http://cdn.example.org/x.css"/>',
        '<script src="//cdn.example.org/x.js"></script>',
        "<style>@import url(https://fonts.example.org/a.css);</style>",
    ],
)
def test_render_assert_offline_refuses_external_assets(html: str) -> None:
    with pytest.raises(RenderError, match="external"):
        assert_offline(f"<html><head>{html}</head></html>")


def test_render_marker_count_matches_incidents(page: str) -> None:
    data = blob_of(page)
    assert len(data["inc"]) == 13  # type: ignore[arg-type]
    assert len(data["bases"]) == 2  # type: ignore[arg-type]


def test_render_incident_without_coordinates_left_out() -> None:
    incidents = sample_incidents()
    unplaced = incidents[0].__class__(
        **{
            **{f: getattr(incidents[0], f) for f in incidents[0].__slots__},
            "place": None,
        }
    )
    data = blob_of(render_map([*incidents, unplaced]))
    assert len(data["inc"]) == len(incidents)  # type: ignore[arg-type]


def test_render_hostile_strings_cannot_break_out(page: str) -> None:
    assert "<script>window.__pwned" not in page
    assert "</script><img" not in page
    assert "<img src=x" not in page
    assert "javascript:window" not in page
    data = blob_of(page)
    hostile_row = data["inc"][-1]  # type: ignore[index]
    assert (
        HOSTILE in hostile_row[14][0][4]
    )  # the excerpt survives literally in the data
    assert (
        hostile_row[14][0][1] is None and hostile_row[14][1][1] is None
    )  # javascript:/data: links dropped


def test_render_title_escaped() -> None:
    page = render_map(sample_incidents()[:1], title="<script>x</script>")
    assert "<title>&lt;script&gt;x&lt;/script&gt;</title>" in page


def test_render_folium_class_assets_untouched(page: str) -> None:
    assert any("leaflet" in url for _, url in folium.Map.default_js)
    m = build_map(sample_incidents()[:2])
    assert m.default_js == [] and m.default_css == []


def test_render_max_zoom_where_the_basemap_ends() -> None:
    assert build_map(sample_incidents()[:1]).options["maxZoom"] == 13
    tiled = build_map(
        sample_incidents()[:1], tiles="http://localhost:1/{z}/{x}/{y}.png"
    )
    assert tiled.options["maxZoom"] == 18
    assert build_map(sample_incidents()[:1], max_zoom=16).options["maxZoom"] == 16


def test_render_html_lang_dir_and_tab_title() -> None:
    page = render_map(sample_incidents(), lang="ar", as_of="2026-11-30")
    assert page.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    data = blob_of(page)
    assert data["title"] == "الحوادث في العراق، 2024-01-14 – 2024-05-05"
    assert f"<title>{data['title']}</title>" in page and data["asOf"] == "2026-11-30"


def test_render_no_language_stage_or_gazetteer_loader_imported() -> None:
    import subprocess
    import sys

    code = (
        "import sys, kharita.render, kharita.render.map, kharita.render.export;"
        "bad = [m for m in sys.modules if m.startswith(('kharita.gazetteer', "
        "'kharita.incidents', 'kharita.mentions', 'kharita.resolve', 'kharita.pipeline'))];"
        "print(bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_render_no_tiles_by_default(page: str) -> None:
    assert "L.tileLayer" not in page


def test_render_tiles_option_adds_layer() -> None:
    page = render_map(
        sample_incidents()[:1], tiles="http://localhost:8080/{z}/{x}/{y}.png"
    )
    assert "L.tileLayer" in page and "localhost:8080" in page


@pytest.mark.parametrize("tiles", ["javascript:alert(1)", "ftp://x/{z}", "not a url"])
def test_render_bad_tiles_rejected(tiles: str) -> None:
    with pytest.raises(ConfigurationError, match="tiles"):
        render_map(sample_incidents()[:1], tiles=tiles)


def test_render_bad_lang_rejected() -> None:
    with pytest.raises(ConfigurationError, match="lang"):
        render_map(sample_incidents()[:1], lang="fr")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_render_ui_labels_in_language(lang: str) -> None:
    data = blob_of(render_map(sample_incidents()[:3], lang=lang))  # type: ignore[arg-type]
    assert data["lang"] == lang
    incidents_label = data["ui"]["incidents"]  # type: ignore[index]
    assert incidents_label == ("الحوادث" if lang == "ar" else "Incidents")


def test_render_basemap_layers_present(page: str) -> None:
    data = blob_of(page)
    labels = data["labels"]
    assert {row[2] for row in labels["rivers"]} == {"Tigris", "Euphrates"}  # type: ignore[index]
    assert "Iraq" in {row[2] for row in labels["countries"]}  # type: ignore[index]
    assert len(labels["governorates"]) == 18  # type: ignore[index]


def test_render_write_html_atomic(tmp_path: Path, page: str) -> None:
    target = write_html(page, tmp_path / "out" / "map.html")
    assert target.read_text(encoding="utf-8") == page
    assert [p.name for p in target.parent.iterdir()] == ["map.html"]
    assert (
        target.stat().st_mode & 0o044 == 0o044
    )  # readable by others, not mkstemp's 0600


def test_render_embed_snippet_escapes_path() -> None:
    snippet = embed_snippet('maps/a"b.html', title="<x>")
    assert snippet.startswith("<iframe ") and 'src="maps/a&quot;b.html"' in snippet
    assert "&lt;x&gt;" in snippet


def test_render_compressed_blob_roundtrips(page: str) -> None:
    incidents = sample_incidents() + [hostile_incident()]
    packed = render_map(
        incidents, title="Test map", compress=True, **map_inputs(bases=sample_bases())
    )
    assert 'data-encoding="gzip+base64"' in packed and BLOB.search(packed) is None
    assert blob_of(packed)["inc"] == blob_of(page)["inc"]
    assert "<script>window.__pwned" not in packed


def test_render_small_map_stays_plain_json(page: str) -> None:
    assert BLOB.search(page) is not None and 'data-encoding="gzip+base64"' not in page
