"""The map at scale and in a briefing, in a real browser (file://, network cut):
uncertainty on demand at 10,000 incidents, undated incidents, the timeline, full
popups, search, the URL hash, downloads, print, phone and small frames."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kharita.models import Attribution, Count, EventDate, Incident
from kharita.render import render_map, write_html
from render_fixtures import many_incidents, map_inputs, sample_bases, sample_incidents

pytestmark = pytest.mark.browser
TITLE = "Briefing test map"
BAGHDAD = (33.3152, 44.3661)
RESULTS_SAY = "(q) => (document.querySelector('#kh-results button') || {}).textContent?.includes(q)"
LABELS_AT = "(z) => document.querySelector('.leaflet-container').getAttribute('data-kh-labels') === String(z)"
IN_VIEW_DRAWN = """() => {
  const box = kharita.map.getContainer().getBoundingClientRect(), out = {singles: 0, clustered: 0, children: 0};
  for (const n of document.querySelectorAll('.leaflet-marker-pane .kh-inc, .leaflet-marker-pane .kh-cluster')) {
    const r = n.getBoundingClientRect();
    if (r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom) continue;
    if (n.classList.contains('kh-inc')) out.singles++; else out.clustered += +n.textContent.replace('k', '000');
    out.children += n.children.length;
  }
  return out;
}"""
RING_LIMIT = (
    42  # RING_VIEW_MAX in kharita.js, plus the hovered and the selected incident
)


def briefing_incidents() -> list[Incident]:
    """The samples, the first with attribution and ACLED type, plus two undated ones."""
    base = sample_incidents()
    first = dataclasses.replace(
        base[0],
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        attribution=Attribution(
            perpetrator="Kataib Hezbollah",
            claimed_by="Islamic Resistance in Iraq",
            denied_by="United States",
        ),
    )
    undated = [
        dataclasses.replace(
            base[k], id=f"undated-{k}", date=EventDate(None, None), killed=Count(None)
        )
        for k in (5, 6)
    ]
    return [first, *base[1:], *undated]


@pytest.fixture(scope="module")
def maps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("briefing")
    inputs = map_inputs(bases=sample_bases())
    incidents = briefing_incidents()
    return {
        "en": write_html(
            render_map(incidents, title=TITLE, as_of="2026-11-30", **inputs),
            root / "en.html",
        ),
        "ar": write_html(
            render_map(incidents, title=TITLE, lang="ar", **map_inputs()),
            root / "ar.html",
        ),
    }


def page_of(mp: Any) -> Any:
    return mp.page


def test_briefing_10k_rings_on_demand_at_city_zoom(
    open_map: Callable[..., Any], tmp_path: Path
) -> None:
    incidents = many_incidents(10_000)
    html = render_map(incidents, title=TITLE, max_zoom=16, **map_inputs())
    mp = open_map(write_html(html, tmp_path / "10k.html"))
    page = page_of(mp)
    assert page.evaluate("kharita.visibleCount()") == 10_000
    for z in (8, 9, 12, 14, 16):
        page.evaluate(
            f"void kharita.map.setView([{BAGHDAD[0]}, {BAGHDAD[1]}], {z}, {{animate: false}})"
        )
        page.wait_for_function(LABELS_AT, arg=z)  # the view is drawn
        assert page.evaluate("kharita.map.getZoom()") == z
        rings = page.evaluate("kharita.app.circles.getLayers().length")
        in_view = page.evaluate("kharita.inViewCount()")
        assert rings <= RING_LIMIT and (rings == in_view or in_view > RING_LIMIT - 2)
        # every incident in view is on the map, alone or in a cluster, and a marker or
        # a cluster is one element (no inline SVG: a thousand of them froze the redraw)
        drawn = page.evaluate(IN_VIEW_DRAWN)
        assert drawn["singles"] + drawn["clustered"] >= in_view > 0
        assert drawn["children"] == 0
    # the selected incident gets its circle, whatever the zoom
    page.evaluate("void kharita.map.setView([33.3152, 44.3661], 8, {animate: false})")
    assert page.evaluate("kharita.app.circles.getLayers().length") == 0
    page.evaluate("kharita.openPopup(0)")
    page.locator(".leaflet-popup-content .kh-pop").wait_for(timeout=10_000)
    assert page.evaluate("kharita.app.circles.getLayers().length") >= 1
    selected = page.evaluate("kharita.app.selected")
    assert page.evaluate(f"kharita.app.circles.hasLayer(kharita.app.ring({selected}))")
    mp.assert_clean()


def test_briefing_undated_toggle_and_counts(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["en"])
    page = page_of(mp)
    total = len(briefing_incidents())
    assert page.evaluate("kharita.visibleCount()") == total
    assert page.locator("#kh-undated-label").inner_text() == "Include undated (2)"
    assert page.locator("#kh-dates-undated").inner_text() == "2"
    page.evaluate("kharita.setRange('2024-04-01', '2024-04-30')")
    in_april = sum(
        bool(i.date.iso and i.date.iso.startswith("2024-04"))
        for i in sample_incidents()
    )
    assert page.evaluate("kharita.visibleCount()") == in_april + 2  # undated kept
    page.locator("#kh-undated").uncheck()
    assert page.evaluate("kharita.visibleCount()") == in_april
    assert page.locator("#kh-dates-undated").inner_text() == "0"
    assert page.locator("#kh-dates-range").inner_text() == "2024-04-01 → 2024-04-30"
    assert page.locator("#kh-range-out").inner_text() == "2024-04-01 → 2024-04-30"
    mp.assert_clean()


def test_briefing_timeline_brush_and_playback(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["en"])
    page = page_of(mp)
    total = len(briefing_incidents())
    hist = page.locator("#kh-hist")
    box = hist.bounding_box()
    bars = page.locator("#kh-hist rect.kh-bar")
    assert bars.count() >= 10
    counted = sum(
        int(n)
        for n in page.eval_on_selector_all(
            "#kh-hist rect.kh-bar", "rs => rs.map(r => r.dataset.n)"
        )
    )
    assert counted == total - 2  # every dated incident in one bar
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.35, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=4)
    page.mouse.up()
    shown = page.evaluate("kharita.visibleCount()")
    assert 2 < shown < total
    label = page.locator("#kh-range-out").inner_text()
    assert "→" in label and label == page.locator("#kh-dates-range").inner_text()
    lo, hi = page.evaluate("[kharita.app.from, kharita.app.to]")
    dated = [i for i in briefing_incidents() if i.date.iso]
    assert lo is not None and hi is not None
    page.click("#kh-clear-range")
    assert page.evaluate("kharita.visibleCount()") == total
    assert len(dated) == total - 2
    page.click("#kh-play")
    page.wait_for_function(
        "kharita.app.from !== null || kharita.app.to !== null", timeout=5000
    )
    page.click("#kh-play")  # pause
    assert page.evaluate("kharita.app.playing") is None
    mp.assert_clean()


def test_briefing_popup_attribution_acled_id(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["en"])
    page = page_of(mp)
    assert page.evaluate("kharita.openIncident('inc-1')")
    pop = page.locator(".leaflet-popup-content .kh-pop").last
    pop.wait_for(timeout=5000)
    rows = {
        key: pop.locator(f"tr[data-row={key}] td").inner_text()
        for key in ("perpetrator", "claimed_by", "denied_by", "acled", "incident_id")
    }
    assert rows["denied_by"] == "United States"
    assert rows["perpetrator"] == "Kataib Hezbollah"
    assert rows["claimed_by"] == "Islamic Resistance in Iraq"
    assert rows["acled"] == "Explosions/Remote violence / Air/drone strike"
    assert rows["incident_id"].startswith("inc-1")
    assert pop.locator("a.kh-permalink").get_attribute("href") == "#i=inc-1"
    page.evaluate("kharita.openIncident('inc-2')")
    page.wait_for_function(
        "document.querySelector('.leaflet-popup-content .kh-pop').dataset.incident === '1'"
    )
    assert page.locator(".leaflet-popup-content tr[data-row=denied_by]").count() == 0
    mp.assert_clean()


def test_briefing_search_spelling_results_and_places(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["en"])
    page = page_of(mp)
    ain = sum(1 for i in briefing_incidents() if "Asad" in i.place.place.name_en)  # type: ignore[union-attr]
    for query in ("Ain al Asad", "ain al-asad", "عين الاسد"):
        page.evaluate(f"kharita.setQuery({json.dumps(query)})")
        assert page.evaluate("kharita.visibleCount()") == ain, query
    page.evaluate("kharita.setQuery('Kataib Hezbollah')")  # actors are indexed
    assert page.evaluate("kharita.visibleCount()") == 1
    page.fill("#kh-search", "Kadhimiya")  # a labelled place without incidents
    page.wait_for_function(RESULTS_SAY, arg="Kadhimiya", timeout=5000)
    page.locator("#kh-results button").first.click()
    centre = page.evaluate("[kharita.map.getCenter().lat, kharita.map.getZoom()]")
    assert abs(centre[0] - 33.38) < 0.1 and centre[1] >= 10
    page.fill("#kh-search", "Kalsu")
    page.wait_for_function(RESULTS_SAY, arg="Kalsu", timeout=5000)
    page.locator("#kh-results button").first.click()
    page.locator(".leaflet-popup-content .kh-pop[data-incident]").last.wait_for(
        timeout=10_000
    )
    mp.assert_clean()


def test_briefing_url_hash_round_trip(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["en"])
    page = page_of(mp)
    page.evaluate("kharita.setTypes(['explosion', 'drone_strike', 'ied'])")
    page.evaluate(
        "kharita.setRange('2024-01-01', '2024-04-30'); kharita.setUndated(false)"
    )
    page.evaluate("void kharita.map.setView([32.76, 44.29], 9, {animate: false})")
    page.evaluate("kharita.openIncident('inc-2')")
    page.locator(".leaflet-popup-content .kh-pop").wait_for(timeout=5000)
    state = "[kharita.visibleCount(), kharita.app.from, kharita.app.to, kharita.app.undated, kharita.app.enabled]"
    before = page.evaluate(state)
    link = page.evaluate("location.href")
    assert "#" in link and "i=inc-2" in link and "undated=0" in link
    again = open_map(maps["en"], url=link)
    other = page_of(again)
    other.locator(".leaflet-popup-content .kh-pop").wait_for(timeout=5000)
    assert other.evaluate(state) == before
    assert other.evaluate("kharita.app.d.inc[kharita.app.selected][15]") == "inc-2"
    mp.assert_clean()
    again.assert_clean()


def test_briefing_download_visible_incidents(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["en"])
    page = page_of(mp)
    page.evaluate(
        "void kharita.map.setView([32.9, 44.3], 8, {animate: false})"
    )  # Baghdad and Babil
    in_view = page.evaluate("kharita.inViewCount()")
    assert 0 < in_view < len(briefing_incidents())
    with page.expect_download() as info:
        page.click("#kh-download-csv")
    rows = list(
        csv.DictReader(
            io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))
        )
    )
    assert len(rows) == in_view and {"id", "lat", "lon", "denied_by"} <= set(rows[0])
    with page.expect_download() as info:
        page.click("#kh-download-geojson")
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert len(data["features"]) == in_view
    assert sorted(f["properties"]["id"] for f in data["features"]) == sorted(
        r["id"] for r in rows
    )
    mp.assert_clean()


def test_briefing_print_stylesheet_pdf_has_no_controls(
    open_map: Callable[..., Any], maps: dict[str, Path], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    mp = open_map(maps["en"], width=1050, height=740)
    page = page_of(mp)
    page.emulate_media(media="print")
    page.wait_for_function(
        "document.documentElement.classList.contains('kh-print')", timeout=3000
    )
    hidden = page.evaluate(
        "[...document.querySelectorAll('.leaflet-control-zoom, .leaflet-control-layers, #kh-search, #kh-reset, #kh-play, #kh-toggle')]"
        ".map(e => getComputedStyle(e).display === 'none' || !e.offsetParent)"
    )
    assert hidden and all(hidden)
    inside = page.evaluate(
        "(() => { const m = kharita.map.getContainer().getBoundingClientRect();"
        " return [...document.querySelectorAll('.leaflet-marker-pane .kh-icon:not(.kh-base), .leaflet-marker-pane .kh-cluster')]"
        ".every(e => { const r = e.getBoundingClientRect(); return r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom; }); })()"
    )
    assert inside
    countries = page.evaluate(
        "[...document.querySelectorAll('.kh-label-country bdi')].map(b => b.textContent)"
        ".filter(t => /^[A-Za-z ]+$/.test(t))"
    )
    assert countries
    for landscape in (True, False):
        pdf = tmp_path / f"print-{landscape}.pdf"
        page.pdf(path=str(pdf), format="A4", landscape=landscape, print_background=True)
        text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
        assert TITLE in text and "Drone strike" in text and "as of 2026-11-30" in text
        for control in (
            "Reset",
            "GeoJSON",
            "CSV",
            "Include undated",
            "Location uncertainty",
        ):
            assert control not in text, control
        assert len(PdfReader(pdf).pages) == 1
        for name in countries:  # a label is one text, not a text per halo layer
            assert text.count(name) == 1, name
    mp.assert_clean()


def test_briefing_phone_popup_inside_viewport(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["ar"], width=390, height=844)
    page = page_of(mp)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator(".leaflet-control-layers-expanded").count() == 0
    assert page.locator("#kh-body").is_hidden()
    page.evaluate("kharita.openIncident('inc-1')")
    pop = page.locator(".leaflet-popup").last
    pop.wait_for(timeout=5000)
    page.wait_for_timeout(600)  # auto-pan
    box = pop.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844
    attribution = page.locator(".leaflet-control-attribution").bounding_box()
    assert attribution["height"] < 24  # one line, not wrapped behind the panel
    assert (
        "كم"
        in page.locator(".leaflet-popup-content tr[data-row=precision_m]").inner_text()
    )
    mp.assert_clean()


def test_briefing_arabic_base_popup_and_credits(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["ar"])
    page = page_of(mp)
    assert page.title() == TITLE
    assert (
        "الخريطة الأساسية" in page.locator(".leaflet-control-attribution").inner_text()
    )
    page.evaluate(
        "(() => { const layer = window[kharita.app.d.layers.bases];"
        " const m = layer.getLayers().find(x => /Asad/.test(x.options.title) || /الأسد/.test(x.options.title));"
        " layer.zoomToShowLayer(m, () => m.openPopup()); })()"
    )
    pop = page.locator(".leaflet-popup-content .kh-base-pop")
    pop.wait_for(timeout=5000)
    facts = pop.locator(".kh-facts").inner_text()
    assert "قاعدة جوية" in facts and "الأنبار" in facts
    assert "airbase" not in facts and "Anbar" not in facts
    mp.assert_clean()


def test_briefing_600px_frame_panel_closed(
    open_map: Callable[..., Any], maps: dict[str, Path]
) -> None:
    mp = open_map(maps["en"], width=1000, height=600)
    page = page_of(mp)
    assert page.locator("#kh-body").is_hidden()
    page.evaluate("kharita.openIncident('inc-6')")
    pop = page.locator(".leaflet-popup").last
    pop.wait_for(timeout=5000)
    page.wait_for_timeout(600)
    box = pop.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 600
    mp.assert_clean()
