"""The offline map in a real browser: offline, clean console, popups, filters, hostile text."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from kharita.models import Count, EventDate, Incident, Mention, ResolvedPlace, Source
from kharita.render import export_pdf, export_png, render_map, write_html
from render_fixtures import (
    HOSTILE,
    hostile_incident,
    map_inputs,
    sample_bases,
    sample_incidents,
)

pytestmark = pytest.mark.browser
# the map's label placement is final for zoom z (the markers of the view are drawn)
LABELS_AT = "(z) => document.querySelector('.leaflet-container').getAttribute('data-kh-labels') === String(z)"
REPO = Path(__file__).resolve().parents[2]
TITLE = "Kharita test map"


def hostile_examples() -> list[Incident]:
    """Incidents whose every article field comes from tests/data/hostile.jsonl."""
    rows = [
        json.loads(ln)
        for ln in (REPO / "tests/data/hostile.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        if ln.strip()
    ]
    base = hostile_incident()
    out = []
    for k, row in enumerate(rows):
        text = row["text"]
        src = Source(
            row["id"],
            row.get("outlet"),
            row.get("url"),
            row.get("date"),
            text,
            0,
            (0, min(8, len(text))),
            row.get("lang", "ar"),
        )
        mention = Mention(0, 3, row.get("title") or text[:10], "x", ("h",))
        assert base.place is not None
        place = ResolvedPlace(
            mention, base.place.place, 32.0 + k * 0.1, 45.0, 0.5, 5000.0, False
        )
        out.append(
            Incident(
                f"hx{k}",
                "rocket_attack",
                EventDate(row.get("date"), "day"),
                Count(None),
                Count(1, 2),
                place,
                (src,),
                0.4,
            )
        )
    return out


@pytest.fixture(scope="module")
def map_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("maps")
    incidents = sample_incidents()
    inputs = map_inputs(bases=sample_bases())
    return {
        "en": write_html(
            render_map(incidents, title=TITLE, lang="en", **inputs),
            root / "en.html",
        ),
        "ar": write_html(
            render_map(incidents, title=TITLE, lang="ar", **inputs),
            root / "ar.html",
        ),
        "packed": write_html(
            render_map(incidents, title=TITLE, compress=True, **inputs),
            root / "packed.html",
        ),
        "hostile": write_html(
            render_map(
                [hostile_incident(), *hostile_examples()],
                title=TITLE,
                lang="ar",
                **inputs,
            ),
            root / "hostile.html",
        ),
    }


def test_map_browser_offline_markers_and_basemap(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["en"])
    page = mp.page  # type: ignore[attr-defined]
    page.wait_for_selector(".leaflet-marker-pane .kh-icon", timeout=5000)
    assert (
        page.locator(
            ".leaflet-marker-pane .kh-icon, .leaflet-marker-pane .kh-cluster"
        ).count()
        >= 5
    )
    assert (
        page.locator(".leaflet-overlay-pane svg path").count() >= 20
    )  # countries, rivers, governorates
    assert page.locator(".kh-label-country").count() >= 1
    assert page.locator(".leaflet-control-layers").count() == 1
    assert page.evaluate("kharita.visibleCount()") == len(sample_incidents())
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_popup_arabic_rtl(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["ar"])
    page = mp.page  # type: ignore[attr-defined]
    page.evaluate("kharita.setQuery('بغداد')")
    assert page.evaluate("kharita.openPopup(0)")
    quote = page.locator(".leaflet-popup-content blockquote[dir=rtl]").first
    quote.wait_for(timeout=5000)
    assert quote.get_attribute("lang") == "ar"
    assert "بغداد" in quote.locator("mark").inner_text()
    assert page.locator(".leaflet-popup-content .kh-pop").get_attribute("dir") == "rtl"
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('.leaflet-container')).direction"
        )
        == "ltr"
    )
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('.kh-excerpt')).direction"
        )
        == "rtl"
    )
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_arabic_panel_rtl(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["ar"])
    page = mp.page  # type: ignore[attr-defined]
    assert (
        page.evaluate("getComputedStyle(document.getElementById('kh-panel')).direction")
        == "rtl"
    )
    assert "الحوادث" in page.locator("#kh-count").inner_text()
    mp.assert_clean()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("الموصل", 1), ("Mosul", 1), ("كالسو", 3), ("Kalsu", 3), ("zzzz", 0)],
)
def test_map_browser_search(
    open_map: Callable[..., object],
    map_files: dict[str, Path],
    query: str,
    expected: int,
) -> None:
    mp = open_map(map_files["en"])
    page = mp.page  # type: ignore[attr-defined]
    page.fill("#kh-search", query)
    page.wait_for_function(f"kharita.visibleCount() === {expected}", timeout=3000)
    assert page.locator("#kh-count").inner_text().startswith(f"{expected} /")
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_type_filter_and_dates(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["en"])
    page = mp.page  # type: ignore[attr-defined]
    total = len(sample_incidents())
    drones = sum(i.type == "drone_strike" for i in sample_incidents())
    page.locator("#kh-types input[data-type=drone_strike]").uncheck()
    assert page.evaluate("kharita.visibleCount()") == total - drones
    page.click("#kh-reset")
    assert page.evaluate("kharita.visibleCount()") == total
    page.evaluate("kharita.setRange('2024-04-01', '2024-04-30')")
    in_april = sum(
        bool(i.date.iso and i.date.iso.startswith("2024-04"))
        for i in sample_incidents()
    )
    assert page.evaluate("kharita.visibleCount()") == in_april
    page.click("#kh-reset")
    assert page.evaluate("kharita.visibleCount()") == total
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_hostile_inert(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["hostile"])
    page = mp.page  # type: ignore[attr-defined]
    for k in range(page.evaluate("kharita.visibleCount()")):
        page.evaluate(f"kharita.openPopup({k})")
        page.wait_for_timeout(700)
        content = page.locator(".leaflet-popup-content").last.inner_text()
        assert "<script>" in content  # shown literally
    page.evaluate("kharita.openIncident('hostile')")
    popup = page.locator(".leaflet-popup-content .kh-pop").last
    popup.wait_for(timeout=5000)
    assert HOSTILE in popup.inner_text()  # the map's own renderer, every character kept
    assert popup.locator("script, img, [onerror]").count() == 0
    page.evaluate("kharita.setQuery('__pwned')")
    assert page.evaluate("kharita.visibleCount()") >= 1
    assert page.evaluate("window.__pwned") is None
    assert page.title() == TITLE
    assert (
        page.locator(
            "a[href^='javascript'], a[href^='data:'], .leaflet-popup-content img, .kh-panel img"
        ).count()
        == 0
    )
    assert (
        HOSTILE.split("<img")[0] in page.locator("#kh-panel").inner_text()
        or "Outlet" in page.locator("#kh-note").inner_text()
    )
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_export_png_pdf(
    chromium: object, map_files: dict[str, Path], tmp_path: Path
) -> None:
    png = export_png(
        map_files["en"], tmp_path / "map.png", width=1200, height=800, browser=chromium
    )
    pdf = export_pdf(
        map_files["ar"], tmp_path / "map.pdf", width=1200, height=800, browser=chromium
    )
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000


def test_map_browser_compressed_blob(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["packed"])
    page = mp.page  # type: ignore[attr-defined]
    assert page.evaluate("kharita.visibleCount()") == len(sample_incidents())
    page.evaluate("kharita.setQuery('كالسو')")
    assert page.evaluate("kharita.openPopup(0)")
    page.locator(".leaflet-popup-content mark").first.wait_for(timeout=5000)
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_uncertainty_circles_drawn(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["en"])
    page = mp.page  # type: ignore[attr-defined]
    page.evaluate("void kharita.map.setView([33.3152, 44.3661], 11, {animate: false})")
    page.wait_for_function("kharita.app.circles.getLayers().length > 0", timeout=3000)
    # the ring canvas sits above the opaque basemap svg, and has paint on it
    z = page.evaluate(
        "[+getComputedStyle(kharita.map.getPane('khRings')).zIndex, +getComputedStyle(kharita.map.getPane('overlayPane')).zIndex]"
    )
    assert z[0] > z[1]
    painted = page.evaluate(
        "(() => { const c = document.querySelector('.leaflet-pane canvas'); const d = c.getContext('2d')"
        ".getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; })()"
    )
    assert painted > 1000
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_counts_isolated_in_rtl(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["ar"])
    page = mp.page  # type: ignore[attr-defined]
    page.evaluate("kharita.setQuery('بغداد'); kharita.setTypes(['ied'])")
    assert page.evaluate("kharita.openPopup(0)")
    cell = page.locator(".leaflet-popup-content .kh-facts tr:nth-child(2) td bdi")
    cell.wait_for(timeout=5000)
    assert cell.get_attribute("dir") == "ltr" and cell.inner_text() == "3–5"
    assert page.locator("#kh-dates-range").get_attribute("dir") == "ltr"
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_place_labels_at_town_zoom(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["en"])
    page = mp.page  # type: ignore[attr-defined]
    town_kinds = ".kh-label-town, .kh-label-seat, .kh-label-village, .kh-label-hood"
    page.evaluate("void kharita.map.setView([33.3152, 44.3661], 5, {animate: false})")
    page.wait_for_function(LABELS_AT, arg=5)
    country = page.locator(town_kinds).count()
    page.evaluate("void kharita.map.setView([33.3152, 44.3661], 12, {animate: false})")
    page.wait_for_function(LABELS_AT, arg=12)
    texts = page.locator(town_kinds).all_inner_texts()
    assert country == 0 and len(texts) >= 5
    # Baghdad's districts (a label under a marker is dropped, so not one fixed name)
    districts = ("Kadhimiya", "Adhamiya", "Karkh", "Rusafa", "Mansour", "Jadriya")
    assert any(name in t for t in texts for name in districts)
    boxes = page.evaluate(
        "[...document.querySelectorAll('.kh-label span')].map(s => { const r = s.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"
    )
    overlaps = sum(
        a[0] < b[2] - 2 and b[0] < a[2] - 2 and a[1] < b[3] - 2 and b[1] < a[3] - 2
        for k, a in enumerate(boxes)
        for b in boxes[k + 1 :]
    )
    assert overlaps == 0
    mp.assert_clean()  # type: ignore[attr-defined]


OVERLAPS = """() => {
  const boxes = s => [...document.querySelectorAll(s)].map(n => n.getBoundingClientRect())
    .filter(r => r.width && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight);
  const labels = boxes('.kh-label span'), marks = boxes('.leaflet-marker-pane .kh-icon,'
    + ' .leaflet-marker-pane .kh-cluster, .leaflet-khBases-pane .kh-icon');
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  return [labels.length, labels.filter(a => marks.some(b => hit(a, b))).length,
    labels.filter((a, i) => labels.slice(i + 1).some(b => hit(a, b))).length];
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_map_browser_labels_clear_of_markers_z6_to_z12(
    open_map: Callable[..., object], tmp_path: Path, lang: str
) -> None:
    """With every shipped base on the map: no label under a marker or another label,
    and the capital's label, covered by markers on its dot, is pushed beside them."""
    html = render_map(sample_incidents(), title=TITLE, lang=lang, **map_inputs())
    mp = open_map(write_html(html, tmp_path / "labels.html"))
    page = mp.page  # type: ignore[attr-defined]
    for z in range(6, 13):
        page.evaluate(
            f"void kharita.map.setView([33.3, 44.37], {z}, {{animate: false}})"
        )
        page.wait_for_function(LABELS_AT, arg=z)
        placed, under_marker, overlapping = page.evaluate(OVERLAPS)
        assert placed >= 15 and under_marker == 0 and overlapping == 0, z
        if z >= 8:
            baghdad = page.locator(".kh-label-city span", has_text="Baghdad").first
            assert baghdad.count() == 1, z
    page.evaluate("void kharita.map.setView([33.3, 44.37], 8, {animate: false})")
    page.wait_for_function(LABELS_AT, arg=8)
    assert page.locator(".kh-label span.kh-nudged").count() >= 1
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_cluster_ring_by_dominant_type(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["en"])
    page = mp.page  # type: ignore[attr-defined]
    page.evaluate("void kharita.map.setView([33.2, 43.7], 4, {animate: false})")
    page.wait_for_function(LABELS_AT, arg=4)  # the clusters of zoom 4 are drawn
    # clusters on the map only (the legend draws a sample cluster too): the ring is a
    # conic gradient of the type colours, the dominant type's first (from 12 o'clock)
    clusters = page.evaluate(
        "[...document.querySelectorAll('.leaflet-marker-pane .kh-cluster')].map(c =>"
        " [c.dataset.dominant, getComputedStyle(c).backgroundImage, c.textContent])"
    )
    colour = {t: _rgb(s.colour) for t, s in _styles().items()}  # type: ignore[attr-defined]
    assert clusters
    for dominant, background, _ in clusters:
        ring = background.split("conic-gradient(", 1)[1]
        assert dominant in colour and ring.startswith(colour[dominant])
    count = sum(int(text) for _, _, text in clusters)
    singles = page.locator(".leaflet-marker-pane .kh-icon:not(.kh-base)").count()
    assert count + singles == len(sample_incidents()) and count >= 2
    mp.assert_clean()  # type: ignore[attr-defined]


def _rgb(hex_colour: str) -> str:
    """``#rrggbb`` as the browser's computed style writes it."""
    r, g, b = (int(hex_colour[k : k + 2], 16) for k in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _styles() -> dict[str, object]:
    from kharita.render.types import style_table

    types = sorted({i.type for i in sample_incidents()})
    return {s.type: s for s in style_table(types, map_inputs()["styles"])}


def test_map_browser_tooltip_literal_and_focusable(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["hostile"])
    page = mp.page  # type: ignore[attr-defined]
    page.evaluate(
        "window.__m = kharita.app.marker(kharita.app.visible[0]); "
        "kharita.app.cluster.zoomToShowLayer(window.__m, () => { window.__shown = true; })"
    )
    page.wait_for_function("window.__shown === true", timeout=5000)
    assert page.evaluate("window.__m._icon.getAttribute('tabindex')") == "0"
    page.evaluate("window.__m._icon.focus()")
    tip = page.locator(".leaflet-tooltip.kh-tip")
    tip.wait_for(timeout=3000)
    shown = page.evaluate(
        "[...document.querySelectorAll('.leaflet-tooltip')].map(t => t.innerText).join('|')"
    )
    assert "<" in shown or "`" in shown  # hostile place name shown as text
    assert page.locator(".leaflet-tooltip script, .leaflet-tooltip img").count() == 0
    assert page.evaluate("window.__pwned") is None
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_summary_follows_filters_and_popup_reports(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["en"])
    page = mp.page  # type: ignore[attr-defined]
    page.evaluate("kharita.setQuery('Kalsu')")
    govs = page.locator("#kh-govs li").all_inner_texts()
    assert len(govs) == 1 and govs[0].split()[-1] == "3"
    type_total = page.evaluate(
        "[...document.querySelectorAll('#kh-types .kh-n')].reduce((n, e) => n + +e.textContent, 0)"
    )
    assert type_total == 3
    multi = next(
        k
        for k, i in enumerate(sample_incidents())
        if len(i.sources) > 1 and i.place is not None
    )
    page.evaluate("kharita.setQuery('')")
    page.evaluate(f"kharita.openPopup(kharita.app.visible.indexOf({multi}))")
    facts = page.locator(".leaflet-popup-content .kh-facts")
    facts.wait_for(timeout=5000)
    n = len(sample_incidents()[multi].sources)
    assert f"{n} reports" in facts.inner_text()
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_panel_collapses_on_small_screen(
    open_map: Callable[..., object], map_files: dict[str, Path]
) -> None:
    mp = open_map(map_files["ar"], width=420, height=760)
    page = mp.page  # type: ignore[attr-defined]
    assert page.locator("#kh-body").is_hidden()
    assert page.locator("#kh-count").is_visible()
    page.click("#kh-toggle")
    assert page.locator("#kh-search").is_visible()
    assert page.get_attribute("#kh-toggle", "aria-expanded") == "true"
    mp.assert_clean()  # type: ignore[attr-defined]


def test_map_browser_open_count_reads_at_least(
    open_map: Callable[..., object], tmp_path: Path
) -> None:
    # "dozens" / "more than 20": a lower bound with no upper one is shown "24+",
    # never as the exact figure 24
    base = sample_incidents()[0]
    incident = replace(base, killed=Count(24, None, vague=True))
    html = render_map([incident], title=TITLE, lang="en", **map_inputs())
    mp = open_map(write_html(html, tmp_path / "open.html"))
    page = mp.page  # type: ignore[attr-defined]
    assert page.evaluate("kharita.openPopup(0)")
    cell = page.locator(".leaflet-popup-content .kh-facts tr:nth-child(2) td bdi")
    cell.wait_for(timeout=5000)
    assert cell.inner_text() == "24+"
    mp.assert_clean()  # type: ignore[attr-defined]
