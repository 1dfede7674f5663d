"""The map's JSON blob, incident type styles and the shipped basemap."""

from __future__ import annotations

import base64
import gzip
import json

import pytest

from kharita.api import GOVERNORATES
from kharita.gazetteer import default_directory, load_gazetteer
from kharita.incidents.types import registry
from kharita.models import EventDate, Source
from kharita.render.basemap import base_places, city_rows, load_basemap
from kharita.render.excerpt import MAX_EXCERPT, quote
from kharita.render.payload import LazyList, data_element, day_span, script_json
from kharita.render.types import load_styles, style_table
from render_fixtures import place, sample_incidents


@pytest.mark.parametrize(
    ("iso", "precision", "days"),
    [
        ("1970-01-02", "day", (1, 1)),
        ("2024-02", "month", (19754, 19782)),
        ("2024", "year", (19723, 20088)),
        (None, None, (None, None)),
        ("2024-02-31", "day", (None, None)),
    ],
)
def test_render_data_day_span(
    iso: str | None, precision: str | None, days: tuple[int | None, int | None]
) -> None:
    assert day_span(EventDate(iso, precision)) == days  # type: ignore[arg-type]


def test_render_data_script_json_cannot_close_script() -> None:
    text = script_json({"x": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["x"].startswith("</script>")


def _big_blob() -> dict[str, object]:
    """Rows holding long lists of rows (an incident with many reports), text
    needing escapes across piece boundaries, floats and nulls."""
    report = ["outlet", "https://x.example/1", None, "a", "قصف <b> & \u2028" * 40, 1, 9]
    rows = [[33.1 + k / 7, 44.2, k, [report] * (k % 50)] for k in range(400)]
    return {"lang": "ar", "places": [["a", "ب", -1, "ج"]] * 300, "inc": rows}


def _escaped(text: str) -> str:
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, esc)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def test_render_data_script_json_in_pieces_equals_one_dump() -> None:
    blob = _big_blob()
    whole = json.dumps(blob, ensure_ascii=False, separators=(",", ":"))
    assert script_json(blob) == _escaped(whole)
    lazy = dict(blob, inc=LazyList(lambda: iter(blob["inc"])))  # type: ignore[call-overload]
    assert script_json(lazy) == script_json(blob) == script_json(lazy)


@pytest.mark.parametrize("compress", [None, True])
def test_render_data_element_gzips_the_streamed_json(compress: bool | None) -> None:
    blob = _big_blob()
    element = data_element(blob, compress)
    assert 'data-encoding="gzip+base64"' in element  # over 1 MB: packed by default
    packed = element.split(">", 1)[1].rsplit("<", 1)[0]
    text = gzip.decompress(base64.b64decode(packed)).decode("utf-8")
    assert text == script_json(blob)
    assert gzip.compress(text.encode("utf-8"), 6, mtime=0) == base64.b64decode(packed)


def test_render_data_element_small_blob_stays_plain() -> None:
    element = data_element({"x": "</script>"})
    assert element.endswith(">" + script_json({"x": "</script>"}) + "</script>")


def test_render_data_clip_excerpt_keeps_highlight() -> None:
    text = "x" * 2000 + "عين الأسد" + "y" * 2000
    start = text.index("عين")
    src = Source("a", None, None, None, text, 0, (start, start + 9))
    shown = quote(src)
    assert len(shown.text) <= MAX_EXCERPT + 2 and shown.place is not None
    assert shown.text[slice(*shown.place)] == "عين الأسد"


def test_render_data_styles_from_lexicon() -> None:
    styles = load_styles(registry().values())
    assert styles and all(
        s.colour.startswith("#") and len(s.colour) == 7 for s in styles
    )
    used = style_table(
        sorted({i.type for i in sample_incidents()}) + ["not_a_type"], styles
    )
    assert used[-1].type == "not_a_type"


def test_render_data_basemap_has_iraq_and_rivers() -> None:
    basemap = load_basemap(default_directory() / GOVERNORATES)
    names = {f["properties"]["name_en"] for f in basemap.countries["features"]}
    assert {
        "Iraq",
        "Iran",
        "Syria",
        "Turkey",
        "Jordan",
        "Saudi Arabia",
        "Kuwait",
    } <= names
    rivers = {f["properties"]["name_en"] for f in basemap.rivers["features"]} - {""}
    assert rivers == {"Tigris", "Euphrates"}
    assert (
        basemap.governorates is not None and len(basemap.governorates["features"]) == 18
    )


def test_render_data_basemap_without_caller_layers() -> None:
    basemap = load_basemap()
    assert basemap.governorates is None and basemap.cities == []
    assert basemap.world["features"], "low-zoom world fill shipped"


def test_render_data_bases_are_military_sites() -> None:
    bases = base_places([place("kalsu"), place("ainasad"), place("baghdad")])
    assert [b.id for b in bases] == ["kalsu", "ainasad"]


def test_render_data_no_label_on_a_borrowed_point() -> None:
    # a sub-district with no point of its own stands at its district's point:
    # labelling it there would put «Udhaim» over Khalis
    gaz = load_gazetteer()
    borrowed = {p.name_en for p in gaz.places if p.point_of is not None}
    labelled = {row[2] for row in city_rows(gaz.places)}
    assert borrowed and not borrowed & labelled - {
        p.name_en for p in gaz.places if p.point_of is None
    }
